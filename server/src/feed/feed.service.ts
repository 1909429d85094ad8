// Feeds. Following: chronological. For You: ranked by recent engagement for now (the recommender
// replaces this ranking in its own module), never showing what the viewer may not see.
import { z } from 'zod';
import { DomainError } from '../shared/errors.ts';
import { decodeCursor, encodeCursor, type Page } from '../shared/cursor.ts';
import type { VideoListRepository } from '../videos/video-list.repository.ts';
import { videoView, type VideoView } from '../videos/video.views.ts';
import type { VideoService } from '../videos/video.service.ts';

const PAGE = 8;

export interface FeedDeps {
  lists: VideoListRepository;
  videos: VideoService;
}

export function createFeedService(deps: FeedDeps) {
  return {
    following: (viewerId: string, cursor?: string) => deps.videos.following(viewerId, cursor),

    async forYou(viewerId: string | null, cursor?: string): Promise<Page<VideoView>> {
      const key = decodeCursor(cursor);
      const offset = key ? z.coerce.number().int().min(0).max(10_000).safeParse(key[1]) : null;
      if (key && (key[0] !== 'rank' || !offset?.success)) throw new DomainError('validation_failed', 'The cursor is not valid');
      const start = offset?.success ? offset.data : 0;
      const rows = await deps.lists.byEngagement(viewerId, start, PAGE);
      const more = rows.length > PAGE;
      return {
        items: rows.slice(0, PAGE).map((r) => videoView(r, [{ code: 'popular', text: 'Popular on Cliptide right now' }])),
        nextCursor: more ? encodeCursor(['rank', String(start + PAGE)]) : null,
      };
    },
  };
}
export type FeedService = ReturnType<typeof createFeedService>;
