/**
 * The slots of every user's crosses in one engine (crosses.ts finds a user's), and the
 * operations on a slot's per-task biases: the forward pass reads them by `addBiases`, training
 * steps them by `stepBiases`; nothing else needs to know where in a slot they lie.
 */
import { FeatureIds } from './feature-ids.ts';

const INITIAL_SLOTS = 256;
/** per-slot layout of `meta` */
export const LAST_SEEN = 0;
export const COMPLETES = 1;
export const LIKES = 2;
const META = 3;
/** ints per hash-table entry: key id + 1 (0: empty), slot, insertion number */
export const ENTRY = 3;

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

  /** Adds `weight` × the per-task biases of the cross at `offset` to `out[0 .. tasks)` (a forward pass's logits). */
  addBiases(offset: number, weight: number, out: Float32Array): void {
    const w = this.w;
    const n = this.tasks;
    for (let t = 0; t < n; t++) out[t] = (out[t] as number) + weight * (w[offset + t] as number);
  }

  /** Σ_t `weights[t]` × bias t of the cross at `offset`. */
  weightedBias(offset: number, weights: ArrayLike<number>): number {
    const w = this.w;
    const n = this.tasks;
    let value = 0;
    for (let t = 0; t < n; t++) value += (weights[t] as number) * (w[offset + t] as number);
    return value;
  }

  /** The bias of task `t` of the cross at `offset`. */
  bias(offset: number, t: number): number {
    return this.w[offset + t] as number;
  }

  /** One Adagrad step on the biases of the cross at `offset`, gradient `weight` × `err[t]` (a task with none is left as it is). */
  stepBiases(offset: number, weight: number, err: Float32Array, lr: number): void {
    const w = this.w;
    const n = this.tasks;
    const acc = offset + n;
    for (let t = 0; t < n; t++) {
      const g = weight * (err[t] as number);
      if (g === 0) continue;
      const a = (w[acc + t] as number) + g * g;
      w[acc + t] = a;
      w[offset + t] = (w[offset + t] as number) - (lr * g) / Math.sqrt(a);
    }
  }
}
