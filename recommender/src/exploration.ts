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

/**
 * What keeps a link to a video's pool entry (the engine's catalogue record), so the hot paths
 * (every view, every impression, every candidate of a page) read it instead of looking the id up
 * in the pool's map. The pool keeps each link in step: null once the video leaves the pool.
 */
export interface PoolHolder {
  poolEntry: PoolEntry | null;
}

export class ExplorationPool {
  private entries: PoolEntry[] = [];
  /** the holder linked to each entry (same positions as `entries`) */
  private holders: (PoolHolder | null)[] = [];
  private readonly at = new Map<string, number>();

  get size(): number {
    return this.entries.length;
  }

  add(videoId: string, now: number): void {
    if (this.at.has(videoId)) return;
    this.at.set(videoId, this.entries.length);
    this.entries.push({ videoId, stage: 0, impressions: 0, views: 0, watchSum: 0, completions: 0, addedAt: now });
    this.holders.push(null);
  }

  /** Links `holder` to the video's entry (or sets its link to null when the video is not in the pool). */
  attach(videoId: string, holder: PoolHolder): void {
    const i = this.at.get(videoId);
    holder.poolEntry = i === undefined ? null : (this.entries[i] as PoolEntry);
    if (i !== undefined) this.holders[i] = holder;
  }

  /** Links every entry to the holder `holderOf` gives for its video (after a restore). */
  attachEach(holderOf: (videoId: string) => PoolHolder | undefined): void {
    this.entries.forEach((e, i) => {
      const holder = holderOf(e.videoId) ?? null;
      this.holders[i] = holder;
      if (holder) holder.poolEntry = e;
    });
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
    const holder = this.holders[i];
    if (holder) holder.poolEntry = null;
    const last = this.entries.pop() as PoolEntry;
    const lastHolder = this.holders.pop() ?? null;
    this.at.delete(videoId);
    if (last.videoId !== videoId) {
      this.entries[i] = last;
      this.holders[i] = lastHolder;
      this.at.set(last.videoId, i);
    }
  }

  /** `e`: the video's entry as its holder links it (null: not in the pool); looked up when not given. */
  recordImpression(videoId: string, now: number, e: PoolEntry | null | undefined = this.get(videoId)): void {
    if (!e) return;
    e.impressions++;
    if (now - e.addedAt > MAX_POOL_AGE_MS) this.remove(videoId);
  }

  /** As `recordImpression`, for a view. */
  recordView(videoId: string, watchFraction: number, completed: boolean, e: PoolEntry | null | undefined = this.get(videoId)): void {
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
    for (const holder of this.holders) if (holder) holder.poolEntry = null;
    this.entries = entries.map((e) => ({ ...e }));
    this.holders = this.entries.map(() => null);
    this.at.clear();
    this.entries.forEach((e, i) => this.at.set(e.videoId, i));
  }
}

/** Impressions may run ahead of views (people swipe without a view event): cap at twice the budget. */
const underBudget = (e: PoolEntry): boolean => e.impressions < 2 * (STAGE_BUDGETS[e.stage] ?? 0);
