-- ShedLock's lock rows: one per scheduled job, so that with several Loket nodes on one database each run happens on
-- one node only (see nl.loket.scheduling and docs/operations.md).
create table shedlock (
    name       varchar(64)  not null primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);
