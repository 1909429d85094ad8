-- Wellbeing (issue 10, decision 021): the screen-time limit, the break reminder, restricted mode and
-- the passcode, one row per account (a later family pairing locks these same settings), and the
-- watch time counted per local day from view events.
create table wellbeing_settings (
  account_id uuid primary key references accounts (id) on delete cascade,
  -- null: no limit
  daily_limit_minutes integer check (daily_limit_minutes between 40 and 120),
  break_reminder_minutes integer check (break_reminder_minutes between 5 and 180),
  restricted_mode boolean not null default false,
  -- the password hasher's output; null: no passcode set
  passcode_hash text,
  -- IANA name; the local day screen time is counted in
  time_zone text not null default 'UTC',
  -- the watch-time ledger: credits never run ahead of this clock (see wellbeing/screen-time.ts)
  credited_until timestamptz,
  updated_at timestamptz not null default now()
);

create table screen_time_days (
  account_id uuid not null references accounts (id) on delete cascade,
  day date not null,
  watched_ms bigint not null default 0 check (watched_ms >= 0),
  extra_minutes integer not null default 0 check (extra_minutes >= 0),
  primary key (account_id, day)
);

-- The defaults every new account gets from the age policy (accounts/age-policy.ts), given to the
-- accounts made before: 13–17 a 60-minute limit, 13–15 restricted mode.
insert into wellbeing_settings (account_id, daily_limit_minutes, restricted_mode)
select id,
  case when birthdate > current_date - interval '18 years' then 60 end,
  birthdate > current_date - interval '16 years'
from accounts;
