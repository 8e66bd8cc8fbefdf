-- who approved a request, as Loket recorded it when the approval task was completed with approval; the step that
-- takes effect (a grant) checks it, so that no engine caller can skip or fake the approval (an expand step)
alter table service_request add column approved_by varchar(64);
