-- The inbox's read model: one row per open user task of a Loket request, kept in step with the engine by a
-- task listener in the engine's own transaction. The inbox reads only these tables, so its first page stays an
-- index scan however many tasks are open.

create table inbox_task (
    task_id        varchar(64)  not null primary key,
    request_id     bigint       not null references service_request (id),
    request_type   varchar(100) not null,
    requester      varchar(64)  not null,
    task_key       varchar(255),
    task_name      varchar(255),
    assignee       varchar(64),
    priority       integer      not null default 50,
    due_at         timestamp with time zone,
    follow_up_at   timestamp with time zone,
    created_at     timestamp with time zone not null
);
create index ix_inbox_task_assignee on inbox_task (assignee, created_at);
create index ix_inbox_task_created on inbox_task (created_at);
create index ix_inbox_task_requester on inbox_task (requester, created_at);
create index ix_inbox_task_request on inbox_task (request_id);

-- Who a task is offered to while nobody has it: a group or a user.
create table inbox_task_candidate (
    task_id   varchar(64) not null references inbox_task (task_id) on delete cascade,
    group_id  varchar(64),
    user_id   varchar(64)
);
create index ix_inbox_candidate_group on inbox_task_candidate (group_id, task_id);
create index ix_inbox_candidate_user on inbox_task_candidate (user_id, task_id);
create index ix_inbox_candidate_task on inbox_task_candidate (task_id);
