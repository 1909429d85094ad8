/**
 * A user's user × feature crosses (creator, hashtag, sound, language, duration keys): per key,
 * per-task biases with their Adagrad accumulators, the last time it was trained, and the
 * evidence behind it (completions, likes) for reasons.
 *
 * No object per cross and no map per user: a cross is a slot of one engine-wide store of typed
 * arrays, and a user finds its crosses by feature id (feature-ids.ts) in a small open-addressing
 * hash table of its own, a block of the store's `index` arena. A map per user was most of the
 * garbage a new user made (it grew by rehashing as crosses came) and a string lookup per cross
 * per step. Each entry keeps its insertion number, so eviction (least recently trained, the
 * earliest inserted among equals) and snapshots (insertion order) behave as the map did.
 */
import { COMPLETES, ENTRY, LAST_SEEN, LIKES } from './cross-store.ts';
import type { CrossStore } from './cross-store.ts';

export { CrossStore } from './cross-store.ts';

export const MAX_CROSSES = 256;
/** a user's first table holds 8 entries; tables double while at most 3/4 full */
const MIN_LOG2 = 3;

export type Evidence = 'completes' | 'likes';

/** Fibonacci hashing of a feature id into a table of 2^log2 entries. */
const home = (id: number, log2: number): number => Math.imul(id + 1, 0x9e3779b1) >>> (32 - log2);

export class Crosses {
  /** where the user's hash table starts in the store's `index` */
  private base = 0;
  /** log2 of the table's entries; 0 while the user has no table */
  private log2 = 0;
  private count = 0;
  /** insertion number of the next cross */
  private inserted = 0;
  /** crosses evicted to make room so far: an offset found before an eviction may be another key's now */
  evictions = 0;
  /** floats per slot in `w` */
  readonly stride: number;
  readonly tasks: number;
  private readonly metaStride: number;
  private readonly metaAt: number;

  constructor(private readonly store: CrossStore) {
    this.stride = store.stride;
    this.tasks = store.tasks;
    this.metaStride = store.metaStride;
    this.metaAt = store.metaAt;
  }

  /** Where the slot's meta starts in `meta`. */
  private m(slot: number): number {
    return slot * this.metaStride + this.metaAt;
  }

  /** per slot: `tasks` biases, then `tasks` Adagrad accumulators (shared with other users; replaced when it grows) */
  get w(): Float32Array {
    return this.store.w;
  }

  /** The store of the user's cross slots: read and step a slot's biases there (`addBiases`, `stepBiases`). */
  get slots(): CrossStore {
    return this.store;
  }

  private get meta(): Float64Array {
    return this.store.meta;
  }

  get size(): number {
    return this.count;
  }

  /** The table entry (0 … 2^log2 - 1) of feature `id`, or -1. */
  private position(id: number): number {
    if (this.log2 === 0) return -1;
    const index = this.store.index;
    const base = this.base;
    const mask = (1 << this.log2) - 1;
    const key = id + 1;
    for (let i = home(id, this.log2); ; i = (i + 1) & mask) {
      const k = index[base + i * ENTRY] as number;
      if (k === key) return i;
      if (k === 0) return -1;
    }
  }

  /** The slot of the cross in table entry `i`. */
  private slotAt(i: number): number {
    return this.store.index[this.base + i * ENTRY + 1] as number;
  }

  /** Entries of the user's table (0 while it has none). */
  private get tableSize(): number {
    return this.log2 === 0 ? 0 : 1 << this.log2;
  }

  /** Where the cross of feature `id` starts in `w`; -1 when the user has none. */
  offsetOfId(id: number): number {
    const i = this.position(id);
    return i < 0 ? -1 : this.slotAt(i) * this.stride;
  }

  /** As `offsetOfId`, by key. */
  offsetOf(key: string): number {
    const id = this.store.ids.find(key);
    return id < 0 ? -1 : this.offsetOfId(id);
  }

