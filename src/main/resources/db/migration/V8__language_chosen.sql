-- Whether the user chose their language in the portal (the switcher): a choice is kept across logins and
-- browsers; until then the portal follows the browser, and e-mail follows what the portal was shown in.
alter table loket_user add column language_chosen boolean default false not null;
