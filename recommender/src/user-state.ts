/**
 * What the engine keeps per user: user × feature crosses (per-task biases learned online),
 * a short-term interest vector, the seen filter and the user's explicit controls.
 * Every collection is bounded, so memory per user is bounded.
 */
import { SeenFilter } from './seen-filter.ts';
import type { SeenSnapshot } from './seen-filter.ts';
import { encodeF32, decodeF32 } from './codec.ts';
import { Crosses } from './crosses.ts';
import type { CrossStore } from './crosses.ts';
import type { TableEntry } from './embedding-table.ts';

export { MAX_CROSSES } from './crosses.ts';
export const MAX_HIDDEN = 500;
export const MAX_RECENT = 20;

/** The "not interested" lists a user can have. */
export type HiddenList = 'hiddenVideos' | 'hiddenCreators' | 'mutedTags';

/** What a list is until its first entry: most users never hide anything, so they get no set of their own. */
const NONE: ReadonlySet<string> = new Set<string>();

export class UserState {
  crosses: Crosses;
  interest: Float32Array;
  interestWeight = 0;
  seen = new SeenFilter();
  hiddenVideos: ReadonlySet<string> = NONE;
  hiddenCreators: ReadonlySet<string> = NONE;
  mutedTags: ReadonlySet<string> = NONE;
  /** recently watched-through videos (newest last) */
  recent: string[] = [];
  region: string | null = null;
  /** creator of the last video served, so a new page does not start with the same creator */
  lastCreator: string | null = null;
  accountCreatedAt: number | null = null;
  lastSeen = 0;
  /** the user's entry in the ranker's user table when last trained (a hint: dropped entries are looked up again) */
  userEntry: TableEntry | undefined = undefined;

  /** `store` holds the slots of the user's crosses (one store per engine) */
  constructor(
    readonly dim: number,
    readonly tasks: number,
    store: CrossStore,
  ) {
    this.interest = new Float32Array(dim);
    this.crosses = new Crosses(store);
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

  /** Adds `id` to a "not interested" list (the most recent last; the oldest drop past `MAX_HIDDEN`). */
  hide(list: HiddenList, id: string): void {
    const set = this[list] === NONE ? new Set<string>() : (this[list] as Set<string>);
    this[list] = set;
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
    const crosses = this.crosses.snapshot();
    return {
      crossKeys: crosses.keys,
      crossW: encodeF32(crosses.w),
      crossMeta: crosses.meta,
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

  static restore(s: UserSnapshot, dim: number, tasks: number, store: CrossStore): UserState {
    const u = new UserState(dim, tasks, store);
    u.crosses = Crosses.restore(store, s.crossKeys, decodeF32(s.crossW), s.crossMeta);
    u.interest = decodeF32(s.interest);
    u.interestWeight = s.interestWeight;
    u.seen = SeenFilter.restore(s.seen);
    for (const id of s.hiddenVideos) u.hide('hiddenVideos', id);
    for (const id of s.hiddenCreators) u.hide('hiddenCreators', id);
    for (const id of s.mutedTags) u.hide('mutedTags', id);
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