  /**
   * The cross of feature `id`, created (evicting the least recently trained one when full) if
   * needed, marked as seen at `at`; returns its offset in `w` (read `w` after: creating one may grow it).
   */
  touchId(id: number, at: number): number {
    const i = this.position(id);
    if (i >= 0) {
      const slot = this.slotAt(i);
      const m = this.m(slot) + LAST_SEEN;
      if (at > (this.meta[m] as number)) this.meta[m] = at;
      return slot * this.stride;
    }
    if (this.count >= MAX_CROSSES) this.evictOldest();
    const slot = this.store.allocate();
    const o = slot * this.stride;
    const w = this.w;
    for (let t = 0; t < this.tasks; t++) {
      w[o + t] = 0;
      w[o + this.tasks + t] = 1;
    }
    const meta = this.meta;
    meta[this.m(slot) + LAST_SEEN] = at;
    meta[this.m(slot) + COMPLETES] = 0;
    meta[this.m(slot) + LIKES] = 0;
    this.insert(id, slot, this.inserted++);
    return o;
  }

  /** As `touchId`, by key. */
  touch(key: string, at: number): number {
    return this.touchId(this.store.ids.id(key), at);
  }

  /** As `touch()` for a cross known to exist at `offset` (from `offsetOf`, no eviction since). */
  touchAt(offset: number, at: number): number {
    const i = this.m(offset / this.stride) + LAST_SEEN;
    if (at > (this.meta[i] as number)) this.meta[i] = at;
    return offset;
  }

  /** Counts one completion or like on the cross of feature `id` (created if needed, without marking it seen again). */
  noteId(id: number, kind: Evidence, at: number): void {
    const slot = this.touchIfMissing(id, at);
    const i = this.m(slot) + (kind === 'completes' ? COMPLETES : LIKES);
    this.meta[i] = (this.meta[i] as number) + 1;
  }

  /** As `noteId`, by key. */
  note(key: string, kind: Evidence, at: number): void {
    this.noteId(this.store.ids.id(key), kind, at);
  }

  private touchIfMissing(id: number, at: number): number {
    const i = this.position(id);
    if (i >= 0) return this.slotAt(i);
    return this.touchId(id, at) / this.stride;
  }

  /** The evidence behind the cross of `key`, or null. */
  evidence(key: string): { completes: number; likes: number } | null {
    const o = this.offsetOf(key);
    if (o < 0) return null;
    const m = this.m(o / this.stride);
    return { completes: this.meta[m + COMPLETES] as number, likes: this.meta[m + LIKES] as number };
  }

  /** The table's entries as [insertion number, feature id, slot], in insertion order. */
  private entries(): [number, number, number][] {
    const out: [number, number, number][] = [];
    const index = this.store.index;
    const size = this.tableSize;
    for (let i = 0; i < size; i++) {
      const at = this.base + i * ENTRY;
      const k = index[at] as number;
      if (k !== 0) out.push([index[at + 2] as number, k - 1, index[at + 1] as number]);
    }
    return out.sort((a, b) => a[0] - b[0]);
  }

  /** Keys with their offsets in `w`, in insertion order. */
  *offsets(): IterableIterator<[string, number]> {
    for (const [, id, slot] of this.entries()) yield [this.store.ids.key(id), slot * this.stride];
  }

  /** Forgets every cross, giving their slots and table back to the store. */
  clear(): void {
    for (const [, , slot] of this.entries()) this.store.release(slot);
    if (this.log2 !== 0) this.store.releaseBlock(this.base, this.log2);
    this.log2 = 0;
    this.count = 0;
    this.inserted = 0;
  }

  private insert(id: number, slot: number, inserted: number): void {
    if (this.log2 === 0 || (this.count + 1) * 4 > 3 << this.log2) this.grow();
    this.place(this.store.index, this.base, this.log2, id, slot, inserted);
    this.count++;
  }

  private place(index: Int32Array, base: number, log2: number, id: number, slot: number, inserted: number): void {
    const mask = (1 << log2) - 1;
    let i = home(id, log2);
    while ((index[base + i * ENTRY] as number) !== 0) i = (i + 1) & mask;
    const at = base + i * ENTRY;
    index[at] = id + 1;
    index[at + 1] = slot;
    index[at + 2] = inserted;
  }

