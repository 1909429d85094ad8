/**
 * The For You ranker's model, as data: its tasks (with their value in the page score and their
 * prior), its learning rates, the parts of the item tower and which of them cross with the
 * user. Everything that lays the model out in memory (item-parts.ts, crosses.ts,
 * embedding-table.ts) and the forward pass (ranker.model.ts) read it from here; a change of the
 * model is a change of this file (and, for a new feature, of the function that extracts its
 * keys from a video: `contentKeys` in features.ts). See "Changing the model" in the README.
 */
import type { ContentKeys } from './features.ts';

/** One outcome the ranker predicts. */
export interface TaskSpec {
  readonly name: string;
  /** the outcome's value in the page score (watch: per 15 s of expected watch time) */
  readonly scoreWeight: number;
  /** the global bias it starts from: the log-odds of the outcome before anything is learned */
  readonly prior: number;
}

/**
 * How a part's weight is shared among its keys: `one` (a single key, or none), `mean` (each of
 * n keys weighs weight / n) or `sqrt` (weight / √n, so many keys count for more than one).
 */
export type Spread = 'one' | 'mean' | 'sqrt';

/** One part of the item tower: keys of the feature table the item vector sums, weighted. */
export interface ItemPartSpec {
  readonly name: string;
  /** the part's keys for a video (from its precomputed content keys): one, none (null) or several */
  readonly keys: (video: ContentKeys) => string | null | readonly string[];
  readonly weight: number;
  readonly spread: Spread;
  /** present: users get a cross (per-user, per-task biases) on each key, weighted so */
  readonly cross?: { readonly weight: number; readonly spread: Spread };
}

export const MODEL = {
  tasks: [
    { name: 'watch', scoreWeight: 1, prior: 0 },
    { name: 'complete', scoreWeight: 0.6, prior: -1 },
    { name: 'like', scoreWeight: 1.5, prior: -3 },
    { name: 'share', scoreWeight: 2, prior: -4.5 },
    { name: 'follow', scoreWeight: 2, prior: -5 },
  ],
  /** Adagrad learning rates and the L2 penalty of the embedding tables */
  rates: { embedding: 0.05, bias: 0.05, cross: 1, global: 0.02, l2: 1e-4 },
  /**
   * s_t, the weight of the embedding match u · v in each task's logit: starts at `initial`,
   * its Adagrad accumulator at `accumulator`; learned with the global biases
   */
  matchScale: { initial: 1, accumulator: 0.1 },
  /**
   * The item tower after the video id: v = Σ weight × embedding of each key. Parts that cross
   * with the user come first in memory (item-parts.ts), each group in this order.
   */
  itemParts: [
    { name: 'creator', keys: (v) => v.creator, weight: 1, spread: 'one', cross: { weight: 1, spread: 'one' } },
    { name: 'language', keys: (v) => v.language, weight: 1, spread: 'one', cross: { weight: 0.5, spread: 'one' } },
    { name: 'duration', keys: (v) => v.duration, weight: 1, spread: 'one', cross: { weight: 0.5, spread: 'one' } },
    { name: 'sound', keys: (v) => v.sound, weight: 1, spread: 'one', cross: { weight: 0.7, spread: 'one' } },
    { name: 'hashtags', keys: (v) => v.tags, weight: 1, spread: 'mean', cross: { weight: 1, spread: 'sqrt' } },
    { name: 'captionTerms', keys: (v) => v.terms, weight: 0.5, spread: 'mean' },
  ],
  /** the crosses that count completions and likes (the evidence reasons are worded from), in the order they are noted */
  evidence: ['creator', 'hashtags', 'sound'],
} as const satisfies {
  tasks: readonly TaskSpec[];
  rates: Record<'embedding' | 'bias' | 'cross' | 'global' | 'l2', number>;
  matchScale: { initial: number; accumulator: number };
  itemParts: readonly ItemPartSpec[];
  evidence: readonly string[];
};

export type ModelSpec = typeof MODEL;
export type PartName = ModelSpec['itemParts'][number]['name'];
export type Task = ModelSpec['tasks'][number]['name'];

/** The weight of each of `n` keys of a part. */
export function spreadWeight(weight: number, spread: Spread, n: number): number {
  if (spread === 'mean') return weight / n;
  if (spread === 'sqrt') return weight / Math.sqrt(Math.max(1, n));
  return weight;
}
