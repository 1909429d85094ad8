-- Cliptide core schema. PostgreSQL dialect; runs on PGlite and PostgreSQL alike.
-- Personal data (accounts, sessions, engagement) lives in the account's home-region database.

create table accounts (
  id uuid primary key default gen_random_uuid(),
  username text not null,
  email text not null,
  password_hash text not null,
  birthdate date not null,
  display_name text not null,
  bio text not null default '',
  avatar_key text,
  home_region text not null,
  personalized_feed boolean not null default true,
  follower_count integer not null default 0 check (follower_count >= 0),
  following_count integer not null default 0 check (following_count >= 0),
  like_count integer not null default 0 check (like_count >= 0),
  video_count integer not null default 0 check (video_count >= 0),
  created_at timestamptz not null default now()
);
create unique index accounts_username_key on accounts (lower(username));
create unique index accounts_email_key on accounts (lower(email));

create table sessions (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index sessions_account_idx on sessions (account_id);

create table videos (
  id uuid primary key default gen_random_uuid(),
  author_id uuid not null references accounts (id) on delete cascade,
  caption text not null default '',
  visibility text not null check (visibility in ('public', 'followers', 'private')),
  allow_comments boolean not null default true,
  status text not null default 'uploading' check (status in ('uploading', 'processing', 'ready', 'failed')),
  progress real not null default 0,
  error_code text,
  error_reason text,
  upload_id text unique,
  upload_bytes bigint,
  probe jsonb,
  duration_ms integer,
  width integer,
  height integer,
  has_audio boolean,
  renditions jsonb,
  media_prefix text,
  like_count integer not null default 0 check (like_count >= 0),
  comment_count integer not null default 0 check (comment_count >= 0),
  share_count integer not null default 0 check (share_count >= 0),
  save_count integer not null default 0 check (save_count >= 0),
  view_count integer not null default 0 check (view_count >= 0),
  watch_ms_total bigint not null default 0,
  completed_count integer not null default 0,
  created_at timestamptz not null default now(),
  published_at timestamptz
);
create index videos_author_idx on videos (author_id, created_at desc, id desc);
create index videos_published_idx on videos (published_at desc, id desc) where status = 'ready';

create table video_hashtags (
  video_id uuid not null references videos (id) on delete cascade,
  tag text not null,
  primary key (video_id, tag)
);
create index video_hashtags_tag_idx on video_hashtags (tag);

create table video_mentions (
  video_id uuid not null references videos (id) on delete cascade,
  username text not null,
  primary key (video_id, username)
);

create table follows (
  follower_id uuid not null references accounts (id) on delete cascade,
  followee_id uuid not null references accounts (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (follower_id, followee_id),
  check (follower_id <> followee_id)
);
create index follows_followee_idx on follows (followee_id);

create table likes (
  account_id uuid not null references accounts (id) on delete cascade,
  video_id uuid not null references videos (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (account_id, video_id)
);
create index likes_video_idx on likes (video_id);

create table saves (
  account_id uuid not null references accounts (id) on delete cascade,
  video_id uuid not null references videos (id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (account_id, video_id)
);

create table comments (
  id uuid primary key default gen_random_uuid(),
  video_id uuid not null references videos (id) on delete cascade,
  author_id uuid not null references accounts (id) on delete cascade,
  parent_id uuid references comments (id) on delete cascade,
  body text not null,
  reply_count integer not null default 0 check (reply_count >= 0),
  created_at timestamptz not null default now()
);
create index comments_video_idx on comments (video_id, created_at desc, id desc) where parent_id is null;
create index comments_parent_idx on comments (parent_id, created_at, id);

-- Every engagement signal, in order: what the recommender learns from and replays after a restart.
create table engagement_events (
  id bigserial primary key,
  account_id uuid references accounts (id) on delete cascade,
  video_id uuid references videos (id) on delete cascade,
  creator_id uuid references accounts (id) on delete cascade,
  kind text not null check (kind in ('view', 'like', 'unlike', 'save', 'unsave', 'share', 'comment', 'follow', 'unfollow', 'not_interested')),
  watched_ms integer,
  completed boolean,
  replays integer,
  source text,
  detail jsonb,
  created_at timestamptz not null default now()
);
create index engagement_events_video_idx on engagement_events (video_id, created_at);
create index engagement_events_account_idx on engagement_events (account_id, created_at);

-- The job queue: survives restarts; a job whose lease ran out is claimed again.
create table jobs (
  id bigserial primary key,
  type text not null,
  payload jsonb not null,
  status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
  attempts integer not null default 0,
  max_attempts integer not null default 5,
  run_at timestamptz not null default now(),
  lease_until timestamptz,
  locked_by text,
  last_error text,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index jobs_ready_idx on jobs (run_at, id) where status = 'queued';
create index jobs_running_idx on jobs (lease_until) where status = 'running';
