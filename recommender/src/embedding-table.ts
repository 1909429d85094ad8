/**
 * A Monolith-style embedding table keyed by exact ids (no hashing, so no collisions).
 * An id is admitted (gets parameters) only after it was seen `admitAfter` times; ids not seen
 * for `expireAfterMs` of event time are dropped by `expire()`. Parameters are an embedding of
 * `dim` floats followed by one bias per task, trained with Adagrad.
 *
 * Every admitted id's parameters and Adagrad accumulators live in one buffer (`params`, and
 * `acc`, a view of it: same layout), `width` floats of each per slot: a table of 100k ids is one
 * allocation instead of 200k small buffers for the garbage collector to track. Slots of dropped
 * ids are reused.
 */
import { hash32 } from './rng.ts';
import { encodeF32, decodeF32 } from './codec.ts';

export interface TableEntry {
  count: number;
  lastSeen: number;
  /** where the parameters start in the table's `params` and `acc`; -1 until admitted */
  offset: number;
  /** true once the id was dropped: a cached reference to this entry must be looked up again */
  dropped: boolean;
}

/** Adagrad learning rates of a slot's embedding and biases, and their L2 penalty. */
export interface SlotRates {
  readonly embedding: number;
  readonly bias: number;
  readonly l2: number;
}

export interface TableSnapshot {
  ids: string[];
  counts: number[];
  lastSeen: number[];
  admitted: number[];
  params: string;
  acc: string;
}

const INIT_SCALE = 0.05;
const ACC_INIT = 1;
const INITIAL_SLOTS = 256;

export class EmbeddingTable {
  readonly entries = new Map<string, TableEntry>();
  /**
   * Entries by feature id, for `touchFeature()`: a hint like a caller's cached entry (a dropped
   * one is looked up again), so expiry and restore need not clear it.
   */
  private readonly byFeatureId: (TableEntry | undefined)[] = [];
  readonly width: number;
  /**
   * [embedding (dim) | biases (tasks)] per slot, followed by the slot's Adagrad accumulators
   * (same layout) in the same buffer; replaced (grown) when an admission needs room
   */
  params: Float32Array;
  /**
   * The accumulators: a view of `params`' buffer `width` floats on, so `acc[offset + i]` is the
   * accumulator of `params[offset + i]`. A step reads and writes both: side by side they are one
   * stretch of memory per id, not two (a step touches ~15 ids, most of them cold).
   */
  acc: Float32Array;
  /** floats per slot: parameters, then accumulators */
  private readonly stride: number;
  /** offsets of the slots of dropped ids */
  private free: number[] = [];
  /** slots handed out so far (free ones included) */
  private slots = 0;
  /** hash of the table's name and seed, the seed of every admitted id's initial values */
  private nameSeed: number | undefined;

  constructor(
    readonly name: string,
    readonly dim: number,
    readonly tasks: number,
    readonly admitAfter: number,
    private readonly seed: number,
  ) {
    this.width = dim + tasks;
    this.stride = 2 * this.width;
    this.params = new Float32Array(this.stride * INITIAL_SLOTS);
    this.acc = new Float32Array(this.params.buffer, this.width * 4);
  }

