// The media pipeline as a job: fetch the source → probe once (stored) → validate → an ffmpeg run
// writing the smallest rendition and the poster → store under a fresh prefix → publish (playable) →
// a second run writing the rest of the ladder → store, and one master playlist with every rendition
// (decision 026). A crash between the two resumes at the second.
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { AUDIO_BITRATE, FIRST_MASTER_PLAYLIST, MASTER_PLAYLIST, ladderFor, mergeMasterPlaylists } from '../media/index.ts';
import type { Media, MediaInfo, MediaLimits } from '../media/index.ts';
import type { JobHandler, JobOutcome } from '../jobs/job.types.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { contentTypeFor } from '../storage/content-type.ts';
import { blobKeys } from '../storage/keys.ts';
import { listLocalFiles, readLocalText, withScratchDir, writeLocalFile } from '../storage/local-files.ts';
import type { ProcessingState, VideoRepository } from './video.repository.ts';
import type { StoredRendition } from './video.sql.ts';
import { isPublished } from './visibility.ts';

export interface ProcessingDeps {
  videos: VideoRepository;
  media: Media;
  storage: BlobStore;
  limits: MediaLimits;
  transcodeTimeoutMs: number;
  enqueuePurge: (prefix: string) => Promise<void>;
  /** Queues the removal of a failed video's source once operators have had time to look at it. */
  enqueueSourceSweep: (videoId: string) => Promise<void>;
  onPublished?: (videoId: string) => Promise<void>;
}

/** How often a running job checks that its video still exists (a deleted one stops its ffmpeg). */
const DELETION_CHECK_MS = 1_000;

/** Progress shown to the uploader: probing is the first 5 %, the encode up to 95 %, storing the rest. */
const PROBED = 0.05;
const ENCODED = 0.95;

function throttle(fn: (fraction: number) => void, everyMs: number) {
  let last = 0;
  return (fraction: number) => {
    const now = Date.now();
    if (now - last >= everyMs) {
      last = now;
      fn(fraction);
    }
  };
}

