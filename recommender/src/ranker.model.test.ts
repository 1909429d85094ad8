import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalogue } from './catalogue.ts';
import type { VideoRecord } from './catalogue.ts';
import { CrossStore } from './crosses.ts';
import { decodeF32 } from './codec.ts';
import { eachEvidenceId, itemParts, partKeys, planParts } from './item-parts.ts';
import type { PartsPlan } from './item-parts.ts';
import { MODEL } from './model.spec.ts';
import type { ItemPartSpec } from './model.spec.ts';
import { Ranker, T } from './ranker.model.ts';
import { UserState } from './user-state.ts';
import { COMPLETE, LIKE, WATCH } from './learning.ts';
import type { VideoMeta } from './types.ts';

const DIM = 8;
const CONTEXT = ['r:eu', 'a:2', 't:3'];

const meta = (id: string, extra: Partial<VideoMeta> = {}): VideoMeta => ({
  id, creatorId: 'maya', hashtags: ['baking', 'bread'], soundId: 'song', captionTerms: ['sourdough', 'crumb', 'oven'],
  language: 'fr', durationMs: 25_000, createdAt: 0, region: 'eu', ...extra,
});

/** A ranker (ids admitted at first sight), one user, and one video, in a catalogue of their own. */
function world(plan?: PartsPlan): { ranker: Ranker; user: UserState; rec: VideoRecord; catalogue: Catalogue } {
  const catalogue = new Catalogue();
  catalogue.upsert(meta('v1'));
  const ranker = new Ranker(DIM, 7, { user: 1, video: 1, feature: 1 }, catalogue.featureIds, plan);
  const user = new UserState(DIM, T, new CrossStore(T, catalogue.featureIds));
  return { ranker, user, rec: catalogue.get('v1') as VideoRecord, catalogue };
}

/** Trains `steps` views (watched through, liked every other time) of the user on the video. */
function train(ranker: Ranker, user: UserState, rec: VideoRecord, steps: number): void {
  for (let i = 0; i < steps; i++) {
    const labels = new Float32Array(T).fill(0);
    labels[WATCH] = 1;
    labels[COMPLETE] = 1;
    labels[LIKE] = i % 2;
    ranker.learn(ranker.viewer('u', CONTEXT, user, ranker.trainingViewer), rec, labels, 1, 1000 + i, 'u');
  }
}

test('the item tower is laid out from the spec: the video id, crossed parts in spec order, then the others', () => {
  const { rec, catalogue } = world();
  const parts = itemParts(rec, catalogue.featureIds);
  assert.deepEqual(parts.keys, ['v1', 'c:maya', 'l:fr', 'd:2', 's:song', 'h:baking', 'h:bread', 'w:sourdough', 'w:crumb', 'w:oven']);
  assert.deepEqual(parts.layout.itemWeights, [1, 1, 1, 1, 1, 0.5, 0.5, 0.5 / 3, 0.5 / 3, 0.5 / 3]);
  assert.equal(parts.layout.crossCount, 6);
  assert.deepEqual(parts.layout.crossWeights, [1, 0.5, 0.5, 0.7, 1 / Math.SQRT2, 1 / Math.SQRT2]);
  assert.deepEqual(partKeys(rec, catalogue.featureIds, 'hashtags'), ['h:baking', 'h:bread']);
  const noted: string[] = [];
  const byId = new Map(parts.ids.map((id, i) => [id, parts.keys[i + 1]]));
  eachEvidenceId(rec, catalogue.featureIds, (id) => noted.push(byId.get(id) as string));
  assert.deepEqual(noted, ['c:maya', 'h:baking', 'h:bread', 's:song'], 'evidence: creator, hashtags, then sound (MODEL.evidence)');
});

test('videos of one shape share a layout; a video without a sound has none of its weights', () => {
  const catalogue = new Catalogue();
  catalogue.upsert(meta('a'));
  catalogue.upsert(meta('b', { creatorId: 'lu', hashtags: ['x', 'y'] }));
  catalogue.upsert(meta('c', { soundId: null }));
  const layout = (id: string) => itemParts(catalogue.get(id) as VideoRecord, catalogue.featureIds).layout;
  assert.equal(layout('a'), layout('b'));
  assert.notEqual(layout('a'), layout('c'));
  assert.equal(layout('c').crossCount, 5);
  assert.deepEqual(partKeys(catalogue.get('c') as VideoRecord, catalogue.featureIds, 'sound'), []);
});

test('scoring and training read the same logits, and the row training leaves is the one scoring sums', () => {
  const { ranker, user, rec } = world();
  train(ranker, user, rec, 6);
  assert.ok(user.crosses.size > 0, 'the user has crosses, so the logits include them');
  const viewer = ranker.viewer('u', CONTEXT, user);
  // the cached row and a row summed now give one score
  const row = ranker.itemRow(rec);
  assert.equal(ranker.scoreRow(viewer, rec, row), ranker.score(viewer, rec));
  const p = ranker.predict(viewer, rec);
  // a "no like" step: the like bias's Adagrad accumulator grows by e², e = P(like) as training computed it
  const before = decodeF32(ranker.snapshot().global);
  const labels = new Float32Array(T).fill(NaN);
  labels[LIKE] = 0;
  ranker.learn(ranker.viewer('u', CONTEXT, user, ranker.trainingViewer), rec, labels, 1, 2000, 'u');
  const after = decodeF32(ranker.snapshot().global);
  const e = Math.sqrt((after[T + LIKE] as number) - (before[T + LIKE] as number));
  assert.ok(Math.abs(e - (p[LIKE] as number)) < 2e-4, `training saw P(like) ${e}, scoring ${p[LIKE]}`);
  const learned = ranker.learnedItemRow(new Float32Array(DIM + T));
  assert.deepEqual(learned, ranker.itemRow(rec), 'the row after the step is what itemRow() sums');
});

test('a spec change of a cross no reason uses (caption terms cross, language does not) compiles and runs', () => {
  const changed: ItemPartSpec[] = MODEL.itemParts.map((p): ItemPartSpec => {
    if (p.name === 'captionTerms') return { ...p, cross: { weight: 0.3, spread: 'mean' } };
    if (p.name === 'language') return { name: p.name, keys: p.keys, weight: p.weight, spread: p.spread };
    return p;
  });
  const { ranker, user, rec, catalogue } = world(planParts({ ...MODEL, itemParts: changed }));
  train(ranker, user, rec, 4);
  const crossKeys = [...user.crosses.offsets()].map(([key]) => key);
  assert.ok(crossKeys.includes('w:sourdough'), crossKeys.join());
  assert.ok(!crossKeys.includes('l:fr'), crossKeys.join());
  const parts = itemParts(rec, catalogue.featureIds);
  assert.equal(parts.keys.at(-1), 'l:fr', 'a part without a cross is laid out after the crossed ones');
  assert.ok(Number.isFinite(ranker.score(ranker.viewer('u', CONTEXT, user), rec)));
});

test('a spec whose evidence names a part without a cross is refused', () => {
  const changed = MODEL.itemParts.map((p): ItemPartSpec => (p.name === 'sound' ? { name: p.name, keys: p.keys, weight: 1, spread: 'one' } : p));
  assert.throws(() => planParts({ ...MODEL, itemParts: changed }), /evidence part sound has no cross/);
});
