// Private accounts and follow requests, end to end through the API: a 14-year-old signs up private,
// and nobody but an approved follower finds their videos on any endpoint — walked from the OpenAPI
// document as the malformed-input test does, plus the For You pages, engagement and /media/*.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blobKeys } from '../storage/keys.ts';
import { api, isEventStream, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let teen: Session;
let stranger: Session;
let other: Session;
let teenVideo: string;
let mediaKey: string;
const TAG = 'skateday';
const WORD = 'kickflipping';

const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-01`; // n years old since 1 January

before(async () => {
  p = await startTestPlatform();
  teen = await signup(p, 'teen_skater', yearsAgo(14));
  stranger = await signup(p, 'stranger_adult');
  other = await signup(p, 'other_adult');
  // Grown-ups' public videos, so that For You always has something else to offer.
  for (const maker of [stranger, other]) await publishedVideo(p, maker, { caption: `grown-up clip #${TAG} #daily` });
  teenVideo = await publishedVideo(p, teen, { caption: `${WORD} at the park #${TAG}`, visibility: 'public' });
  // Media that really exists under the video's current ladder, so /media/* answers 200 to whoever may play it.
  const prefix = blobKeys.ladder(teenVideo, 'abc123');
  await p.repositories.videos.publish(teenVideo, { mediaPrefix: prefix, durationMs: 2000, width: 360, height: 640, hasAudio: true, renditions: [] });
  mediaKey = blobKeys.ladderFile(prefix, 'master.m3u8');
  await p.storage.putBytes(mediaKey, '#EXTM3U\n', 'application/vnd.apple.mpegurl');
});
after(() => p.stop());

/** Every place the teen's video could show up for `as`: each GET route of the OpenAPI document, For You, engagement, media. */
async function whereSeen(as: Session | null): Promise<string[]> {
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const seen: string[] = [];
  let gets = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!('get' in operations) || path.startsWith('/api/v1/uploads') || isEventStream(operations.get)) continue;
    const url = path.replace('{username}', teen.username).replace('{id}', teenVideo).replace('{tag}', TAG) + (path.endsWith('/search') ? `?q=${WORD}` : '');
    const res = await api(p, 'GET', url, { as });
    gets++;
    assert.ok(res.statusCode < 500, `GET ${url} → ${res.statusCode}`);
    if (res.body.includes(teenVideo)) seen.push(`GET ${path}`);
  }
  assert.ok(gets >= 12, `${gets} GET routes walked`);
  for (let i = 0; i < 3; i++) {
    const res = await api(p, 'GET', '/api/v1/feed/foryou', { as });
    if (res.body.includes(teenVideo)) seen.push('For You');
  }
  for (const [method, url, body] of [
    ['PUT', `/api/v1/videos/${teenVideo}/like`, undefined],
    ['PUT', `/api/v1/videos/${teenVideo}/save`, undefined],
    ['POST', `/api/v1/videos/${teenVideo}/shares`, {}],
    ['POST', `/api/v1/videos/${teenVideo}/views`, { watchedMs: 1000, completed: false }],
    ['POST', `/api/v1/videos/${teenVideo}/comments`, { body: 'hi' }],
  ] as const) {
    if (!as && method === 'PUT') continue; // likes and saves need an account: 401 whatever the rule says
    if (!as && url.endsWith('/comments')) continue;
    const res = await api(p, method, url, { as, body });
    if (res.statusCode < 400) seen.push(`${method} ${url.replace(teenVideo, '{id}')}`);
    else assert.equal(res.statusCode, 404, `${method} ${url} → ${res.statusCode}`);
  }
  const media = await p.app.inject({ method: 'GET', url: `/media/${mediaKey}`, headers: as ? { cookie: as.cookie } : {} });
  if (media.statusCode === 200) seen.push('/media/*');
  else assert.equal(media.statusCode, 404);
  return seen;
}

test('a 14-year-old signs up private; 16–17 private too; adults public', async () => {
  const me = (await api(p, 'GET', '/api/v1/me', { as: teen })).json().user;
  assert.deepEqual([me.ageBand, me.private, me.mayGoPublic, me.isMinor], ['13-15', true, false, true]);
  const sixteen = await signup(p, 'sixteen_year', yearsAgo(16));
  const s = (await api(p, 'GET', '/api/v1/me', { as: sixteen })).json().user;
  assert.deepEqual([s.ageBand, s.private, s.mayGoPublic], ['16-17', true, true]);
  const adult = (await api(p, 'GET', '/api/v1/me', { as: stranger })).json().user;
  assert.deepEqual([adult.ageBand, adult.private, adult.mayGoPublic], ['18+', false, true]);
});

test('strangers and visitors find the private teen’s videos nowhere; their profile says private', async () => {
  assert.deepEqual(await whereSeen(stranger), []);
  assert.deepEqual(await whereSeen(null), []);
  const profile = (await api(p, 'GET', `/api/v1/users/${teen.username}`, { as: stranger })).json().user;
  assert.deepEqual([profile.private, profile.viewer.following, profile.viewer.requested, profile.displayName], [true, false, false, teen.username]);
  assert.equal(profile.counts.videos, 1); // counts stay visible, the videos do not
  const grid = (await api(p, 'GET', `/api/v1/users/${teen.username}/videos`, { as: stranger })).json();
  assert.deepEqual(grid.items, []);
  // the author still sees their own
  assert.ok((await whereSeen(teen)).includes('GET /api/v1/users/{username}/videos'));
});

