// Collections: saved videos only for their owner; liked videos private unless shown; followers and
// following lists follow the account's privacy and blocks; every listed video is one the viewer may watch.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let ana: Session;
let ben: Session;
let cy: Session;

before(async () => {
  p = await startTestPlatform();
  ana = await signup(p, 'ana_c');
  ben = await signup(p, 'ben_c');
  cy = await signup(p, 'cy_c');
});
after(() => p.stop());

const ids = (res: { json(): { items: { id?: string; username?: string }[] } }) => res.json().items.map((i) => i.username ?? i.id);

test('saved: newest first, only yours, never a video you may no longer watch', async () => {
  const one = await publishedVideo(p, ben, { caption: 'one' });
  const two = await publishedVideo(p, ben, { caption: 'two' });
  const hidden = await publishedVideo(p, ben, { caption: 'soon private' });
  for (const id of [one, two, hidden]) assert.equal((await api(p, 'PUT', `/api/v1/videos/${id}/save`, { as: ana })).statusCode, 200);
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/me/saved', { as: ana })), [hidden, two, one]);
  await api(p, 'PATCH', `/api/v1/videos/${hidden}`, { as: ben, body: { visibility: 'private' } });
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/me/saved', { as: ana })), [two, one]);
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/me/saved', { as: cy })), []);
  assert.equal((await api(p, 'GET', '/api/v1/me/saved')).statusCode, 401);
});

test('liked: private until shown; always visible to yourself; pages with a cursor', async () => {
  const videos = [];
  for (let i = 0; i < 20; i++) videos.push(await publishedVideo(p, ben, { caption: `liked ${i}` }));
  for (const id of videos) await api(p, 'PUT', `/api/v1/videos/${id}/like`, { as: cy });
  const hidden = await api(p, 'GET', '/api/v1/users/cy_c/liked', { as: ana });
  assert.equal(hidden.statusCode, 403);
  assert.equal(hidden.json().code, 'forbidden');
  const own = await api(p, 'GET', '/api/v1/users/cy_c/liked', { as: cy });
  assert.equal(own.json().items.length, 18);
  const rest = await api(p, 'GET', `/api/v1/users/cy_c/liked?cursor=${own.json().nextCursor}`, { as: cy });
  assert.deepEqual([...ids(own), ...ids(rest)], [...videos].reverse());

  assert.equal((await api(p, 'PUT', '/api/v1/me/likes-visibility', { as: cy, body: { likesPublic: true } })).json().likesPublic, true);
  assert.equal((await api(p, 'GET', '/api/v1/users/cy_c', { as: ana })).json().user.likesPublic, true);
  assert.equal((await api(p, 'GET', '/api/v1/users/cy_c/liked')).statusCode, 200, 'shown: anyone may look');
  assert.equal((await api(p, 'GET', '/api/v1/users/nobody_c/liked')).statusCode, 404);
});

test('followers and following: a private account shows them only to itself and approved followers; blocks hide people', async () => {
  const teen = await signup(p, 'teen_c', `${new Date().getUTCFullYear() - 14}-01-01`);
  await api(p, 'PUT', '/api/v1/users/ana_c/follow', { as: teen });
  await api(p, 'PUT', '/api/v1/users/ana_c/follow', { as: ben });
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/users/ana_c/followers')), ['ben_c', 'teen_c']);
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/users/ben_c/following', { as: cy })), ['ana_c']);

  assert.equal((await api(p, 'GET', '/api/v1/users/teen_c/following', { as: cy })).statusCode, 403, 'private');
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/users/teen_c/following', { as: teen })), ['ana_c']);
  await api(p, 'PUT', '/api/v1/users/teen_c/follow', { as: ana }); // a request…
  assert.equal((await api(p, 'GET', '/api/v1/users/teen_c/following', { as: ana })).statusCode, 403, 'not yet approved');
  const approved = await api(p, 'POST', `/api/v1/me/follow-requests/ana_c/approve`, { as: teen });
  assert.ok([200, 204].includes(approved.statusCode), approved.body);
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/users/teen_c/following', { as: ana })), ['ana_c']);

  await api(p, 'PUT', '/api/v1/users/ben_c/block', { as: cy });
  assert.deepEqual(ids(await api(p, 'GET', '/api/v1/users/ana_c/followers', { as: cy })), ['teen_c'], 'someone you blocked is not listed');
  assert.equal((await api(p, 'GET', '/api/v1/users/cy_c/followers', { as: ben })).statusCode, 404, 'the blocker is not there for the blocked');
});