  /**
   * Counts a sighting of `id`; admits it when its count reaches the threshold. An admission may
   * grow the table: read `params` / `acc` again after touching.
   */
  touch(id: string, at: number): TableEntry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { count: 0, lastSeen: at, offset: -1, dropped: false };
      this.entries.set(id, entry);
    }
    this.count(id, entry, at);
    return entry;
  }

  /**
   * As `touch()`, from the entry a caller kept from an earlier lookup of `id` (skipping the map
   * lookup); `undefined` or a dropped entry is looked up again.
   */
  touchEntry(id: string, entry: TableEntry | undefined, at: number): TableEntry {
    if (entry === undefined || entry.dropped) return this.touch(id, at);
    this.count(id, entry, at);
    return entry;
  }

  /**
   * As `touchEntry()` for a feature key numbered `featureId` (the engine's feature ids): an entry
   * unknown to the caller is found by number, not by a string lookup (the map is read once per
   * key, for an entry made by `touch()`).
   */
  touchFeature(featureId: number, key: string, entry: TableEntry | undefined, at: number): TableEntry {
    if (entry === undefined || entry.dropped) {
      entry = this.byFeatureId[featureId];
      if (entry === undefined || entry.dropped) {
        entry = this.touch(key, at);
        // grown densely (a far index would turn the array into a dictionary)
        while (this.byFeatureId.length <= featureId) this.byFeatureId.push(undefined);
        this.byFeatureId[featureId] = entry;
        return entry;
      }
    }
    this.count(key, entry, at);
    return entry;
  }

  /**
   * Counts a sighting on an entry a caller kept, if it is still live and admitted (what
   * `touchEntry()` would do with it, without needing its id); false otherwise: touch it by id.
   */
  touchAdmitted(entry: TableEntry, at: number): boolean {
    if (entry.dropped || entry.offset < 0) return false;
    sighting(entry, at);
    return true;
  }

  /** The entry of `id` as `touchEntry()` would find it, without counting a sighting. */
  entryOf(id: string, entry: TableEntry | undefined): TableEntry | undefined {
    return entry === undefined || entry.dropped ? this.entries.get(id) : entry;
  }

  private count(id: string, entry: TableEntry, at: number): void {
    sighting(entry, at);
    if (entry.offset < 0 && entry.count >= this.admitAfter) this.admit(id, entry);
  }

  /** Where the parameters of an admitted id start in `params`; -1 for unknown or not admitted ids. */
  offsetOf(id: string): number {
    const entry = this.entries.get(id);
    return entry ? entry.offset : -1;
  }

  /** Adds `weight` × the parameters of the slot at `offset` (embedding | biases) to `out[at .. at + width)`. */
  addSlot(offset: number, weight: number, out: Float32Array, at: number): void {
    const p = this.params;
    const n = this.width;
    for (let i = 0; i < n; i++) out[at + i] = (out[at + i] as number) + weight * (p[offset + i] as number);
  }

  /**
   * One Adagrad step on the slot at `offset`: gradient `scale` × `embeddingGrad` on its embedding,
   * `scale` × `biasGrad` on its biases, at the model's rates (L2 on both).
   */
  stepSlot(offset: number, embeddingGrad: Float32Array, biasGrad: Float32Array, scale: number, rates: SlotRates): void {
    adagradStep(this.params, this.acc, offset, embeddingGrad, this.dim, rates.embedding, scale, rates.l2);
    adagradStep(this.params, this.acc, offset + this.dim, biasGrad, this.tasks, rates.bias, scale, rates.l2);
  }

  /** Parameters of an admitted id (a view into `params`: copy it to keep it), or null. */
  get(id: string): Float32Array | null {
    const offset = this.offsetOf(id);
    return offset < 0 ? null : this.params.subarray(offset, offset + this.width);
  }

  private admit(id: string, entry: TableEntry): void {
    const offset = this.allocate();
    this.nameSeed ??= hash32(this.name, this.seed);
    // mulberry32 (rng.ts) inlined: no generator closure per admitted id
    let a = hash32(id, this.nameSeed) >>> 0;
    const params = this.params;
    for (let i = 0; i < this.dim; i++) {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      params[offset + i] = ((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1) * INIT_SCALE;
    }
    params.fill(0, offset + this.dim, offset + this.width);
    this.acc.fill(ACC_INIT, offset, offset + this.width);
    entry.offset = offset;
  }

  private allocate(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    const offset = this.slots * this.stride;
    this.slots++;
    if (this.slots * this.stride > this.params.length) {
      const grown = new Float32Array(this.params.length * 2);
      grown.set(this.params);
      this.params = grown;
      this.acc = new Float32Array(grown.buffer, this.width * 4);
    }
    return offset;
  }

  private release(entry: TableEntry): void {
    if (entry.offset >= 0) this.free.push(entry.offset);
    entry.offset = -1;
    entry.dropped = true;
  }

  /** Drops ids whose last sighting is older than `before`; returns how many were dropped. */
  expire(before: number): number {
    let dropped = 0;
    // forEach, not for-of: no [id, entry] pair per id (deleting the current entry is safe)
    this.entries.forEach((entry, id, entries) => {
      if (entry.lastSeen < before) {
        entries.delete(id);
        this.release(entry);
        dropped++;
      }
    });
    return dropped;
  }

  delete(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    this.release(entry);
  }

  get admittedCount(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.offset >= 0) n++;
    return n;
  }

  snapshot(): TableSnapshot {
    const ids: string[] = [];
    const counts: number[] = [];
    const lastSeen: number[] = [];
    const admitted: number[] = [];
    const offsets: number[] = [];
    let i = 0;
    for (const [id, entry] of this.entries) {
      ids.push(id);
      counts.push(entry.count);
      lastSeen.push(entry.lastSeen);
      if (entry.offset >= 0) {
        admitted.push(i);
        offsets.push(entry.offset);
      }
      i++;
    }
    const w = this.width;
    const params = new Float32Array(offsets.length * w);
    const acc = new Float32Array(offsets.length * w);
    offsets.forEach((offset, k) => {
      params.set(this.params.subarray(offset, offset + w), k * w);
      acc.set(this.acc.subarray(offset, offset + w), k * w);
    });
    return { ids, counts, lastSeen, admitted, params: encodeF32(params), acc: encodeF32(acc) };
  }

  restore(s: TableSnapshot): void {
    for (const entry of this.entries.values()) entry.dropped = true;
    this.entries.clear();
    const w = this.width;
    const params = decodeF32(s.params);
    const acc = decodeF32(s.acc);
    const slots = params.length / w;
    const capacity = Math.max(INITIAL_SLOTS, slots);
    this.params = new Float32Array(capacity * this.stride);
    this.acc = new Float32Array(this.params.buffer, w * 4);
    for (let k = 0; k < slots; k++) {
      this.params.set(params.subarray(k * w, (k + 1) * w), k * this.stride);
      this.acc.set(acc.subarray(k * w, (k + 1) * w), k * this.stride);
    }
    this.free = [];
    this.slots = slots;
    const admittedAt = new Map<number, number>();
    s.admitted.forEach((index, k) => admittedAt.set(index, k));
    s.ids.forEach((id, index) => {
      const k = admittedAt.get(index);
      this.entries.set(id, {
        count: s.counts[index] ?? 0,
        lastSeen: s.lastSeen[index] ?? 0,
        offset: k === undefined ? -1 : k * this.stride,
        dropped: false,
      });
    });
  }
}

/** Counts one sighting of an entry at `at` (its last-seen time never goes back). */
function sighting(entry: TableEntry, at: number): void {
  entry.count++;
  if (at > entry.lastSeen) entry.lastSeen = at;
}

/** One Adagrad step on `params[offset..offset+len)` with gradient `grad[0..len)` scaled by `scale`. */
export function adagradStep(
  params: Float32Array,
  acc: Float32Array,
  offset: number,
  grad: ArrayLike<number>,
  len: number,
  lr: number,
  scale: number,
  l2: number,
): void {
  for (let i = 0; i < len; i++) {
    const j = offset + i;
    const g = (grad[i] as number) * scale + l2 * (params[j] as number);
    const a = (acc[j] as number) + g * g;
    acc[j] = a;
    params[j] = (params[j] as number) - (lr * g) / Math.sqrt(a);
  }
}
