// SQL for comments: top-level threads newest first, one level of replies oldest first.
import { maybeOne, type Database } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { recordEvent } from './social.repository.ts';

export interface CommentRow {
  id: string;
  video_id: string;
  author_id: string;
  parent_id: string | null;
  body: string;
  reply_count: number;
  created_at: Date;
  username: string;
  display_name: string;
  avatar_key: string | null;
}

const COLUMNS = `c.id, c.video_id, c.author_id, c.parent_id, c.body, c.reply_count, c.created_at,
  a.username, a.display_name, a.avatar_key`;
const SELECT = `select ${COLUMNS} from comments c join accounts a on a.id = c.author_id`;

export function createCommentRepository(db: Database) {
  return {
    topLevel(videoId: string, cursor: CursorKey | null, limit: number): Promise<CommentRow[]> {
      return db.query<CommentRow>(
        `${SELECT} where c.video_id = $1 and c.parent_id is null and c.removed_at is null
         ${cursor ? 'and (c.created_at, c.id) < ($3::timestamptz, $4::uuid)' : ''}
         order by c.created_at desc, c.id desc limit $2`,
        [videoId, limit + 1, ...(cursor ?? [])],
      );
    },

    replies(parentId: string, cursor: CursorKey | null, limit: number): Promise<CommentRow[]> {
      return db.query<CommentRow>(
        `${SELECT} where c.parent_id = $1 and c.removed_at is null
         ${cursor ? 'and (c.created_at, c.id) > ($3::timestamptz, $4::uuid)' : ''}
         order by c.created_at, c.id limit $2`,
        [parentId, limit + 1, ...(cursor ?? [])],
      );
    },

    find(id: string): Promise<(CommentRow & { video_author_id: string }) | null> {
      return maybeOne(
        db,
        `select ${COLUMNS}, v.author_id as video_author_id
         from comments c join accounts a on a.id = c.author_id join videos v on v.id = c.video_id where c.id = $1 and c.removed_at is null`,
        [id],
      );
    },

    async insert(c: { videoId: string; authorId: string; parentId: string | null; body: string; videoAuthorId: string }): Promise<CommentRow> {
      return db.transaction(async (tx) => {
        const [inserted] = await tx.query<{ id: string }>(
          'insert into comments (video_id, author_id, parent_id, body) values ($1, $2, $3, $4) returning id',
          [c.videoId, c.authorId, c.parentId, c.body],
        );
        if (c.parentId) await tx.query('update comments set reply_count = reply_count + 1 where id = $1', [c.parentId]);
        await tx.query('update videos set comment_count = comment_count + 1 where id = $1', [c.videoId]);
        await recordEvent(tx, { kind: 'comment', accountId: c.authorId, videoId: c.videoId, creatorId: c.videoAuthorId });
        const [row] = await tx.query<CommentRow>(`${SELECT} where c.id = $1`, [inserted!.id]);
        return row!;
      });
    },

    /** Deletes a comment with its replies and keeps the counters exact. */
    async delete(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.query<{ video_id: string; parent_id: string | null; reply_count: number }>(
          'delete from comments where id = $1 returning video_id, parent_id, reply_count',
          [id],
        );
        if (!row) return;
        if (row.parent_id) await tx.query('update comments set reply_count = reply_count - 1 where id = $1', [row.parent_id]);
        await tx.query('update videos set comment_count = comment_count - $2 where id = $1', [row.video_id, 1 + row.reply_count]);
      });
    },
  };
}
export type CommentRepository = ReturnType<typeof createCommentRepository>;
