-- The access gateway's transparency log (decision 025), one per region: an RFC 9162 Merkle tree whose
-- leaves are the canonical records of the gateway's decisions. Everything is keyed by region so each
-- region cell keeps its own log, keys and secret.

create table access_log (
  region text not null,
  -- the leaf's index: dense from 0; a writer takes max + 1 and retries on a conflict of the key
  idx bigint not null check (idx >= 0),
  -- the leaf: canonical JSON (sorted keys) of the gateway record; hashed as H(0x00 || entry)
  entry text not null,
  -- base64 of H(0x00 || entry), kept so proofs need no rehashing (audit verify recomputes it)
  leaf_hash text not null,
  -- HMAC of the subject's account id with the region's secret (also inside entry), for "my entries"
  subject text not null,
  logged_at timestamptz not null default now(),
  primary key (region, idx)
);
create index access_log_subject on access_log (region, subject, idx);

-- Append-only: the database refuses to change or remove a leaf (defence in depth: the proofs are
-- what make tampering detectable, see `npm run audit -- verify`).
create function access_log_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'access_log is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger access_log_no_update before update or delete on access_log
  for each row execute function access_log_append_only();
create trigger access_log_no_truncate before truncate on access_log
  for each statement execute function access_log_append_only();

-- The region's signing keys (Ed25519, published) and the secret that pseudonymises subjects and actors.
create table transparency_keys (
  region text not null,
  key_id text not null,
  public_key text not null,   -- raw 32-byte Ed25519 key, base64
  private_key text not null,  -- PKCS#8 DER, base64; never leaves the cell
  created_at timestamptz not null default now(),
  primary key (region, key_id)
);
create table transparency_secrets (
  region text primary key,
  secret text not null,       -- 32 random bytes, base64: the HMAC key for subjects and actors
  created_at timestamptz not null default now()
);

-- Every signed checkpoint, kept: `audit verify` checks each one's signature and root.
create table transparency_checkpoints (
  region text not null,
  tree_size bigint not null,
  root_hash text not null,    -- base64
  signed_at timestamptz not null,
  key_id text not null,
  note text not null,         -- the signed text: origin, size, root, timestamp, one a line
  signature text not null,    -- Ed25519 over note, base64
  primary key (region, tree_size, signed_at)
);
