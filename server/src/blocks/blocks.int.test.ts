// Blocks and mutes through the API (decision 022). A block hides, in both directions, every video
// on every endpoint (walked from the OpenAPI document, plus For You, engagement and /media/*), the
// profile, comments and notifications, and refuses follows and comments; a mute hides the muted
// account's videos from the muter's feeds only, and the muted account sees nothing change.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { blobKeys } from '../storage/keys.ts';
import { api, isEventStream, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let creator: Session; // blocks `viewer`
let viewer: Session;
let bystander: Session;
const videos = {} as Record<'creator' | 'viewer' | 'bystander', string>;
const media = {} as Record<'creator' | 'viewer', string>;
const TAG = 'blocktest';
const WORD = { creator: 'zebracrossing', viewer: 'yellowsubmarine' };

async function playableVideo(author: Session, caption: string) {
  const id = await publishedVideo(p, author, { caption });
  const prefix = blobKeys.ladder(id, 'abc123');
  await p.repositories.videos.publish(id, { mediaPrefix: prefix, durationMs: 2000, width: 360, height: 640, hasAudio: true, renditions: [] });
  const key = blobKeys.ladderFile(prefix, 'master.m3u8');
  await p.storage.putBytes(key, '#EXTM3U\n', 'application/vnd.apple.mpegurl');
  return { id, key };
}

before(async () => {
  p = await startTestPlatform();
  creator = await signup(p, 'block_creator');
  viewer = await signup(p, 'block_viewer');
  bystander = await signup(p, 'block_bystander');
  const c = await playableVideo(creator, `${WORD.creator} at noon #${TAG}`);
  const v = await playableVideo(viewer, `${WORD.viewer} at dusk #${TAG}`);
  [videos.creator, media.creator, videos.viewer, media.viewer] = [c.id, c.key, v.id, v.key];
  videos.bystander = await publishedVideo(p, bystander, { caption: `a bystander's clip #${TAG}` });
});
after(() => p.stop());

/** Every place `video` (by `author`, captioned with `word`) shows up for `as`. */
async function whereSeen(as: Session, author: Session, video: string, mediaKey: string, word: string): Promise<string[]> {
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const seen: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (!('get' in operations) || path.startsWith('/api/v1/uploads') || isEventStream(operations.get)) continue;
    const url = path.replace('{username}', author.username).replace('{id}', video).replace('{tag}', TAG) + (path.endsWith('/search') ? `?q=${word}` : '');
    const res = await api(p, 'GET', url, { as });
    assert.ok(res.statusCode < 500, `GET ${url} → ${res.statusCode}`);
    if (res.body.includes(video)) seen.push(`GET ${path}`);
  }
  for (let i = 0; i < 3; i++) if ((await api(p, 'GET', '/api/v1/feed/foryou', { as })).body.includes(video)) seen.push('For You');
  for (const [method, url, body] of [
    ['PUT', `/api/v1/videos/${video}/like`, undefined],
    ['PUT', `/api/v1/videos/${video}/save`, undefined],
    ['POST', `/api/v1/videos/${video}/shares`, {}],
    ['POST', `/api/v1/videos/${video}/views`, { watchedMs: 1000, completed: false }],
  ] as const) {
    const res = await api(p, method, url, { as, body });
    if (res.statusCode < 400) seen.push(`${method} ${url.replace(video, '{id}')}`);
    else assert.equal(res.statusCode, 404, `${method} ${url} → ${res.statusCode}`);
  }
  const m = await p.app.inject({ method: 'GET', url: `/media/${mediaKey}`, headers: { cookie: as.cookie } });
  if (m.statusCode === 200) seen.push('/media/*');
  else assert.equal(m.statusCode, 404);
  return seen;
}

