// The Following feed: chronological, what the people the viewer follows published.
// (For You is served by the recommender: server/src/recommendation.)
import type { VideoService } from '../videos/video.service.ts';

export function createFeedService(deps: { videos: VideoService }) {
  return {
    following: (viewerId: string, cursor?: string) => deps.videos.following(viewerId, cursor),
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
