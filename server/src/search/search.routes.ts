// HTTP for search.
import { searchQuery, searchResults } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { SearchService } from './search.service.ts';

export function searchRoutes(route: Router, search: SearchService) {
  route({
    method: 'GET',
    url: '/api/v1/search',
    summary: 'Search people, videos and hashtags',
    tag: 'discovery',
    auth: 'optional',
    query: searchQuery,
    response: searchResults,
    handler: ({ viewer, query }) => search.search(query.q, viewer?.id ?? null),
  });
}
