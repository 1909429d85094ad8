-- Account security (decision 024): verified e-mail, links by e-mail, sessions as devices, TOTP, the mail outbox.

-- Accounts that existed before e-mail verification are taken as verified (they signed up when no
-- mail could be sent); new accounts start unverified.
alter table accounts add column email_verified_at timestamptz;
update accounts set email_verified_at = created_at;
alter table accounts add column pending_email text;
-- TOTP (RFC 6238): the base32 secret while being set up and once on; enabled_at says it is on.
alter table accounts add column totp_secret text;
alter table accounts add column totp_enabled_at timestamptz;
-- the last time step whose code was accepted: a code is never accepted twice (replay)
alter table accounts add column totp_last_step bigint;

-- A session is a signed-in device.
alter table sessions add column id uuid not null default gen_random_uuid();
alter table sessions add column user_agent text not null default '';
alter table sessions add column region text not null default '';
alter table sessions add column last_seen_at timestamptz not null default now();
create unique index sessions_id_key on sessions (id);

-- Single-use links sent by e-mail; only the SHA-256 of the token is kept.
create table account_tokens (
  token_hash text primary key,
  account_id uuid not null references accounts (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'change_email', 'reset_password')),
  email text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index account_tokens_account_idx on account_tokens (account_id, purpose);

-- Two-factor recovery codes, each usable once; only their SHA-256 is kept.
create table recovery_codes (
  account_id uuid not null references accounts (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  primary key (account_id, code_hash)
);

-- Keys this deployment signs with (links, log-in challenges), created on first use.
create table signing_keys (
  name text primary key,
  secret text not null,
  created_at timestamptz not null default now()
);

-- Every mail: queued, then sent by the send_mail job. With SMTP the bodies are erased once sent;
-- without SMTP (transport 'outbox') the mail stays here for an admin to read at /operator/outbox.
create table mails (
  id bigint generated always as identity primary key,
  to_address text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  template text not null,
  transport text not null check (transport in ('smtp', 'outbox')),
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed')),
  error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index mails_outbox_idx on mails (transport, id desc);
