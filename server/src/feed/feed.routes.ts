// HTTP for the Following feed.
import { cursorQuery, videoPage } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { FeedService } from './feed.service.ts';

export function feedRoutes(route: Router, feed: FeedService) {
  route({
    method: 'GET',
    url: '/api/v1/feed/following',
    summary: 'Videos from people you follow, newest first',
    tag: 'feed',
    auth: 'required',
    query: cursorQuery,
    response: videoPage,
    errors: ['screen_time_limit'],
    handler: ({ viewer, query }) => feed.following(viewer.id, query.cursor),
  });
}
