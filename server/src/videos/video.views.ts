// Row → the API's Video shape.
import type { Reason, Video } from '@cliptide/contract';
import { mediaUrl, userSummary } from '../accounts/account.views.ts';
import { FIRST_MASTER_PLAYLIST, MASTER_PLAYLIST, POSTER_FILE } from '../media/index.ts';
import { blobKeys } from '../storage/keys.ts';
import type { VideoRow } from './video.sql.ts';
import { isPublished } from './visibility.ts';

/** Failures of the pipeline rather than of the file: trying again may work (refusals never do). */
export const RETRYABLE = new Set(['processing_failed']);

export function videoView(r: VideoRow, reasons?: Reason[]): Video {
  const ladder = isPublished(r) ? r.media_prefix : null;
  const renditions = ladder ? (r.renditions ?? []).map((x) => ({ name: x.name, width: x.width, height: x.height, status: x.status ?? 'ready' })) : [];
  // until the whole ladder is there, the master of the first part (each master file is written once)
  const master = renditions.every((x) => x.status === 'ready') ? MASTER_PLAYLIST : FIRST_MASTER_PLAYLIST;
  return {
    id: r.id,
    author: userSummary({ id: r.author_id, username: r.username, display_name: r.display_name, avatar_key: r.avatar_key }),
    caption: r.caption,
    hashtags: r.hashtags,
    mentions: r.mentions,
    visibility: r.visibility,
    allowComments: r.allow_comments,
    adultOnly: r.adult_only,
    status: r.status,
    progress: r.status === 'ready' ? 1 : Math.max(0, Math.min(1, r.progress)),
    error:
      r.status === 'failed'
        ? { code: r.error_code ?? 'processing_failed', reason: r.error_reason ?? 'Processing failed', retryable: RETRYABLE.has(r.error_code ?? 'processing_failed') }
        : null,
    durationMs: r.duration_ms,
    width: r.width,
    height: r.height,
    hls: ladder ? mediaUrl(blobKeys.ladderFile(ladder, master)) : null,
    renditions,
    poster: ladder ? mediaUrl(blobKeys.ladderFile(ladder, POSTER_FILE)) : null,
    createdAt: r.created_at.toISOString(),
    publishedAt: r.published_at ? r.published_at.toISOString() : null,
    counts: { likes: r.like_count, comments: r.comment_count, shares: r.share_count, saves: r.save_count, views: r.view_count },
    viewer: { liked: r.viewer_liked, saved: r.viewer_saved, followingAuthor: r.viewer_follows },
    ...(reasons ? { reasons } : {}),
  };
}
export type VideoView = Video;
