-- Notifications: what happened to a person (a like, a comment, a reply, a mention, a follower,
-- a request to follow their private account).
-- Each recipient's notifications are numbered by `seq`, assigned under a row lock on the
-- recipient's counter in the statement that inserts it, so one recipient's numbers commit in
-- order: a live stream resumed from `Last-Event-ID: n` misses nothing and repeats nothing.
create table notification_counters (
  account_id uuid primary key references accounts (id) on delete cascade,
  last_seq bigint not null
);

create table notifications (
  recipient_id uuid not null references accounts (id) on delete cascade,
  seq bigint not null,
  kind text not null check (kind in ('like', 'comment', 'reply', 'mention', 'follow', 'follow_request')),
  actor_id uuid not null references accounts (id) on delete cascade,
  video_id uuid references videos (id) on delete cascade,
  comment_id uuid references comments (id) on delete cascade,
  created_at timestamptz not null default now(),
  read_at timestamptz,
  primary key (recipient_id, seq)
);
-- a like, a follow, a request or a mention is told once, however often it is undone and redone
create unique index notifications_once on notifications (recipient_id, kind, actor_id, coalesce(video_id, actor_id), coalesce(comment_id, actor_id))
  where kind in ('like', 'follow', 'follow_request', 'mention');
create index notifications_unread_idx on notifications (recipient_id) where read_at is null;
create index notifications_created_idx on notifications (created_at);

-- Kinds a person does not want to hear about.
create table notification_settings (
  account_id uuid primary key references accounts (id) on delete cascade,
  muted_kinds text[] not null default '{}'
);
