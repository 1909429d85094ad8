// HTTP for search.
import { searchQuery, searchResults } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { SearchService } from './search.service.ts';

export function searchRoutes(route: Router, search: SearchService, limits: { searchPerMinute: number }) {
  route({
    method: 'GET',
    url: '/api/v1/search',
    summary: 'Search people, videos and hashtags',
    tag: 'discovery',
    rateLimit: { perAccount: limits.searchPerMinute, perAddress: limits.searchPerMinute * 4 },
    auth: 'optional',
    query: searchQuery,
    response: searchResults,
    watching: true,
    handler: ({ viewer, query }) => search.search(query.q, viewer?.id ?? null),
  });
}
