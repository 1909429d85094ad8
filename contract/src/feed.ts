// For You and its controls: not interested, refresh, personalisation switch, keyword filters.
import { z } from 'zod';
import { MAX_KEYWORD_FILTERS, MAX_KEYWORD_LENGTH } from './limits.ts';

export const forYouQuery = z.object({ cursor: z.string().max(100).optional() });
export const notInterestedBody = z.union([
  z.object({ videoId: z.uuid() }),
  z.object({ username: z.string().min(1).max(64) }),
  z.object({ hashtag: z.string().min(1).max(51) }),
]);
export const preferencesBody = z.object({
  personalized: z.boolean().optional(),
  keywordFilters: z.array(z.string().max(MAX_KEYWORD_LENGTH)).max(MAX_KEYWORD_FILTERS).optional(),
});
export const feedPreferences = z
  .object({ personalized: z.boolean(), keywordFilters: z.array(z.string()) })
  .meta({ id: 'FeedPreferences', description: 'personalized=false: For You is what is popular in your region and recent (the EU DSA non-personalised option)' });
export const feedPreferencesResponse = z.object({ preferences: feedPreferences });

export type FeedPreferences = z.output<typeof feedPreferences>;
export type NotInterestedTarget = z.input<typeof notInterestedBody>;
export type FeedPreferencesResponse = z.output<typeof feedPreferencesResponse>;
