// SQL for account security: link tokens, sessions as devices, TOTP state, recovery codes, signing keys.
import { maybeOne, one, type Queryable } from '../db/database.ts';

export type TokenPurpose = 'verify_email' | 'change_email' | 'reset_password';

export interface SessionRow {
  id: string;
  token_hash: string;
  user_agent: string;
  region: string;
  created_at: Date;
  last_seen_at: Date;
}

export function createAccountSecurityRepository(db: Queryable & { transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> }) {
  return {
    async signingKey(name: string, fresh: string): Promise<string> {
      await db.query('insert into signing_keys (name, secret) values ($1, $2) on conflict (name) do nothing', [name, fresh]);
      return (await one<{ secret: string }>(db, 'select secret from signing_keys where name = $1', [name])).secret;
    },

    /** The fields the security rules read. */
    account: (id: string) =>
      maybeOne<{
        id: string;
        username: string;
        email: string;
        password_hash: string;
        email_verified_at: Date | null;
        pending_email: string | null;
        totp_secret: string | null;
        totp_enabled_at: Date | null;
        created_at: Date;
      }>(db, `select id, username, email, password_hash, email_verified_at, pending_email, totp_secret, totp_enabled_at, created_at from accounts where id = $1`, [id]),

    findByEmail: (email: string) =>
      maybeOne<{ id: string; username: string; email: string }>(db, 'select id, username, email from accounts where lower(email) = lower($1)', [email]),

    emailTaken: async (email: string, exceptId: string) =>
      (await db.query('select 1 from accounts where lower(email) = lower($1) and id <> $2', [email, exceptId])).length > 0,

    async insertToken(tokenHash: string, accountId: string, purpose: TokenPurpose, email: string, ttlSeconds: number): Promise<void> {
      await db.query(
        `insert into account_tokens (token_hash, account_id, purpose, email, expires_at) values ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
        [tokenHash, accountId, purpose, email, ttlSeconds],
      );
    },

    /** Marks the token used and returns it, only if it exists, has this purpose, is unused and unexpired (atomic: single use). */
    useToken: (tokenHash: string, purpose: TokenPurpose) =>
      maybeOne<{ account_id: string; email: string }>(
        db,
        `update account_tokens set used_at = now() where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now() returning account_id, email`,
        [tokenHash, purpose],
      ),

    peekToken: (tokenHash: string, purpose: TokenPurpose) =>
      maybeOne<{ account_id: string }>(
        db,
        `select account_id from account_tokens where token_hash = $1 and purpose = $2 and used_at is null and expires_at > now()`,
        [tokenHash, purpose],
      ),

    /**
     * Inserts the token unless `max` tokens of this purpose were made for the account within `seconds`.
     * Atomic per account (its row is locked while counting), so requests racing cannot exceed `max`.
     */
    async insertTokenWithin(limit: { max: number; seconds: number }, tokenHash: string, accountId: string, purpose: TokenPurpose, email: string, ttlSeconds: number): Promise<boolean> {
      return db.transaction(async (tx) => {
        await tx.query('select 1 from accounts where id = $1 for update', [accountId]);
        const [row] = await tx.query<{ count: number }>(
          `select count(*)::int as count from account_tokens where account_id = $1 and purpose = $2 and created_at > now() - make_interval(secs => $3)`,
          [accountId, purpose, limit.seconds],
        );
        if ((row?.count ?? 0) >= limit.max) return false;
        await tx.query(
          `insert into account_tokens (token_hash, account_id, purpose, email, expires_at) values ($1, $2, $3, $4, now() + make_interval(secs => $5))`,
          [tokenHash, accountId, purpose, email, ttlSeconds],
        );
        return true;
      });
    },

    async tokensSince(accountId: string, purpose: TokenPurpose, seconds: number): Promise<{ count: number; newest: Date | null }> {
      const row = await one<{ count: number; newest: Date | null }>(
        db,
        `select count(*)::int as count, max(created_at) as newest from account_tokens where account_id = $1 and purpose = $2 and created_at > now() - make_interval(secs => $3)`,
        [accountId, purpose, seconds],
      );
      return row;
    },

    async revokeTokens(accountId: string, purpose: TokenPurpose): Promise<void> {
      await db.query(`update account_tokens set used_at = now() where account_id = $1 and purpose = $2 and used_at is null`, [accountId, purpose]);
    },

    /** Verifies the address, if it is still the account's. */
    async markEmailVerified(accountId: string, email: string): Promise<boolean> {
      const rows = await db.query(`update accounts set email_verified_at = coalesce(email_verified_at, now()) where id = $1 and lower(email) = lower($2) returning id`, [accountId, email]);
      return rows.length === 1;
    },

    async setPendingEmail(accountId: string, email: string | null): Promise<void> {
      await db.query('update accounts set pending_email = $2 where id = $1', [accountId, email]);
    },

    /** Switches to the confirmed new address (verified by the link); false when another account took it meanwhile. */
    async switchEmail(accountId: string, email: string): Promise<boolean> {
      const rows = await db.query(
        `update accounts set email = $2, email_verified_at = now(), pending_email = null
         where id = $1 and not exists (select 1 from accounts o where lower(o.email) = lower($2) and o.id <> $1) returning id`,
        [accountId, email],
      );
      return rows.length === 1;
    },

    async setPasswordHash(accountId: string, hash: string): Promise<void> {
      await db.query('update accounts set password_hash = $2 where id = $1', [accountId, hash]);
    },

    async createSession(s: { tokenHash: string; accountId: string; ttlSeconds: number; userAgent: string; region: string }): Promise<void> {
      await db.query(
        `insert into sessions (token_hash, account_id, expires_at, user_agent, region) values ($1, $2, now() + make_interval(secs => $3), $4, $5)`,
        [s.tokenHash, s.accountId, s.ttlSeconds, s.userAgent.slice(0, 512), s.region],
      );
    },

    sessions: (accountId: string) =>
      db.query<SessionRow>(
        `select id, token_hash, user_agent, region, created_at, last_seen_at from sessions where account_id = $1 and expires_at > now() order by last_seen_at desc, created_at desc`,
        [accountId],
      ),

    async deleteSessionById(accountId: string, id: string): Promise<number> {
      return (await db.query('delete from sessions where account_id = $1 and id = $2 returning id', [accountId, id])).length;
    },

    /** Ends every session of the account except the one with this token hash (null: all of them). */
    async deleteOtherSessions(accountId: string, keepTokenHash: string | null): Promise<number> {
      return (await db.query('delete from sessions where account_id = $1 and ($2::text is null or token_hash <> $2) returning id', [accountId, keepTokenHash])).length;
    },

    async setTotpSecret(accountId: string, secret: string | null): Promise<void> {
      await db.query('update accounts set totp_secret = $2, totp_enabled_at = null, totp_last_step = null where id = $1', [accountId, secret]);
    },

    async enableTotp(accountId: string): Promise<void> {
      await db.query('update accounts set totp_enabled_at = now() where id = $1 and totp_secret is not null', [accountId]);
    },

    /** Takes a code's time step if no code of this or a later step was taken before (atomic: a replayed code fails). */
    async takeTotpStep(accountId: string, step: number): Promise<boolean> {
      const rows = await db.query(
        'update accounts set totp_last_step = $2 where id = $1 and (totp_last_step is null or totp_last_step < $2) returning id',
        [accountId, step],
      );
      return rows.length === 1;
    },

    async replaceRecoveryCodes(accountId: string, hashes: string[]): Promise<void> {
      await db.query('delete from recovery_codes where account_id = $1', [accountId]);
      await db.query('insert into recovery_codes (account_id, code_hash) select $1, unnest($2::text[])', [accountId, hashes]);
    },

    async useRecoveryCode(accountId: string, hash: string): Promise<boolean> {
      const rows = await db.query('update recovery_codes set used_at = now() where account_id = $1 and code_hash = $2 and used_at is null returning code_hash', [accountId, hash]);
      return rows.length === 1;
    },

    async recoveryCodesLeft(accountId: string): Promise<number> {
      return (await one<{ n: number }>(db, 'select count(*)::int as n from recovery_codes where account_id = $1 and used_at is null', [accountId])).n;
    },
  };
}
export type AccountSecurityRepository = ReturnType<typeof createAccountSecurityRepository>;
