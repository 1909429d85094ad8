// For You served by the engine through the API: it learns from each event, respects visibility and
// the viewer's controls, explains itself, and a restart loses no learning.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let retro: Session;
const topic = new Map<string, string>();

before(async () => {
  p = await startTestPlatform();
  // Three creators per topic, so that "no creator back to back" leaves room to prefer a topic.
  const makers = [];
  for (const name of ['fractalmaker', 'zoomer', 'mathfan', 'retromaker', 'tvfan', 'barsfan']) makers.push(await signup(p, name));
  retro = makers[3]!;
  for (let i = 0; i < 4; i++) {
    for (const [j, maker] of makers.entries()) {
      const isFractal = j < 3;
      const id = await publishedVideo(p, maker, { caption: isFractal ? `zoom ${i} #fractals #math` : `bars ${i} #retro #broadcast` });
      topic.set(id, isFractal ? 'fractals' : 'retro');
    }
  }
});
after(() => p.stop());

type Item = { id: string; reasons: { code: string; text: string }[]; author: { username: string }; hashtags: string[] };
const page = async (as: Session | null): Promise<Item[]> => (await api(p, 'GET', '/api/v1/feed/foryou', { as })).json().items;

async function watchAndLike(as: Session, ids: string[]) {
  for (const id of ids) {
    await api(p, 'POST', `/api/v1/videos/${id}/views`, { as, body: { watchedMs: 4000, completed: true, replays: 1 } });
    await api(p, 'PUT', `/api/v1/videos/${id}/like`, { as });
  }
}

async function skip(as: Session, ids: string[]) {
  for (const id of ids) await api(p, 'POST', `/api/v1/videos/${id}/views`, { as, body: { watchedMs: 200, completed: false } });
}

test('what a person watches and likes changes their next page', async () => {
  const a = await signup(p, 'likesfractals');
  const b = await signup(p, 'likesretro');
  const first = await page(a);
  assert.ok(first.length > 0);
  const ids = [...topic.keys()];
  const fr = ids.filter((id) => topic.get(id) === 'fractals');
  const re = ids.filter((id) => topic.get(id) === 'retro');
  await watchAndLike(a, fr.slice(0, 3));
  await skip(a, re.slice(0, 3));
  await watchAndLike(b, re.slice(3, 6));
  await skip(b, fr.slice(3, 6));
  const share = (items: Item[], t: string) => items.filter((i) => topic.get(i.id) === t).length;
  const nextA = await page(a);
  const nextB = await page(b);
  assert.ok(share(nextA, 'fractals') > share(nextA, 'retro'), `A: ${nextA.map((i) => topic.get(i.id)).join(',')}`);
  assert.ok(share(nextB, 'retro') > share(nextB, 'fractals'), `B: ${nextB.map((i) => topic.get(i.id)).join(',')}`);
  for (const item of [...nextA, ...nextB]) {
    assert.ok(item.reasons.length >= 1 && item.reasons.length <= 3, 'one to three reasons');
    assert.ok(!item.reasons.some((r) => /@[0-9a-f]{8}-/.test(r.text)), `reasons name people, not ids: ${item.reasons.map((r) => r.text)}`);
  }
});

test('no video twice until everything was seen, then it starts over; never your own, never what you may not see', async () => {
  const viewer = await signup(p, 'bingewatcher');
  const hidden = await publishedVideo(p, retro, { caption: 'secret #retro', visibility: 'private' });
  const friends = await publishedVideo(p, retro, { caption: 'for followers #retro', visibility: 'followers' });
  const own = await publishedVideo(p, viewer, { caption: 'mine #retro' });
  const visible = topic.size; // the public videos of the others
  const served: Item[] = [];
  for (let i = 0; i < 5; i++) {
    const items = await page(viewer);
    assert.equal(items.length, 8, `page ${i} is full`);
    served.push(...items);
  }
  const ids = served.map((v) => v.id);
  assert.equal(new Set(ids.slice(0, visible)).size, visible, 'no repeats before everything was seen');
  assert.ok(!ids.includes(hidden) && !ids.includes(friends) && !ids.includes(own));
  // the page that starts over says so on each repeat (later pages are the second round)
  const repeats = served.slice(visible, Math.ceil((visible + 1) / 8) * 8);
  assert.ok(repeats.length > 0 && repeats.every((v) => v.reasons.some((r) => r.code === 'seen_again')), JSON.stringify(repeats[0]?.reasons));
  const anon = (await page(null)).map((v) => v.id);
  assert.ok(anon.length > 0 && !anon.includes(hidden) && !anon.includes(friends));
});

test('not interested, keyword filters and the non-personalised mode', async () => {
  const viewer = await signup(p, 'picky');
  assert.equal((await api(p, 'POST', '/api/v1/feed/not-interested', { as: viewer, body: { username: 'retromaker' } })).statusCode, 204);
  const items = [...(await page(viewer)), ...(await page(viewer))];
  assert.ok(items.length > 0);
  assert.ok(items.every((v) => v.author.username !== retro.username), 'a creator you are not interested in disappears');

  const other = await signup(p, 'filterer');
  const put = await api(p, 'PUT', '/api/v1/me/feed-preferences', { as: other, body: { keywordFilters: ['#Math'], personalized: false } });
  assert.deepEqual(put.json().preferences, { personalized: false, keywordFilters: ['math'] });
  const filtered = await page(other);
  assert.ok(filtered.length > 0);
  assert.ok(filtered.every((v) => !v.hashtags.includes('math')), 'keyword filters apply');
  const personal = new Set(['hashtag_affinity', 'creator_affinity', 'sound_affinity', 'similar_interest']);
  assert.ok(filtered.every((v) => v.reasons.every((r) => !personal.has(r.code))), 'non-personalised reasons only');
  assert.equal((await api(p, 'POST', '/api/v1/feed/foryou/refresh', { as: other })).statusCode, 204);
  assert.equal((await api(p, 'POST', '/api/v1/feed/not-interested', { as: other, body: { nothing: 1 } })).statusCode, 400);
});

test('a restart restores the snapshot and replays the log: no learning is lost', async () => {
  const fan = await signup(p, 'restartfan');
  const ids = [...topic.keys()];
  await watchAndLike(fan, ids.slice(0, 2));
  await p.recommender.snapshot();
  await watchAndLike(fan, ids.slice(2, 4)); // after the snapshot: must be replayed
  await page(fan);
  const probe = ids[10]!;
  const now = Date.now();
  const before = p.recommender.engine.scoreOf(fan.id, probe, now);
  assert.notEqual(before, null);

  // A second process on the same database: restores the latest snapshot and replays what followed.
  const { createPlatform } = await import('../platform.ts');
  const second = await createPlatform(p.config, { db: p.db, runWorker: false });
  try {
    const restored = second.recommender.engine.scoreOf(fan.id, probe, now);
    assert.equal(restored, before);
  } finally {
    await second.close();
  }
});
