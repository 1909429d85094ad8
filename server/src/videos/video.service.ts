// Videos: drafts, their upload, what a viewer may see, edits and deletion. No HTTP, no SQL here.
import { DomainError, forbidden, notFound, uploadTooLarge } from '../shared/errors.ts';
import { decodeCursor, pageOf, type Page } from '../shared/cursor.ts';
import type { VideoRepository } from './video.repository.ts';
import type { VideoListRepository } from './video-list.repository.ts';
import { parseCaption } from './caption.ts';
import { videoView, type VideoView } from './video.views.ts';
import type { VideoRow } from './video.sql.ts';
import type { Visibility } from './visibility.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { blobKeys } from '../storage/keys.ts';

export interface VideoDeps {
  videos: VideoRepository;
  lists: VideoListRepository;
  storage: BlobStore;
  maxUploadBytes: number;
  enqueueProcessing: (videoId: string) => Promise<void>;
  enqueuePurge: (prefix: string) => Promise<void>;
  /** Moves a published video's media to a fresh prefix (it left public visibility). */
  enqueueRekey: (videoId: string) => Promise<void>;
  /** The author's id, or null when there is none or the author blocked the viewer. */
  findAuthorId: (username: string, viewerId: string | null) => Promise<string | null>;
  /** A published video changed or went away (the recommender's catalogue follows). */
  onChanged?: (videoId: string) => Promise<void>;
  /** Refuses an account that may not post now (an e-mail address unconfirmed for too long: `email_unverified`). */
  assertMayPost?: (accountId: string) => Promise<void>;
}

const PAGE = 12;
const byCreated = (r: VideoRow): [string, string] => [r.created_at.toISOString(), r.id];
const byPublished = (r: VideoRow): [string, string] => [(r.published_at ?? r.created_at).toISOString(), r.id];

