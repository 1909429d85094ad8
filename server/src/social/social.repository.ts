// SQL for the social graph and engagement. Each toggle changes the edge and its counter in one
// transaction, and only when the edge really changed, so counts stay exact under concurrent requests.
import { jsonb, type Database, type Queryable } from '../db/database.ts';

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

export function createSocialRepository(db: Database) {
  return {
    async follow(followerId: string, followeeId: string, on: boolean): Promise<number> {
      return db.transaction(async (tx) => {
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
