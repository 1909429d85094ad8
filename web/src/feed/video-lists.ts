// The grids a video can be opened from, as lists a feed can play: `from` in `/v/:id?from=…`
// names one (`profile:ana`, `tag:cats`, `search:dogs`). The grid and the feed opened from it share
// one cached list (usePagedList's cache), so the feed starts at once with what the grid showed.
import type { Video, ViewSource } from '@cliptide/contract';
import { fetchHashtagVideos, search } from '../api/discovery.ts';
import { fetchUserVideos } from '../api/users.ts';
import { fetchLiked, fetchSaved } from '../api/collections.ts';
import { paths } from '../router/routes.ts';
import type { LoadPage } from '../ui/use-paged-list.ts';

export interface VideoList {
  /** usePagedList's key, the same in the grid and in the feed. */
  key: string;
  load: LoadPage<Video>;
  /** The grid's own page, where "Back" goes. */
  back: string;
  /** Says what the feed is: "@ana’s videos". */
  title: string;
  source: ViewSource;
}

export const listOf = {
  profile: (username: string) => `profile:${username}`,
  hashtag: (tag: string) => `tag:${tag}`,
  search: (q: string) => `search:${q}`,
  liked: (username: string) => `liked:${username}`,
  /** Only the signed-in person's own (the name is theirs, for the way back). */
  saved: (username: string) => `saved:${username}`,
};

export function videoList(from: string): VideoList | null {
  const at = from.indexOf(':');
  const kind = from.slice(0, at);
  const name = from.slice(at + 1);
  if (at < 0 || !name) return null;
  switch (kind) {
    case 'profile':
      return { key: `videos:${name}`, load: (cursor, signal) => fetchUserVideos(name, cursor, signal), back: paths.profile(name), title: `@${name}’s videos`, source: 'profile' };
    case 'tag':
      return { key: `tag-videos:${name}`, load: (cursor, signal) => fetchHashtagVideos(name, cursor, signal), back: paths.hashtag(name), title: `#${name}`, source: 'hashtag' };
    case 'liked':
      return { key: `liked-videos:${name}`, load: (cursor, signal) => fetchLiked(name, cursor, signal), back: paths.profile(name), title: `Videos @${name} liked`, source: 'profile' };
    case 'saved':
      return { key: 'saved-videos', load: (cursor, signal) => fetchSaved(cursor, signal), back: paths.profile(name), title: 'Saved videos', source: 'profile' };
    case 'search':
      return {
        key: `search-videos:${name}`,
        load: async (_cursor, signal) => ({ items: (await search(name, signal)).videos, nextCursor: null }),
        back: paths.search(name),
        title: `Videos for “${name}”`,
        source: 'search',
      };
    default:
      return null;
  }
}
