// SQL for one video: its draft, its upload and processing lifecycle, its edits.
import { jsonb, maybeOne, type Queryable } from '../db/database.ts';
import { videoSelect, type StoredRendition, type VideoRow } from './video.sql.ts';
import { canSeeVideoSql, canWatchVideoSql, type Visibility } from './visibility.ts';

export interface NewVideo {
  authorId: string;
  caption: string;
  visibility: Visibility;
  allowComments: boolean;
  adultOnly: boolean;
  hashtags: string[];
  mentions: string[];
}

export interface ProcessingState {
  id: string;
  author_id: string;
  status: VideoRow['status'];
  upload_id: string | null;
  probe: unknown;
  media_prefix: string | null;
  renditions: StoredRendition[] | null;
}

export interface Publication {
  mediaPrefix: string;
  durationMs: number;
  width: number;
  height: number;
  hasAudio: boolean;
  renditions: StoredRendition[];
}

async function writeTags(tx: Queryable, videoId: string, hashtags: string[], mentions: string[]) {
  await tx.query('delete from video_hashtags where video_id = $1', [videoId]);
  await tx.query('delete from video_mentions where video_id = $1', [videoId]);
  if (hashtags.length) await tx.query('insert into video_hashtags (video_id, tag) select $1, unnest($2::text[])', [videoId, hashtags]);
  if (mentions.length) await tx.query('insert into video_mentions (video_id, username) select $1, unnest($2::text[])', [videoId, mentions]);
}

