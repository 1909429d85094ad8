// Search: people, videos and hashtags for one query, each list through its own module's service
// (videos through the visibility rule).
import type { AccountService } from '../accounts/account.service.ts';
import type { VideoService } from '../videos/video.service.ts';

export interface SearchDeps {
  accounts: Pick<AccountService, 'search'>;
  videos: Pick<VideoService, 'search'>;
}

const PEOPLE = 10;

export function createSearchService(deps: SearchDeps) {
  return {
    async search(q: string, viewerId: string | null) {
      const [users, found] = await Promise.all([deps.accounts.search(q.replace(/^@/, ''), PEOPLE, viewerId), deps.videos.search(q, viewerId)]);
      return { users, ...found };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
