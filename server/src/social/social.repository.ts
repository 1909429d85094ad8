// SQL for the social graph and engagement. Each toggle changes the edge and its counter in one
// transaction, and only when the edge really changed, so counts stay exact under concurrent requests.
import { jsonb, type Database, type Queryable } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';

type EventKind = 'view' | 'like' | 'unlike' | 'save' | 'unsave' | 'share' | 'comment' | 'follow' | 'unfollow' | 'not_interested';

export interface EngagementEvent {
  kind: EventKind;
  accountId: string | null;
  videoId?: string | null;
  creatorId?: string | null;
  watchedMs?: number;
  completed?: boolean;
  replays?: number;
  source?: string | null;
  detail?: Record<string, unknown> | null;
}

export async function recordEvent(q: Queryable, e: EngagementEvent): Promise<void> {
  await q.query(
    `insert into engagement_events (kind, account_id, video_id, creator_id, watched_ms, completed, replays, source, detail)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::text::jsonb)`,
    [e.kind, e.accountId, e.videoId ?? null, e.creatorId ?? null, e.watchedMs ?? null, e.completed ?? null, e.replays ?? null, e.source ?? null, e.detail ? jsonb(e.detail) : null],
  );
}

/** A pending follow request, with who asked. */
export interface FollowRequestRow {
  requester_id: string;
  username: string;
  display_name: string;
  avatar_key: string | null;
  created_at: Date;
}

/** Adds or removes the follow edge and both counters, in the caller's transaction; the followee's follower count after. */
async function setFollow(tx: Queryable, followerId: string, followeeId: string, on: boolean): Promise<number> {
  const changed = on
    ? await tx.query('insert into follows (follower_id, followee_id) values ($1, $2) on conflict do nothing returning 1', [followerId, followeeId])
    : await tx.query('delete from follows where follower_id = $1 and followee_id = $2 returning 1', [followerId, followeeId]);
  const delta = changed.length === 0 ? 0 : on ? 1 : -1;
  if (delta !== 0) {
    await tx.query('update accounts set following_count = following_count + $2 where id = $1', [followerId, delta]);
    await recordEvent(tx, { kind: on ? 'follow' : 'unfollow', accountId: followerId, creatorId: followeeId });
  }
  const [row] = await tx.query<{ n: number }>('update accounts set follower_count = follower_count + $2 where id = $1 returning follower_count as n', [followeeId, delta]);
  return row!.n;
}

const followerCount = async (q: Queryable, id: string) => (await q.query<{ n: number }>('select follower_count as n from accounts where id = $1', [id]))[0]?.n ?? 0;
const pendingCount = async (q: Queryable, targetId: string) =>
  (await q.query<{ n: number }>('select count(*)::int as n from follow_requests where target_id = $1', [targetId]))[0]?.n ?? 0;