export function createVideoRepository(db: Queryable & { transaction<T>(w: (tx: Queryable) => Promise<T>): Promise<T> }) {
  return {
    async insertDraft(v: NewVideo): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ id: string }>(
          `insert into videos (author_id, caption, visibility, allow_comments, adult_only) values ($1, $2, $3, $4, $5) returning id`,
          [v.authorId, v.caption, v.visibility, v.allowComments, v.adultOnly],
        );
        await writeTags(tx, row!.id, v.hashtags, v.mentions);
        return row!.id;
      });
    },

    /** The video as `viewerId` may see it, or null when it does not exist or is not theirs to see. */
    async findVisible(id: string, viewerId: string | null): Promise<VideoRow | null> {
      return maybeOne<VideoRow>(db, `${videoSelect('$2')} where v.id = $1 and ${canSeeVideoSql('$2')}`, [id, viewerId]);
    },

    /** The published video, when `viewerId` may watch it (engage with it, play its media); else null. */
    async findWatchable(id: string, viewerId: string | null): Promise<VideoRow | null> {
      return maybeOne<VideoRow>(db, `${videoSelect('$2')} where v.id = $1 and ${canWatchVideoSql('$2')}`, [id, viewerId]);
    },

    async findWatchableByIds(ids: string[], viewerId: string | null): Promise<VideoRow[]> {
      if (ids.length === 0) return [];
      return db.query<VideoRow>(`${videoSelect('$2')} where v.id = any($1::uuid[]) and ${canWatchVideoSql('$2')}`, [ids, viewerId]);
    },

    async processingState(id: string): Promise<ProcessingState | null> {
      return maybeOne<ProcessingState>(db, 'select id, author_id, status, upload_id, probe, media_prefix, renditions from videos where id = $1', [id]);
    },

    /** The rest of the ladder was added under `prefix`; false when the media moved meanwhile (re-keyed) or the video is gone. */
    async completeLadder(id: string, prefix: string, renditions: StoredRendition[]): Promise<boolean> {
      const rows = await db.query(`update videos set renditions = $3::text::jsonb where id = $1 and media_prefix = $2 and status = 'ready' returning id`, [
        id,
        prefix,
        jsonb(renditions),
      ]);
      return rows.length > 0;
    },

    async processingSummary(ids: string[]): Promise<{ ready: number; failed: number }> {
      const [row] = await db.query<{ ready: number; failed: number }>(
        `select count(*) filter (where status = 'ready')::int as ready, count(*) filter (where status = 'failed')::int as failed
           from videos where id = any($1::uuid[])`,
        [ids],
      );
      return { ready: row?.ready ?? 0, failed: row?.failed ?? 0 };
    },

    async findByUploadId(uploadId: string): Promise<ProcessingState | null> {
      return maybeOne<ProcessingState>(db, 'select id, author_id, status, upload_id, probe, media_prefix from videos where upload_id = $1', [uploadId]);
    },

    /** Claims the draft for one tus upload; false when it already has one or is not a draft of this author. */
    async attachUpload(id: string, authorId: string, uploadId: string, bytes: number): Promise<boolean> {
      const rows = await db.query(
        `update videos set upload_id = $3, upload_bytes = $4
         where id = $1 and author_id = $2 and status = 'uploading' and upload_id is null returning id`,
        [id, authorId, uploadId, bytes],
      );
      return rows.length === 1;
    },

    async markProcessing(id: string): Promise<void> {
      await db.query(`update videos set status = 'processing', progress = 0 where id = $1 and status = 'uploading'`, [id]);
    },

    /** A failed video back to processing (its job is queued by the caller); false when it is not failed. */
    async requeueFailed(id: string, authorId: string): Promise<boolean> {
      const rows = await db.query(
        `update videos set status = 'processing', progress = 0, error_code = null, error_reason = null
          where id = $1 and author_id = $2 and status = 'failed' returning id`,
        [id, authorId],
      );
      return rows.length > 0;
    },

    async saveProbe(id: string, probe: unknown): Promise<void> {
      await db.query('update videos set probe = $2::text::jsonb where id = $1', [id, jsonb(probe)]);
    },

    async setProgress(id: string, progress: number): Promise<void> {
      await db.query(`update videos set progress = $2 where id = $1 and status = 'processing'`, [id, progress]);
    },

    async publish(id: string, p: Publication): Promise<{ previousPrefix: string | null } | null> {
      return db.transaction(async (tx) => {
        const [before] = await tx.query<{ media_prefix: string | null; status: string; author_id: string }>(
          'select media_prefix, status, author_id from videos where id = $1 for update',
          [id],
        );
        if (!before) return null;
        await tx.query(
          `update videos set status = 'ready', progress = 1, media_prefix = $2, duration_ms = $3, width = $4, height = $5,
             has_audio = $6, renditions = $7::text::jsonb, error_code = null, error_reason = null, published_at = coalesce(published_at, now())
           where id = $1`,
          [id, p.mediaPrefix, Math.round(p.durationMs), p.width, p.height, p.hasAudio, jsonb(p.renditions)],
        );
        if (before.status !== 'ready') await tx.query('update accounts set video_count = video_count + 1 where id = $1', [before.author_id]);
        return { previousPrefix: before.media_prefix };
      });
    },

    async markFailed(id: string, code: string, reason: string): Promise<void> {
      await db.query(`update videos set status = 'failed', error_code = $2, error_reason = $3 where id = $1 and status <> 'ready'`, [id, code, reason]);
    },

    async update(id: string, authorId: string, patch: { caption?: string; visibility?: string; allowComments?: boolean; adultOnly?: boolean; hashtags?: string[]; mentions?: string[] }): Promise<boolean> {
      return db.transaction(async (tx) => {
        const rows = await tx.query(
          `update videos set caption = coalesce($3, caption), visibility = coalesce($4, visibility), allow_comments = coalesce($5, allow_comments),
             adult_only = coalesce($6, adult_only)
           where id = $1 and author_id = $2 returning id`,
          [id, authorId, patch.caption ?? null, patch.visibility ?? null, patch.allowComments ?? null, patch.adultOnly ?? null],
        );
        if (rows.length === 0) return false;
        if (patch.hashtags && patch.mentions) await writeTags(tx, id, patch.hashtags, patch.mentions);
        return true;
      });
    },

    async mediaState(id: string): Promise<{ visibility: string; adult_only: boolean; media_prefix: string | null } | null> {
      return maybeOne(db, 'select visibility, adult_only, media_prefix from videos where id = $1', [id]);
    },

    /** Points the video at a copy of its media; false when its prefix changed meanwhile (left as it is). */
    async swapMediaPrefix(id: string, from: string, to: string): Promise<boolean> {
      return (await db.query('update videos set media_prefix = $3 where id = $1 and media_prefix = $2 returning 1', [id, from, to])).length > 0;
    },

    /** Deletes the row (likes, comments and tags cascade); returns what storage to clean up. */
    async delete(id: string, authorId: string): Promise<{ media_prefix: string | null } | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<{ media_prefix: string | null; status: string; like_count: number }>(
          'delete from videos where id = $1 and author_id = $2 returning media_prefix, status, like_count',
          [id, authorId],
        );
        if (!row) return null;
        await tx.query(
          `update accounts set video_count = video_count - $2, like_count = greatest(0, like_count - $3) where id = $1`,
          [authorId, row.status === 'ready' ? 1 : 0, row.like_count],
        );
        return { media_prefix: row.media_prefix };
      });
    },
  };
}
export type VideoRepository = ReturnType<typeof createVideoRepository>;
