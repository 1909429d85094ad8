/** Small deterministic worlds for the engine's unit tests. */
import type { VideoMeta, FeedRequest } from './types.ts';

export const T0 = Date.UTC(2026, 0, 10, 12);
export const TOPICS = ['baking', 'cars', 'dance', 'chess', 'cats', 'travel'] as const;

/** `perTopic` videos in each topic, by 3 creators per topic, all a month old (past the exploration pool). */
export function catalogue(perTopic = 20, createdAt = T0 - 30 * 86_400_000): VideoMeta[] {
  const out: VideoMeta[] = [];
  TOPICS.forEach((topic, ti) => {
    for (let i = 0; i < perTopic; i++) {
      out.push({
        id: `${topic}-${i}`,
        creatorId: `${topic}-creator-${i % 3}`,
        hashtags: [topic, i % 2 === 0 ? 'fyp' : 'viral'],
        soundId: `sound-${ti}-${i % 4}`,
        captionTerms: [topic, `word${i % 5}`],
        language: 'en',
        durationMs: 15_000 + (i % 4) * 5000,
        createdAt: createdAt + i * 1000,
        region: 'eu',
      });
    }
  });
  return out;
}

export function request(userId: string | null, now: number, extra: Partial<FeedRequest> = {}): FeedRequest {
  return {
    userId, region: 'eu', now, count: 10, personalized: true, keywordFilters: [], follows: [], blockedCreators: [], ...extra,
  };
}

export const topicOf = (videoId: string): string => videoId.split('-')[0] as string;
