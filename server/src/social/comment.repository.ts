// SQL for comments: top-level threads newest first, one level of replies oldest first. A viewer
// never gets a comment by an account with a block between them (decision 022), nor a held comment
// that is not their own; held comments count nowhere until the creator approves them.
import { maybeOne, type Database, type Queryable } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { blockBetweenSql } from '../blocks/block.sql.ts';
import { recordEvent } from './social.repository.ts';

export type HeldReason = 'keyword' | 'new_account';

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
  held_reason: HeldReason | null;
}

export interface HeldCommentRow extends CommentRow {
  video_caption: string;
}

export interface CommentFilterRow {
  keywords: string[];
  hold_new_accounts_days: number;
}

const COLUMNS = `c.id, c.video_id, c.author_id, c.parent_id, c.body, c.reply_count, c.created_at,
  a.username, a.display_name, a.avatar_key, c.held_reason`;
const SELECT = `select ${COLUMNS} from comments c join accounts a on a.id = c.author_id`;
/** What `viewer` may read: published comments and their own held ones, by nobody a block stands between them and. */
const READABLE = (viewer: string) => `(c.held_reason is null or c.author_id = ${viewer}) and not ${blockBetweenSql(viewer, 'c.author_id')}`;

/** Counts a comment that is published (at insert, or when its creator approves it). */
async function count(tx: Queryable, c: { video_id: string; parent_id: string | null }) {
  if (c.parent_id) await tx.query('update comments set reply_count = reply_count + 1 where id = $1', [c.parent_id]);
  await tx.query('update videos set comment_count = comment_count + 1 where id = $1', [c.video_id]);
}

