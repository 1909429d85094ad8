// What may be played, by whom: a media key is served only when it is an avatar, or a file of the
// current transcode of a video the viewer may watch (the visibility rule). Sources are never served.
// No HTTP here: the routes turn the answer into status codes, ranges and cache headers.
import type { BlobInfo, BlobRead, BlobStore, ByteRange } from '../storage/blob-store.ts';
import { parseServableKey } from '../storage/keys.ts';
import type { VideoRepository } from '../videos/video.repository.ts';
import { ANONYMOUS, canSeeVideo } from '../videos/visibility.ts';

/** Who may keep a copy: anyone (a shared cache, a CDN) or only the viewer's own browser. */
export type Audience = 'public' | 'private';

export interface PlaybackDeps {
  storage: BlobStore;
  videos: VideoRepository;
}

export function createPlaybackService(deps: PlaybackDeps) {
  async function audienceFor(key: string, viewerId: string | null): Promise<Audience | null> {
    const servable = parseServableKey(key);
    if (!servable) return null;
    if (servable.kind === 'avatar') return 'public';
    const video = await deps.videos.findWatchable(servable.videoId, viewerId);
    // Only the current transcode: an older ladder is on its way out.
    if (!video?.media_prefix || !key.startsWith(video.media_prefix)) return null;
    const audience = { authorId: video.author_id, authorPrivate: video.author_private, visibility: video.visibility, status: video.status, adultOnly: video.adult_only, caption: video.caption };
    return canSeeVideo(audience, ANONYMOUS) ? 'public' : 'private';
  }

  return {
    /** The blob's metadata and who may cache it, or null when there is none this viewer may have. */
    async find(key: string, viewerId: string | null): Promise<(BlobInfo & { audience: Audience }) | null> {
      const audience = await audienceFor(key, viewerId);
      if (!audience) return null;
      const info = await deps.storage.head(key);
      return info ? { ...info, audience } : null;
    },

    /** The blob's bytes (a range of them); call find first. */
    read: (key: string, range?: ByteRange): Promise<BlobRead | null> => deps.storage.get(key, range),
  };
}
export type PlaybackService = ReturnType<typeof createPlaybackService>;
