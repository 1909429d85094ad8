-- Reports, the moderation queue, decisions and appeals (decision 023).

-- What people reported. One open report per reporter per target; a decision on the target resolves
-- every open report on it (outcome: the action taken).
create table reports (
  id uuid primary key default gen_random_uuid(),
  reporter_id uuid not null references accounts (id) on delete cascade,
  target_type text not null check (target_type in ('video', 'comment', 'account', 'sound')),
  target_id uuid not null,
  category text not null check (category in ('minor_safety', 'child_sexual_exploitation', 'harassment', 'hate', 'violence',
    'self_harm', 'nudity', 'spam', 'impersonation', 'intellectual_property', 'other')),
  note text,
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  outcome text
);
create unique index reports_one_open on reports (reporter_id, target_type, target_id) where resolved_at is null;
create index reports_open_target_idx on reports (target_type, target_id, created_at) where resolved_at is null;
create index reports_reporter_idx on reports (reporter_id, created_at desc);

-- The queue: one open item per target (however many reports), or one per appeal. A moderator claims
-- an item until claim_expires_at; the claim is a conditional update, so the database decides a race.
create table moderation_items (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('report', 'appeal')),
  target_type text not null check (target_type in ('video', 'comment', 'account', 'sound')),
  target_id uuid not null,
  -- the account the decision concerns (the video's or comment's author, the reported account)
  subject_id uuid not null references accounts (id) on delete cascade,
  -- lower is graver: 0 minor safety and exploitation, 1 self-harm and violence, 2 the rest, 3 other
  severity integer not null,
  appeal_of uuid,
  appeal_note text,
  -- the moderator who made the appealed decision: never the one who decides the appeal
  excluded_moderator_id uuid,
  claimed_by uuid references accounts (id) on delete set null,
  claim_expires_at timestamptz,
  opened_at timestamptz not null default now(),
  closed_at timestamptz
);
create unique index moderation_items_open on moderation_items (kind, target_type, target_id) where closed_at is null;
create unique index moderation_items_one_appeal on moderation_items (appeal_of) where kind = 'appeal';

-- Every decision, append-only (who, what, when, why). No foreign keys to accounts: a record outlives
-- the accounts it names, and nothing may update or delete a row (the trigger below refuses).
create table moderation_decisions (
  id uuid primary key default gen_random_uuid(),
  item_id uuid not null references moderation_items (id),
  moderator_id uuid not null,
  subject_id uuid not null,
  target_type text not null,
  target_id uuid not null,
  action text not null check (action in ('dismiss', 'label_adult', 'remove', 'restrict', 'suspend', 'ban', 'appeal_upheld', 'appeal_reversed')),
  policy text not null,
  -- the gravest category reported (the transparency report counts by it)
  category text not null,
  days integer,
  note text,
  appeal_of uuid references moderation_decisions (id),
  created_at timestamptz not null default now()
);
create index moderation_decisions_subject_idx on moderation_decisions (subject_id, created_at desc);
create index moderation_decisions_created_idx on moderation_decisions (created_at);

create function moderation_decisions_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'moderation_decisions is append-only';
end;
$$;
create trigger moderation_decisions_append_only before update or delete on moderation_decisions
  for each row execute function moderation_decisions_append_only();

-- What decisions do to content and accounts (read by the visibility rule, log-in, posting).
alter table videos add column removed_at timestamptz;
-- hidden from For You pending review (auto-hold); still on the profile and by link
alter table videos add column held_at timestamptz;
alter table comments add column removed_at timestamptz;
alter table accounts add column posting_restricted_until timestamptz;
-- a ban is a suspension until 'infinity'
alter table accounts add column suspended_until timestamptz;
alter table accounts add column trusted_flagger boolean not null default false;

-- The creator is told about a decision.
alter table notifications drop constraint notifications_kind_check;
alter table notifications add constraint notifications_kind_check
  check (kind in ('like', 'comment', 'reply', 'mention', 'follow', 'follow_request', 'moderation_decision'));
alter table notifications add column decision_id uuid references moderation_decisions (id);