export function createSocialRepository(db: Database) {
  return {
    /** Follows or unfollows; either way a pending request between them is settled (a public account needs none). */
    async follow(followerId: string, followeeId: string, on: boolean): Promise<number> {
      return db.transaction(async (tx) => {
        await tx.query('delete from follow_requests where requester_id = $1 and target_id = $2', [followerId, followeeId]);
        return setFollow(tx, followerId, followeeId, on);
      });
    },

    /** Asks to follow a private account; an approved follower stays one. */
    async requestFollow(requesterId: string, targetId: string): Promise<{ following: boolean; followers: number }> {
      return db.transaction(async (tx) => {
        const [following] = await tx.query('select 1 from follows where follower_id = $1 and followee_id = $2', [requesterId, targetId]);
        if (!following) {
          await tx.query('insert into follow_requests (requester_id, target_id) values ($1, $2) on conflict do nothing', [requesterId, targetId]);
        }
        return { following: Boolean(following), followers: await followerCount(tx, targetId) };
      });
    },

    /** The requests waiting for `targetId`, newest first. */
    followRequests(targetId: string, cursor: CursorKey | null, limit: number): Promise<FollowRequestRow[]> {
      return db.query<FollowRequestRow>(
        `select r.requester_id, a.username, a.display_name, a.avatar_key, r.created_at
         from follow_requests r join accounts a on a.id = r.requester_id where r.target_id = $1
         ${cursor ? 'and (r.created_at, r.requester_id) < ($3::timestamptz, $4::uuid)' : ''}
         order by r.created_at desc, r.requester_id desc limit $2`,
        [targetId, limit + 1, ...(cursor ?? [])],
      );
    },

    /** Approves (the request becomes a follow) or declines a pending request; null when there was none. */
    async decideFollowRequest(targetId: string, requesterId: string, approve: boolean): Promise<{ followers: number; pending: number } | null> {
      return db.transaction(async (tx) => {
        const removed = await tx.query('delete from follow_requests where requester_id = $1 and target_id = $2 returning 1', [requesterId, targetId]);
        if (removed.length === 0) return null;
        const followers = approve ? await setFollow(tx, requesterId, targetId, true) : await followerCount(tx, targetId);
        return { followers, pending: await pendingCount(tx, targetId) };
      });
    },

    async like(accountId: string, videoId: string, authorId: string, on: boolean): Promise<number> {
      return db.transaction(async (tx) => {
        const changed = on
          ? await tx.query('insert into likes (account_id, video_id) values ($1, $2) on conflict do nothing returning 1', [accountId, videoId])
          : await tx.query('delete from likes where account_id = $1 and video_id = $2 returning 1', [accountId, videoId]);
        const delta = changed.length === 0 ? 0 : on ? 1 : -1;
        if (delta !== 0) {
          await tx.query('update accounts set like_count = like_count + $2 where id = $1', [authorId, delta]);
          await recordEvent(tx, { kind: on ? 'like' : 'unlike', accountId, videoId, creatorId: authorId });
        }
        const [row] = await tx.query<{ n: number }>('update videos set like_count = like_count + $2 where id = $1 returning like_count as n', [videoId, delta]);
        return row!.n;
      });
    },

    async save(accountId: string, videoId: string, authorId: string, on: boolean): Promise<number> {
      return db.transaction(async (tx) => {
        const changed = on
          ? await tx.query('insert into saves (account_id, video_id) values ($1, $2) on conflict do nothing returning 1', [accountId, videoId])
          : await tx.query('delete from saves where account_id = $1 and video_id = $2 returning 1', [accountId, videoId]);
        const delta = changed.length === 0 ? 0 : on ? 1 : -1;
        if (delta !== 0) await recordEvent(tx, { kind: on ? 'save' : 'unsave', accountId, videoId, creatorId: authorId });
        const [row] = await tx.query<{ n: number }>('update videos set save_count = save_count + $2 where id = $1 returning save_count as n', [videoId, delta]);
        return row!.n;
      });
    },

    async share(accountId: string | null, videoId: string, authorId: string, channel: string | null): Promise<number> {
      return db.transaction(async (tx) => {
        await recordEvent(tx, { kind: 'share', accountId, videoId, creatorId: authorId, source: channel });
        // an anonymous share is recorded but moves no public counter: anyone could repeat it at will
        const [row] = await tx.query<{ n: number }>('update videos set share_count = share_count + $2 where id = $1 returning share_count as n', [videoId, accountId ? 1 : 0]);
        return row!.n;
      });
    },

    async view(e: { accountId: string | null; videoId: string; authorId: string; watchedMs: number; completed: boolean; replays: number; source: string | null }): Promise<void> {
      await db.transaction(async (tx) => {
        await recordEvent(tx, { kind: 'view', ...e, creatorId: e.authorId });
        // an anonymous view is recorded but moves no public counter: anyone could repeat it at will
        if (!e.accountId) return;
        await tx.query(
          `update videos set view_count = view_count + 1, watch_ms_total = watch_ms_total + $2,
             completed_count = completed_count + $3 where id = $1`,
          [e.videoId, e.watchedMs, e.completed ? 1 : 0],
        );
      });
    },
  };
}
export type SocialRepository = ReturnType<typeof createSocialRepository>;