export function createVideoService(deps: VideoDeps) {
  const { videos, lists } = deps;

  async function get(id: string, viewerId: string | null): Promise<VideoView> {
    const row = await videos.findVisible(id, viewerId);
    if (!row) throw notFound('Video');
    return videoView(row);
  }

  async function ingest(videoId: string, localPath: string) {
    await deps.storage.putFile(blobKeys.source(videoId), localPath, 'application/octet-stream');
    await videos.markProcessing(videoId);
    await deps.enqueueProcessing(videoId);
  }

  return {
    get,

    /** A draft, waiting for its file; the upload may be at most `maxUploadBytes`. */
    async create(authorId: string, input: { caption: string; visibility: Visibility; allowComments: boolean; adultOnly?: boolean | undefined }) {
      await deps.assertMayPost?.(authorId);
      const caption = input.caption.trim();
      const id = await videos.insertDraft({ authorId, ...input, adultOnly: input.adultOnly ?? false, caption, ...parseCaption(caption) });
      return { video: await get(id, authorId), maxUploadBytes: deps.maxUploadBytes };
    },

    async update(
      id: string,
      authorId: string,
      patch: { caption?: string | undefined; visibility?: Visibility | undefined; allowComments?: boolean | undefined; adultOnly?: boolean | undefined },
    ) {
      const caption = patch.caption?.trim();
      // Media an anonymous viewer could fetch (and a shared cache may hold) moves to a fresh prefix
      // when the video leaves public visibility or is labelled 18+ (anonymous visitors see no 18+ video).
      const narrowing = (patch.visibility && patch.visibility !== 'public') || patch.adultOnly === true;
      const before = narrowing ? await videos.mediaState(id) : null;
      const wasPublic = before ? before.visibility === 'public' && !before.adult_only : false;
      const ok = await videos.update(id, authorId, {
        ...(caption !== undefined ? { caption, ...parseCaption(caption) } : {}),
        ...(patch.visibility ? { visibility: patch.visibility } : {}),
        ...(patch.allowComments !== undefined ? { allowComments: patch.allowComments } : {}),
        ...(patch.adultOnly !== undefined ? { adultOnly: patch.adultOnly } : {}),
      });
      if (!ok) {
        if (await videos.findVisible(id, authorId)) throw forbidden('Only the author can edit this video');
        throw notFound('Video');
      }
      if (wasPublic) await deps.enqueueRekey(id);
      await deps.onChanged?.(id);
      return get(id, authorId);
    },

    /** Processes a failed upload again (the author's Retry), while its source is kept. */
    async retry(id: string, authorId: string): Promise<VideoView> {
      const video = await get(id, authorId);
      if (video.author.id !== authorId) throw forbidden('Only the author can retry this video');
      if (video.status !== 'failed' || !video.error?.retryable) {
        throw new DomainError('conflict', video.status === 'failed' ? 'This file cannot be processed; upload another one' : 'Only a failed upload can be retried');
      }
      if (!(await deps.storage.head(blobKeys.source(id)))) throw new DomainError('conflict', 'The uploaded file is no longer kept; upload it again');
      if (!(await videos.requeueFailed(id, authorId))) throw new DomainError('conflict', 'Only a failed upload can be retried');
      await deps.enqueueProcessing(id);
      return get(id, authorId);
    },

    async remove(id: string, authorId: string) {
      const deleted = await videos.delete(id, authorId);
      if (!deleted) {
        if (await videos.findVisible(id, authorId)) throw forbidden('Only the author can delete this video');
        throw notFound('Video');
      }
      // every rendition, also those of a run still in progress (its job removes what it writes after this)
      await deps.enqueuePurge(blobKeys.videoMedia(id));
      await deps.enqueuePurge(blobKeys.sources(id));
      await deps.onChanged?.(id);
    },

    /** A tus upload is about to be created for a draft: only its author, only once, only within the size limit. */
    async beginUpload(videoId: string | undefined, authorId: string, uploadId: string, bytes: number | undefined) {
      if (!videoId) throw new DomainError('validation_failed', 'Upload metadata must name the videoId of the draft it is for');
      if (bytes !== undefined && bytes > deps.maxUploadBytes) {
        throw uploadTooLarge(deps.maxUploadBytes);
      }
      const claimed = await videos.attachUpload(videoId, authorId, uploadId, bytes ?? 0);
      if (!claimed) {
        const state = await videos.processingState(videoId);
        if (!state || state.author_id !== authorId) throw notFound('Video');
        throw new DomainError('conflict', 'This video already has an upload');
      }
    },

    /** Only the author may continue (PATCH/HEAD/DELETE) an upload. */
    async assertUploadOwner(uploadId: string, viewerId: string | null) {
      const state = await videos.findByUploadId(uploadId);
      if (!state) return; // unknown to us: tus answers 404 itself
      if (state.author_id !== viewerId) throw forbidden('This upload belongs to someone else');
    },

    /** The whole file arrived: keep it as the source and queue the processing job. */
    async finishUpload(uploadId: string, localPath: string) {
      const state = await videos.findByUploadId(uploadId);
      if (!state || state.status !== 'uploading') return;
      await ingest(state.id, localPath);
    },

    /** A file already on this machine becomes a draft's source (the demo catalogue, imports). */
    ingestLocalFile: (videoId: string, localPath: string) => ingest(videoId, localPath),

    async byAuthor(username: string, viewerId: string | null, cursor?: string): Promise<Page<VideoView>> {
      const authorId = await deps.findAuthorId(username, viewerId);
      if (!authorId) throw notFound(`User @${username}`);
      return pageOf(await lists.byAuthor(authorId, viewerId, decodeCursor(cursor), PAGE), PAGE, byCreated, (r) => videoView(r));
    },

    async byHashtag(tag: string, viewerId: string | null, cursor?: string): Promise<Page<VideoView>> {
      const rows = await lists.byHashtag(tag.toLowerCase(), viewerId, decodeCursor(cursor), PAGE);
      return pageOf(rows, PAGE, byPublished, (r) => videoView(r));
    },

    async hashtag(tag: string) {
      const [row] = await lists.hashtag(tag.toLowerCase());
      return { tag: tag.toLowerCase(), videoCount: row?.video_count ?? 0 };
    },

    async following(viewerId: string, cursor?: string): Promise<Page<VideoView>> {
      return pageOf(await lists.following(viewerId, decodeCursor(cursor), PAGE), PAGE, byPublished, (r) => videoView(r));
    },

    /** How many of these videos are ready and how many failed (the demo catalogue waits on it). */
    processingSummary: (ids: string[]) => videos.processingSummary(ids),

    async search(q: string, viewerId: string | null) {
      const [videoRows, hashtags] = await Promise.all([lists.search(q, viewerId, 20), lists.searchHashtags(q, 10)]);
      return { videos: videoRows.map((r) => videoView(r)), hashtags: hashtags.map((h) => ({ tag: h.tag, videoCount: h.video_count })) };
    },
  };
}
export type VideoService = ReturnType<typeof createVideoService>;
