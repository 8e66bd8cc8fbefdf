-- the person's directory groups beyond the role groups (software groups and others), comma-separated and sorted:
-- mirrored into the engine as Camunda groups of the same name
alter table loket_user add column directory_groups varchar(4000);
