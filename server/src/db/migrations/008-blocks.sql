-- Blocks, mutes and creators' comment filters (decision 022).
-- A block stands between two accounts in both directions: neither sees the other's videos,
-- comments or profile, neither may follow, comment on, mention or notify the other. A mute only
-- keeps the muted account's videos out of the muter's feeds; the muted account sees nothing change.
create table blocks (
  blocker_id uuid not null references accounts (id) on delete cascade,
  blocked_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (blocker_id, blocked_id),
  check (blocker_id <> blocked_id)
);
create index blocks_blocked_idx on blocks (blocked_id, blocker_id);

create table mutes (
  muter_id uuid not null references accounts (id) on delete cascade,
  muted_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (muter_id, muted_id),
  check (muter_id <> muted_id)
);

-- A creator's comment filters: a comment on their videos that contains one of `keywords`, or comes
-- from an account younger than `hold_new_accounts_days` days (0: off), is held.
create table comment_filters (
  account_id uuid primary key references accounts (id) on delete cascade,
  keywords text[] not null default '{}',
  hold_new_accounts_days integer not null default 0 check (hold_new_accounts_days between 0 and 365),
  updated_at timestamptz not null default now()
);

-- A held comment is seen only by its author (as if posted) and by the video's creator in their
-- held list, until the creator approves it; it counts nowhere until then.
alter table comments add column held_reason text check (held_reason in ('keyword', 'new_account'));
create index comments_held_idx on comments (video_id, created_at desc) where held_reason is not null;
