-- Failed logins counted per account and per client address, shared by every node (see nl.loket.security.LoginThrottle
-- and docs/operations.md, "Login throttling"). A row is the current window of one subject: its failures since
-- window_start, and until when logins are refused once the limit was reached.
create table login_throttle (
    kind         varchar(16)              not null,
    subject      varchar(255)             not null,
    failures     integer                  not null,
    window_start timestamp with time zone not null,
    locked_until timestamp with time zone,
    primary key (kind, subject)
);
