// The Following feed: chronological, what the people the viewer follows published.
// (For You is served by the recommender: server/src/recommendation.)
import type { VideoService } from '../videos/video.service.ts';

export interface FeedDeps {
  videos: VideoService;
  /** Throws screen_time_limit when the viewer's daily limit is reached (wellbeing). */
  assertFeedOpen?: (viewerId: string) => Promise<void>;
}

export function createFeedService(deps: FeedDeps) {
  return {
    async following(viewerId: string, cursor?: string) {
      await deps.assertFeedOpen?.(viewerId);
      return deps.videos.following(viewerId, cursor);
    },
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
