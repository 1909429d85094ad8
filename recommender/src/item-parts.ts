/**
 * A video's item-tower parts (the keys its item vector sums, with their weights) and its cross
 * keys, built once per video. The cross keys are a slice of the part keys, and the weights
 * depend only on the video's shape (sound or not, how many hashtags and caption terms), so
 * every video of a shape shares one weights array: a video keeps its keys and the table
 * entries last found for them, nothing more.
 */
import type { ItemParts, VideoRecord } from './catalogue.ts';
import type { TableEntry } from './embedding-table.ts';
import type { FeatureIds } from './feature-ids.ts';

interface Weights {
  item: readonly number[];
  cross: readonly number[];
}

const weightsByShape = new Map<string, Weights>();

function weightsOf(sound: boolean, tags: number, terms: number): Weights {
  const shape = `${sound ? 1 : 0}:${tags}:${terms}`;
  let w = weightsByShape.get(shape);
  if (!w) {
    const item = [1, 1, 1, 1];
    const cross = [1, 0.5, 0.5];
    if (sound) {
      item.push(1);
      cross.push(0.7);
    }
    const crossTag = 1 / Math.sqrt(Math.max(1, tags));
    for (let i = 0; i < tags; i++) {
      item.push(1 / tags);
      cross.push(crossTag);
    }
    for (let i = 0; i < terms; i++) item.push(0.5 / terms);
    w = { item, cross };
    weightsByShape.set(shape, w);
  }
  return w;
}

/**
 * The parts of `rec`: keys are the video id (a key of the video table), creator, language,
 * duration, sound, hashtags, caption terms (the feature table); the cross keys are
 * keys[1 .. 1 + crossCount): creator, language, duration, sound, hashtags, numbered by `ids`
 * (always the same numbering for a video: the engine's catalogue's).
 */
export function itemParts(rec: VideoRecord, ids: FeatureIds): ItemParts {
  if (!rec.parts) {
    const k = rec.keys;
    const keys = [rec.meta.id, k.creator, k.language, k.duration];
    if (k.sound !== null) keys.push(k.sound);
    for (const tag of k.tags) keys.push(tag);
    for (const term of k.terms) keys.push(term);
    const w = weightsOf(k.sound !== null, k.tags.length, k.terms.length);
    const featureIds = new Array<number>(keys.length - 1);
    for (let i = 0; i < featureIds.length; i++) featureIds[i] = ids.id(keys[i + 1] as string);
    rec.parts = {
      keys,
      weights: w.item,
      entries: new Array<TableEntry | undefined>(keys.length).fill(undefined),
      crossCount: w.cross.length,
      crossWeights: w.cross,
      ids: featureIds,
    };
  }
  return rec.parts;
}

/**
 * The feature ids of the cross keys that carry evidence for reasons, in the order they are
 * noted: the creator, each hashtag, then the sound (read from the layout of `itemParts`).
 */
export function eachEvidenceId(rec: VideoRecord, ids: FeatureIds, f: (id: number) => void): void {
  const parts = itemParts(rec, ids);
  const hasSound = rec.keys.sound !== null;
  // parts.ids: creator, language, duration, sound (if any), hashtags, caption terms
  f(parts.ids[0] as number);
  for (let i = hasSound ? 4 : 3; i < parts.crossCount; i++) f(parts.ids[i] as number);
  if (hasSound) f(parts.ids[3] as number);
}
