/**
 * The online ranker: a multi-task model over exact-id embedding tables (Monolith style),
 * trained example by example with Adagrad.
 *
 *   logit_t = g_t + userBias_t + itemBias_t + crossBias_t + s_t · (u · v)
 *
 * u sums the user tower (user id, region, account-age bucket, time-of-day bucket), v sums the
 * item tower (video id, creator, hashtags, sound, caption terms, language, duration bucket);
 * crosses are per-user biases on (user × creator / hashtag / sound / language / duration).
 * Tasks: watch fraction, completion, like, share, follow; `score()` combines their probabilities.
 */
import { EmbeddingTable, adagradStep } from './embedding-table.ts';
import type { TableEntry } from './embedding-table.ts';
import type { ItemParts, VideoRecord } from './catalogue.ts';
import { itemParts } from './item-parts.ts';
import type { FeatureIds } from './feature-ids.ts';
import type { UserState } from './user-state.ts';
import { MODEL } from './model.spec.ts';
import type { Task } from './model.spec.ts';

export const TASKS: readonly Task[] = MODEL.tasks.map((t) => t.name);
export type { Task };
export const T = TASKS.length;
/** value of each outcome in the combined score */
export const SCORE_WEIGHTS: readonly number[] = MODEL.tasks.map((t) => t.scoreWeight);

const LR_EMBEDDING = MODEL.rates.embedding;
const LR_BIAS = MODEL.rates.bias;
const LR_CROSS = MODEL.rates.cross;
const LR_GLOBAL = MODEL.rates.global;
const L2 = MODEL.rates.l2;

/** The viewer side of a prediction, computed once per request or event. */
export interface Viewer {
  keys: string[];
  u: Float32Array;
  ub: Float32Array;
  state: UserState | null;
  /** the table entry of each key when the viewer was built (a training step's viewer keeps them) */
  entries?: (TableEntry | undefined)[];
  /** the key of each of `entries`: a reused viewer starts from the entries of its last build */
  entryKeys?: string[];
}

export interface Contribution {
  /** a cross key (c:…, h:…, s:…) or 'embedding' */
  key: string;
  value: number;
}


export class Ranker {
  readonly users: EmbeddingTable;
  readonly videos: EmbeddingTable;
  readonly features: EmbeddingTable;
  /** global biases start at prior log-odds (watch, complete, like, share, follow), then learn */
  readonly global = Float32Array.from([...MODEL.tasks.map((t) => t.prior), ...MODEL.tasks.map(() => 1)]);
  readonly scale = new Float32Array(2 * T).fill(MODEL.matchScale.initial, 0, T).fill(MODEL.matchScale.accumulator, T);
  private readonly scaleGrad = new Float32Array(T);
  // scratch of `learn()`, written by index with a count (`length = 0` would drop their storage)
  private readonly userEntries: TableEntry[] = [];
  private userCount = 0;
  private readonly itemEntries: TableEntry[] = [];
  private itemCount = 0;
  private learnedParts: ItemParts | null = null;
  private readonly ib = new Float32Array(T);
  private readonly logits = new Float32Array(T);
  private readonly err = new Float32Array(T);
  private readonly gu: Float32Array;
  private readonly gv: Float32Array;
  private readonly scratchV: Float32Array;
  /** the trained video's row after the last `learn()` (item vector | item biases) */
  private readonly learnedRow: Float32Array;
  /**
   * The viewer of a training step, reused: a step reads it only while it runs. One per ranker,
   * as the table entries it keeps from one step to the next are this ranker's.
   */
  readonly trainingViewer: Viewer;
  /** where the forward pass of `learn()` found each cross of the video (-1: none) */
  private readonly crossOffsets: number[] = [];
  private crossesFound = 0;

