/** Candidate sources: follows, embedding neighbours, hashtag/sound/creator affinity, trending, recent. */
import type { Catalogue, VideoRecord } from './catalogue.ts';
import type { UserState } from './user-state.ts';
import type { VectorIndex } from './vector-index.ts';
import type { Trending } from './trending.ts';
import type { Eligible } from './filters.ts';
import { SOURCE } from './reasons.ts';
import { SCORE_WEIGHTS } from './ranker.model.ts';

const FOLLOW_PER_CREATOR = 3;
const FOLLOW_MAX_CREATORS = 300;
const FOLLOW_MAX_AGE_MS = 14 * 86_400_000;
const EMBEDDING_K = 120;
const AFFINITY_KEYS = 6;
const AFFINITY_PER_KEY = 40;
const AFFINITY_SCAN = 300;
const TRENDING_K = 80;

/** candidate video → source flags (keyed by record, so scoring needs no catalogue lookup) */
export type CandidateSet = Map<VideoRecord, number>;

export interface Sources {
  catalogue: Catalogue;
  index: VectorIndex<VideoRecord>;
  trending: Trending;
}

const add = (set: CandidateSet, rec: VideoRecord, source: number): void => {
  set.set(rec, (set.get(rec) ?? 0) | source);
};

export function followCandidates(src: Sources, follows: string[], now: number, ok: Eligible, out: CandidateSet): void {
  for (const creatorId of follows.slice(0, FOLLOW_MAX_CREATORS)) {
    const recs = src.catalogue.byCreator.get(creatorId);
    if (!recs) continue;
    let taken = 0;
    for (let i = recs.length - 1; i >= 0 && taken < FOLLOW_PER_CREATOR; i--) {
      const rec = recs[i] as VideoRecord;
      if (now - rec.meta.createdAt > FOLLOW_MAX_AGE_MS || !ok(rec)) continue;
      add(out, rec, SOURCE.follow);
      taken++;
    }
  }
}

export function embeddingCandidates(src: Sources, query: Float32Array, ok: Eligible, out: CandidateSet): void {
  let norm = 0;
  for (const x of query) norm += x * x;
  if (norm === 0) return;
  // a row's tag is its video's record (untagged rows, e.g. just restored, are looked up)
  const skip = (id: string, tagged: VideoRecord | undefined): boolean => {
    const rec = tagged ?? src.catalogue.get(id);
    return !rec || !ok(rec);
  };
  for (const hit of src.index.search(query, EMBEDDING_K, skip)) add(out, hit.tag ?? (src.catalogue.get(hit.id) as VideoRecord), SOURCE.embedding);
}

/** Newest eligible videos of the user's strongest hashtag, sound and creator crosses. */
export function affinityCandidates(src: Sources, user: UserState, ok: Eligible, out: CandidateSet): void {
  const ranked: [string, number][] = [];
  for (const [key, o] of user.crosses.offsets()) {
    if (!(key.startsWith('h:') || key.startsWith('s:') || key.startsWith('c:'))) continue;
    const value = user.crosses.slots.weightedBias(o, SCORE_WEIGHTS);
    if (value > 0) ranked.push([key, value]);
  }
  ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  for (const [key] of ranked.slice(0, AFFINITY_KEYS)) {
    const recs = key.startsWith('c:') ? src.catalogue.byCreator.get(key.slice(2)) : src.catalogue.byFeature.get(key);
    if (!recs) continue;
    let taken = 0;
    for (let i = recs.length - 1, scanned = 0; i >= 0 && taken < AFFINITY_PER_KEY && scanned < AFFINITY_SCAN; i--, scanned++) {
      const rec = recs[i] as VideoRecord;
      if (!ok(rec)) continue;
      add(out, rec, SOURCE.affinity);
      taken++;
    }
  }
}

/** The region's trending videos; other regions' when the region has too little data. */
export function trendingCandidates(src: Sources, region: string, ok: Eligible, out: CandidateSet, k = TRENDING_K): Map<string, number> {
  const scores = new Map<string, number>();
  const regions = [region, ...src.trending.regionsList().filter((r) => r !== region)];
  for (const r of regions) {
    const { ids, scores: s } = src.trending.top(r);
    const local = r === region;
    for (let i = 0; i < ids.length && scores.size < k; i++) {
      const id = ids[i] as string;
      const rec = src.catalogue.get(id);
      if (!rec || scores.has(id) || !ok(rec)) continue;
      scores.set(id, (s[i] as number) * (local ? 1 : 0.5));
      add(out, rec, local ? SOURCE.trending : 0);
    }
    if (scores.size >= k / 2) break;
  }
  return scores;
}

export function recentCandidates(src: Sources, ok: Eligible, out: CandidateSet, k: number): void {
  let taken = 0;
  for (const rec of src.catalogue.newest(k * 4)) {
    if (taken >= k) break;
    if (!ok(rec)) continue;
    add(out, rec, SOURCE.recent);
    taken++;
  }
}
