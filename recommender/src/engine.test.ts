import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForYouEngine } from './engine.ts';
import type { EngineEvent } from './types.ts';
import { T0, catalogue, request, topicOf } from './test-helpers.ts';

function engineWith(perTopic = 20): ForYouEngine {
  const engine = new ForYouEngine({ seed: 7 });
  for (const v of catalogue(perTopic)) engine.upsertVideo(v, T0 - 86_400_000);
  return engine;
}

/** Background users who watch everything a little, so trending and the shared model have data. */
function warmUp(engine: ForYouEngine): void {
  let at = T0 - 3_600_000;
  for (let u = 0; u < 10; u++) {
    for (const v of catalogue()) {
      if ((u + v.id.length) % 4 !== 0) continue;
      engine.observe({ type: 'view', userId: `bg${u}`, videoId: v.id, at: at++, watchedMs: 8000, durationMs: v.durationMs, completed: false, replays: 0 });
    }
  }
}

const countTopic = (ids: string[], topic: string): number => ids.filter((id) => topicOf(id) === topic).length;

test('a like and watch-through of #baking videos raises #baking in the next page', () => {
  const engine = engineWith();
  warmUp(engine);
  const before = engine.recommend(request('ann', T0, { count: 10 })).items.map((i) => i.videoId);
  let at = T0 + 1000;
  for (const id of ['baking-1', 'baking-2']) {
    engine.observe({ type: 'view', userId: 'ann', videoId: id, at: at++, watchedMs: 20_000, durationMs: 20_000, completed: true, replays: 0 });
    engine.observe({ type: 'like', userId: 'ann', videoId: id, at: at++ });
  }
  const after = engine.recommend(request('ann', at + 1, { count: 10 })).items;
  const afterIds = after.map((i) => i.videoId);
  assert.ok(countTopic(afterIds, 'baking') > countTopic(before, 'baking'), `${before} → ${afterIds}`);
  assert.ok(countTopic(afterIds, 'baking') >= 3);
  const baking = after.find((i) => topicOf(i.videoId) === 'baking');
  assert.ok(baking?.reasons.some((r) => r.code === 'hashtag_affinity' && r.params.hashtag === 'baking'), JSON.stringify(baking?.reasons));
});

test('one event changes the next page of the same person', () => {
  const engine = engineWith();
  warmUp(engine);
  const a = engine.snapshot();
  const twin = ForYouEngine.restore(structuredClone(a));
  engine.observe({ type: 'like', userId: 'bob', videoId: 'chess-3', at: T0 + 5 });
  const withLike = engine.recommend(request('bob', T0 + 10)).items.map((i) => i.videoId);
  const without = twin.recommend(request('bob', T0 + 10)).items.map((i) => i.videoId);
  assert.notDeepEqual(withLike, without);
  const weight = (ids: string[]): number => ids.reduce((sum, id, i) => sum + (topicOf(id) === 'chess' ? ids.length - i : 0), 0);
  assert.ok(weight(withLike) > weight(without), `${without} → ${withLike}`);
});

test('reset forgets learned interests', () => {
  const engine = engineWith();
  warmUp(engine);
  let at = T0;
  for (let i = 0; i < 8; i++) {
    engine.observe({ type: 'view', userId: 'cy', videoId: `cats-${i}`, at: at++, watchedMs: 30_000, durationMs: 20_000, completed: true, replays: 1 });
    engine.observe({ type: 'like', userId: 'cy', videoId: `cats-${i}`, at: at++ });
  }
  const learned = engine.recommend(request('cy', at++)).items.map((i) => i.videoId);
  assert.ok(countTopic(learned, 'cats') >= 3, String(learned));
  engine.resetUser('cy', at++);
  assert.equal(engine.users.get('cy')?.crosses.size, 0);
  const fresh = engine.recommend(request('cy', at)).items.map((i) => i.videoId);
  assert.ok(countTopic(fresh, 'cats') < countTopic(learned, 'cats'), `${learned} → ${fresh}`);
  engine.deleteUser('cy', at + 1);
  assert.equal(engine.users.has('cy'), false);
  assert.equal(engine.ranker.users.entries.has('cy'), false);
});

test('not interested in a creator removes the creator; in a hashtag removes the hashtag', () => {
  const engine = engineWith();
  warmUp(engine);
  engine.observe({ type: 'view', userId: 'di', videoId: 'dance-0', at: T0, watchedMs: 20_000, durationMs: 15_000, completed: true, replays: 0 });
  engine.observe({ type: 'like', userId: 'di', videoId: 'dance-0', at: T0 + 1 });
  engine.observe({ type: 'not_interested', userId: 'di', at: T0 + 2, target: { kind: 'creator', id: 'dance-creator-1' } });
  engine.observe({ type: 'not_interested', userId: 'di', at: T0 + 3, target: { kind: 'hashtag', id: '#Cars' } });
  for (let p = 0; p < 5; p++) {
    const ids = engine.recommend(request('di', T0 + 10 + p)).items.map((i) => i.videoId);
    for (const id of ids) {
      assert.notEqual(engine.catalogue.get(id)?.meta.creatorId, 'dance-creator-1');
      assert.notEqual(topicOf(id), 'cars');
    }
  }
});