test('a declined request keeps the videos hidden; an approved one shows them everywhere a follower looks', async () => {
  const asked = (await api(p, 'PUT', `/api/v1/users/${teen.username}/follow`, { as: stranger })).json();
  assert.deepEqual(asked, { following: false, requested: true, followers: 0 });
  assert.deepEqual((await api(p, 'PUT', `/api/v1/users/${teen.username}/follow`, { as: other })).json().requested, true);
  assert.equal((await api(p, 'GET', `/api/v1/users/${teen.username}`, { as: stranger })).json().user.viewer.requested, true);
  assert.deepEqual(await whereSeen(stranger), [], 'a pending request admits nobody');

  const me = (await api(p, 'GET', '/api/v1/me', { as: teen })).json().user;
  assert.equal(me.followRequests, 2);
  const list = (await api(p, 'GET', '/api/v1/me/follow-requests', { as: teen })).json();
  assert.deepEqual(list.items.map((r: { user: { username: string } }) => r.user.username).sort(), [other.username, stranger.username].sort());
  assert.equal((await api(p, 'GET', '/api/v1/me/follow-requests', { as: stranger })).json().items.length, 0);

  const declined = await api(p, 'POST', `/api/v1/me/follow-requests/${other.username}/decline`, { as: teen });
  assert.deepEqual(declined.json(), { approved: false, followers: 0, pending: 1 });
  assert.equal((await api(p, 'POST', `/api/v1/me/follow-requests/${other.username}/approve`, { as: teen })).statusCode, 404);
  assert.deepEqual(await whereSeen(other), []);

  const approved = await api(p, 'POST', `/api/v1/me/follow-requests/${stranger.username}/approve`, { as: teen });
  assert.deepEqual(approved.json(), { approved: true, followers: 1, pending: 0 });
  const seen = await whereSeen(stranger);
  for (const where of ['GET /api/v1/videos/{id}', 'GET /api/v1/users/{username}/videos', 'GET /api/v1/hashtags/{tag}/videos', 'GET /api/v1/search', 'GET /api/v1/feed/following', 'For You', '/media/*']) {
    assert.ok(seen.includes(where), `an approved follower sees it in ${where} (seen: ${seen.join(', ')})`);
  }
  assert.deepEqual(await whereSeen(other), [], 'the declined one still does not');
  assert.deepEqual(await whereSeen(null), []);

  // Unfollowing ends it.
  assert.deepEqual((await api(p, 'DELETE', `/api/v1/users/${teen.username}/follow`, { as: stranger })).json(), { following: false, requested: false, followers: 0 });
  assert.deepEqual(await whereSeen(stranger), []);
});

test('a 16-year-old may make their account public; a 14-year-old may not, and is told why', async () => {
  const refused = await api(p, 'PATCH', '/api/v1/me', { as: teen, body: { private: false } });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, 'age_restricted');
  assert.equal(refused.json().issues[0].path, 'body.private');
  assert.equal((await api(p, 'GET', '/api/v1/me', { as: teen })).json().user.private, true);

  const sixteen = await signup(p, 'sixteen_public', yearsAgo(16));
  const video = await publishedVideo(p, sixteen, { caption: 'sixteen #openclip' });
  assert.equal((await api(p, 'PUT', `/api/v1/users/${sixteen.username}/follow`, { as: other })).json().requested, true);
  assert.equal((await api(p, 'GET', '/api/v1/hashtags/openclip/videos', { as: stranger })).json().items.length, 0);
  const made = await api(p, 'PATCH', '/api/v1/me', { as: sixteen, body: { private: false } });
  assert.equal(made.statusCode, 200);
  assert.equal(made.json().user.private, false);
  assert.deepEqual((await api(p, 'GET', '/api/v1/hashtags/openclip/videos', { as: stranger })).json().items.map((v: { id: string }) => v.id), [video]);
  const forYou = async () => {
    let found = false;
    for (let i = 0; i < 3; i++) found ||= (await api(p, 'GET', '/api/v1/feed/foryou', { as: stranger })).body.includes(video);
    return found;
  };
  assert.equal(await forYou(), true, 'a public 16-year-old reaches strangers’ For You');
  // now public, a follow is a follow at once, and settles a request made while it was private
  assert.deepEqual((await api(p, 'PUT', `/api/v1/users/${sixteen.username}/follow`, { as: stranger })).json().requested, false);
  assert.equal((await api(p, 'DELETE', `/api/v1/users/${sixteen.username}/follow`, { as: stranger })).statusCode, 200);
  assert.deepEqual((await api(p, 'PUT', `/api/v1/users/${sixteen.username}/follow`, { as: other })).json(), { following: true, requested: false, followers: 1 });
  assert.deepEqual((await api(p, 'GET', '/api/v1/me/follow-requests', { as: sixteen })).json().items, [], 'no request left behind');
  // back to private: For You (which caches authors) and every list hide it from strangers again
  assert.equal((await api(p, 'PATCH', '/api/v1/me', { as: sixteen, body: { private: true } })).statusCode, 200);
  assert.equal((await api(p, 'GET', '/api/v1/hashtags/openclip/videos', { as: stranger })).json().items.length, 0);
  assert.equal(await forYou(), false);
});
