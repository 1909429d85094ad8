import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForYouEngine } from './engine.ts';
import { STAGE_BUDGETS } from './exploration.ts';
import type { VideoMeta } from './types.ts';
import { T0 } from './test-helpers.ts';

const upload = (id: string, extra: Partial<VideoMeta> = {}): VideoMeta => ({
  id, creatorId: 'newbie', hashtags: ['origami'], soundId: null, captionTerms: [], language: 'en',
  durationMs: 10_000, createdAt: T0, region: 'eu', ...extra,
});

/** The link a catalogue record keeps to its pool entry is the pool's own entry, or null when it has none. */
function assertLinked(engine: ForYouEngine, id: string): void {
  const rec = engine.catalogue.get(id);
  assert.ok(rec, `${id} is in the catalogue`);
  assert.equal(rec.poolEntry, engine.pool.get(id) ?? null, `${id}: record and pool agree`);
}

test("a video's record stays linked to its pool entry through edits, a restore, leaving the pool and removal", () => {
  const engine = new ForYouEngine({ seed: 4 });
  engine.upsertVideo(upload('fresh'), T0);
  engine.upsertVideo(upload('old', { createdAt: T0 - 30 * 86_400_000 }), T0);
  assertLinked(engine, 'fresh');
  assert.notEqual(engine.catalogue.get('fresh')?.poolEntry, null);
  assertLinked(engine, 'old');
  assert.equal(engine.catalogue.get('old')?.poolEntry, null);

  // an edit replaces the record: the new one takes over the link, and counts go to the same entry
  engine.upsertVideo(upload('fresh', { hashtags: ['origami', 'paper'] }), T0 + 1);
  assertLinked(engine, 'fresh');
  engine.observe({ type: 'view', userId: 'u', videoId: 'fresh', at: T0 + 2, watchedMs: 10_000, durationMs: 10_000, completed: true, replays: 0 });
  assert.equal(engine.pool.get('fresh')?.views, 1);

  // a restored engine links its own records to its own entries
  const restored = ForYouEngine.restore(JSON.parse(JSON.stringify(engine.snapshot())) as ReturnType<ForYouEngine['snapshot']>);
  assertLinked(restored, 'fresh');
  assert.notEqual(restored.catalogue.get('fresh')?.poolEntry, engine.catalogue.get('fresh')?.poolEntry);

  // a stage of skips ends the video's time in the pool: the link goes with it
  for (let i = 1; i < (STAGE_BUDGETS[0] as number); i++) {
    restored.observe({ type: 'view', userId: `u${i}`, videoId: 'fresh', at: T0 + 10 + i, watchedMs: 500, durationMs: 10_000, completed: false, replays: 0 });
  }
  assert.equal(restored.pool.get('fresh'), undefined);
  assertLinked(restored, 'fresh');

  // removal too, and the entry moved into the removed one's place stays linked
  engine.upsertVideo(upload('fresh2'), T0 + 3);
  engine.upsertVideo(upload('fresh3'), T0 + 3);
  engine.removeVideo('fresh', T0 + 4);
  assert.equal(engine.pool.get('fresh'), undefined);
  assertLinked(engine, 'fresh2');
  assertLinked(engine, 'fresh3');
  engine.observe({ type: 'view', userId: 'u', videoId: 'fresh3', at: T0 + 5, watchedMs: 10_000, durationMs: 10_000, completed: true, replays: 0 });
  assert.equal(engine.pool.get('fresh3')?.views, 1);
});