const follow = (as: Session, who: Session, on = true) => api(p, on ? 'PUT' : 'DELETE', `/api/v1/users/${who.username}/follow`, { as });
const profile = (as: Session | null, who: string) => api(p, 'GET', `/api/v1/users/${who}`, { as });
const comment = (as: Session, video: string, body: string, parentId?: string) => api(p, 'POST', `/api/v1/videos/${video}/comments`, { as, body: { body, ...(parentId ? { parentId } : {}) } });
const commentBodies = async (as: Session | null, video: string) =>
  ((await api(p, 'GET', `/api/v1/videos/${video}/comments`, { as })).json().items as { body: string }[]).map((c) => c.body);
const notifications = async (as: Session) => (await api(p, 'GET', '/api/v1/notifications', { as })).json().items as { kind: string; actor: { username: string } }[];
const userSearch = async (as: Session, q: string) => ((await api(p, 'GET', `/api/v1/search?q=${q}`, { as })).json().users as { username: string }[]).map((u) => u.username);

test('before any block, both see each other everywhere (the walk can find what it looks for)', async () => {
  assert.ok((await whereSeen(viewer, creator, videos.creator, media.creator, WORD.creator)).length >= 8);
  assert.ok((await whereSeen(creator, viewer, videos.viewer, media.viewer, WORD.viewer)).length >= 8);
});

test('a block ends the follows and requests between them, both ways, with exact counts', async () => {
  assert.equal((await follow(viewer, creator)).statusCode, 200);
  assert.equal((await follow(creator, viewer)).statusCode, 200);
  // comments and notifications from before the block
  assert.equal((await comment(creator, videos.bystander, 'creator was here')).statusCode, 201);
  assert.equal((await comment(viewer, videos.bystander, 'viewer was here')).statusCode, 201);
  assert.ok((await notifications(creator)).some((n) => n.kind === 'follow' && n.actor.username === viewer.username));

  const res = await api(p, 'PUT', `/api/v1/users/${viewer.username}/block`, { as: creator });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { blocking: true });
  const me = (await api(p, 'GET', '/api/v1/me', { as: creator })).json().user;
  assert.deepEqual([me.counts.followers, me.counts.following], [0, 0]);
  const blocks = (await api(p, 'GET', '/api/v1/me/blocks', { as: creator })).json().items as { user: { username: string } }[];
  assert.deepEqual(blocks.map((b) => b.user.username), [viewer.username]);
  // the blocked person's own list is theirs: empty
  assert.deepEqual((await api(p, 'GET', '/api/v1/me/blocks', { as: viewer })).json().items, []);
});

test('a block hides each one’s videos from the other on every endpoint, in both directions', async () => {
  assert.deepEqual(await whereSeen(viewer, creator, videos.creator, media.creator, WORD.creator), []);
  assert.deepEqual(await whereSeen(creator, viewer, videos.viewer, media.viewer, WORD.viewer), []);
  // a bystander still sees both
  assert.ok((await whereSeen(bystander, creator, videos.creator, media.creator, WORD.creator)).includes('GET /api/v1/videos/{id}'));
  // For You: the engine is never handed either one’s videos for the other
  for (const [as, hidden] of [[viewer, videos.creator], [creator, videos.viewer]] as const) {
    const items = await p.services.forYou.page(as.id);
    assert.ok(!items.items.some((v) => v.id === hidden));
  }
});

test('the blocked person finds the blocker’s profile "not available", exactly as a missing account; the blocker sees that they blocked', async () => {
  const blocked = await profile(viewer, creator.username);
  const missing = await profile(viewer, 'no_such_person');
  assert.equal(blocked.statusCode, 404);
  assert.equal(missing.statusCode, 404);
  assert.deepEqual([blocked.json().code, blocked.json().title], [missing.json().code, missing.json().title]);
  assert.equal(blocked.json().detail.replace(creator.username, 'X'), missing.json().detail.replace('no_such_person', 'X'));
  // the videos tab answers the same
  assert.equal((await api(p, 'GET', `/api/v1/users/${creator.username}/videos`, { as: viewer })).statusCode, 404);
  const seen = await profile(creator, viewer.username);
  assert.equal(seen.statusCode, 200);
  assert.equal(seen.json().user.viewer.blocking, true);
  assert.equal((await profile(bystander, creator.username)).json().user.viewer.blocking, false);
});

