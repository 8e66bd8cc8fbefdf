-- Accounts come from the directory (directory package): loket_user is Loket's copy of the people in it, rewritten
-- by the directory sync, no longer a place where passwords live. Kept as a table because requests, tasks,
-- substitutes and preferences refer to people by username.
alter table loket_user drop column password_hash;
alter table loket_user add column department varchar(200);
alter table loket_user add column title varchar(200);
-- when the sync last found the person in the directory (null: never, or no longer there)
alter table loket_user add column seen_in_directory timestamp;