export function createCommentRepository(db: Database) {
  return {
    topLevel(videoId: string, viewerId: string | null, cursor: CursorKey | null, limit: number): Promise<CommentRow[]> {
      return db.query<CommentRow>(
        `${SELECT} where c.video_id = $1 and c.parent_id is null and ${READABLE('$3')}
         ${cursor ? 'and (c.created_at, c.id) < ($4::timestamptz, $5::uuid)' : ''}
         order by c.created_at desc, c.id desc limit $2`,
        [videoId, limit + 1, viewerId, ...(cursor ?? [])],
      );
    },

    replies(parentId: string, viewerId: string | null, cursor: CursorKey | null, limit: number): Promise<CommentRow[]> {
      return db.query<CommentRow>(
        `${SELECT} where c.parent_id = $1 and ${READABLE('$3')}
         ${cursor ? 'and (c.created_at, c.id) > ($4::timestamptz, $5::uuid)' : ''}
         order by c.created_at, c.id limit $2`,
        [parentId, limit + 1, viewerId, ...(cursor ?? [])],
      );
    },

    /** The comment (held or not, whoever may read it) with its video's author. */
    find(id: string): Promise<(CommentRow & { video_author_id: string }) | null> {
      return maybeOne(
        db,
        `select ${COLUMNS}, v.author_id as video_author_id
         from comments c join accounts a on a.id = c.author_id join videos v on v.id = c.video_id where c.id = $1`,
        [id],
      );
    },

    /** The comment when `viewerId` may read it (see READABLE), with its video's author; else null. */
    findReadable(id: string, viewerId: string | null): Promise<(CommentRow & { video_author_id: string }) | null> {
      return maybeOne(
        db,
        `select ${COLUMNS}, v.author_id as video_author_id
         from comments c join accounts a on a.id = c.author_id join videos v on v.id = c.video_id where c.id = $1 and ${READABLE('$2')}`,
        [id, viewerId],
      );
    },

    async insert(c: { videoId: string; authorId: string; parentId: string | null; body: string; videoAuthorId: string; heldReason: HeldReason | null }): Promise<CommentRow> {
      return db.transaction(async (tx) => {
        const [inserted] = await tx.query<{ id: string }>(
          'insert into comments (video_id, author_id, parent_id, body, held_reason) values ($1, $2, $3, $4, $5) returning id',
          [c.videoId, c.authorId, c.parentId, c.body, c.heldReason],
        );
        if (!c.heldReason) await count(tx, { video_id: c.videoId, parent_id: c.parentId });
        await recordEvent(tx, { kind: 'comment', accountId: c.authorId, videoId: c.videoId, creatorId: c.videoAuthorId });
        const [row] = await tx.query<CommentRow>(`${SELECT} where c.id = $1`, [inserted!.id]);
        return row!;
      });
    },

    /** Publishes a held comment (and its held thread first, for a reply): counted from now on. The rows published, in order. */
    async approve(id: string): Promise<CommentRow[]> {
      return db.transaction(async (tx) => {
        const published: CommentRow[] = [];
        const [target] = await tx.query<{ parent_id: string | null }>('select parent_id from comments where id = $1', [id]);
        for (const cid of [target?.parent_id, id]) {
          if (!cid) continue;
          const [row] = await tx.query<{ video_id: string; parent_id: string | null }>(
            'update comments set held_reason = null where id = $1 and held_reason is not null returning video_id, parent_id',
            [cid],
          );
          if (!row) continue;
          await count(tx, row);
          published.push((await tx.query<CommentRow>(`${SELECT} where c.id = $1`, [cid]))[0]!);
        }
        return published;
      });
    },

    /** Deletes a comment with its replies and keeps the counters exact (a held comment was never counted). */
    async delete(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [row] = await tx.query<{ video_id: string; parent_id: string | null; reply_count: number; held: boolean }>(
          'delete from comments where id = $1 returning video_id, parent_id, reply_count, held_reason is not null as held',
          [id],
        );
        if (!row || row.held) return;
        if (row.parent_id) await tx.query('update comments set reply_count = reply_count - 1 where id = $1', [row.parent_id]);
        await tx.query('update videos set comment_count = comment_count - $2 where id = $1', [row.video_id, 1 + row.reply_count]);
      });
    },

    /** Held comments on the creator's videos, newest first. */
    held(creatorId: string, cursor: CursorKey | null, limit: number): Promise<HeldCommentRow[]> {
      return db.query<HeldCommentRow>(
        `select ${COLUMNS}, v.caption as video_caption
         from comments c join accounts a on a.id = c.author_id join videos v on v.id = c.video_id
         where v.author_id = $1 and c.held_reason is not null
         ${cursor ? 'and (c.created_at, c.id) < ($3::timestamptz, $4::uuid)' : ''}
         order by c.created_at desc, c.id desc limit $2`,
        [creatorId, limit + 1, ...(cursor ?? [])],
      );
    },

    async filters(creatorId: string): Promise<CommentFilterRow> {
      const row = await maybeOne<CommentFilterRow>(db, 'select keywords, hold_new_accounts_days from comment_filters where account_id = $1', [creatorId]);
      return row ?? { keywords: [], hold_new_accounts_days: 0 };
    },

    async setFilters(creatorId: string, f: { keywords?: string[] | undefined; holdNewAccountsDays?: number | undefined }): Promise<void> {
      await db.query(
        `insert into comment_filters (account_id, keywords, hold_new_accounts_days) values ($1, coalesce($2::text[], '{}'), coalesce($3::int, 0))
         on conflict (account_id) do update set keywords = coalesce($2::text[], comment_filters.keywords),
           hold_new_accounts_days = coalesce($3::int, comment_filters.hold_new_accounts_days), updated_at = now()`,
        [creatorId, f.keywords ?? null, f.holdNewAccountsDays ?? null],
      );
    },

    /** The account was created less than `days` days ago. */
    async isNewAccount(accountId: string, days: number): Promise<boolean> {
      const row = await maybeOne<{ young: boolean }>(db, 'select created_at > now() - make_interval(days => $2) as young from accounts where id = $1', [accountId, days]);
      return row?.young ?? false;
    },
  };
}
export type CommentRepository = ReturnType<typeof createCommentRepository>;
