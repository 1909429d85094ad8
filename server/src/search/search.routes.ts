// HTTP for search.
import { searchQuery, searchResults } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { AccountService } from '../accounts/account.service.ts';
import type { VideoService } from '../videos/video.service.ts';

export function searchRoutes(route: Router, deps: { accounts: AccountService; videos: VideoService }) {
  route({
    method: 'GET',
    url: '/api/v1/search',
    summary: 'Search people, videos and hashtags',
    tag: 'discovery',
    auth: 'optional',
    query: searchQuery,
    response: searchResults,
    handler: async ({ viewer, query }) => {
      const q = query.q.replace(/^@/, '');
      const [users, found] = await Promise.all([deps.accounts.search(q, 10, viewer?.id ?? null), deps.videos.search(query.q, viewer?.id ?? null)]);
      return { users, ...found };
    },
  });
}
