/**
 * A user's user × feature crosses (creator, hashtag, sound, language, duration keys): per key,
 * per-task biases with their Adagrad accumulators, the last time it was trained, and the
 * evidence behind it (completions, likes) for reasons.
 *
 * Stored as slots of parallel typed arrays, no object per cross: a user has up to
 * `MAX_CROSSES` of them, and at one small object and one small buffer each they were most of
 * a user's memory and of the garbage the collector promoted while learning. The slots of every
 * user of an engine live in one `CrossStore` (a user's own arrays, grown by doubling, were
 * five or six buffer allocations per new user). The map keeps insertion order, which eviction
 * and snapshots rely on.
 */
export const MAX_CROSSES = 256;
const INITIAL_SLOTS = 256;
/** per-slot layout of `meta` */
const LAST_SEEN = 0;
const COMPLETES = 1;
const LIKES = 2;
const META = 3;

export type Evidence = 'completes' | 'likes';

/**
 * The slots of many users' crosses, grown by doubling, freed slots reused. A slot is one block
 * of bytes that `w` and `meta` both view: its biases and accumulators (float32), then last seen,
 * completions and likes (float64) — 64 bytes with five tasks, where two arrays put a cross in
 * two places in memory (a step touches a random user's crosses, so it waits on memory).
 */
export class CrossStore {
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

  constructor(readonly tasks: number) {
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
}

export class Crosses {
  private readonly slotOf = new Map<string, number>();
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
    return this.slotOf.size;
  }

  /** Where the cross of `key` starts in `w`; -1 when the user has none. */
  offsetOf(key: string): number {
    const slot = this.slotOf.get(key);
    return slot === undefined ? -1 : slot * this.stride;
  }

  /**
   * The cross of `key`, created (evicting the least recently trained one when full) if needed,
   * marked as seen at `at`; returns its offset in `w` (read `w` after: creating one may grow it).
   */
  touch(key: string, at: number): number {
    let slot = this.slotOf.get(key);
    if (slot === undefined) {
      if (this.slotOf.size >= MAX_CROSSES) this.evictOldest();
      slot = this.allocate();
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
      this.slotOf.set(key, slot);
      return o;
    }
    if (at > (this.meta[this.m(slot) + LAST_SEEN] as number)) this.meta[this.m(slot) + LAST_SEEN] = at;
    return slot * this.stride;
  }

  /** As `touch()` for a cross known to exist at `offset` (from `offsetOf`, no eviction since). */
  touchAt(offset: number, at: number): number {
    const i = this.m(offset / this.stride) + LAST_SEEN;
    if (at > (this.meta[i] as number)) this.meta[i] = at;
    return offset;
  }

  /** Counts one completion or like on the cross of `key` (created if needed, without marking it seen again). */
  note(key: string, kind: Evidence, at: number): void {
    let slot = this.slotOf.get(key);
    if (slot === undefined) slot = this.touch(key, at) / this.stride;
    const i = this.m(slot) + (kind === 'completes' ? COMPLETES : LIKES);
    this.meta[i] = (this.meta[i] as number) + 1;
  }

  /** The evidence behind the cross of `key`, or null. */
  evidence(key: string): { completes: number; likes: number } | null {
    const slot = this.slotOf.get(key);
    if (slot === undefined) return null;
    return { completes: this.meta[this.m(slot) + COMPLETES] as number, likes: this.meta[this.m(slot) + LIKES] as number };
  }

  /** Keys with their offsets in `w`, in insertion order. */
  *offsets(): IterableIterator<[string, number]> {
    for (const [key, slot] of this.slotOf) yield [key, slot * this.stride];
  }

  /** Forgets every cross, giving their slots back to the store. */
  clear(): void {
    for (const slot of this.slotOf.values()) this.store.release(slot);
    this.slotOf.clear();
  }

  private allocate(): number {
    return this.store.allocate();
  }

  private evictOldest(): void {
    let oldestKey: string | null = null;
    let oldest = Infinity;
    for (const [key, slot] of this.slotOf) {
      const seen = this.meta[this.m(slot) + LAST_SEEN] as number;
      if (seen < oldest) {
        oldest = seen;
        oldestKey = key;
      }
    }
    if (oldestKey === null) return;
    this.evictions++;
    this.store.release(this.slotOf.get(oldestKey) as number);
    this.slotOf.delete(oldestKey);
  }

  /** Keys, their biases and accumulators (2 × tasks floats each) concatenated, and [last seen, completions, likes] each, in insertion order. */
  snapshot(): { keys: string[]; w: Float32Array; meta: [number, number, number][] } {
    const keys = [...this.slotOf.keys()];
    const n = 2 * this.tasks;
    const w = new Float32Array(keys.length * n);
    const meta: [number, number, number][] = [];
    let i = 0;
    for (const slot of this.slotOf.values()) {
      w.set(this.w.subarray(slot * this.stride, slot * this.stride + n), i * n);
      const m = this.m(slot);
      meta.push([this.meta[m + LAST_SEEN] as number, this.meta[m + COMPLETES] as number, this.meta[m + LIKES] as number]);
      i++;
    }
    return { keys, w, meta };
  }

  static restore(store: CrossStore, keys: string[], w: Float32Array, meta: [number, number, number][]): Crosses {
    const c = new Crosses(store);
    keys.forEach((key, i) => {
      const slot = c.allocate();
      const n = 2 * c.tasks;
      c.w.set(w.subarray(i * n, (i + 1) * n), slot * c.stride);
      const [lastSeen, completes, likes] = meta[i] ?? [0, 0, 0];
      c.meta[c.m(slot) + LAST_SEEN] = lastSeen;
      c.meta[c.m(slot) + COMPLETES] = completes;
      c.meta[c.m(slot) + LIKES] = likes;
      c.slotOf.set(key, slot);
    });
    return c;
  }
}
