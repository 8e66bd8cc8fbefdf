-- What the requester saw when ordering an environment, kept so that its approvers decide on the same figures
-- (the tenant's budget moves on after the order). Null for environments ordered before this column existed.
alter table environment add column estimate_credits_per_hour numeric(12, 4);
alter table environment add column estimate_credits_per_month numeric(14, 2);
alter table environment add column estimate_euros_per_month numeric(14, 2);
alter table environment add column estimate_lease_credits numeric(14, 2);
alter table environment add column estimate_lease_euros numeric(14, 2);
alter table environment add column estimate_budget_left numeric(14, 2);
alter table environment add column estimate_left_after numeric(14, 2);
