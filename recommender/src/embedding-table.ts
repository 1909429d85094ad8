/**
 * A Monolith-style embedding table keyed by exact ids (no hashing, so no collisions).
 * An id is admitted (gets parameters) only after it was seen `admitAfter` times; ids not seen
 * for `expireAfterMs` of event time are dropped by `expire()`. Parameters are an embedding of
 * `dim` floats followed by one bias per task, trained with Adagrad.
 */
import { mulberry32, hash32 } from './rng.ts';
import { encodeF32, decodeF32 } from './codec.ts';

export interface TableEntry {
  count: number;
  lastSeen: number;
  /** [embedding (dim) | biases (tasks)], null until admitted */
  params: Float32Array | null;
  /** Adagrad accumulators, same layout */
  acc: Float32Array | null;
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

export class EmbeddingTable {
  readonly entries = new Map<string, TableEntry>();
  readonly width: number;

  constructor(
    readonly name: string,
    readonly dim: number,
    readonly tasks: number,
    readonly admitAfter: number,
    private readonly seed: number,
  ) {
    this.width = dim + tasks;
  }

  /** Counts a sighting of `id`; admits it when its count reaches the threshold. */
  touch(id: string, at: number): TableEntry {
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { count: 0, lastSeen: at, params: null, acc: null };
      this.entries.set(id, entry);
    }
    entry.count++;
    if (at > entry.lastSeen) entry.lastSeen = at;
    if (entry.params === null && entry.count >= this.admitAfter) this.admit(id, entry);
    return entry;
  }

  /** Parameters of an admitted id, or null (unknown and filtered ids contribute nothing). */
  get(id: string): Float32Array | null {
    const entry = this.entries.get(id);
    return entry ? entry.params : null;
  }

  private admit(id: string, entry: TableEntry): void {
    const params = new Float32Array(this.width);
    const random = mulberry32(hash32(id, hash32(this.name, this.seed)));
    for (let i = 0; i < this.dim; i++) params[i] = (random() * 2 - 1) * INIT_SCALE;
    entry.params = params;
    entry.acc = new Float32Array(this.width).fill(ACC_INIT);
  }

  /** Drops ids whose last sighting is older than `before`; returns how many were dropped. */
  expire(before: number): number {
    let dropped = 0;
    for (const [id, entry] of this.entries) {
      if (entry.lastSeen < before) {
        this.entries.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get admittedCount(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.params) n++;
    return n;
  }

  snapshot(): TableSnapshot {
    const ids: string[] = [];
    const counts: number[] = [];
    const lastSeen: number[] = [];
    const admitted: number[] = [];
    const admittedEntries: TableEntry[] = [];
    let i = 0;
    for (const [id, entry] of this.entries) {
      ids.push(id);
      counts.push(entry.count);
      lastSeen.push(entry.lastSeen);
      if (entry.params) {
        admitted.push(i);
        admittedEntries.push(entry);
      }
      i++;
    }
    const params = new Float32Array(admittedEntries.length * this.width);
    const acc = new Float32Array(admittedEntries.length * this.width);
    admittedEntries.forEach((entry, k) => {
      params.set(entry.params as Float32Array, k * this.width);
      acc.set(entry.acc as Float32Array, k * this.width);
    });
    return { ids, counts, lastSeen, admitted, params: encodeF32(params), acc: encodeF32(acc) };
  }

  restore(s: TableSnapshot): void {
    this.entries.clear();
    const params = decodeF32(s.params);
    const acc = decodeF32(s.acc);
    const admittedAt = new Map<number, number>();
    s.admitted.forEach((index, k) => admittedAt.set(index, k));
    s.ids.forEach((id, index) => {
      const k = admittedAt.get(index);
      const w = this.width;
      this.entries.set(id, {
        count: s.counts[index] ?? 0,
        lastSeen: s.lastSeen[index] ?? 0,
        params: k === undefined ? null : params.slice(k * w, (k + 1) * w),
        acc: k === undefined ? null : acc.slice(k * w, (k + 1) * w),
      });
    });
  }
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
