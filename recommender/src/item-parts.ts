/**
 * A video's item-tower parts (the keys its item vector sums, with their weights) and its cross
 * keys, laid out from the model spec (model.spec.ts) once per video. Keys: the video id, then
 * the keys of every part that crosses with the user, then those of the parts that do not (each
 * group in spec order), so the cross keys are one slice of the keys. The weights and where
 * each part starts depend only on the video's shape (how many keys each part has), so every
 * video of a shape shares one `PartsLayout`: a video keeps its keys, their feature ids and the
 * table entries last found for them, nothing more.
 */
import type { TableEntry } from './embedding-table.ts';
import type { FeatureIds } from './feature-ids.ts';
import type { ContentKeys } from './features.ts';
import type { VideoMeta } from './types.ts';
import { MODEL, spreadWeight } from './model.spec.ts';
import type { ItemPartSpec } from './model.spec.ts';

/** Where a video's parts lie among its keys, and their weights: shared by every video of one shape. */
export interface PartsLayout {
  /** weight of each key: the video id's (1), then each feature key's */
  readonly itemWeights: readonly number[];
  /** the cross keys are keys[1 .. 1 + crossCount) */
  readonly crossCount: number;
  /** weight of each cross key */
  readonly crossWeights: readonly number[];
  /** per part (spec order): where its keys start among the feature ids (`ItemParts.ids`), and how many */
  readonly partStart: readonly number[];
  readonly partCount: readonly number[];
  /** the evidence parts' feature ids (`ItemParts.ids`) as [start, end) pairs, in the order they are noted */
  readonly evidence: readonly number[];
  readonly plan: PartsPlan;
}

/** A video's item-tower features as parallel arrays, with the table entries last found for them. */
export interface ItemParts {
  /** the video id (a key of the video table), then feature keys (the feature table) */
  keys: string[];
  /** the weights of the keys and where each part of the model spec lies among them (shared by every video of the same shape: read-only) */
  layout: PartsLayout;
  /** the entry of each key when last looked up (undefined: look it up again) */
  entries: (TableEntry | undefined)[];
  /**
   * The feature id (the catalogue's `featureIds`) of keys[k + 1], every key but the video id: the
   * feature table finds its entries and users find their crosses (the first `layout.crossCount`) by them.
   */
  ids: number[];
}

/** What a video needs for its parts: its content keys, its id, and a place to keep them (a `VideoRecord`). */
export interface PartsHolder {
  parts: ItemParts | null;
  readonly keys: ContentKeys;
  readonly meta: Pick<VideoMeta, 'id'>;
}

/** The item tower of a model spec, planned: the parts in memory order, and a layout per video shape. */
export interface PartsPlan {
  readonly parts: readonly ItemPartSpec[];
  /** the parts' indexes in memory order: crossed parts first */
  readonly order: readonly number[];
  /** the parts whose crosses carry evidence for reasons, in the order they are noted */
  readonly evidence: readonly number[];
  /** the layouts made so far, by shape (each part's key count) */
  readonly layouts: Map<string, PartsLayout>;
}

/** Plans the item tower of `spec` (throws when its evidence names a part without a cross). */
export function planParts(spec: { readonly itemParts: readonly ItemPartSpec[]; readonly evidence: readonly string[] }): PartsPlan {
  const parts = spec.itemParts;
  const order = [...parts.flatMap((p, i) => (p.cross ? [i] : [])), ...parts.flatMap((p, i) => (p.cross ? [] : [i]))];
  const evidence = spec.evidence.map((name) => {
    const i = parts.findIndex((p) => p.name === name);
    if (i < 0 || !parts[i]?.cross) throw new Error(`model spec: evidence part ${name} has no cross`);
    return i;
  });
  return { parts, order, evidence, layouts: new Map() };
}

/** The plan of the model in model.spec.ts: what the engine uses. */
export const MODEL_PARTS: PartsPlan = planParts(MODEL);

/** The layout of a video whose parts (spec order) have `counts` keys each. */
function layoutOf(plan: PartsPlan, counts: readonly number[]): PartsLayout {
  const shape = counts.join(':');
  let layout = plan.layouts.get(shape);
  if (!layout) {
    const itemWeights = [1];
    const crossWeights: number[] = [];
    const partStart = new Array<number>(plan.parts.length).fill(0);
    for (const i of plan.order) {
      const part = plan.parts[i] as ItemPartSpec;
      const n = counts[i] as number;
      partStart[i] = itemWeights.length - 1;
      const w = spreadWeight(part.weight, part.spread, n);
      for (let k = 0; k < n; k++) itemWeights.push(w);
      if (!part.cross) continue;
      const c = spreadWeight(part.cross.weight, part.cross.spread, n);
      for (let k = 0; k < n; k++) crossWeights.push(c);
    }
    const evidence = plan.evidence.flatMap((i) => [partStart[i] as number, (partStart[i] as number) + (counts[i] as number)]);
    layout = { plan, itemWeights, crossCount: crossWeights.length, crossWeights, partStart, partCount: counts, evidence };
    plan.layouts.set(shape, layout);
  }
  return layout;
}

function keysOf(part: ItemPartSpec, video: ContentKeys): readonly string[] {
  const keys = part.keys(video);
  return keys === null ? [] : typeof keys === 'string' ? [keys] : keys;
}

/**
 * The parts of `rec`: keys are the video id (a key of the video table), then the feature keys
 * (the feature table) as laid out above, numbered by `ids` (always the same numbering for a
 * video: the engine's catalogue's).
 */
export function itemParts(rec: PartsHolder, ids: FeatureIds, plan: PartsPlan = MODEL_PARTS): ItemParts {
  // the build is a function of its own: its closures would otherwise cost every call a context
  return rec.parts ?? buildParts(rec, ids, plan);
}

function buildParts(rec: PartsHolder, ids: FeatureIds, plan: PartsPlan): ItemParts {
  const byPart = plan.parts.map((part) => keysOf(part, rec.keys));
  const keys = [rec.meta.id];
  for (const i of plan.order) for (const key of byPart[i] as readonly string[]) keys.push(key);
  const featureIds = new Array<number>(keys.length - 1);
  for (let i = 0; i < featureIds.length; i++) featureIds[i] = ids.id(keys[i + 1] as string);
  rec.parts = {
    keys,
    layout: layoutOf(plan, byPart.map((k) => k.length)),
    entries: new Array<TableEntry | undefined>(keys.length).fill(undefined),
    ids: featureIds,
  };
  return rec.parts;
}

/** The feature ids of the cross keys that carry evidence for reasons (the spec's `evidence`), in the order they are noted. */
export function eachEvidenceId(rec: PartsHolder, ids: FeatureIds, f: (id: number) => void): void {
  const parts = itemParts(rec, ids);
  const ranges = parts.layout.evidence;
  for (let r = 0; r < ranges.length; r += 2) {
    for (let i = ranges[r] as number; i < (ranges[r + 1] as number); i++) f(parts.ids[i] as number);
  }
}

/** The feature keys of part `name` of a video (for tests and tools). */
export function partKeys(rec: PartsHolder, ids: FeatureIds, name: string): string[] {
  const parts = itemParts(rec, ids);
  const p = parts.layout.plan.parts.findIndex((part) => part.name === name);
  if (p < 0) return [];
  const start = parts.layout.partStart[p] as number;
  return parts.keys.slice(1 + start, 1 + start + (parts.layout.partCount[p] as number));
}
