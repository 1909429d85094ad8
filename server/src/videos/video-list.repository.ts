// SQL for lists of videos: a profile's grid, hashtag pages, the Following feed, engagement ranking, search.
// Keyset pagination on (time, id); every query applies the visibility rule (visibility.ts) for the viewer.
import type { Queryable } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { videoSelect, type VideoRow } from './video.sql.ts';
import { canSeeVideoSql, canWatchVideoSql } from './visibility.ts';
import { mutedSql } from '../blocks/block.sql.ts';

const after = (col: string, cursor: CursorKey | null, first: number) =>
  cursor ? `and (${col}, v.id) < ($${first}::timestamptz, $${first + 1}::uuid)` : '';
const cursorParams = (cursor: CursorKey | null) => (cursor ? [cursor[0], cursor[1]] : []);

export function createVideoListRepository(db: Queryable) {
  return {
    /** A profile's grid: drafts and failed uploads only for their author. */
    byAuthor(authorId: string, viewerId: string | null, cursor: CursorKey | null, limit: number): Promise<VideoRow[]> {
      return db.query<VideoRow>(
        `${videoSelect('$2')} where v.author_id = $1 and ${canSeeVideoSql('$2')} ${after('v.created_at', cursor, 4)}
         order by v.created_at desc, v.id desc limit $3`,
        [authorId, viewerId, limit + 1, ...cursorParams(cursor)],
      );
    },

    byHashtag(tag: string, viewerId: string | null, cursor: CursorKey | null, limit: number): Promise<VideoRow[]> {
      return db.query<VideoRow>(
        `${videoSelect('$2')} where v.id in (select video_id from video_hashtags where tag = $1) and ${canWatchVideoSql('$2')}
         ${after('v.published_at', cursor, 4)} order by v.published_at desc, v.id desc limit $3`,
        [tag, viewerId, limit + 1, ...cursorParams(cursor)],
      );
    },

    /** Chronological: what the people the viewer follows published, less those the viewer muted (decision 022). */
    following(viewerId: string, cursor: CursorKey | null, limit: number): Promise<VideoRow[]> {
      return db.query<VideoRow>(
        `${videoSelect('$1')} where v.author_id in (select followee_id from follows where follower_id = $1) and ${canWatchVideoSql('$1')}
         and not ${mutedSql('$1', 'v.author_id')}
         ${after('v.published_at', cursor, 3)} order by v.published_at desc, v.id desc limit $2`,
        [viewerId, limit + 1, ...cursorParams(cursor)],
      );
    },

    search(q: string, viewerId: string | null, limit: number): Promise<VideoRow[]> {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return db.query<VideoRow>(
        `${videoSelect('$2')} where ${canWatchVideoSql('$2')}
           and (v.caption ilike $1 or exists(select 1 from video_hashtags h where h.video_id = v.id and h.tag = lower($3)))
         order by v.like_count desc, v.published_at desc limit $4`,
        [like, viewerId, q.replace(/^#/, ''), limit],
      );
    },

    /** How many videos carry the tag, counting what anyone (an anonymous viewer) may watch. */
    hashtag(tag: string) {
      return db.query<{ tag: string; video_count: number }>(
        `select $1::text as tag, count(*)::int as video_count from video_hashtags h join videos v on v.id = h.video_id
         where h.tag = $1 and ${canWatchVideoSql('null')}`,
        [tag],
      );
    },

    searchHashtags(q: string, limit: number) {
      return db.query<{ tag: string; video_count: number }>(
        `select h.tag, count(*)::int as video_count from video_hashtags h join videos v on v.id = h.video_id
         where h.tag like $1 and ${canWatchVideoSql('null')}
         group by h.tag order by count(*) desc, h.tag limit $2`,
        [`${q.replace(/^#/, '').toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit],
      );
    },
  };
}
export type VideoListRepository = ReturnType<typeof createVideoListRepository>;
