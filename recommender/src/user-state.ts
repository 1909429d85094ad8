/**
 * What the engine keeps per user: user × feature crosses (per-task biases learned online),
 * a short-term interest vector, the seen filter and the user's explicit controls.
 * Every collection is bounded, so memory per user is bounded.
 */
import { SeenFilter } from './seen-filter.ts';
import type { SeenSnapshot } from './seen-filter.ts';
import { encodeF32, decodeF32 } from './codec.ts';

export const MAX_CROSSES = 256;
export const MAX_HIDDEN = 500;
export const MAX_RECENT = 20;

export interface CrossEntry {
  /** per-task biases, then per-task Adagrad accumulators */
  w: Float32Array;
  lastSeen: number;
  /** evidence behind the cross, for reasons */
  completes: number;
  likes: number;
}

export class UserState {
  crosses = new Map<string, CrossEntry>();
  interest: Float32Array;
  interestWeight = 0;
  seen = new SeenFilter();
  hiddenVideos = new Set<string>();
  hiddenCreators = new Set<string>();
  mutedTags = new Set<string>();
  /** recently watched-through videos (newest last) */
  recent: string[] = [];
  region: string | null = null;
  /** creator of the last video served, so a new page does not start with the same creator */
  lastCreator: string | null = null;
  accountCreatedAt: number | null = null;
  lastSeen = 0;

  constructor(
    readonly dim: number,
    readonly tasks: number,
  ) {
    this.interest = new Float32Array(dim);
  }

  cross(key: string, at: number): CrossEntry {
    let entry = this.crosses.get(key);
    if (!entry) {
      if (this.crosses.size >= MAX_CROSSES) this.evictOldestCross();
      entry = { w: new Float32Array(this.tasks * 2).fill(1, this.tasks), lastSeen: at, completes: 0, likes: 0 };
      this.crosses.set(key, entry);
    }
    if (at > entry.lastSeen) entry.lastSeen = at;
    return entry;
  }

  private evictOldestCross(): void {
    let oldestKey: string | null = null;
    let oldest = Infinity;
    for (const [key, entry] of this.crosses) {
      if (entry.lastSeen < oldest) {
        oldest = entry.lastSeen;
        oldestKey = key;
      }
    }
    if (oldestKey !== null) this.crosses.delete(oldestKey);
  }

  pushRecent(videoId: string): void {
    const i = this.recent.indexOf(videoId);
    if (i >= 0) this.recent.splice(i, 1);
    this.recent.push(videoId);
    if (this.recent.length > MAX_RECENT) this.recent.shift();
  }

  /** Moves the short-term interest towards an item vector. */
  learnInterest(itemVector: Float32Array, weight: number): void {
    const rate = weight / (this.interestWeight + weight + 1);
    for (let i = 0; i < this.dim; i++) {
      const cur = this.interest[i] as number;
      this.interest[i] = cur + rate * ((itemVector[i] as number) - cur);
    }
    this.interestWeight = Math.min(this.interestWeight + weight, 20);
  }

  hide(set: Set<string>, id: string): void {
    set.delete(id);
    set.add(id);
    if (set.size > MAX_HIDDEN) {
      const first = set.values().next();
      if (!first.done) set.delete(first.value);
    }
  }

  /** Forgets learned interests; keeps controls (not interested, muted tags) and the seen filter. */
  forgetInterests(): void {
    this.crosses.clear();
    this.interest.fill(0);
    this.interestWeight = 0;
    this.recent = [];
  }

  snapshot(): UserSnapshot {
    const keys = [...this.crosses.keys()];
    const entries = [...this.crosses.values()];
    const w = new Float32Array(entries.length * this.tasks * 2);
    entries.forEach((e, i) => w.set(e.w, i * this.tasks * 2));
    return {
      crossKeys: keys,
      crossW: encodeF32(w),
      crossMeta: entries.map((e) => [e.lastSeen, e.completes, e.likes]),
      interest: encodeF32(this.interest),
      interestWeight: this.interestWeight,
      seen: this.seen.snapshot(),
      hiddenVideos: [...this.hiddenVideos],
      hiddenCreators: [...this.hiddenCreators],
      mutedTags: [...this.mutedTags],
      recent: this.recent,
      region: this.region,
      lastCreator: this.lastCreator,
      accountCreatedAt: this.accountCreatedAt,
      lastSeen: this.lastSeen,
    };
  }

  static restore(s: UserSnapshot, dim: number, tasks: number): UserState {
    const u = new UserState(dim, tasks);
    const w = decodeF32(s.crossW);
    s.crossKeys.forEach((key, i) => {
      const [lastSeen, completes, likes] = s.crossMeta[i] ?? [0, 0, 0];
      u.crosses.set(key, { w: w.slice(i * tasks * 2, (i + 1) * tasks * 2), lastSeen, completes, likes });
    });
    u.interest = decodeF32(s.interest);
    u.interestWeight = s.interestWeight;
    u.seen = SeenFilter.restore(s.seen);
    u.hiddenVideos = new Set(s.hiddenVideos);
    u.hiddenCreators = new Set(s.hiddenCreators);
    u.mutedTags = new Set(s.mutedTags);
    u.recent = [...s.recent];
    u.region = s.region;
    u.lastCreator = s.lastCreator;
    u.accountCreatedAt = s.accountCreatedAt;
    u.lastSeen = s.lastSeen;
    return u;
  }
}

export interface UserSnapshot {
  crossKeys: string[];
  crossW: string;
  crossMeta: [number, number, number][];
  interest: string;
  interestWeight: number;
  seen: SeenSnapshot;
  hiddenVideos: string[];
  hiddenCreators: string[];
  mutedTags: string[];
  recent: string[];
  region: string | null;
  lastCreator: string | null;
  accountCreatedAt: number | null;
  lastSeen: number;
}
