-- Private accounts and follow requests (issue 10, docs/decisions/015-age-bands-and-private-accounts.md).
-- A private account's videos are seen only by its author and its approved followers (`follows`);
-- a follow of a private account is a request until the owner approves it.
alter table accounts add column private boolean not null default false;
-- When `private` last changed: the For You engine's host refreshes what it caches about authors by it.
alter table accounts add column privacy_changed_at timestamptz not null default now();
create index accounts_privacy_changed_idx on accounts (privacy_changed_at);

-- The default every minor now gets at sign-up, given to the minors who signed up before it.
update accounts set private = true where birthdate > current_date - interval '18 years';

create table follow_requests (
  requester_id uuid not null references accounts (id) on delete cascade,
  target_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (requester_id, target_id),
  check (requester_id <> target_id)
);
create index follow_requests_target_idx on follow_requests (target_id, created_at desc, requester_id);