  /** Moves the entries to a table twice the size (or a first one). */
  private grow(): void {
    const log2 = this.log2 === 0 ? MIN_LOG2 : this.log2 + 1;
    const base = this.store.allocateBlock(log2);
    const index = this.store.index;
    const size = this.tableSize;
    for (let i = 0; i < size; i++) {
      const at = this.base + i * ENTRY;
      const k = index[at] as number;
      if (k !== 0) this.place(index, base, log2, k - 1, index[at + 1] as number, index[at + 2] as number);
    }
    if (this.log2 !== 0) this.store.releaseBlock(this.base, this.log2);
    this.base = base;
    this.log2 = log2;
  }

  /** Empties entry `i`, shifting back the entries of its probe run (no tombstones). */
  private removeAt(i: number): void {
    const index = this.store.index;
    const base = this.base;
    const mask = (1 << this.log2) - 1;
    let hole = i;
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const at = base + j * ENTRY;
      const k = index[at] as number;
      if (k === 0) break;
      const h = home(k - 1, this.log2);
      // the entry at j may fill the hole unless its home lies cyclically in (hole, j]
      const stays = hole <= j ? h > hole && h <= j : h > hole || h <= j;
      if (stays) continue;
      const to = base + hole * ENTRY;
      index[to] = k;
      index[to + 1] = index[at + 1] as number;
      index[to + 2] = index[at + 2] as number;
      hole = j;
    }
    index[base + hole * ENTRY] = 0;
    this.count--;
  }

  private evictOldest(): void {
    const index = this.store.index;
    const meta = this.meta;
    const size = this.tableSize;
    let victim = -1;
    let oldest = Infinity;
    let first = Infinity;
    for (let i = 0; i < size; i++) {
      const at = this.base + i * ENTRY;
      if ((index[at] as number) === 0) continue;
      const seen = meta[this.m(index[at + 1] as number) + LAST_SEEN] as number;
      const inserted = index[at + 2] as number;
      if (seen < oldest || (seen === oldest && inserted < first)) {
        oldest = seen;
        first = inserted;
        victim = i;
      }
    }
    if (victim < 0) return;
    this.evictions++;
    this.store.release(index[this.base + victim * ENTRY + 1] as number);
    this.removeAt(victim);
  }

  /** Keys, their biases and accumulators (2 × tasks floats each) concatenated, and [last seen, completions, likes] each, in insertion order. */
  snapshot(): { keys: string[]; w: Float32Array; meta: [number, number, number][] } {
    const entries = this.entries();
    const n = 2 * this.tasks;
    const keys: string[] = [];
    const w = new Float32Array(entries.length * n);
    const meta: [number, number, number][] = [];
    entries.forEach(([, id, slot], i) => {
      keys.push(this.store.ids.key(id));
      w.set(this.w.subarray(slot * this.stride, slot * this.stride + n), i * n);
      const m = this.m(slot);
      meta.push([this.meta[m + LAST_SEEN] as number, this.meta[m + COMPLETES] as number, this.meta[m + LIKES] as number]);
    });
    return { keys, w, meta };
  }

  static restore(store: CrossStore, keys: string[], w: Float32Array, meta: [number, number, number][]): Crosses {
    const c = new Crosses(store);
    keys.forEach((key, i) => {
      const slot = store.allocate();
      const n = 2 * c.tasks;
      c.w.set(w.subarray(i * n, (i + 1) * n), slot * c.stride);
      const [lastSeen, completes, likes] = meta[i] ?? [0, 0, 0];
      c.meta[c.m(slot) + LAST_SEEN] = lastSeen;
      c.meta[c.m(slot) + COMPLETES] = completes;
      c.meta[c.m(slot) + LIKES] = likes;
      c.insert(store.ids.id(key), slot, c.inserted++);
    });
    return c;
  }
}
