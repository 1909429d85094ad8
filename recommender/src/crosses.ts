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
import { FeatureIds } from './feature-ids.ts';

export const MAX_CROSSES = 256;
const INITIAL_SLOTS = 256;
/** per-slot layout of `meta` */
const LAST_SEEN = 0;
const COMPLETES = 1;
const LIKES = 2;
const META = 3;
/** ints per hash-table entry: key id + 1 (0: empty), slot, insertion number */
const ENTRY = 3;
/** a user's first table holds 8 entries; tables double while at most 3/4 full */
const MIN_LOG2 = 3;

export type Evidence = 'completes' | 'likes';

/** Fibonacci hashing of a feature id into a table of 2^log2 entries. */
const home = (id: number, log2: number): number => Math.imul(id + 1, 0x9e3779b1) >>> (32 - log2);

/**
 * The slots of many users' crosses, grown by doubling, freed slots reused. A slot is one block
 * of bytes that `w` and `meta` both view: its biases and accumulators (float32), then last seen,
 * completions and likes (float64) — 64 bytes with five tasks, where two arrays put a cross in
 * two places in memory (a step touches a random user's crosses, so it waits on memory). The
 * users' hash tables are blocks of one more array, `index`, reused by size when freed.
 */
export class CrossStore {
  /** users' hash tables: blocks of 2^k entries of `ENTRY` ints; replaced when it grows */
  index = new Int32Array(1024 * ENTRY);
  private indexUsed = 0;
  /** freed blocks by log2 of their entries, reused by the next table of that size */
  private readonly freeBlocks: number[][] = [];
  /** per slot: `tasks` biases, then `tasks` Adagrad accumulators (from `slot * stride`); replaced when it grows */
  w: Float32Array;
  /** per slot: last seen, completions, likes (from `slot * metaStride + metaAt`); replaced when it grows */
  meta: Float64Array;
  private free: number[] = [];
  private slots = 0;
  private capacity = INITIAL_SLOTS;
  /** floats of `w` per slot */
  readonly stride: number;
  /** float64s of `meta` per slot, and where a slot's meta starts among them */
  readonly metaStride: number;
  readonly metaAt: number;

  /** `ids` numbers the feature keys the crosses are found by (the catalogue's, in an engine) */
  constructor(
    readonly tasks: number,
    readonly ids: FeatureIds = new FeatureIds(),
  ) {
    this.metaAt = tasks; // 2 × tasks float32s are `tasks` float64s
    this.metaStride = this.metaAt + META;
    this.stride = 2 * this.metaStride;
    const buffer = new ArrayBuffer(INITIAL_SLOTS * this.metaStride * 8);
    this.w = new Float32Array(buffer);
    this.meta = new Float64Array(buffer);
  }

  allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const slot = this.slots++;
    if (this.slots > this.capacity) {
      this.capacity *= 2;
      const buffer = new ArrayBuffer(this.capacity * this.metaStride * 8);
      new Uint8Array(buffer).set(new Uint8Array(this.w.buffer));
      this.w = new Float32Array(buffer);
      this.meta = new Float64Array(buffer);
    }
    return slot;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  /** A zeroed block of 2^log2 table entries; returns where it starts in `index` (read `index` after: it may grow). */
  allocateBlock(log2: number): number {
    const size = ENTRY << log2;
    const reused = this.freeBlocks[log2]?.pop();
    if (reused !== undefined) {
      this.index.fill(0, reused, reused + size);
      return reused;
    }
    const base = this.indexUsed;
    this.indexUsed += size;
    if (this.indexUsed > this.index.length) {
      let length = this.index.length * 2;
      while (length < this.indexUsed) length *= 2;
      const grown = new Int32Array(length);
      grown.set(this.index);
      this.index = grown;
    }
    return base;
  }

  releaseBlock(base: number, log2: number): void {
    (this.freeBlocks[log2] ??= []).push(base);
  }
}

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
