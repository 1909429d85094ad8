// What the engine knows of a video: ids, hashtags, caption terms, duration, age, region.
import type { VideoMeta } from '@cliptide/recommender';
import type { CatalogueRow } from './recommender.repository.ts';

const STOP = new Set(['the', 'and', 'for', 'with', 'you', 'your', 'this', 'that', 'from', 'are', 'was', 'all', 'its', 'out', 'get', 'one']);

export function captionTerms(caption: string): string[] {
  const words = caption
    .replace(/[#@][\p{L}\p{N}_.]+/gu, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOP.has(w));
  return [...new Set(words)].slice(0, 20);
}

export function videoMeta(r: CatalogueRow): VideoMeta {
  return {
    id: r.id,
    creatorId: r.author_id,
    hashtags: r.hashtags,
    soundId: null,
    captionTerms: captionTerms(r.caption),
    language: null,
    durationMs: r.duration_ms ?? 0,
    createdAt: r.published_at.getTime(),
    region: r.home_region,
  };
}