export function createProcessVideoHandler(deps: ProcessingDeps): JobHandler<'process_video'> {
  const { videos, media, storage } = deps;
  const fail = async (videoId: string, code: string, reason: string) => {
    await videos.markFailed(videoId, code, reason);
    await deps.enqueueSourceSweep(videoId);
  };

  return {
    async run(job, ctx): Promise<JobOutcome> {
      const video = await videos.processingState(job.videoId);
      // done when gone, or published with its whole ladder
      if (!video || (isPublished(video) && !(video.renditions ?? []).some((r) => r.status === 'pending'))) return { kind: 'done' };
      // Deleting the video mid-job aborts this signal: ffmpeg is killed, and what was written is removed.
      const stop = new AbortController();
      const onJobAbort = () => stop.abort(ctx.signal.reason);
      ctx.signal.addEventListener('abort', onJobAbort, { once: true });
      let deleted = false;
      const watch = setInterval(() => {
        void videos.processingState(video.id).then((still) => {
          if (!still && !stop.signal.aborted) {
            deleted = true;
            stop.abort(new Error('the video was deleted'));
          }
        }, () => undefined);
      }, DELETION_CHECK_MS);
      const removeEverything = async () => {
        await storage.deletePrefix(blobKeys.videoMedia(video.id));
        await storage.deletePrefix(blobKeys.sources(video.id));
      };
      try {
        return await transcodeAndPublish(video, stop.signal, () => deleted, removeEverything);
      } catch (error) {
        if (!deleted) throw error;
        await removeEverything();
        return { kind: 'done' };
      } finally {
        clearInterval(watch);
        ctx.signal.removeEventListener('abort', onJobAbort);
      }
    },

    async onGiveUp(job, error) {
      const video = await videos.processingState(job.videoId);
      if (video && isPublished(video) && video.media_prefix) {
        // playable at its first rendition: keep it so, and say the others could not be made
        await videos.completeLadder(video.id, video.media_prefix, settle(video.renditions ?? [], 'failed'));
        await deps.enqueueSourceSweep(video.id);
        return;
      }
      const reason = /timed out|timeout/i.test(error)
        ? 'Processing took too long and was stopped'
        : 'We could not process this video after several attempts';
      await fail(job.videoId, 'processing_failed', reason);
    },
  };

  async function transcodeAndPublish(
    video: ProcessingState,
    signal: AbortSignal,
    isDeleted: () => boolean,
    removeEverything: () => Promise<void>,
  ): Promise<JobOutcome> {
    return withScratchDir('job', async (work): Promise<JobOutcome> => {
      const source = await storage.get(blobKeys.source(video.id));
      if (!source) {
        if (isPublished(video)) {
          // playable already; the larger renditions can no longer be made
          await videos.completeLadder(video.id, video.media_prefix!, settle(video.renditions ?? [], 'failed'));
          return { kind: 'done' };
        }
        await videos.markFailed(video.id, 'upload_missing', 'The uploaded file is missing; please upload it again');
        return { kind: 'rejected', reason: 'source missing' };
      }
      const inputPath = join(work, 'source');
      await writeLocalFile(inputPath, source.body, signal);

      // Probe once: a retry reuses the stored result.
      let info: MediaInfo;
      const stored = video.probe as { info?: MediaInfo } | null;
      if (stored?.info) {
        info = stored.info;
      } else {
        const probed = await media.probe(inputPath);
        if (!probed.ok) {
          await fail(video.id, probed.refusal.code, probed.refusal.reason);
          return { kind: 'rejected', reason: probed.refusal.reason };
        }
        info = probed.info;
        await videos.saveProbe(video.id, { raw: probed.raw, info });
      }
      let prefix = video.media_prefix;
      let renditions = video.renditions ?? [];
      if (!isPublished(video)) {
        const refusal = media.validate(info, deps.limits);
        if (refusal) {
          await fail(video.id, refusal.code, refusal.reason);
          return { kind: 'rejected', reason: refusal.reason };
        }
        await videos.setProgress(video.id, PROBED);
        const ladder = ladderFor(info.width, info.height);
        // 1. The smallest rung and the poster: playable as soon as they are stored.
        const outDir = join(work, 'first');
        const report = throttle((f) => void videos.setProgress(video.id, PROBED + f * (ENCODED - PROBED)).catch(() => undefined), 500);
        const result = await media.transcode({ inputPath, outDir, info, part: 'first', onProgress: report, signal, timeoutMs: deps.transcodeTimeoutMs });

        // A fresh prefix per successful run keeps every published URL immutable (cacheable forever).
        prefix = blobKeys.ladder(video.id, randomBytes(6).toString('hex'));
        await storeAll(prefix, outDir, result.files);
        if (isDeleted()) {
          await removeEverything();
          return { kind: 'done' };
        }
        const made = new Map(result.renditions.map((r) => [r.name, r]));
        const audio = info.hasAudio ? AUDIO_BITRATE : 0;
        renditions = ladder.map((r) => {
          const written = made.get(r.name);
          return { name: r.name, width: r.width, height: r.height, bandwidth: written?.bandwidth ?? r.maxBitrate + audio, status: written ? 'ready' : 'pending' };
        });
        const published = await videos.publish(video.id, {
          mediaPrefix: prefix,
          durationMs: info.durationMs ?? 0,
          width: ladder[0]?.width ?? info.width,
          height: ladder[0]?.height ?? info.height,
          hasAudio: info.hasAudio,
          renditions,
        });
        if (!published) {
          // deleted while the files were being stored: nothing of it may stay behind
          await removeEverything();
          return { kind: 'done' };
        }
        if (published.previousPrefix) await deps.enqueuePurge(published.previousPrefix);
        await deps.onPublished?.(video.id);
      }

      // 2. The rest of the ladder, under the same prefix; then one master with every rendition.
      if (prefix && renditions.some((r) => r.status === 'pending')) {
        const outDir = join(work, 'rest');
        const result = await media.transcode({ inputPath, outDir, info, part: 'rest', signal, timeoutMs: deps.transcodeTimeoutMs });
        await storeAll(prefix, outDir, result.files.filter((f) => f !== result.master));
        const first = await storage.get(blobKeys.ladderFile(prefix, FIRST_MASTER_PLAYLIST));
        if (!first) throw new Error('the first master playlist is missing');
        const master = mergeMasterPlaylists(await text(first.body), await readLocalText(join(outDir, result.master)));
        await storage.putBytes(blobKeys.ladderFile(prefix, MASTER_PLAYLIST), master, contentTypeFor(MASTER_PLAYLIST));
        const made = new Map(result.renditions.map((r) => [r.name, r]));
        const complete = renditions.map((r) => ({ ...r, bandwidth: made.get(r.name)?.bandwidth ?? r.bandwidth, status: 'ready' as const }));
        if (!(await videos.completeLadder(video.id, prefix, complete))) {
          if (isDeleted() || !(await videos.processingState(video.id))) {
            await removeEverything();
            return { kind: 'done' };
          }
          // re-keyed meanwhile (it left public view): the next attempt adds the ladder under the new prefix
          await storage.deletePrefix(prefix);
          throw new Error('the media moved while the ladder was being completed');
        }
      }
      await storage.deletePrefix(blobKeys.sources(video.id));
      return { kind: 'done' };
    });
  }

  async function storeAll(prefix: string, dir: string, files: string[]) {
    for (const file of files.length > 0 ? files : await listLocalFiles(dir)) {
      await storage.putFile(blobKeys.ladderFile(prefix, file), join(dir, file), contentTypeFor(file));
    }
  }
}

/** The ladder with every rendition not yet made marked `status`. */
function settle(renditions: StoredRendition[], status: 'failed'): StoredRendition[] {
  return renditions.map((r) => (r.status === 'pending' ? { ...r, status } : r));
}

export function createPurgeMediaHandler(storage: BlobStore): JobHandler<'purge_media'> {
  return {
    async run(job) {
      await storage.deletePrefix(job.prefix);
      return { kind: 'done' };
    },
  };
}

/**
 * A video that left public visibility gets its media under a fresh prefix: URLs that public caches
 * may hold (for a year: they were immutable) no longer lead to it, and the old files are purged.
 */
export function createRekeyMediaHandler(deps: { videos: VideoRepository; storage: BlobStore; enqueuePurge: (prefix: string) => Promise<void> }): JobHandler<'rekey_media'> {
  return {
    async run(job) {
      const video = await deps.videos.mediaState(job.videoId);
      if (!video?.media_prefix || video.visibility === 'public') return { kind: 'done' };
      const fresh = blobKeys.ladder(job.videoId, randomBytes(6).toString('hex'));
      await deps.storage.copyPrefix(video.media_prefix, fresh);
      if (await deps.videos.swapMediaPrefix(job.videoId, video.media_prefix, fresh)) await deps.enqueuePurge(video.media_prefix);
      else await deps.storage.deletePrefix(fresh);
      return { kind: 'done' };
    },
  };
}
