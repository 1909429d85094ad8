// 18+ labels and restricted mode, end to end through the API: a video its creator marks for adults
// is found by no minor, no visitor and no adult in restricted mode on any endpoint (every GET route of
// the OpenAPI document, For You, engagement, /media/*); restricted mode also hides captions with a
// restricted keyword. The pattern of accounts/private-accounts.int.test.ts.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blobKeys } from '../storage/keys.ts';
import { api, isEventStream, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let creator: Session;
let adult: Session;
let restrictedAdult: Session;
let teen16: Session;
let teen14: Session;
let adultVideo: string;
let keywordVideo: string;
const media = new Map<string, string>();
const TAG = 'nightshow';
const WORD = 'velvetroom';

const yearsAgo = (n: number) => `${new Date().getUTCFullYear() - n}-01-01`;

/** Gives the video media that really exists, so /media/* answers 200 to whoever may play it. */
async function withMedia(id: string) {
  const prefix = blobKeys.ladder(id, `abc12${media.size}`);
  await p.repositories.videos.publish(id, { mediaPrefix: prefix, durationMs: 2000, width: 360, height: 640, hasAudio: true, renditions: [] });
  const key = blobKeys.ladderFile(prefix, 'master.m3u8');
  await p.storage.putBytes(key, '#EXTM3U\n', 'application/vnd.apple.mpegurl');
  media.set(id, key);
}

before(async () => {
  p = await startTestPlatform();
  creator = await signup(p, 'night_creator');
  adult = await signup(p, 'grown_viewer');
  restrictedAdult = await signup(p, 'careful_viewer');
  teen16 = await signup(p, 'teen_sixteen', yearsAgo(16));
  teen14 = await signup(p, 'teen_fourteen', yearsAgo(14));
  const other = await signup(p, 'other_maker');
  await publishedVideo(p, other, { caption: `everyday clip #${TAG} ${WORD}` });
  // the creator marks it 18+ when posting (the API's create body)
  const created = await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: `${WORD} after dark #${TAG}`, adultOnly: true } });
  assert.equal(created.statusCode, 201);
  assert.equal(created.json().video.adultOnly, true);
  adultVideo = created.json().video.id;
  await withMedia(adultVideo);
  await p.catalogueEvents.videoChanged(adultVideo);
  keywordVideo = await publishedVideo(p, creator, { caption: `${WORD} uncut #${TAG} #NSFW` });
  await withMedia(keywordVideo);
  assert.equal((await api(p, 'PATCH', '/api/v1/me/wellbeing', { as: restrictedAdult, body: { restrictedMode: true } })).statusCode, 200);
  for (const viewer of [adult, restrictedAdult, teen16, teen14]) {
    const res = await api(p, 'PUT', `/api/v1/users/${creator.username}/follow`, { as: viewer });
    assert.equal(res.json().following, true);
  }
});
after(() => p.stop());

/** Every place `video` could show up for `as`. */
async function whereSeen(video: string, as: Session | null): Promise<string[]> {
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const seen: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!('get' in operations) || path.startsWith('/api/v1/uploads') || isEventStream(operations.get)) continue;
    const url = path.replace('{username}', creator.username).replace('{id}', video).replace('{tag}', TAG) + (path.endsWith('/search') ? `?q=${WORD}` : '');
    const res = await api(p, 'GET', url, { as });
    assert.ok(res.statusCode < 500, `GET ${url} → ${res.statusCode}`);
    // a route about the video itself (its comments, say) shows it by answering at all
    if (res.body.includes(video) || (path.includes('{id}') && res.statusCode === 200)) seen.push(`GET ${path}`);
  }
  for (let i = 0; i < 3; i++) {
    const res = await api(p, 'GET', '/api/v1/feed/foryou', { as });
    if (res.body.includes(video)) seen.push('For You');
  }
  for (const [method, url, body] of [
    ['PUT', `/api/v1/videos/${video}/like`, undefined],
    ['POST', `/api/v1/videos/${video}/views`, { watchedMs: 1000, completed: false }],
    ['POST', `/api/v1/videos/${video}/comments`, { body: 'hi' }],
  ] as const) {
    if (!as && method !== 'POST') continue;
    if (!as && url.endsWith('/comments')) continue;
    const res = await api(p, method, url, { as, body });
    if (res.statusCode < 400) seen.push(`${method} ${url.replace(video, '{id}')}`);
    else assert.equal(res.statusCode, 404, `${method} ${url} → ${res.statusCode}`);
  }
  const m = await p.app.inject({ method: 'GET', url: `/media/${media.get(video)}`, headers: as ? { cookie: as.cookie } : {} });
  if (m.statusCode === 200) seen.push('/media/*');
  else assert.equal(m.statusCode, 404);
  return [...new Set(seen)];
}

const EVERYWHERE = ['GET /api/v1/videos/{id}', 'GET /api/v1/videos/{id}/comments', 'GET /api/v1/users/{username}/videos', 'GET /api/v1/hashtags/{tag}/videos', 'GET /api/v1/search', 'GET /api/v1/feed/following', 'For You', '/media/*'];

test('an 18+ video: adults see it everywhere; minors, visitors and restricted mode nowhere', async () => {
  const seen = await whereSeen(adultVideo, adult);
  for (const where of EVERYWHERE) assert.ok(seen.includes(where), `an adult sees it in ${where} (seen: ${seen.join(', ')})`);
  assert.deepEqual(await whereSeen(adultVideo, teen16), []);
  assert.deepEqual(await whereSeen(adultVideo, teen14), []);
  assert.deepEqual(await whereSeen(adultVideo, restrictedAdult), []);
  assert.deepEqual(await whereSeen(adultVideo, null), []);
  // the creator sees their own
  assert.equal((await api(p, 'GET', `/api/v1/videos/${adultVideo}`, { as: creator })).statusCode, 200);
});

test('restricted mode hides captions and hashtags on the keyword list; without it they show', async () => {
  const seen = await whereSeen(keywordVideo, teen16);
  for (const where of EVERYWHERE) assert.ok(seen.includes(where), `a 16-year-old without restricted mode sees it in ${where} (seen: ${seen.join(', ')})`);
  assert.deepEqual(await whereSeen(keywordVideo, teen14), [], '13–15: restricted mode is on by default');
  assert.deepEqual(await whereSeen(keywordVideo, restrictedAdult), []);
  assert.ok((await whereSeen(keywordVideo, adult)).includes('For You'));
  const me = (await api(p, 'GET', '/api/v1/me/wellbeing', { as: teen14 })).json().wellbeing;
  assert.equal(me.restrictedMode, true);
});

test('marking a published video 18+ later takes it out of For You and every list for minors', async () => {
  const video = await publishedVideo(p, creator, { caption: `${WORD} later #${TAG}` });
  await withMedia(video);
  assert.ok((await whereSeen(video, teen16)).includes('For You'));
  const edited = await api(p, 'PATCH', `/api/v1/videos/${video}`, { as: creator, body: { adultOnly: true } });
  assert.equal(edited.json().video.adultOnly, true);
  assert.deepEqual(await whereSeen(video, teen16), []);
  // its media moved to a fresh prefix (an anonymous visitor could have cached the old one)
  const job = await p.db.query<{ n: number }>("select count(*)::int as n from jobs where payload->>'videoId' = $1 and type = 'rekey_media'", [video]);
  assert.equal(job[0]!.n, 1);
});
