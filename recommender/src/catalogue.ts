/** The videos the engine may recommend, with indexes by creator, hashtag and sound. */
import type { VideoMeta } from './types.ts';
import { contentKeys } from './features.ts';
import type { ContentKeys } from './features.ts';
import { seenHash1, seenHash2 } from './seen-filter.ts';
import { FeatureIds } from './feature-ids.ts';
import type { PoolEntry } from './exploration.ts';
import type { ItemParts } from './item-parts.ts';

export type { ItemParts } from './item-parts.ts';

export interface VideoStats {
  impressions: number;
  views: number;
  completions: number;
  watchSum: number;
  likes: number;
  shares: number;
}

/**
 * One video as the engine keeps it. Every field is set when the record is made (`null` / -1
 * until known), so all of them live in the object itself: a field added later goes to a
 * separate property store, one more cache miss for every event that reads it.
 */
export interface VideoRecord extends VideoStats {
  /** the ranker's item-tower features and cross keys of this video, built once (derived from `keys`; see item-parts.ts) */
  parts: ItemParts | null;
  /** the video's row in the vector index when last looked up, -1 before (a hint: `VectorIndex.rowOf` checks it) */
  indexRow: number;
  /** the video's entry in the exploration pool, null when it is not there (a `PoolHolder`: the pool keeps it linked, `ExplorationPool.attach`) */
  poolEntry: PoolEntry | null;
  /** the id's two seen-filter hashes, computed once (`SeenFilter.hasHashed`) */
  seen1: number;
  seen2: number;
  meta: VideoMeta;
  keys: ContentKeys;
}

const NEWEST_CACHED = 500;

const newestFirst = (a: VideoRecord, b: VideoRecord): number =>
  b.meta.createdAt - a.meta.createdAt || (a.meta.id < b.meta.id ? -1 : 1);

/** A video's counters (kept in its record: an object of their own was one more cache miss per event). */
export function statsOf(r: VideoStats): VideoStats {
  return { impressions: r.impressions, views: r.views, completions: r.completions, watchSum: r.watchSum, likes: r.likes, shares: r.shares };
}

export class Catalogue {
  readonly videos = new Map<string, VideoRecord>();
  /** numbers the videos' cross keys (users' crosses are found by these ids; see item-parts.ts) */
  readonly featureIds = new FeatureIds();
  /** creatorId → videos in upsert order (records, so candidate sources need no lookup per video) */
  readonly byCreator = new Map<string, VideoRecord[]>();
  /** tag key (h:…) or sound key (s:…) → videos in upsert order */
  readonly byFeature = new Map<string, VideoRecord[]>();
  private newestCache: VideoRecord[] | null = null;

  /** Adds or replaces a video; returns false when nothing changed. */
  upsert(meta: VideoMeta): boolean {
    const existing = this.videos.get(meta.id);
    if (existing && JSON.stringify(existing.meta) === JSON.stringify(meta)) return false;
    if (existing) {
      this.unindex(existing);
      this.dropNewest(existing);
    }
    const record: VideoRecord = {
      parts: null,
      indexRow: -1,
      poolEntry: null,
      seen1: seenHash1(meta.id),
      seen2: seenHash2(meta.id),
      meta: { ...meta },
      views: existing?.views ?? 0,
      completions: existing?.completions ?? 0,
      // -0, not 0: a float from the start, so its box is made with the record (next to it in
      // memory) instead of when the first partial watch turns the field from integer to float
      watchSum: existing?.watchSum ?? -0,
      impressions: existing?.impressions ?? 0,
      likes: existing?.likes ?? 0,
      shares: existing?.shares ?? 0,
      keys: contentKeys(meta),
    };
    this.videos.set(meta.id, record);
    this.insertNewest(record);
    push(this.byCreator, meta.creatorId, record);
    for (const key of featureKeys(record)) push(this.byFeature, key, record);
    return true;
  }

  remove(id: string): VideoRecord | null {
    const record = this.videos.get(id);
    if (!record) return null;
    this.dropNewest(record);
    this.unindex(record);
    this.videos.delete(id);
    return record;
  }

  /** The most recently created videos, newest first (cached until the catalogue changes). */
  newest(n: number): VideoRecord[] {
    if (!this.newestCache || this.newestCache.length < Math.min(n, this.videos.size)) {
      const all = [...this.videos.values()];
      all.sort(newestFirst);
      this.newestCache = all.slice(0, Math.max(n, NEWEST_CACHED));
    }
    return this.newestCache.slice(0, n);
  }

  /**
   * Keeps the cached newest list a correct prefix of the whole order as videos come and go, so
   * an upload does not cost the next page a sort of the catalogue. (`videos` already holds `rec`.)
   */
  private insertNewest(rec: VideoRecord): void {
    const cache = this.newestCache;
    if (!cache) return;
    let lo = 0;
    let hi = cache.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newestFirst(cache[mid] as VideoRecord, rec) < 0) lo = mid + 1;
      else hi = mid;
    }
    // past the end of a partial list: it is not known to be among the newest, leave it out
    if (lo === cache.length && cache.length + 1 < this.videos.size) return;
    cache.splice(lo, 0, rec);
    if (cache.length > 2 * NEWEST_CACHED) cache.length = NEWEST_CACHED;
  }

  private dropNewest(rec: VideoRecord): void {
    const cache = this.newestCache;
    if (!cache) return;
    const i = cache.indexOf(rec);
    if (i >= 0) cache.splice(i, 1);
  }

  get(id: string): VideoRecord | undefined {
    return this.videos.get(id);
  }

  private unindex(record: VideoRecord): void {
    pull(this.byCreator, record.meta.creatorId, record);
    for (const key of featureKeys(record)) pull(this.byFeature, key, record);
  }

  snapshot(): { meta: VideoMeta; stats: VideoStats }[] {
    return [...this.videos.values()].map((r) => ({ meta: r.meta, stats: statsOf(r) }));
  }

  restore(rows: { meta: VideoMeta; stats: VideoStats }[]): void {
    for (const row of rows) {
      this.upsert(row.meta);
      const record = this.videos.get(row.meta.id);
      if (record) Object.assign(record, statsOf(row.stats));
    }
  }
}

function featureKeys(r: VideoRecord): string[] {
  return r.keys.sound === null ? r.keys.tags : [...r.keys.tags, r.keys.sound];
}

function push(index: Map<string, VideoRecord[]>, key: string, rec: VideoRecord): void {
  const list = index.get(key);
  if (list) list.push(rec);
  else index.set(key, [rec]);
}

function pull(index: Map<string, VideoRecord[]>, key: string, rec: VideoRecord): void {
  const list = index.get(key);
  if (!list) return;
  const i = list.lastIndexOf(rec);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) index.delete(key);
}
