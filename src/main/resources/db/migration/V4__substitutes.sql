-- Out of office: while a user is away, the tasks offered to them are offered to their substitute as well.
create table substitution (
    username   varchar(64) not null primary key references loket_user (username) on delete cascade,
    substitute varchar(64) not null references loket_user (username) on delete cascade,
    starts_on  date        not null,
    ends_on    date        not null
);
create index ix_substitution_substitute on substitution (substitute, starts_on, ends_on);
