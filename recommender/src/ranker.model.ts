/**
 * The online ranker: a multi-task model over exact-id embedding tables (Monolith style),
 * trained example by example with Adagrad. The model (tasks, rates, item-tower parts, crosses)
 * is data in model.spec.ts; this file is its one forward pass and its training step.
 *
 *   logit_t = g_t + userBias_t + itemBias_t + crossBias_t + s_t · (u · v)
 *
 * u sums the user tower (user id, region, account-age bucket, time-of-day bucket), v sums the
 * item tower (the video id and the spec's item parts); crosses are per-user biases on the keys
 * of the parts that cross. `score()` combines the tasks' probabilities.
 */
import { EmbeddingTable } from './embedding-table.ts';
import type { TableEntry, TableSnapshot } from './embedding-table.ts';
import type { ItemParts, VideoRecord } from './catalogue.ts';
import { MODEL_PARTS, itemParts } from './item-parts.ts';
import type { PartsPlan } from './item-parts.ts';
import type { FeatureIds } from './feature-ids.ts';
import type { UserState } from './user-state.ts';
import { MODEL } from './model.spec.ts';
import type { Task } from './model.spec.ts';
import { TaskParams } from './task-params.ts';

export const TASKS: readonly Task[] = MODEL.tasks.map((t) => t.name);
export type { Task };
export const T = TASKS.length;
/** value of each outcome in the combined score */
export const SCORE_WEIGHTS: readonly number[] = MODEL.tasks.map((t) => t.scoreWeight);

const RATES = MODEL.rates;

/** The viewer side of a prediction, computed once per request or event. */
export interface Viewer {
  keys: string[];
  /** the user tower's sum: the vector u, then the user biases (`u` and `ub` are views of it) */
  row: Float32Array;
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

/** The ranker's parameters as a snapshot holds them (tables, then global biases and match scales as base64 float32). */
export interface RankerSnapshot {
  users: TableSnapshot;
  videos: TableSnapshot;
  features: TableSnapshot;
  global: string;
  scale: string;
}

export class Ranker {
  readonly users: EmbeddingTable;
  readonly videos: EmbeddingTable;
  readonly features: EmbeddingTable;
  /** g_t: global biases, from each task's prior */
  private readonly global = new TaskParams(MODEL.tasks.map((t) => t.prior), 1);
  /** s_t: the weight of the embedding match in each task */
  private readonly scale = new TaskParams(MODEL.tasks.map(() => MODEL.matchScale.initial), MODEL.matchScale.accumulator);
  // scratch of the forward pass and of `learn()`, written by index (`length = 0` would drop their storage)
  private readonly userEntries: TableEntry[] = [];
  private readonly logits = new Float32Array(T);
  private readonly err = new Float32Array(T);
  private readonly scaleGrad = new Float32Array(T);
  private readonly gu: Float32Array;
  private readonly gv: Float32Array;
  /** an item row (vector | biases) summed for one forward pass */
  private readonly scratchRow: Float32Array;
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
    /** the item tower: the spec's (model.spec.ts) unless a test plans another */
    private readonly plan: PartsPlan = MODEL_PARTS,
  ) {
    this.users = new EmbeddingTable('user', dim, T, admit.user, seed);
    this.videos = new EmbeddingTable('video', dim, T, admit.video, seed);
    this.features = new EmbeddingTable('feature', dim, T, admit.feature, seed);
    this.gu = new Float32Array(dim);
    this.gv = new Float32Array(dim);
    this.scratchRow = new Float32Array(dim + T);
    this.learnedRow = new Float32Array(dim + T);
    this.trainingViewer = { ...this.emptyViewer([], null), entries: [], entryKeys: [] };
  }

  private emptyViewer(keys: string[], state: UserState | null): Viewer {
    const row = new Float32Array(this.dim + T);
    return { keys, row, u: row.subarray(0, this.dim), ub: row.subarray(this.dim), state };
  }

