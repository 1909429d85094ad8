/**
 * The exploration pool: every new upload gets a first audience, widened in stages while people
 * watch it through. Stage budgets are impressions; at the end of a stage the video moves up if
 * its mean watch fraction or completion rate clears the bar, and leaves the pool otherwise
 * (it can still be found through hashtags, follows, trending and embeddings).
 */
export const STAGE_BUDGETS = [30, 200, 1500] as const;
const PASS_WATCH_FRACTION = 0.5;
const PASS_COMPLETION_RATE = 0.35;
export const MAX_POOL_AGE_MS = 3 * 86_400_000;
/** uploads older than this when the engine first hears of them skip the pool */
export const MAX_ENTRY_AGE_MS = 86_400_000;

export interface PoolEntry {
  videoId: string;
  stage: number;
  impressions: number;
  views: number;
  watchSum: number;
  completions: number;
  addedAt: number;
}

export class ExplorationPool {
  private entries: PoolEntry[] = [];
  private readonly at = new Map<string, number>();

  get size(): number {
    return this.entries.length;
  }

  add(videoId: string, now: number): void {
    if (this.at.has(videoId)) return;
    this.at.set(videoId, this.entries.length);
    this.entries.push({ videoId, stage: 0, impressions: 0, views: 0, watchSum: 0, completions: 0, addedAt: now });
  }

  has(videoId: string): boolean {
    return this.at.has(videoId);
  }

  get(videoId: string): PoolEntry | undefined {
    const i = this.at.get(videoId);
    return i === undefined ? undefined : this.entries[i];
  }

  remove(videoId: string): void {
    const i = this.at.get(videoId);
    if (i === undefined) return;
    const last = this.entries.pop() as PoolEntry;
    this.at.delete(videoId);
    if (last.videoId !== videoId) {
      this.entries[i] = last;
      this.at.set(last.videoId, i);
    }
  }

  recordImpression(videoId: string, now: number): void {
    const e = this.get(videoId);
    if (!e) return;
    e.impressions++;
    if (now - e.addedAt > MAX_POOL_AGE_MS) this.remove(videoId);
  }

  recordView(videoId: string, watchFraction: number, completed: boolean): void {
    const e = this.get(videoId);
    if (!e) return;
    e.views++;
    e.watchSum += Math.min(1, watchFraction);
    if (completed) e.completions++;
    const budget = STAGE_BUDGETS[e.stage] ?? 0;
    if (e.views < budget) return;
    const passes = e.watchSum / e.views >= PASS_WATCH_FRACTION || e.completions / e.views >= PASS_COMPLETION_RATE;
    if (passes && e.stage + 1 < STAGE_BUDGETS.length) {
      e.stage++;
    } else this.remove(videoId);
  }

  /** Entries still under their stage budget, picked deterministically from `random`. */
  sample(count: number, random: () => number): PoolEntry[] {
    const n = this.entries.length;
    if (n <= count) return this.entries.filter(underBudget);
    const out: PoolEntry[] = [];
    const picked = new Set<number>();
    for (let tries = 0; tries < count * 3 && out.length < count; tries++) {
      const i = Math.floor(random() * n);
      if (picked.has(i)) continue;
      picked.add(i);
      const e = this.entries[i] as PoolEntry;
      if (underBudget(e)) out.push(e);
    }
    return out;
  }

  snapshot(): PoolEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  restore(entries: PoolEntry[]): void {
    this.entries = entries.map((e) => ({ ...e }));
    this.at.clear();
    this.entries.forEach((e, i) => this.at.set(e.videoId, i));
  }
}

/** Impressions may run ahead of views (people swipe without a view event): cap at twice the budget. */
const underBudget = (e: PoolEntry): boolean => e.impressions < 2 * (STAGE_BUDGETS[e.stage] ?? 0);
