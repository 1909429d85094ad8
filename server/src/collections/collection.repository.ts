// SQL for collections: the videos someone saved or liked (as the viewer may see them, newest first)
// and who follows whom. Keyset pagination on (when, id).
import type { Queryable } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { videoSelect, type VideoRow } from '../videos/video.sql.ts';
import { canWatchVideoSql } from '../videos/visibility.ts';
import { blockBetweenSql } from '../blocks/block.sql.ts';

export type CollectedVideoRow = VideoRow & { collected_at: Date };
export interface PersonRow {
  id: string;
  username: string;
  display_name: string;
  avatar_key: string | null;
  since: Date;
}

const after = (col: string, idCol: string, cursor: CursorKey | null, first: number) =>
  cursor ? `and (${col}, ${idCol}) < ($${first}::timestamptz, $${first + 1}::uuid)` : '';
const cursorParams = (cursor: CursorKey | null) => (cursor ? [cursor[0], cursor[1]] : []);

export function createCollectionRepository(db: Queryable) {
  /** `table`: likes or saves of `ownerId`, as `viewerId` may watch them. */
  const collected = (table: 'likes' | 'saves') => (ownerId: string, viewerId: string | null, cursor: CursorKey | null, limit: number) =>
    db.query<CollectedVideoRow>(
      `${videoSelect('$2').replace(/^\s*select /, ' select c.created_at as collected_at, ')}
         join ${table} c on c.video_id = v.id
       where c.account_id = $1 and ${canWatchVideoSql('$2')} ${after('c.created_at', 'v.id', cursor, 4)}
       order by c.created_at desc, v.id desc limit $3`,
      [ownerId, viewerId, limit + 1, ...cursorParams(cursor)],
    );

  /** Followers of `accountId` (or whom it follows), less anyone a block stands between with the viewer. */
  const people = (direction: 'followers' | 'following') => (accountId: string, viewerId: string | null, cursor: CursorKey | null, limit: number) => {
    const [mine, theirs] = direction === 'followers' ? ['f.followee_id', 'f.follower_id'] : ['f.follower_id', 'f.followee_id'];
    return db.query<PersonRow>(
      `select a.id, a.username, a.display_name, a.avatar_key, f.created_at as since
         from follows f join accounts a on a.id = ${theirs}
        where ${mine} = $1 and not ${blockBetweenSql('$2::uuid', 'a.id')} ${after('f.created_at', 'a.id', cursor, 4)}
        order by f.created_at desc, a.id desc limit $3`,
      [accountId, viewerId, limit + 1, ...cursorParams(cursor)],
    );
  };

  return {
    saved: collected('saves'),
    liked: collected('likes'),
    followers: people('followers'),
    following: people('following'),

    /** Whose collections these are, and whether the viewer may see what the account shows only to followers. */
    async owner(accountId: string, viewerId: string | null) {
      const [row] = await db.query<{ private: boolean; likes_public: boolean; viewer_follows: boolean }>(
        `select a.private, a.likes_public,
           exists(select 1 from follows f where f.follower_id = $2 and f.followee_id = a.id) as viewer_follows
         from accounts a where a.id = $1`,
        [accountId, viewerId],
      );
      return row ?? null;
    },

    async setLikesPublic(accountId: string, on: boolean): Promise<void> {
      await db.query('update accounts set likes_public = $2 where id = $1', [accountId, on]);
    },
  };
}
export type CollectionRepository = ReturnType<typeof createCollectionRepository>;
