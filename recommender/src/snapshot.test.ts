import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForYouEngine } from './engine.ts';
import type { EngineEvent } from './types.ts';
import { T0, catalogue, request } from './test-helpers.ts';
import { mulberry32 } from './rng.ts';

/** A mixed stream of events and page requests, driven by a seeded generator. */
function* session(seed: number, from: number, steps: number, engine: ForYouEngine): Generator<EngineEvent> {
  const random = mulberry32(seed);
  const videos = [...engine.catalogue.videos.keys()];
  let at = from;
  for (let i = 0; i < steps; i++) {
    at += 1 + Math.floor(random() * 60_000);
    const userId = `u${Math.floor(random() * 12)}`;
    const videoId = videos[Math.floor(random() * videos.length)] as string;
    const r = random();
    if (r < 0.05) {
      const page = engine.recommend(request(userId, at, { follows: ['cats-creator-1'] }));
      if (page.impression) yield page.impression;
    } else if (r < 0.6) {
      const durationMs = 20_000;
      const watchedMs = Math.floor(random() * 30_000);
      yield { type: 'view', userId, videoId, at, watchedMs, durationMs, completed: watchedMs >= durationMs, replays: watchedMs > 25_000 ? 1 : 0 };
    } else if (r < 0.75) yield { type: 'like', userId, videoId, at };
    else if (r < 0.8) yield { type: 'share', userId, videoId, at };
    else if (r < 0.83) yield { type: 'follow', userId, creatorId: `chess-creator-${i % 3}`, at };
    else if (r < 0.85) yield { type: 'not_interested', userId, at, target: { kind: 'hashtag', id: 'dance' } };
    else if (r < 0.86) yield { type: 'reset', userId, at };
    else if (r < 0.88) {
      yield { type: 'video_upsert', at, video: { id: `fresh-${i}`, creatorId: 'newbie', hashtags: ['origami'], soundId: null, captionTerms: ['paper'], language: 'en', durationMs: 9000, createdAt: at, region: 'us' } };
    } else yield { type: 'save', userId, videoId, at };
  }
}

test('snapshot + replay of the later events equals uninterrupted learning', () => {
  // a small ANN threshold exercises the IVF index too
  const live = new ForYouEngine({ seed: 3, annThreshold: 60 });
  for (const v of catalogue(15)) live.upsertVideo(v, T0);
  // recommend() inside the session already applied its impression events
  const apply = (engine: ForYouEngine, e: EngineEvent): void => {
    if (e.type !== 'impression') engine.observe(e);
  };
  for (const e of session(1, T0, 1500, live)) apply(live, e);

  const saved = JSON.parse(JSON.stringify(live.snapshot())) as ReturnType<ForYouEngine['snapshot']>;
  const later: EngineEvent[] = [];
  for (const e of session(2, T0 + 10 * 86_400_000, 1500, live)) {
    apply(live, e);
    later.push(e);
  }
  // recommend() applied its impressions to `live` already; they are part of the logged stream
  const restored = ForYouEngine.restore(saved);
  for (const e of later) if (e.type !== 'impression') restored.observe(e);
  // replay impressions in their places: rebuild from the snapshot again, this time with everything logged
  const exact = ForYouEngine.restore(JSON.parse(JSON.stringify(saved)) as typeof saved);
  for (const e of later) exact.observe(e);

  assert.equal(JSON.stringify(exact.snapshot()), JSON.stringify(live.snapshot()));
  assert.ok(live.index.usesIvf);
  const now = T0 + 40 * 86_400_000;
  for (const userId of ['u1', 'u5', 'u9']) {
    assert.deepEqual(exact.recommend(request(userId, now)), live.recommend(request(userId, now)));
  }
  // without the logged impressions, the seen filters differ: the impressions matter
  assert.notEqual(JSON.stringify(restored.snapshot().users), JSON.stringify(exact.snapshot().users));
});

test('a snapshot survives a JSON round trip and restores to the same snapshot', () => {
  const engine = new ForYouEngine({ seed: 9 });
  for (const v of catalogue(5)) engine.upsertVideo(v, T0);
  for (const e of session(4, T0, 300, engine)) if (e.type !== 'impression') engine.observe(e);
  const first = JSON.stringify(engine.snapshot());
  const again = JSON.stringify(ForYouEngine.restore(JSON.parse(first) as ReturnType<ForYouEngine['snapshot']>).snapshot());
  assert.equal(again, first);
});
