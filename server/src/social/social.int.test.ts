import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let author: Session;
let fan: Session;
before(async () => {
  p = await startTestPlatform();
  author = await signup(p, 'creator');
  fan = await signup(p, 'fan');
});
after(() => p.stop());

test('concurrent likes from many people give the exact count, and repeats do not double count', async () => {
  const video = await publishedVideo(p, author);
  const people = await Promise.all(Array.from({ length: 12 }, (_, i) => signup(p, `liker${i}`)));
  const results = await Promise.all(people.flatMap((s) => [api(p, 'PUT', `/api/v1/videos/${video}/like`, { as: s }), api(p, 'PUT', `/api/v1/videos/${video}/like`, { as: s })]));
  assert.ok(results.every((r) => r.statusCode === 200));
  const got = await api(p, 'GET', `/api/v1/videos/${video}`, { as: fan });
  assert.equal(got.json().video.counts.likes, 12);
  await Promise.all(people.slice(0, 5).map((s) => api(p, 'DELETE', `/api/v1/videos/${video}/like`, { as: s })));
  const again = await api(p, 'GET', `/api/v1/videos/${video}`);
  assert.equal(again.json().video.counts.likes, 7);
  const profile = await api(p, 'GET', '/api/v1/users/creator');
  assert.equal(profile.json().user.counts.likes, 7, "the creator's received likes follow");
});

test('follow, unfollow and counts; the Following feed is chronological', async () => {
  const first = await publishedVideo(p, author, { caption: 'first' });
  const second = await publishedVideo(p, author, { caption: 'second' });
  const res = await api(p, 'PUT', '/api/v1/users/creator/follow', { as: fan });
  assert.deepEqual(res.json(), { following: true, requested: false, followers: 1 });
  assert.equal((await api(p, 'PUT', '/api/v1/users/creator/follow', { as: fan })).json().followers, 1, 'idempotent');
  const feed = (await api(p, 'GET', '/api/v1/feed/following', { as: fan })).json();
  const ids = feed.items.map((v: { id: string }) => v.id);
  assert.ok(ids.indexOf(second) < ids.indexOf(first), 'newest first');
  assert.equal(feed.items[0].viewer.followingAuthor, true);
  assert.equal((await api(p, 'GET', '/api/v1/users/fan', { as: fan })).json().user.counts.following, 1);
  assert.deepEqual((await api(p, 'DELETE', '/api/v1/users/creator/follow', { as: fan })).json(), { following: false, requested: false, followers: 0 });
  assert.equal((await api(p, 'GET', '/api/v1/feed/following', { as: fan })).json().items.length, 0);
  assert.equal((await api(p, 'PUT', '/api/v1/users/fan/follow', { as: fan })).statusCode, 400, 'no following yourself');
});

test('Following pages with a cursor and no duplicates', async () => {
  const poster = await signup(p, 'prolific');
  const follower = await signup(p, 'reader');
  await api(p, 'PUT', '/api/v1/users/prolific/follow', { as: follower });
  const made = [];
  for (let i = 0; i < 15; i++) made.push(await publishedVideo(p, poster, { caption: `n${i}` }));
  const seen: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: { id: string }[]; nextCursor: string | null } = (await api(p, 'GET', `/api/v1/feed/following${cursor ? `?cursor=${cursor}` : ''}`, { as: follower })).json();
    seen.push(...page.items.map((v) => v.id));
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(seen, [...made].reverse());
  const bad = await api(p, 'GET', '/api/v1/feed/following?cursor=garbage', { as: follower });
  assert.equal(bad.statusCode, 400);
});

test('comments with one level of replies; deleting keeps counts exact', async () => {
  const video = await publishedVideo(p, author);
  const top = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: 'love this' } })).json().comment;
  const reply = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: author, body: { body: 'thanks!', parentId: top.id } })).json().comment;
  const nested = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: 'welcome', parentId: reply.id } })).json().comment;
  assert.equal(nested.parentId, top.id, 'a reply to a reply joins the thread');
  const list = (await api(p, 'GET', `/api/v1/videos/${video}/comments`, { as: fan })).json();
  assert.equal(list.items.length, 1);
  assert.equal(list.items[0].replyCount, 2);
  assert.equal(list.items[0].mine, true);
  const replies = (await api(p, 'GET', `/api/v1/comments/${top.id}/replies`)).json();
  assert.deepEqual(replies.items.map((c: { body: string }) => c.body), ['thanks!', 'welcome']);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video}`)).json().video.counts.comments, 3);
  const stranger = await signup(p, 'stranger');
  assert.equal((await api(p, 'DELETE', `/api/v1/comments/${top.id}`, { as: stranger })).statusCode, 403);
  assert.equal((await api(p, 'DELETE', `/api/v1/comments/${top.id}`, { as: fan })).statusCode, 204);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video}`)).json().video.counts.comments, 0);
  const empty = await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: '   ' } });
  assert.equal(empty.json().code, 'validation_failed');
});

