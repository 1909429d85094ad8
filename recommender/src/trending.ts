/**
 * Regional trending: per region, a time-decayed engagement score per video (half-life six hours).
 * The top list is refreshed from `add()` (never from a read), so it is a function of the event
 * stream and survives snapshot + replay unchanged.
 */
const HALF_LIFE_MS = 6 * 3_600_000;
/**
 * The top list is recomputed every 5 min of event time. (It was also recomputed every 2,000
 * updates of a region: a pass over every score of the region, so at a high event rate its cost
 * grew with the rate times the region's videos. Decision 012 has the same reasoning for the
 * vector index.)
 */
const REFRESH_EVERY_MS = 5 * 60_000;
const TOP_SIZE = 200;
const PRUNE_BELOW = 0.02;

/**
 * A region's scores: a slot per video in two float arrays (score, time of its last update), found
 * through an insertion-ordered map. An object per score (with a box for each of its two floats)
 * was three heap objects per video per region for the collector to trace.
 */
interface RegionTrend {
  slotOf: Map<string, number>;
  score: Float64Array;
  at: Float64Array;
  free: number[];
  /** slots handed out so far (free ones included) */
  used: number;
  top: string[];
  topScores: number[];
  computedAt: number;
  /** updates since the last refresh (kept in snapshots; the refresh runs on time alone) */
  updates: number;
}

export type TrendingSnapshot = [string, { ids: string[]; scores: number[]; at: number[]; top: string[]; topScores: number[]; computedAt: number; updates: number }][];

const decay = (score: number, from: number, to: number): number => score * Math.pow(2, -(Math.max(0, to - from)) / HALF_LIFE_MS);

const newRegion = (capacity = 64): RegionTrend => ({
  slotOf: new Map(), score: new Float64Array(capacity), at: new Float64Array(capacity), free: [], used: 0,
  top: [], topScores: [], computedAt: -Infinity, updates: 0,
});

/** A slot for a new score (the arrays double when full). */
function allocate(trend: RegionTrend): number {
  const reused = trend.free.pop();
  if (reused !== undefined) return reused;
  if (trend.used === trend.score.length) {
    const score = new Float64Array(trend.used * 2);
    score.set(trend.score);
    trend.score = score;
    const at = new Float64Array(trend.used * 2);
    at.set(trend.at);
    trend.at = at;
  }
  return trend.used++;
}

export class Trending {
  private readonly regions = new Map<string, RegionTrend>();

  add(region: string, videoId: string, weight: number, at: number): void {
    let trend = this.regions.get(region);
    if (!trend) {
      trend = newRegion();
      this.regions.set(region, trend);
    }
    const slot = trend.slotOf.get(videoId);
    if (slot !== undefined) {
      const last = trend.at[slot] as number;
      trend.score[slot] = decay(trend.score[slot] as number, last, at) + weight;
      trend.at[slot] = Math.max(last, at);
    } else {
      const fresh = allocate(trend);
      trend.score[fresh] = weight;
      trend.at[fresh] = at;
      trend.slotOf.set(videoId, fresh);
    }
    trend.updates++;
    if (at - trend.computedAt >= REFRESH_EVERY_MS) this.refresh(trend, at);
  }

  /** Prunes faded scores and keeps the best `TOP_SIZE` (score, then id): a bounded heap, not a sort of every score. */
  private refresh(trend: RegionTrend, now: number): void {
    const top = new TopScores(TOP_SIZE);
    // forEach, not for-of: no [id, slot] pair per score (deleting the current entry is safe)
    trend.slotOf.forEach((slot, id, slots) => {
      const score = decay(trend.score[slot] as number, trend.at[slot] as number, now);
      if (score < PRUNE_BELOW) {
        slots.delete(id);
        trend.free.push(slot);
      } else top.offer(id, score);
    });
    const { ids, scores } = top.sorted();
    trend.top = ids;
    trend.topScores = scores;
    trend.computedAt = now;
    trend.updates = 0;
  }

  /** The region's top videos (best first) with their scores at the last refresh. */
  top(region: string): { ids: readonly string[]; scores: readonly number[] } {
    const trend = this.regions.get(region);
    return trend ? { ids: trend.top, scores: trend.topScores } : { ids: [], scores: [] };
  }

  /** Trending ids across every region (for viewers whose region has no data yet). */
  regionsList(): string[] {
    return [...this.regions.keys()];
  }

  remove(videoId: string): void {
    for (const trend of this.regions.values()) {
      const slot = trend.slotOf.get(videoId);
      if (slot !== undefined) {
        trend.slotOf.delete(videoId);
        trend.free.push(slot);
      }
      const i = trend.top.indexOf(videoId);
      if (i >= 0) {
        trend.top.splice(i, 1);
        trend.topScores.splice(i, 1);
      }
    }
  }

  snapshot(): TrendingSnapshot {
    return [...this.regions].map(([region, t]) => [
      region,
      {
        ids: [...t.slotOf.keys()],
        scores: [...t.slotOf.values()].map((slot) => t.score[slot] as number),
        at: [...t.slotOf.values()].map((slot) => t.at[slot] as number),
        top: t.top,
        topScores: t.topScores,
        computedAt: t.computedAt === -Infinity ? -1e300 : t.computedAt,
        updates: t.updates,
      },
    ]);
  }

  restore(s: TrendingSnapshot): void {
    this.regions.clear();
    for (const [region, t] of s) {
      const trend = newRegion(Math.max(64, t.ids.length));
      t.ids.forEach((id, i) => {
        const slot = allocate(trend);
        trend.score[slot] = t.scores[i] ?? 0;
        trend.at[slot] = t.at[i] ?? 0;
        trend.slotOf.set(id, slot);
      });
      Object.assign(trend, { top: [...t.top], topScores: [...t.topScores], computedAt: t.computedAt, updates: t.updates });
      this.regions.set(region, trend);
    }
  }
}

/** The k best (id, score) pairs, best first: higher score, then smaller id (a total order). */
class TopScores {
  private readonly ids: string[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  /** true when (a) ranks below (b) */
  private worse(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a < b || (a === b && (this.ids[i] as string) > (this.ids[j] as string));
  }

  offer(id: string, score: number): void {
    const ids = this.ids;
    const scores = this.scores;
    if (ids.length < this.k) {
      ids.push(id);
      scores.push(score);
      for (let i = ids.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!this.worse(i, p)) break;
        this.swap(i, p);
        i = p;
      }
      return;
    }
    const min = scores[0] as number;
    if (score < min || (score === min && id > (ids[0] as string))) return;
    ids[0] = id;
    scores[0] = score;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < ids.length && this.worse(l, m)) m = l;
      if (r < ids.length && this.worse(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const id = this.ids[i] as string;
    this.ids[i] = this.ids[j] as string;
    this.ids[j] = id;
    const score = this.scores[i] as number;
    this.scores[i] = this.scores[j] as number;
    this.scores[j] = score;
  }

  sorted(): { ids: string[]; scores: number[] } {
    const order = this.ids.map((_, i) => i);
    order.sort((a, b) => (this.scores[b] as number) - (this.scores[a] as number) || ((this.ids[a] as string) < (this.ids[b] as string) ? -1 : 1));
    return { ids: order.map((i) => this.ids[i] as string), scores: order.map((i) => this.scores[i] as number) };
  }
}
