-- How a product of the software catalogue is delivered (issue 11, point 10): AUTOMATIC by Loket's grant step (it
-- has a directory group), or MANUAL by an IT fulfiller (an install by hand, a product without a directory group).
alter table software add column fulfilment varchar(16) default 'AUTOMATIC' not null;

-- What the IT fulfiller did for a request of a MANUAL product, written as they complete their task: one row per
-- request. The reason when it could not be done is the request's outcome_reason, as for a rejection.
create table software_fulfilment (
    request_id   bigint      not null primary key references service_request (id),
    fulfilled_by varchar(64) references loket_user (username),
    fulfilled    boolean     not null,
    done         varchar(2000),
    note         varchar(2000),
    recorded_at  timestamp with time zone not null
);