  /** The table of the `k`-th item part: the video id first, then features. */
  private partTable(k: number): EmbeddingTable {
    return k === 0 ? this.videos : this.features;
  }

  /** The table of the `i`-th viewer key: the user id first (when there is one), then context features. */
  private viewerTable(i: number, userId: string | null): EmbeddingTable {
    return i === 0 && userId !== null ? this.users : this.features;
  }

  /**
   * Builds the viewer side. `keys`: user id then context keys (region, age, time of day).
   * With `into`, fills and returns that viewer instead of allocating one (a training step's scratch).
   */
  viewer(userId: string | null, contextKeys: string[], state: UserState | null, into?: Viewer): Viewer {
    let viewer: Viewer;
    if (into) {
      viewer = into;
      into.row.fill(0);
      const keys = into.keys;
      let n = 0;
      if (userId !== null) keys[n++] = userId;
      for (const key of contextKeys) keys[n++] = key;
      if (keys.length !== n) keys.length = n;
      into.state = state;
    } else {
      viewer = this.emptyViewer(userId === null ? contextKeys : [userId, ...contextKeys], state);
    }
    const { keys, entries: found, entryKeys: foundKeys } = viewer;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      const table = this.viewerTable(i, userId);
      // a live entry found for the same key last time (context keys repeat), or the user's own
      const hint = i === 0 && userId !== null ? state?.userEntry : foundKeys?.[i] === key ? found?.[i] : undefined;
      const entry = hint !== undefined && !hint.dropped ? hint : table.entries.get(key);
      if (found) found[i] = entry;
      if (foundKeys) foundKeys[i] = key;
      if (entry && entry.offset >= 0) table.addSlot(entry.offset, 1, viewer.row, 0);
    }
    return viewer;
  }

  /** Sums the item tower of `parts` over the entries it holds into out[at..at+dim) (vector) and out[at+dim..) (biases). */
  private sumItem(parts: ItemParts, out: Float32Array, at: number): void {
    out.fill(0, at, at + this.dim + T);
    const { entries, layout } = parts;
    for (let k = 0; k < entries.length; k++) {
      const o = (entries[k] as TableEntry | undefined)?.offset ?? -1;
      if (o >= 0) this.partTable(k).addSlot(o, layout.itemWeights[k] as number, out, at);
    }
  }

  /** The item vector followed by the item biases: the row the engine caches per video. */
  itemRow(rec: VideoRecord, out: Float32Array = new Float32Array(this.dim + T)): Float32Array {
    const parts = itemParts(rec, this.featureIds, this.plan);
    const { keys, entries } = parts;
    for (let k = 0; k < keys.length; k++) entries[k] = this.partTable(k).entryOf(keys[k] as string, entries[k]);
    this.sumItem(parts, out, 0);
    return out;
  }

  /**
   * The forward pass, the one scoring and training share: each task's logit into `logits` from
   * the viewer and an item row (vector | biases) at row[at..). Scoring passes the video's cached
   * row (or one summed now), training the row it summed from the entries it just counted;
   * `crossOffsets` (training) gets where each cross of the video was found (-1: none). Returns u · v.
   */
  private forward(viewer: Viewer, rec: VideoRecord, row: Float32Array, at: number, logits: Float32Array, crossOffsets?: number[]): number {
    const d = this.dim;
    const u = viewer.u;
    let dot = 0;
    for (let j = 0; j < d; j++) dot += (u[j] as number) * (row[at + j] as number);
    const global = this.global.values;
    const scale = this.scale.values;
    for (let t = 0; t < T; t++) {
      logits[t] = (global[t] as number) + (viewer.ub[t] as number) + (row[at + d + t] as number) + (scale[t] as number) * dot;
    }
    if (crossOffsets) this.crossesFound = 0;
    const crosses = viewer.state?.crosses;
    if (!crosses || crosses.size === 0) return dot;
    const { layout: { crossCount, crossWeights }, ids } = itemParts(rec, this.featureIds, this.plan);
    const slots = crosses.slots;
    for (let i = 0; i < crossCount; i++) {
      const o = crosses.offsetOfId(ids[i] as number);
      if (crossOffsets) crossOffsets[this.crossesFound++] = o;
      if (o >= 0) slots.addBiases(o, crossWeights[i] as number, logits);
    }
    return dot;
  }

  /** The combined score from a cached item row (vector | biases): what the feed uses for its hundreds of candidates. */
  scoreRow(viewer: Viewer, rec: VideoRecord, row: Float32Array, offset = 0): number {
    this.forward(viewer, rec, row, offset, this.logits);
    return combine(this.logits, rec);
  }

  /** Probabilities of every outcome (watch, complete, like, share, follow). */
  predict(viewer: Viewer, rec: VideoRecord, out: Float32Array = new Float32Array(T)): Float32Array {
    this.forward(viewer, rec, this.itemRow(rec, this.scratchRow), 0, out);
    for (let t = 0; t < T; t++) out[t] = sigmoid(out[t] as number);
    return out;
  }

  /**
   * The combined score: the value-weighted sum of outcome probabilities, the watch fraction
   * weighted by the video's length (expected watch time, with diminishing returns).
   */
  score(viewer: Viewer, rec: VideoRecord): number {
    return this.scoreRow(viewer, rec, this.itemRow(rec, this.scratchRow));
  }

  /** How much each cross and the embedding match moved the combined score (first order). */
  contributions(viewer: Viewer, rec: VideoRecord): Contribution[] {
    const logits = new Float32Array(T);
    const dot = this.forward(viewer, rec, this.itemRow(rec, new Float32Array(this.dim + T)), 0, logits);
    const slope = new Float32Array(T);
    for (let t = 0; t < T; t++) {
      const p = sigmoid(logits[t] as number);
      slope[t] = (SCORE_WEIGHTS[t] as number) * p * (1 - p);
    }
    const out: Contribution[] = [];
    let e = 0;
    for (let t = 0; t < T; t++) e += (slope[t] as number) * (this.scale.values[t] as number) * dot;
    out.push({ key: 'embedding', value: e });
    const crosses = viewer.state?.crosses;
    if (crosses) {
      const { keys, layout: { crossCount, crossWeights } } = itemParts(rec, this.featureIds, this.plan);
      const weighted = new Array<number>(T);
      for (let i = 0; i < crossCount; i++) {
        const key = keys[i + 1] as string;
        const o = crosses.offsetOf(key);
        if (o < 0) continue;
        for (let t = 0; t < T; t++) weighted[t] = (slope[t] as number) * (crossWeights[i] as number);
        out.push({ key, value: crosses.slots.weightedBias(o, weighted) });
      }
    }
    return out.sort((a, b) => b.value - a.value);
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

  /** The ranker's parameters for a snapshot. */
  snapshot(): RankerSnapshot {
    return {
      users: this.users.snapshot(),
      videos: this.videos.snapshot(),
      features: this.features.snapshot(),
      global: this.global.encode(),
      scale: this.scale.encode(),
    };
  }

  restore(s: RankerSnapshot): void {
    this.users.restore(s.users);
    this.videos.restore(s.videos);
    this.features.restore(s.features);
    this.global.decode(s.global);
    this.scale.decode(s.scale);
  }

  /** Drops the ids of every table unseen since `before` (event time). */
  expire(before: number): void {
    this.users.expire(before);
    this.videos.expire(before);
    this.features.expire(before);
  }

  /** Counts the example's ids toward admission (refreshing their last-seen time); returns the video's parts. */
  private countIds(viewer: Viewer, rec: VideoRecord, at: number, userId: string | null): ItemParts {
    const keys = viewer.keys;
    // the entries the viewer found (`touchEntry` looks up only what was unknown or dropped since)
    const known = viewer.entries;
    for (let i = 0; i < keys.length; i++) {
      this.userEntries[i] = this.viewerTable(i, userId).touchEntry(keys[i] as string, known?.[i], at);
    }
    if (userId !== null && viewer.state) viewer.state.userEntry = this.userEntries[0];
    const parts = itemParts(rec, this.featureIds, this.plan);
    for (let k = 0; k < parts.entries.length; k++) {
      const entry = parts.entries[k];
      // an admitted entry found before is counted as it is: the key (another object to read) is
      // needed only to look an entry up or to admit it
      if (entry !== undefined && this.partTable(k).touchAdmitted(entry, at)) continue;
      const key = parts.keys[k] as string;
      parts.entries[k] = k === 0
        ? this.videos.touchEntry(key, entry, at)
        : this.features.touchFeature(parts.ids[k - 1] as number, key, entry, at);
    }
    return parts;
  }

  /**
   * Learns one example: counts its ids toward admission (refreshing their last-seen time), then
   * takes one Adagrad step. `labels[t]` in [0, 1] or NaN for "no label for this task".
   * `userId` null trains only the shared (non-personal) parameters.
   */
  learn(viewer: Viewer, rec: VideoRecord, labels: Float32Array, weight: number, at: number, userId: string | null): void {
    const parts = this.countIds(viewer, rec, at, userId);
    const d = this.dim;
    const v = this.scratchRow;
    this.sumItem(parts, v, 0);
    const dot = this.forward(viewer, rec, v, 0, this.logits, this.crossOffsets);
    const e = this.err;
    let any = false;
    for (let t = 0; t < T; t++) {
      const y = labels[t] as number;
      e[t] = Number.isNaN(y) ? 0 : weight * (sigmoid(this.logits[t] as number) - y);
      if (e[t] !== 0) any = true;
    }
    const row = this.learnedRow;
    if (!any) {
      // no step: the row is the sums just made
      row.set(v);
      return;
    }
    this.gu.fill(0);
    this.gv.fill(0);
    const scale = this.scale.values;
    for (let t = 0; t < T; t++) {
      const es = (e[t] as number) * (scale[t] as number);
      if (es === 0) continue;
      for (let j = 0; j < d; j++) {
        this.gu[j] = (this.gu[j] as number) + es * (v[j] as number);
        this.gv[j] = (this.gv[j] as number) + es * (viewer.u[j] as number);
      }
    }
    for (let t = 0; t < T; t++) this.scaleGrad[t] = (e[t] as number) * dot;
    this.scale.step(this.scaleGrad, RATES.global);
    this.global.step(e, RATES.global);
    for (let k = 0; k < viewer.keys.length; k++) {
      const o = (this.userEntries[k] as TableEntry).offset;
      if (o >= 0) this.viewerTable(k, userId).stepSlot(o, this.gu, e, 1, RATES);
    }
    // each item entry steps, then adds into the video's new row (what `sumItem` would give after)
    row.fill(0);
    const { entries, layout } = parts;
    for (let k = 0; k < entries.length; k++) {
      const o = (entries[k] as TableEntry).offset;
      if (o < 0) continue;
      const table = this.partTable(k);
      const w = layout.itemWeights[k] as number;
      table.stepSlot(o, this.gv, e, w, RATES);
      table.addSlot(o, w, row, 0);
    }
    const crosses = viewer.state?.crosses;
    if (crosses) {
      const { crossCount, crossWeights } = layout;
      // an offset found by the forward pass holds until a cross is evicted to make room
      const evictions = crosses.evictions;
      for (let i = 0; i < crossCount; i++) {
        const found = i < this.crossesFound ? (this.crossOffsets[i] as number) : -1;
        const o = found >= 0 && crosses.evictions === evictions ? crosses.touchAt(found, at) : crosses.touchId(parts.ids[i] as number, at);
        crosses.slots.stepBiases(o, crossWeights[i] as number, e, RATES.cross);
      }
    }
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
