import { z } from 'zod';
import type { Router } from '../http/route.ts';
import type { SearchService } from './search.service.ts';

const searchQuery = z.object({ q: z.string().trim().min(1, 'type something to search').max(100) });

export function searchRoutes(route: Router, search: SearchService) {
  route({
    method: 'GET',
    url: '/api/v1/search',
    summary: 'Search people, videos and hashtags',
    tag: 'discovery',
    auth: 'optional',
    query: searchQuery,
    handler: ({ viewer, query }) => search.search(query.q, viewer?.id ?? null),
  });
}
