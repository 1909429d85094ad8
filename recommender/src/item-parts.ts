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
import type { ItemPartSpec, PartName } from './model.spec.ts';

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

const PARTS: readonly ItemPartSpec[] = MODEL.itemParts;
/** the spec's parts in memory order: crossed parts first */
const ORDER: readonly number[] = [
  ...PARTS.flatMap((p, i) => (p.cross ? [i] : [])),
  ...PARTS.flatMap((p, i) => (p.cross ? [] : [i])),
];
const partIndex = (name: PartName): number => PARTS.findIndex((p) => p.name === name);
/** the parts whose crosses carry evidence for reasons, in the order they are noted */
const EVIDENCE: readonly number[] = MODEL.evidence.map((name) => {
  const i = partIndex(name);
  if (i < 0 || !PARTS[i]?.cross) throw new Error(`model spec: evidence part ${name} has no cross`);
  return i;
});

const layouts = new Map<string, PartsLayout>();

/** The layout of a video whose parts (spec order) have `counts` keys each. */
function layoutOf(counts: readonly number[]): PartsLayout {
  const shape = counts.join(':');
  let layout = layouts.get(shape);
  if (!layout) {
    const itemWeights = [1];
    const crossWeights: number[] = [];
    const partStart = new Array<number>(PARTS.length).fill(0);
    for (const i of ORDER) {
      const part = PARTS[i] as ItemPartSpec;
      const n = counts[i] as number;
      partStart[i] = itemWeights.length - 1;
      const w = spreadWeight(part.weight, part.spread, n);
      for (let k = 0; k < n; k++) itemWeights.push(w);
      if (!part.cross) continue;
      const c = spreadWeight(part.cross.weight, part.cross.spread, n);
      for (let k = 0; k < n; k++) crossWeights.push(c);
    }
    layout = { itemWeights, crossCount: crossWeights.length, crossWeights, partStart, partCount: counts };
    layouts.set(shape, layout);
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
export function itemParts(rec: PartsHolder, ids: FeatureIds): ItemParts {
  if (!rec.parts) {
    const byPart = PARTS.map((part) => keysOf(part, rec.keys));
    const keys = [rec.meta.id];
    for (const i of ORDER) for (const key of byPart[i] as readonly string[]) keys.push(key);
    const featureIds = new Array<number>(keys.length - 1);
    for (let i = 0; i < featureIds.length; i++) featureIds[i] = ids.id(keys[i + 1] as string);
    rec.parts = {
      keys,
      layout: layoutOf(byPart.map((k) => k.length)),
      entries: new Array<TableEntry | undefined>(keys.length).fill(undefined),
      ids: featureIds,
    };
  }
  return rec.parts;
}

/** The feature ids of the cross keys that carry evidence for reasons (`MODEL.evidence`), in the order they are noted. */
export function eachEvidenceId(rec: PartsHolder, ids: FeatureIds, f: (id: number) => void): void {
  const parts = itemParts(rec, ids);
  const { partStart, partCount } = parts.layout;
  for (const p of EVIDENCE) {
    const start = partStart[p] as number;
    const end = start + (partCount[p] as number);
    for (let i = start; i < end; i++) f(parts.ids[i] as number);
  }
}

/** The feature keys of part `name` of a video (for tests and tools). */
export function partKeys(rec: PartsHolder, ids: FeatureIds, name: PartName): string[] {
  const parts = itemParts(rec, ids);
  const p = partIndex(name);
  const start = parts.layout.partStart[p] as number;
  return parts.keys.slice(1 + start, 1 + start + (parts.layout.partCount[p] as number));
}