test('neither finds the other in people search; a bystander finds both', async () => {
  assert.ok(!(await userSearch(viewer, 'block_')).includes(creator.username));
  assert.ok(!(await userSearch(creator, 'block_')).includes(viewer.username));
  const both = await userSearch(bystander, 'block_');
  assert.ok(both.includes(creator.username) && both.includes(viewer.username));
});

test('follows are refused: not_found to the blocked, blocked to the blocker', async () => {
  const byBlocked = await follow(viewer, creator);
  assert.deepEqual([byBlocked.statusCode, byBlocked.json().code], [404, 'not_found']);
  const byBlocker = await follow(creator, viewer);
  assert.deepEqual([byBlocker.statusCode, byBlocker.json().code], [403, 'blocked']);
});

test('comments: each one’s comments are hidden from the other; commenting on the other’s video or replying to their comment is refused', async () => {
  assert.deepEqual((await commentBodies(viewer, videos.bystander)).includes('creator was here'), false);
  assert.deepEqual((await commentBodies(creator, videos.bystander)).includes('viewer was here'), false);
  const all = await commentBodies(bystander, videos.bystander);
  assert.ok(all.includes('creator was here') && all.includes('viewer was here'));
  const onBlockers = await comment(viewer, videos.creator, 'let me in');
  assert.deepEqual([onBlockers.statusCode, onBlockers.json().code], [404, 'not_found']);
  const onBlockeds = await comment(creator, videos.viewer, 'hello');
  assert.deepEqual([onBlockeds.statusCode, onBlockeds.json().code], [403, 'blocked']);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${videos.creator}/comments`, { as: viewer })).statusCode, 404);
  // a reply to the other one's comment on a bystander's video
  const items = (await api(p, 'GET', `/api/v1/videos/${videos.bystander}/comments`, { as: bystander })).json().items as { id: string; body: string }[];
  const creatorsComment = items.find((c) => c.body === 'creator was here')!.id;
  const viewersComment = items.find((c) => c.body === 'viewer was here')!.id;
  assert.equal((await comment(viewer, videos.bystander, 'reply', creatorsComment)).statusCode, 404);
  assert.equal((await comment(creator, videos.bystander, 'reply', viewersComment)).json().code, 'blocked');
  assert.equal((await api(p, 'GET', `/api/v1/comments/${creatorsComment}/replies`, { as: viewer })).statusCode, 404);
});

test('notifications: none either way while blocked (mentions included), and earlier ones are gone from the list', async () => {
  assert.ok(!(await notifications(creator)).some((n) => n.actor.username === viewer.username));
  assert.equal((await comment(viewer, videos.bystander, `hey @${creator.username} look`)).statusCode, 201);
  assert.equal((await comment(creator, videos.bystander, `and @${viewer.username} too`)).statusCode, 201);
  assert.ok(!(await notifications(creator)).some((n) => n.actor.username === viewer.username));
  assert.ok(!(await notifications(viewer)).some((n) => n.actor.username === creator.username));
  // the bystander heard about both comments
  const told = (await notifications(bystander)).filter((n) => n.kind === 'comment').map((n) => n.actor.username);
  assert.ok(told.includes(creator.username) && told.includes(viewer.username));
});

test('unblocking lets them see each other again; the follows the block ended stay ended', async () => {
  assert.deepEqual((await api(p, 'DELETE', `/api/v1/users/${viewer.username}/block`, { as: creator })).json(), { blocking: false });
  assert.equal((await profile(viewer, creator.username)).statusCode, 200);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${videos.creator}`, { as: viewer })).statusCode, 200);
  assert.equal((await profile(viewer, creator.username)).json().user.viewer.following, false);
  assert.deepEqual((await api(p, 'GET', '/api/v1/me/blocks', { as: creator })).json().items, []);
});

