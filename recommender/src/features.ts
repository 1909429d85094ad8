/** Feature keys: exact ids with a kind prefix, and coarse buckets for numeric signals. */
import type { VideoMeta } from './types.ts';

const DAY = 86_400_000;

export function durationBucket(durationMs: number): string {
  const s = durationMs / 1000;
  if (s < 10) return 'd:0';
  if (s < 20) return 'd:1';
  if (s < 40) return 'd:2';
  if (s < 90) return 'd:3';
  return 'd:4';
}

/** Time of day in four-hour buckets (UTC: the engine is not told the viewer's time zone). */
export function timeOfDayBucket(at: number): string {
  const hour = Math.floor((at % DAY) / 3_600_000);
  return TIME_OF_DAY[Math.floor(hour / 4)] ?? `t:${Math.floor(hour / 4)}`;
}

/** Bucket keys as constants: a key built per event would be hashed again on every lookup. */
const TIME_OF_DAY = ['t:0', 't:1', 't:2', 't:3', 't:4', 't:5'];
const regionKeys = new Map<string, string>();
const MAX_REGION_KEYS = 1000;

export function regionKey(region: string | null): string {
  const name = region ?? '?';
  let key = regionKeys.get(name);
  if (key === undefined) {
    key = `r:${name}`;
    if (regionKeys.size < MAX_REGION_KEYS) regionKeys.set(name, key);
  }
  return key;
}

export function accountAgeBucket(accountCreatedAt: number | null, at: number): string {
  if (accountCreatedAt === null) return 'a:?';
  const days = (at - accountCreatedAt) / DAY;
  if (days < 1) return 'a:0';
  if (days < 7) return 'a:1';
  if (days < 30) return 'a:2';
  if (days < 365) return 'a:3';
  return 'a:4';
}

export const normaliseTag = (tag: string): string => tag.toLowerCase().replace(/^#/, '');

const MAX_TERMS = 8;

/** Precomputed keys of a video's content features. */
export interface ContentKeys {
  creator: string;
  tags: string[];
  sound: string | null;
  terms: string[];
  language: string;
  duration: string;
  /** lower-cased words for keyword filters (a handful: an array is smaller than a set) */
  words: readonly string[];
}

/**
 * One string per distinct key, shared by every video that has it: a catalogue of 100k videos
 * otherwise holds a million small copies of the same few thousand keys. Bounded: past the
 * limit new keys are simply not shared.
 */
const keyPool = new Map<string, string>();
const MAX_POOLED_KEYS = 200_000;

function pooled(key: string): string {
  const shared = keyPool.get(key);
  if (shared !== undefined) return shared;
  if (keyPool.size < MAX_POOLED_KEYS) keyPool.set(key, key);
  return key;
}

export function contentKeys(v: VideoMeta): ContentKeys {
  const tags = [...new Set(v.hashtags.map(normaliseTag))].filter((t) => t.length > 0).map(pooled);
  const terms = [...new Set(v.captionTerms.map((t) => t.toLowerCase()))].slice(0, MAX_TERMS).map(pooled);
  return {
    creator: pooled(`c:${v.creatorId}`),
    tags: tags.map((t) => pooled(`h:${t}`)),
    sound: v.soundId === null ? null : pooled(`s:${v.soundId}`),
    terms: terms.map((t) => pooled(`w:${t}`)),
    language: pooled(`l:${v.language ?? '?'}`),
    duration: durationBucket(v.durationMs),
    words: [...new Set([...tags, ...terms])],
  };
}
