// SQL for accounts and sessions. Runs against the home region's database.
import { maybeOne, one, type Queryable } from '../db/database.ts';
import { USERNAME_SKELETON_SQL, usernameSkeleton } from './confusables.ts';
import type { OperatorGrant } from '@cliptide/contract';
import type { AccountRow } from './account.views.ts';
import { blockBetweenSql, mutedSql } from '../blocks/block.sql.ts';

/** The account's operator roles, as a JSON array of {role, jurisdiction}. */
const OPERATOR_GRANTS = `coalesce((select json_agg(json_build_object('role', g.role, 'jurisdiction', g.jurisdiction) order by g.role, g.jurisdiction)
  from operator_grants g where g.account_id = a.id), '[]'::json) as operator_grants`;
export const ACCOUNT_COLUMNS = `a.id, a.username, a.email, a.display_name, a.bio, a.avatar_key, a.home_region,
  a.birthdate::text as birthdate, a.personalized_feed, a.follower_count, a.following_count, a.like_count,
  a.video_count, a.created_at, a.private, a.likes_public, a.email_verified_at, a.pending_email, a.totp_enabled_at,
  (select count(*)::int from follow_requests r where r.target_id = a.id) as follow_requests,
  ${OPERATOR_GRANTS}`;
const VIEWER_STANDING = (viewer: string) => `
  exists(select 1 from follows f where f.follower_id = ${viewer} and f.followee_id = a.id) as viewer_follows,
  exists(select 1 from follow_requests r where r.requester_id = ${viewer} and r.target_id = a.id) as viewer_requested,
  exists(select 1 from blocks b where b.blocker_id = ${viewer} and b.blocked_id = a.id) as viewer_blocking,
  ${mutedSql(viewer, 'a.id')} as viewer_muting`;
/** The account blocked the viewer: to them it is as if it did not exist (decision 022). */
const BLOCKED_VIEWER = (viewer: string) => `exists(select 1 from blocks b where b.blocker_id = a.id and b.blocked_id = ${viewer})`;

export interface NewAccount {
  username: string;
  email: string;
  passwordHash: string;
  birthdate: string;
  displayName: string;
  homeRegion: string;
  private: boolean;
}

