// Search across people, videos and hashtags.
import { z } from 'zod';
import { publicUser } from './accounts.ts';
import { hashtagSummary, video } from './videos.ts';

export const searchQuery = z.object({ q: z.string().trim().min(1, 'type something to search').max(100) });
export const searchResults = z
  .object({ users: z.array(publicUser), videos: z.array(video), hashtags: z.array(hashtagSummary) })
  .meta({ id: 'SearchResults' });

export type SearchResults = z.output<typeof searchResults>;
