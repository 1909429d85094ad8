-- The recommender's input log: every event the For You engine learns from, in the order it is applied.
-- Engines are rebuilt from the latest snapshot plus the events after it.
create table recommender_events (
  id bigserial primary key,
  event jsonb not null,
  created_at timestamptz not null default now()
);

create table recommender_snapshots (
  id bigserial primary key,
  last_event_id bigint not null,
  state text not null,
  taken_at timestamptz not null default now()
);

-- A viewer's controls over For You (the personalised switch lives on accounts.personalized_feed).
create table feed_preferences (
  account_id uuid primary key references accounts (id) on delete cascade,
  keyword_filters text[] not null default '{}',
  updated_at timestamptz not null default now()
);

alter table engagement_events drop constraint engagement_events_kind_check;
alter table engagement_events add constraint engagement_events_kind_check
  check (kind in ('view', 'like', 'unlike', 'save', 'unsave', 'share', 'comment', 'follow', 'unfollow', 'not_interested', 'reset'));