test('the seen filter: no video twice across pages, until the catalogue runs out', () => {
  const engine = engineWith();
  warmUp(engine);
  const served = new Set<string>();
  for (let p = 0; p < 10; p++) {
    for (const item of engine.recommend(request('ed', T0 + p)).items) {
      assert.ok(!served.has(item.videoId), `repeated ${item.videoId} on page ${p}`);
      served.add(item.videoId);
    }
  }
  assert.ok(served.size >= 80);
});

test('once everything was seen the feed starts over instead of running dry, still without hidden videos', () => {
  const engine = engineWith(4); // 24 videos, one of them hidden below: 23 the viewer may see
  warmUp(engine);
  const before = engine.snapshot();
  engine.observe({ type: 'not_interested', userId: 'flo', target: { kind: 'video', id: 'cats-1' }, at: T0 });
  const log: EngineEvent[] = [{ type: 'not_interested', userId: 'flo', target: { kind: 'video', id: 'cats-1' }, at: T0 }];
  const served: string[] = [];
  for (let p = 0; p < 8; p++) {
    const page = engine.recommend(request('flo', T0 + 1 + p));
    if (page.impression) log.push(page.impression);
    const ids = page.items.map((i) => i.videoId);
    assert.equal(ids.length, 10, `page ${p} has ${ids.length} items`);
    assert.ok(!ids.includes('cats-1'), `hidden video on page ${p}`);
    assert.equal(new Set(ids).size, 10, `a video twice on page ${p}`);
    served.push(...ids);
  }
  assert.equal(new Set(served.slice(0, 23)).size, 23, 'every video once before any comes back');
  const third = log[3];
  assert.ok(third?.type === 'impression' && third.rewind === true && !log.slice(1, 3).some((e) => e.type === 'impression' && e.rewind));
  const next = engine.recommend(request('flo', T0 + 100)).items;
  assert.equal(next.length, 10);
  // replaying the logged events (impressions included) reproduces the seen filter exactly
  const replayed = ForYouEngine.restore(before);
  for (const e of log) replayed.observe(e);
  assert.deepEqual(
    replayed.recommend(request('flo', T0 + 100)).items.map((i) => i.videoId),
    next.map((i) => i.videoId),
  );
});

test('a repeat says why it is back', () => {
  const engine = engineWith(2); // 12 videos
  const first = engine.recommend(request('hal', T0)).items;
  assert.ok(first.every((i) => !i.reasons.some((r) => r.code === 'seen_again')));
  const second = engine.recommend(request('hal', T0 + 1)).items;
  assert.equal(second.length, 10);
  const repeats = second.filter((i) => first.some((f) => f.videoId === i.videoId));
  assert.equal(repeats.length, 8);
  assert.ok(repeats.every((i) => i.reasons[0]?.code === 'seen_again'), JSON.stringify(repeats[0]?.reasons));
});

test('no creator twice in a row, also across page boundaries; reasons are 1 to 3', () => {
  const engine = engineWith();
  warmUp(engine);
  let last: string | null = null;
  for (let p = 0; p < 6; p++) {
    const page = engine.recommend(request('fa', T0 + p, { follows: ['chess-creator-0'] })).items;
    for (const item of page) {
      const creator = engine.catalogue.get(item.videoId)?.meta.creatorId ?? null;
      assert.notEqual(creator, last, `back-to-back ${creator}`);
      last = creator;
      assert.ok(item.reasons.length >= 1 && item.reasons.length <= 3);
    }
  }
});

test('follows, blocks, keyword filters and the visibility predicate', () => {
  const engine = engineWith();
  warmUp(engine);
  engine.upsertVideo({ ...catalogue()[0]!, id: 'travel-new', creatorId: 'travel-creator-2', hashtags: ['travel'], createdAt: T0 - 2 * 86_400_000 }, T0);
  const page = engine.recommend(request('gu', T0, {
    follows: ['travel-creator-2'],
    blockedCreators: ['cats-creator-0'],
    keywordFilters: ['Dance'],
    canSee: (id) => id !== 'travel-5',
  })).items;
  const ids = page.map((i) => i.videoId);
  assert.ok(!ids.includes('travel-5'));
  assert.ok(ids.every((id) => topicOf(id) !== 'dance'));
  assert.ok(ids.every((id) => engine.catalogue.get(id)?.meta.creatorId !== 'cats-creator-0'));
  const followed = page.find((i) => engine.catalogue.get(i.videoId)?.meta.creatorId === 'travel-creator-2');
  assert.ok(followed, String(ids));
  assert.equal(followed.reasons[0]?.code, 'followed_creator');
  assert.equal(followed.reasons[0]?.text, 'from @travel-creator-2, whom you follow');
});

