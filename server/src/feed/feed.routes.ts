import { z } from 'zod';
import type { Router } from '../http/route.ts';
import type { FeedService } from './feed.service.ts';

const pageQuery = z.object({ cursor: z.string().max(500).optional() });

export function feedRoutes(route: Router, feed: FeedService) {
  route({
    method: 'GET',
    url: '/api/v1/feed/following',
    summary: 'Videos from people you follow, newest first',
    tag: 'feed',
    auth: 'required',
    query: pageQuery,
    handler: ({ viewer, query }) => feed.following(viewer.id, query.cursor),
  });
}