export function createAccountRepository(db: Queryable) {
  return {
    async insert(a: NewAccount): Promise<AccountRow | null> {
      return maybeOne<AccountRow>(
        db,
        `insert into accounts as a (username, email, password_hash, birthdate, display_name, home_region, private)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict do nothing
         returning ${ACCOUNT_COLUMNS}`,
        [a.username, a.email, a.passwordHash, a.birthdate, a.displayName, a.homeRegion, a.private],
      );
    },

    async usernameOrEmailTaken(username: string, email: string) {
      return one<{ username_taken: boolean; email_taken: boolean; username_confusable: boolean }>(
        db,
        `select exists(select 1 from accounts where lower(username) = lower($1)) as username_taken,
                exists(select 1 from accounts where lower(email) = lower($2)) as email_taken,
                exists(select 1 from accounts where ${USERNAME_SKELETON_SQL} = $3) as username_confusable`,
        [username, email, usernameSkeleton(username)],
      );
    },

    /** The skeletons the database computes for these names (tests check they agree with usernameSkeleton). */
    async skeletonsOf(usernames: string[]): Promise<string[]> {
      const rows = await db.query<{ s: string }>(`select ${USERNAME_SKELETON_SQL} as s from unnest($1::text[]) with ordinality as t(username, n) order by n`, [usernames]);
      return rows.map((r) => r.s);
    },

    async findCredentials(login: string) {
      return maybeOne<{ id: string; password_hash: string; suspended: boolean }>(
        db,
        `select id, password_hash, coalesce(suspended_until > now(), false) as suspended from accounts where lower(username) = lower($1) or lower(email) = lower($1) limit 1`,
        [login],
      );
    },

    async findById(id: string): Promise<AccountRow | null> {
      return maybeOne<AccountRow>(db, `select ${ACCOUNT_COLUMNS} from accounts a where a.id = $1`, [id]);
    },

    async findIdByUsername(username: string): Promise<string | null> {
      const row = await maybeOne<{ id: string }>(db, 'select id from accounts where lower(username) = lower($1)', [username]);
      return row?.id ?? null;
    },

    /** Whose data and where it lives (for the access gateway): the id and home region, nothing personal. */
    async findSubject(username: string): Promise<{ id: string; home_region: string } | null> {
      return maybeOne<{ id: string; home_region: string }>(db, 'select id, home_region from accounts where lower(username) = lower($1)', [username]);
    },

    /** The id of the account with this username, unless it blocked the viewer. */
    async findIdVisibleTo(username: string, viewerId: string | null): Promise<string | null> {
      const row = await maybeOne<{ id: string }>(db, `select a.id from accounts a where lower(a.username) = lower($1) and not ${BLOCKED_VIEWER('$2')}`, [username, viewerId]);
      return row?.id ?? null;
    },

    /** The id of the account with this username, and whether a follow of it must be approved. */
    async findFollowTarget(username: string): Promise<{ id: string; private: boolean } | null> {
      return maybeOne<{ id: string; private: boolean }>(db, 'select id, private from accounts where lower(username) = lower($1)', [username]);
    },

    async count(): Promise<number> {
      const { n } = await one<{ n: number }>(db, 'select count(*)::int as n from accounts');
      return n;
    },

    /** The profile as the viewer may see it; null when there is none, or when it blocked the viewer. */
    async findByUsername(username: string, viewerId: string | null): Promise<AccountRow | null> {
      return maybeOne<AccountRow>(
        db,
        `select ${ACCOUNT_COLUMNS}, ${VIEWER_STANDING('$2')}
         from accounts a where lower(a.username) = lower($1) and not ${BLOCKED_VIEWER('$2')}`,
        [username, viewerId],
      );
    },

    async updateProfile(id: string, patch: { displayName?: string | undefined; bio?: string | undefined; private?: boolean | undefined }): Promise<AccountRow | null> {
      return maybeOne<AccountRow>(
        db,
        `update accounts a set display_name = coalesce($2, display_name), bio = coalesce($3, bio), private = coalesce($4, private),
           privacy_changed_at = case when $4::boolean is distinct from private and $4::boolean is not null then now() else privacy_changed_at end
         where a.id = $1 returning ${ACCOUNT_COLUMNS}`,
        [id, patch.displayName ?? null, patch.bio ?? null, patch.private ?? null],
      );
    },

    async birthdate(id: string): Promise<string | null> {
      const row = await maybeOne<{ birthdate: string }>(db, 'select birthdate::text as birthdate from accounts where id = $1', [id]);
      return row?.birthdate ?? null;
    },

    async setAvatar(id: string, key: string): Promise<{ previous: string | null }> {
      return one<{ previous: string | null }>(
        db,
        `update accounts a set avatar_key = $2 from accounts old where a.id = $1 and old.id = a.id returning old.avatar_key as previous`,
        [id, key],
      );
    },

    async setPersonalizedFeed(id: string, on: boolean): Promise<void> {
      await db.query('update accounts set personalized_feed = $2 where id = $1', [id, on]);
    },

    async search(q: string, limit: number, viewerId: string | null): Promise<AccountRow[]> {
      return db.query<AccountRow>(
        `select ${ACCOUNT_COLUMNS}, ${VIEWER_STANDING('$3')}
         from accounts a
         where (a.username ilike $1 or a.display_name ilike $1) and not ${blockBetweenSql('$3', 'a.id')}
         order by (lower(a.username) = lower($2)) desc, a.follower_count desc, a.username
         limit $4`,
        [`%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`, q, viewerId, limit],
      );
    },

    async markVerified(id: string): Promise<void> {
      await db.query('update accounts set email_verified_at = now() where id = $1', [id]);
    },

    async findSession(tokenHash: string) {
      return maybeOne<{ id: string; username: string; home_region: string; operator_grants: OperatorGrant[]; stale: boolean }>(
        db,
        `select a.id, a.username, a.home_region, ${OPERATOR_GRANTS}, s.last_seen_at < now() - interval '1 minute' as stale from sessions s join accounts a on a.id = s.account_id
         where s.token_hash = $1 and s.expires_at > now() and (a.suspended_until is null or a.suspended_until <= now())`,
        [tokenHash],
      );
    },

    /** Last seen, at most once a minute (the caller asks only when findSession said stale). */
    async touchSession(tokenHash: string): Promise<void> {
      await db.query(`update sessions set last_seen_at = now() where token_hash = $1 and last_seen_at < now() - interval '1 minute'`, [tokenHash]);
    },

    async deleteSession(tokenHash: string): Promise<void> {
      await db.query('delete from sessions where token_hash = $1', [tokenHash]);
    },
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