test('the blocked side may block back: both blocks stand, and lifting one leaves the other', async () => {
  assert.equal((await api(p, 'PUT', `/api/v1/users/${viewer.username}/block`, { as: creator })).statusCode, 200);
  assert.equal((await api(p, 'PUT', `/api/v1/users/${creator.username}/block`, { as: viewer })).statusCode, 200);
  assert.equal((await api(p, 'DELETE', `/api/v1/users/${viewer.username}/block`, { as: creator })).statusCode, 200);
  assert.equal((await profile(creator, viewer.username)).statusCode, 404);
  assert.equal((await api(p, 'DELETE', `/api/v1/users/${creator.username}/block`, { as: viewer })).statusCode, 200);
  assert.equal((await profile(creator, viewer.username)).statusCode, 200);
  assert.equal((await api(p, 'PUT', `/api/v1/users/${viewer.username}/block`, { as: viewer })).statusCode, 400);
  assert.equal((await api(p, 'PUT', '/api/v1/users/no_such_person/block', { as: viewer })).statusCode, 404);
});

test('a mute keeps the muted account’s videos out of the muter’s For You and Following only; the muted account sees nothing change', async () => {
  const muter = await signup(p, 'mute_muter');
  const muted = await signup(p, 'mute_muted');
  const mutedVideo = await publishedVideo(p, muted, { caption: `quietplease #${TAG}` });
  assert.equal((await follow(muter, muted)).statusCode, 200);
  const following = async () => ((await api(p, 'GET', '/api/v1/feed/following', { as: muter })).json().items as { id: string }[]).map((v) => v.id);
  assert.ok((await following()).includes(mutedVideo));
  const before = (await profile(muted, muter.username)).json().user;

  assert.deepEqual((await api(p, 'PUT', `/api/v1/users/${muted.username}/mute`, { as: muter })).json(), { muting: true });
  assert.ok(!(await following()).includes(mutedVideo));
  // For You: the engine gets the muted creator in `blockedCreators` (a mute is not the visibility
  // rule's business, so nothing else would catch it). A fresh account is offered the video on its
  // first page; the muter, who never loaded For You before, is not, however often it starts over.
  const control = await signup(p, 'mute_control');
  assert.ok((await api(p, 'GET', '/api/v1/feed/foryou', { as: control })).body.includes(mutedVideo), 'a fresh account is offered it');
  for (let i = 0; i < 4; i++) assert.ok(!(await api(p, 'GET', '/api/v1/feed/foryou', { as: muter })).body.includes(mutedVideo), `For You page ${i + 1}`);
  // still there everywhere else, and the follow stands
  assert.equal((await api(p, 'GET', `/api/v1/videos/${mutedVideo}`, { as: muter })).statusCode, 200);
  assert.ok((await api(p, 'GET', `/api/v1/users/${muted.username}/videos`, { as: muter })).body.includes(mutedVideo));
  assert.ok((await api(p, 'GET', `/api/v1/hashtags/${TAG}/videos`, { as: muter })).body.includes(mutedVideo));
  const seenByMuter = (await profile(muter, muted.username)).json().user;
  assert.deepEqual([seenByMuter.viewer.following, seenByMuter.viewer.muting], [true, true]);
  assert.deepEqual(((await api(p, 'GET', '/api/v1/me/mutes', { as: muter })).json().items as { user: { username: string } }[]).map((m) => m.user.username), [muted.username]);
  // the muted account: the same profile of the muter as before, still a follower, still notified
  assert.deepEqual((await profile(muted, muter.username)).json().user, before);
  assert.equal((await api(p, 'PUT', `/api/v1/videos/${mutedVideo}/like`, { as: muter })).statusCode, 200);
  assert.ok((await notifications(muted)).some((n) => n.kind === 'like' && n.actor.username === muter.username));

  assert.deepEqual((await api(p, 'DELETE', `/api/v1/users/${muted.username}/mute`, { as: muter })).json(), { muting: false });
  assert.ok((await following()).includes(mutedVideo));
});