  constructor(
    readonly dim: number,
    seed: number,
    admit: { user: number; video: number; feature: number },
    /** numbers the cross keys (the catalogue's) */
    private readonly featureIds: FeatureIds,
  ) {
    this.users = new EmbeddingTable('user', dim, T, admit.user, seed);
    this.videos = new EmbeddingTable('video', dim, T, admit.video, seed);
    this.features = new EmbeddingTable('feature', dim, T, admit.feature, seed);
    this.gu = new Float32Array(dim);
    this.gv = new Float32Array(dim);
    this.scratchV = new Float32Array(dim);
    this.learnedRow = new Float32Array(dim + T);
    this.trainingViewer = { keys: [], u: new Float32Array(dim), ub: new Float32Array(T), state: null, entries: [], entryKeys: [] };
  }

  /** The table of the `k`-th item part: the video id first, then features. */
  private partTable(k: number): EmbeddingTable {
    return k === 0 ? this.videos : this.features;
  }

  /**
   * Builds the viewer side. `keys`: user id then context keys (region, age, time of day).
   * With `into`, fills and returns that viewer instead of allocating one (a training step's scratch).
   */
  viewer(userId: string | null, contextKeys: string[], state: UserState | null, into?: Viewer): Viewer {
    let u: Float32Array;
    let ub: Float32Array;
    let keys: string[];
    if (into) {
      u = into.u.fill(0);
      ub = into.ub.fill(0);
      keys = into.keys;
      let n = 0;
      if (userId !== null) keys[n++] = userId;
      for (const key of contextKeys) keys[n++] = key;
      if (keys.length !== n) keys.length = n;
      into.state = state;
    } else {
      u = new Float32Array(this.dim);
      ub = new Float32Array(T);
      keys = userId === null ? contextKeys : [userId, ...contextKeys];
    }
    const d = this.dim;
    const found = into?.entries;
    const foundKeys = into?.entryKeys;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const table = i === 0 && userId !== null ? this.users : this.features;
      // a live entry found for the same key last time (context keys repeat), or the user's own
      const hint = i === 0 && userId !== null ? state?.userEntry : foundKeys?.[i] === key ? found?.[i] : undefined;
      const entry = hint !== undefined && !hint.dropped ? hint : table.entries.get(key);
      if (found) found[i] = entry;
      if (foundKeys) foundKeys[i] = key;
      const o = entry ? entry.offset : -1;
      if (o < 0) continue;
      const p = table.params;
      for (let j = 0; j < d; j++) u[j] = (u[j] as number) + (p[o + j] as number);
      for (let t = 0; t < T; t++) ub[t] = (ub[t] as number) + (p[o + d + t] as number);
    }
    return into ?? { keys, u, ub, state };
  }

  /** The item tower vector of a video (for the ANN index); its biases go to `biasOut`. */
  itemVector(rec: VideoRecord, out: Float32Array, biasOut: Float32Array = this.ib): Float32Array {
    this.itemInto(rec, out, 0, biasOut, 0);
    return out;
  }

  /** The item vector into v[vAt..vAt+dim), its biases into b[bAt..bAt+T) (no views: they are garbage per call). */
  private itemInto(rec: VideoRecord, out: Float32Array, vAt: number, biasOut: Float32Array, bAt: number): void {
    const d = this.dim;
    out.fill(0, vAt, vAt + d);
    biasOut.fill(0, bAt, bAt + T);
    const { keys, layout: { itemWeights: weights }, entries } = itemParts(rec, this.featureIds);
    for (let k = 0; k < keys.length; k++) {
      const table = this.partTable(k);
      const entry = table.entryOf(keys[k] as string, entries[k]);
      entries[k] = entry;
      const o = entry ? entry.offset : -1;
      if (o < 0) continue;
      const p = table.params;
      const w = weights[k] as number;
      for (let j = 0; j < d; j++) out[vAt + j] = (out[vAt + j] as number) + w * (p[o + j] as number);
      for (let t = 0; t < T; t++) biasOut[bAt + t] = (biasOut[bAt + t] as number) + w * (p[o + d + t] as number);
    }
  }

  /** The item vector followed by the item biases: the row the engine caches per video. */
  itemRow(rec: VideoRecord, out: Float32Array = new Float32Array(this.dim + T)): Float32Array {
    this.itemInto(rec, out, 0, out, this.dim);
    return out;
  }

  /**
   * The combined score from a cached item row (vector | biases), as `score()` but without
   * recomputing the item tower: what the feed uses for its hundreds of candidates.
   */
  scoreRow(viewer: Viewer, rec: VideoRecord, row: Float32Array, offset = 0): number {
    const d = this.dim;
    const u = viewer.u;
    let dot = 0;
    for (let j = 0; j < d; j++) dot += (u[j] as number) * (row[offset + j] as number);
    const logits = this.logits;
    for (let t = 0; t < T; t++) {
      logits[t] = (this.global[t] as number) + (viewer.ub[t] as number) + (row[offset + d + t] as number) + (this.scale[t] as number) * dot;
    }
    this.addCrosses(viewer, rec, logits);
    return combine(logits, rec);
  }

  /** Adds the viewer's crosses with the video; `found` (when given) gets the offset of each cross key (-1: none). */
  private addCrosses(viewer: Viewer, rec: VideoRecord, logits: Float32Array, found?: number[]): void {
    const crosses = viewer.state?.crosses;
    if (found) this.crossesFound = 0;
    if (!crosses || crosses.size === 0) return;
    const { layout: { crossCount, crossWeights: weights }, ids } = itemParts(rec, this.featureIds);
    const cw = crosses.w;
    for (let i = 0; i < crossCount; i++) {
      const o = crosses.offsetOfId(ids[i] as number);
      if (found) found[this.crossesFound++] = o;
      if (o < 0) continue;
      const w = weights[i] as number;
      for (let t = 0; t < T; t++) logits[t] = (logits[t] as number) + w * (cw[o + t] as number);
    }
  }

  /** Fills `logits` for every task; returns u · v. */
  private forward(viewer: Viewer, rec: VideoRecord, logits: Float32Array, v: Float32Array): number {
    this.itemVector(rec, v, this.ib);
    let dot = 0;
    for (let j = 0; j < this.dim; j++) dot += (viewer.u[j] as number) * (v[j] as number);
    for (let t = 0; t < T; t++) {
      logits[t] = (this.global[t] as number) + (viewer.ub[t] as number) + (this.ib[t] as number) + (this.scale[t] as number) * dot;
    }
    this.addCrosses(viewer, rec, logits);
    return dot;
  }

  /** Probabilities of every outcome (watch, complete, like, share, follow). */
  predict(viewer: Viewer, rec: VideoRecord, out: Float32Array = new Float32Array(T)): Float32Array {
    this.forward(viewer, rec, out, this.scratchV);
    for (let t = 0; t < T; t++) out[t] = sigmoid(out[t] as number);
    return out;
  }

  /**
   * The combined score: the value-weighted sum of outcome probabilities, the watch fraction
   * weighted by the video's length (expected watch time, with diminishing returns).
   */
  score(viewer: Viewer, rec: VideoRecord): number {
    this.forward(viewer, rec, this.logits, this.scratchV);
    return combine(this.logits, rec);
  }

  /** How much each cross and the embedding match moved the combined score (first order). */
  contributions(viewer: Viewer, rec: VideoRecord): Contribution[] {
    const logits = new Float32Array(T);
    const v = new Float32Array(this.dim);
    const dot = this.forward(viewer, rec, logits, v);
    const slope = new Float32Array(T);
    for (let t = 0; t < T; t++) {
      const p = sigmoid(logits[t] as number);
      slope[t] = (SCORE_WEIGHTS[t] as number) * p * (1 - p);
    }
    const out: Contribution[] = [];
    let e = 0;
    for (let t = 0; t < T; t++) e += (slope[t] as number) * (this.scale[t] as number) * dot;
    out.push({ key: 'embedding', value: e });
    const crosses = viewer.state?.crosses;
    if (crosses) {
      const { keys, layout: { crossCount, crossWeights: weights } } = itemParts(rec, this.featureIds);
      for (let i = 0; i < crossCount; i++) {
        const key = keys[i + 1] as string;
        const w = weights[i] as number;
        const o = crosses.offsetOf(key);
        if (o < 0) continue;
        let value = 0;
        for (let t = 0; t < T; t++) value += (slope[t] as number) * w * (crosses.w[o + t] as number);
        out.push({ key, value });
      }
    }
    return out.sort((a, b) => b.value - a.value);
  }

  /** Sums the item tower of the entries touched by the last `learn()` into v[vAt..) and biases[bAt..). */
  private sumItem(v: Float32Array, vAt: number, biases: Float32Array, bAt: number): void {
    const d = this.dim;
    const parts = this.learnedParts as ItemParts;
    const entries = this.itemEntries;
    v.fill(0, vAt, vAt + d);
    biases.fill(0, bAt, bAt + T);
    for (let k = 0; k < this.itemCount; k++) {
      const o = (entries[k] as TableEntry).offset;
      if (o < 0) continue;
      const p = this.partTable(k).params;
      const w = parts.layout.itemWeights[k] as number;
      for (let j = 0; j < d; j++) v[vAt + j] = (v[vAt + j] as number) + w * (p[o + j] as number);
      for (let t = 0; t < T; t++) biases[bAt + t] = (biases[bAt + t] as number) + w * (p[o + d + t] as number);
    }
  }

  /**
   * The cached row (as `itemRow()`) of the video the last `learn()` trained, after its step:
   * the same sums over the same entries, in the same order, that the step added up as it
   * updated each entry (`out`: `dim + T` floats).
   */
  learnedItemRow(out: Float32Array): Float32Array {
    out.set(this.learnedRow);
    return out;
  }

  /**
   * Learns one example: counts its ids toward admission (refreshing their last-seen time), then
   * takes one Adagrad step. `labels[t]` in [0, 1] or NaN for "no label for this task".
   * `userId` null trains only the shared (non-personal) parameters.
   */
  learn(viewer: Viewer, rec: VideoRecord, labels: Float32Array, weight: number, at: number, userId: string | null): void {
    const userEntries = this.userEntries;
    const keys = viewer.keys;
    // the entries the viewer found (`touchEntry` looks up only what was unknown or dropped since)
    const known = viewer.entries;
    for (let i = 0; i < keys.length; i++) {
      userEntries[i] = (i === 0 && userId !== null ? this.users : this.features).touchEntry(keys[i] as string, known?.[i], at);
    }
    if (userId !== null && viewer.state) viewer.state.userEntry = userEntries[0];
    this.userCount = keys.length;
    const parts = itemParts(rec, this.featureIds);
    this.learnedParts = parts;
    const itemEntries = this.itemEntries;
    const partCount = parts.entries.length;
    for (let k = 0; k < partCount; k++) {
      const known = parts.entries[k];
      // an admitted entry found before is counted as it is: the key (another object to read) is
      // needed only to look an entry up or to admit it
      if (known !== undefined && this.partTable(k).touchAdmitted(known, at)) {
        itemEntries[k] = known;
        continue;
      }
      const key = parts.keys[k] as string;
      const entry = k === 0
        ? this.videos.touchEntry(key, known, at)
        : this.features.touchFeature(parts.ids[k - 1] as number, key, known, at);
      parts.entries[k] = entry;
      itemEntries[k] = entry;
    }
    this.itemCount = partCount;

    const d = this.dim;
    const logits = this.logits;
    const v = this.scratchV;
    const ib = this.ib;
    this.sumItem(v, 0, ib, 0);
    let dot = 0;
    for (let j = 0; j < d; j++) dot += (viewer.u[j] as number) * (v[j] as number);
    for (let t = 0; t < T; t++) {
      logits[t] = (this.global[t] as number) + (viewer.ub[t] as number) + (ib[t] as number) + (this.scale[t] as number) * dot;
    }
    const crossOffsets = this.crossOffsets;
    this.addCrosses(viewer, rec, logits, crossOffsets);
    const e = this.err;
    let any = false;
    for (let t = 0; t < T; t++) {
      const y = labels[t] as number;
      e[t] = Number.isNaN(y) ? 0 : weight * (sigmoid(logits[t] as number) - y);
      if (e[t] !== 0) any = true;
    }
    const row = this.learnedRow;
    if (!any) {
      // no step: the row is the sums just made
      row.set(v);
      row.set(ib, d);
      return;
    }
    this.gu.fill(0);
    this.gv.fill(0);
    for (let t = 0; t < T; t++) {
      const es = (e[t] as number) * (this.scale[t] as number);
      if (es === 0) continue;
      for (let j = 0; j < d; j++) {
        this.gu[j] = (this.gu[j] as number) + es * (v[j] as number);
        this.gv[j] = (this.gv[j] as number) + es * (viewer.u[j] as number);
      }
    }
    const scaleGrad = this.scaleGrad;
    for (let t = 0; t < T; t++) scaleGrad[t] = (e[t] as number) * dot;
    stepSplit(this.scale, scaleGrad, LR_GLOBAL);
    stepSplit(this.global, e, LR_GLOBAL);
    for (let k = 0; k < this.userCount; k++) {
      const o = (userEntries[k] as TableEntry).offset;
      if (o < 0) continue;
      const table = k === 0 && userId !== null ? this.users : this.features;
      adagradStep(table.params, table.acc, o, this.gu, d, LR_EMBEDDING, 1, L2);
      adagradStep(table.params, table.acc, o + d, e, T, LR_BIAS, 1, L2);
    }
    // each item entry steps, then adds into the video's new row (what `sumItem` would give after)
    row.fill(0);
    for (let k = 0; k < this.itemCount; k++) {
      const o = (itemEntries[k] as TableEntry).offset;
      if (o < 0) continue;
      const table = this.partTable(k);
      const w = parts.layout.itemWeights[k] as number;
      const p = table.params;
      adagradStep(p, table.acc, o, this.gv, d, LR_EMBEDDING, w, L2);
      adagradStep(p, table.acc, o + d, e, T, LR_BIAS, w, L2);
      for (let j = 0; j < d; j++) row[j] = (row[j] as number) + w * (p[o + j] as number);
      for (let t = 0; t < T; t++) row[d + t] = (row[d + t] as number) + w * (p[o + d + t] as number);
    }
    const state = viewer.state;
    if (state) {
      const { layout: { crossCount, crossWeights: weights }, ids } = parts;
      const crosses = state.crosses;
      // an offset found by the forward pass holds until a cross is evicted to make room
      const evictions = crosses.evictions;
      for (let i = 0; i < crossCount; i++) {
        const w = weights[i] as number;
        const found = i < this.crossesFound ? (crossOffsets[i] as number) : -1;
        const o = found >= 0 && crosses.evictions === evictions ? crosses.touchAt(found, at) : crosses.touchId(ids[i] as number, at);
        const cw = crosses.w;
        for (let t = 0; t < T; t++) {
          const g = w * (e[t] as number);
          if (g === 0) continue;
          const a = (cw[o + T + t] as number) + g * g;
          cw[o + T + t] = a;
          cw[o + t] = (cw[o + t] as number) - (LR_CROSS * g) / Math.sqrt(a);
        }
      }
    }
  }
}

/** Adagrad on a [params(T) | acc(T)] array. */
function stepSplit(arr: Float32Array, grad: Float32Array, lr: number): void {
  for (let t = 0; t < T; t++) {
    const g = grad[t] as number;
    if (g === 0) continue;
    const a = (arr[T + t] as number) + g * g;
    arr[T + t] = a;
    arr[t] = (arr[t] as number) - (lr * g) / Math.sqrt(a);
  }
}

/** Combined score from logits: outcome probabilities weighted by their value. */
function combine(logits: Float32Array, rec: VideoRecord): number {
  let s = sigmoid(logits[0] as number) * watchValue(rec.meta.durationMs);
  for (let t = 1; t < T; t++) s += (SCORE_WEIGHTS[t] as number) * sigmoid(logits[t] as number);
  return s;
}

/**
 * Value of watching a whole video of this length, in 15-second units: P(watch) × this is the
 * expected watch time, the quantity For You is meant to give people more of. Proportional to the
 * length (it was its square root, which favoured short clips), bounded to 6 s … 60 s.
 */
export function watchValue(durationMs: number): number {
  return Math.min(4, Math.max(0.4, durationMs / 15_000));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, x))));
}
