// SQL for blocks and mutes. A block removes, in the same transaction, the follows and follow
// requests between the two accounts (both directions) and keeps every follow counter exact.
import type { Database } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { recordEvent } from '../social/social.repository.ts';

export interface RelatedRow {
  id: string;
  username: string;
  display_name: string;
  avatar_key: string | null;
  created_at: Date;
}

/** How the viewer and another account stand: the viewer blocked them, they blocked the viewer, or neither. */
export type BlockStanding = 'none' | 'blocking' | 'blocked_by';

const TABLES = {
  blocks: { table: 'blocks', owner: 'blocker_id', other: 'blocked_id' },
  mutes: { table: 'mutes', owner: 'muter_id', other: 'muted_id' },
} as const;

export function createBlockRepository(db: Database) {
  function list(kind: keyof typeof TABLES, ownerId: string, cursor: CursorKey | null, limit: number): Promise<RelatedRow[]> {
    const t = TABLES[kind];
    return db.query<RelatedRow>(
      `select a.id, a.username, a.display_name, a.avatar_key, x.created_at
       from ${t.table} x join accounts a on a.id = x.${t.other} where x.${t.owner} = $1
       ${cursor ? 'and (x.created_at, a.id) < ($3::timestamptz, $4::uuid)' : ''}
       order by x.created_at desc, a.id desc limit $2`,
      [ownerId, limit + 1, ...(cursor ?? [])],
    );
  }

  return {
    /** Blocks `blockedId`; the follows and follow requests between them, both ways, go. */
    async block(blockerId: string, blockedId: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query('insert into blocks (blocker_id, blocked_id) values ($1, $2) on conflict do nothing', [blockerId, blockedId]);
        await tx.query('delete from follow_requests where (requester_id = $1 and target_id = $2) or (requester_id = $2 and target_id = $1)', [blockerId, blockedId]);
        const gone = await tx.query<{ follower_id: string; followee_id: string }>(
          'delete from follows where (follower_id = $1 and followee_id = $2) or (follower_id = $2 and followee_id = $1) returning follower_id, followee_id',
          [blockerId, blockedId],
        );
        for (const f of gone) {
          await tx.query('update accounts set following_count = following_count - 1 where id = $1', [f.follower_id]);
          await tx.query('update accounts set follower_count = follower_count - 1 where id = $1', [f.followee_id]);
          await recordEvent(tx, { kind: 'unfollow', accountId: f.follower_id, creatorId: f.followee_id });
        }
      });
    },

    async unblock(blockerId: string, blockedId: string): Promise<void> {
      await db.query('delete from blocks where blocker_id = $1 and blocked_id = $2', [blockerId, blockedId]);
    },

    async mute(muterId: string, mutedId: string, on: boolean): Promise<void> {
      if (on) await db.query('insert into mutes (muter_id, muted_id) values ($1, $2) on conflict do nothing', [muterId, mutedId]);
      else await db.query('delete from mutes where muter_id = $1 and muted_id = $2', [muterId, mutedId]);
    },

    async standing(viewerId: string, otherId: string): Promise<BlockStanding> {
      const rows = await db.query<{ blocker_id: string }>(
        'select blocker_id from blocks where (blocker_id = $1 and blocked_id = $2) or (blocker_id = $2 and blocked_id = $1)',
        [viewerId, otherId],
      );
      if (rows.some((r) => r.blocker_id === viewerId)) return 'blocking';
      return rows.length > 0 ? 'blocked_by' : 'none';
    },

    blocks: (ownerId: string, cursor: CursorKey | null, limit: number) => list('blocks', ownerId, cursor, limit),
    mutes: (ownerId: string, cursor: CursorKey | null, limit: number) => list('mutes', ownerId, cursor, limit),
  };
}
export type BlockRepository = ReturnType<typeof createBlockRepository>;