test('comments can be turned off', async () => {
  const video = await publishedVideo(p, author, { allowComments: false });
  const res = await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: 'hello' } });
  assert.equal(res.statusCode, 403);
  assert.equal(res.json().code, 'comments_disabled');
});

test('saves, shares and views are counted and recorded for the recommender', async () => {
  const video = await publishedVideo(p, author);
  assert.deepEqual((await api(p, 'PUT', `/api/v1/videos/${video}/save`, { as: fan })).json(), { saved: true, saves: 1 });
  assert.deepEqual((await api(p, 'POST', `/api/v1/videos/${video}/shares`, { as: fan, body: { channel: 'link' } })).json(), { shares: 1 });
  assert.deepEqual((await api(p, 'POST', `/api/v1/videos/${video}/shares`)).json(), { shares: 1 }, 'an anonymous share moves no public counter');
  const view = await api(p, 'POST', `/api/v1/videos/${video}/views`, { as: fan, body: { watchedMs: 1500, completed: false, source: 'foryou' } });
  assert.equal(view.statusCode, 204);
  await api(p, 'POST', `/api/v1/videos/${video}/views`, { as: fan, body: { watchedMs: 999999, completed: true, replays: 1 } });
  const bad = await api(p, 'POST', `/api/v1/videos/${video}/views`, { as: fan, body: { watchedMs: -5, completed: 'yes' } });
  assert.equal(bad.statusCode, 400);
  const anonymous = await api(p, 'POST', `/api/v1/videos/${video}/views`, { body: { watchedMs: 1000, completed: true } });
  assert.equal(anonymous.statusCode, 204, 'an anonymous view is accepted (and recorded) but moves no public counter');
  const events = await p.db.query<{ kind: string; watched_ms: number | null; completed: boolean | null }>(
    'select kind, watched_ms, completed from engagement_events where video_id = $1 order by id',
    [video],
  );
  assert.deepEqual(events.map((e) => e.kind), ['save', 'share', 'share', 'view', 'view', 'view']);
  assert.equal(events[3]!.watched_ms, 1500);
  assert.equal(events[4]!.watched_ms, 2 * 2000 + 1000, 'watch time is capped by what could have played');
  const v = (await api(p, 'GET', `/api/v1/videos/${video}`, { as: fan })).json().video;
  assert.deepEqual(v.counts, { likes: 0, comments: 0, shares: 1, saves: 1, views: 2 });
  assert.equal(v.viewer.saved, true);
});

test('private and followers-only videos are hidden from those who may not see them', async () => {
  const priv = await publishedVideo(p, author, { visibility: 'private' });
  const friends = await publishedVideo(p, author, { visibility: 'followers' });
  const outsider = await signup(p, 'outsider');
  for (const id of [priv, friends]) {
    assert.equal((await api(p, 'GET', `/api/v1/videos/${id}`, { as: outsider })).statusCode, 404);
    assert.equal((await api(p, 'GET', `/api/v1/videos/${id}`)).statusCode, 404);
    assert.equal((await api(p, 'PUT', `/api/v1/videos/${id}/like`, { as: outsider })).statusCode, 404);
    assert.equal((await api(p, 'GET', `/api/v1/videos/${id}/comments`, { as: outsider })).statusCode, 404);
  }
  assert.equal((await api(p, 'GET', `/api/v1/videos/${priv}`, { as: author })).statusCode, 200, 'the author sees it');
  const grid = (await api(p, 'GET', '/api/v1/users/creator/videos', { as: outsider })).json().items.map((v: { id: string }) => v.id);
  assert.ok(!grid.includes(priv) && !grid.includes(friends));
  const forYou = (await api(p, 'GET', '/api/v1/feed/foryou', { as: outsider })).json().items.map((v: { id: string }) => v.id);
  assert.ok(!forYou.includes(priv) && !forYou.includes(friends));
  await api(p, 'PUT', '/api/v1/users/creator/follow', { as: outsider });
  assert.equal((await api(p, 'GET', `/api/v1/videos/${friends}`, { as: outsider })).statusCode, 200, 'followers see followers-only');
  assert.equal((await api(p, 'GET', `/api/v1/videos/${priv}`, { as: outsider })).statusCode, 404, 'private stays private');
});

test('search finds people, videos and hashtags', async () => {
  await publishedVideo(p, author, { caption: 'Sourdough morning #baking #bread' });
  const res = (await api(p, 'GET', '/api/v1/search?q=bak')).json();
  assert.ok(res.hashtags.some((h: { tag: string }) => h.tag === 'baking'));
  const byTag = (await api(p, 'GET', '/api/v1/search?q=%23baking')).json();
  assert.ok(byTag.videos.length >= 1);
  const people = (await api(p, 'GET', '/api/v1/search?q=creat')).json();
  assert.equal(people.users[0].username, 'creator');
  const tagPage = (await api(p, 'GET', '/api/v1/hashtags/Baking/videos')).json();
  assert.equal(tagPage.items.length, 1);
  assert.equal((await api(p, 'GET', '/api/v1/hashtags/baking')).json().hashtag.videoCount, 1);
  assert.equal((await api(p, 'GET', '/api/v1/search?q=')).statusCode, 400);
});
