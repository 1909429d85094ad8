/**
 * Regional trending: per region, a time-decayed engagement score per video (half-life six hours).
 * The top list is refreshed from `add()` (never from a read), so it is a function of the event
 * stream and survives snapshot + replay unchanged.
 */
const HALF_LIFE_MS = 6 * 3_600_000;
const REFRESH_EVERY_MS = 5 * 60_000;
const REFRESH_EVERY_UPDATES = 2000;
const TOP_SIZE = 200;
const PRUNE_BELOW = 0.02;

interface RegionTrend {
  scores: Map<string, { score: number; at: number }>;
  top: string[];
  topScores: number[];
  computedAt: number;
  updates: number;
}

export type TrendingSnapshot = [string, { ids: string[]; scores: number[]; at: number[]; top: string[]; topScores: number[]; computedAt: number; updates: number }][];

const decay = (score: number, from: number, to: number): number => score * Math.pow(2, -(Math.max(0, to - from)) / HALF_LIFE_MS);

export class Trending {
  private readonly regions = new Map<string, RegionTrend>();

  add(region: string, videoId: string, weight: number, at: number): void {
    let trend = this.regions.get(region);
    if (!trend) {
      trend = { scores: new Map(), top: [], topScores: [], computedAt: -Infinity, updates: 0 };
      this.regions.set(region, trend);
    }
    const cur = trend.scores.get(videoId);
    if (cur) {
      cur.score = decay(cur.score, cur.at, at) + weight;
      cur.at = Math.max(cur.at, at);
    } else trend.scores.set(videoId, { score: weight, at });
    trend.updates++;
    if (at - trend.computedAt >= REFRESH_EVERY_MS || trend.updates >= REFRESH_EVERY_UPDATES) this.refresh(trend, at);
  }

  private refresh(trend: RegionTrend, now: number): void {
    const ranked: [string, number][] = [];
    for (const [id, s] of trend.scores) {
      const score = decay(s.score, s.at, now);
      if (score < PRUNE_BELOW) trend.scores.delete(id);
      else ranked.push([id, score]);
    }
    ranked.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const top = ranked.slice(0, TOP_SIZE);
    trend.top = top.map((r) => r[0]);
    trend.topScores = top.map((r) => r[1]);
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
      trend.scores.delete(videoId);
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
        ids: [...t.scores.keys()],
        scores: [...t.scores.values()].map((s) => s.score),
        at: [...t.scores.values()].map((s) => s.at),
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
      const scores = new Map<string, { score: number; at: number }>();
      t.ids.forEach((id, i) => scores.set(id, { score: t.scores[i] ?? 0, at: t.at[i] ?? 0 }));
      this.regions.set(region, { scores, top: [...t.top], topScores: [...t.topScores], computedAt: t.computedAt, updates: t.updates });
    }
  }
}