test('exploration gives a new upload impressions, and widens when people watch it through', () => {
  const engine = engineWith();
  warmUp(engine);
  engine.upsertVideo({
    id: 'new-1', creatorId: 'newbie', hashtags: ['origami'], soundId: null, captionTerms: [], language: 'en',
    durationMs: 10_000, createdAt: T0, region: 'eu',
  }, T0);
  let impressions = 0;
  for (let u = 0; u < 40; u++) {
    const page = engine.recommend(request(`viewer${u}`, T0 + 100 + u));
    const item = page.items.find((i) => i.videoId === 'new-1');
    if (!item) continue;
    impressions++;
    assert.ok(item.reasons.some((r) => r.code === 'new_upload'));
    engine.observe({ type: 'view', userId: `viewer${u}`, videoId: 'new-1', at: T0 + 200 + u, watchedMs: 10_000, durationMs: 10_000, completed: true, replays: 0 });
  }
  assert.ok(impressions >= 10, `only ${impressions} impressions`);
  assert.ok((engine.pool.get('new-1')?.stage ?? 0) >= 1, `should have moved to the next stage: ${JSON.stringify(engine.pool.get('new-1'))}`);
});

test('non-personalised mode: popular in region and recent, with reasons saying so and nothing suggesting learning', () => {
  const engine = engineWith();
  warmUp(engine);
  // a new upload reaches non-personalised pages through exploration: it is "recent", not "finding its audience"
  engine.upsertVideo({
    id: 'new-np', creatorId: 'newbie', hashtags: ['origami'], soundId: null, captionTerms: [], language: 'en',
    durationMs: 10_000, createdAt: T0, region: 'eu',
  }, T0);
  let explored = 0;
  for (let u = 0; u < 40; u++) {
    const item = engine.recommend(request(`np${u}`, T0 + 50 + u, { personalized: false })).items.find((i) => i.videoId === 'new-np');
    if (!item) continue;
    explored++;
    assert.deepEqual(item.reasons.map((r) => r.code), ['recent_upload'], JSON.stringify(item.reasons));
  }
  assert.ok(explored > 0, 'the new upload was shown');
  for (let i = 0; i < 5; i++) engine.observe({ type: 'like', userId: 'hu', videoId: `chess-${i}`, at: T0 + i });
  const page = engine.recommend(request('hu', T0 + 100, { personalized: false })).items;
  assert.equal(page.length, 10);
  for (const item of page) {
    assert.ok(item.reasons.every((r) => ['trending_region', 'recent_upload', 'followed_creator'].includes(r.code)), JSON.stringify(item.reasons));
  }
  const anonymous = engine.recommend(request(null, T0 + 100));
  assert.equal(anonymous.items.length, 10);
  assert.equal(anonymous.impression, null);
});

test('convenience methods work before any event; events without a valid time are refused', () => {
  const engine = new ForYouEngine();
  engine.resetUser('nobody');
  engine.removeVideo('nothing');
  assert.throws(() => engine.observe({ type: 'like', userId: 'a', videoId: 'b', at: Number.NaN }), RangeError);
});

test('the vector index is refreshed on event time (every 30 min), not after a number of events', () => {
  const engine = new ForYouEngine({ seed: 7 });
  const videos = catalogue(20);
  for (const v of videos) engine.upsertVideo(v, T0);
  const scheduled = engine.clock.nextIndexAt;
  assert.equal(scheduled, T0 + 30 * 60_000);
  // 3,000 events within 20 min of event time: no refresh
  let at = T0;
  for (let i = 0; i < 3000; i++) {
    const v = videos[i % videos.length] as (typeof videos)[number];
    at += 400;
    engine.observe({ type: 'view', userId: `u${i % 50}`, videoId: v.id, at, watchedMs: 5000, durationMs: v.durationMs, completed: false, replays: 0 });
  }
  assert.ok(at < scheduled);
  assert.equal(engine.clock.nextIndexAt, scheduled);
  // the first event at the 30 min mark refreshes it
  engine.observe({ type: 'view', userId: 'u1', videoId: 'cats-1', at: scheduled, watchedMs: 5000, durationMs: 20_000, completed: false, replays: 0 });
  assert.equal(engine.clock.nextIndexAt, scheduled + 30 * 60_000);
});
