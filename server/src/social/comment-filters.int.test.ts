// A creator's comment filters (issue 13, decision 022): a comment matching a keyword, or from an
// account younger than N days, is held — its author sees it as posted, the creator sees it in the
// held list and approves or deletes it, nobody else gets it through any endpoint, and no count
// includes it until it is approved.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, isEventStream, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let creator: Session;
let author: Session; // writes the held comments
let other: Session;
let video: string;

const comment = (as: Session, body: string, parentId?: string) =>
  api(p, 'POST', `/api/v1/videos/${video}/comments`, { as, body: { body, ...(parentId ? { parentId } : {}) } });
const bodies = async (as: Session | null, url = `/api/v1/videos/${video}/comments`) => ((await api(p, 'GET', url, { as })).json().items as { body: string }[]).map((c) => c.body);
const commentCount = async () => (await api(p, 'GET', `/api/v1/videos/${video}`, { as: other })).json().video.counts.comments as number;
const held = async () => (await api(p, 'GET', '/api/v1/me/held-comments', { as: creator })).json().items as { comment: { id: string; body: string }; reason: string; video: { id: string } }[];
const notifications = async (as: Session) => (await api(p, 'GET', '/api/v1/notifications', { as })).json().items as { kind: string; comment?: { body: string } | null }[];
/** Makes an account look `days` old. */
// an older account (its address confirmed, as an account that keeps posting after its first days must have: decision 024)
const age = (who: Session, days: number) =>
  p.db.query(`update accounts set created_at = now() - make_interval(days => $2), email_verified_at = coalesce(email_verified_at, now()) where id = $1`, [who.id, days]);

before(async () => {
  p = await startTestPlatform();
  creator = await signup(p, 'filter_creator');
  author = await signup(p, 'filter_author');
  other = await signup(p, 'filter_other');
  for (const who of [creator, author, other]) await age(who, 400);
  video = await publishedVideo(p, creator, { caption: 'my clip #filters' });
});
after(() => p.stop());

test('the filters start off, and are set and read back normalised', async () => {
  assert.deepEqual((await api(p, 'GET', '/api/v1/me/comment-filters', { as: creator })).json(), { keywords: [], holdNewAccountsDays: 0 });
  const res = await api(p, 'PUT', '/api/v1/me/comment-filters', { as: creator, body: { keywords: [' Spam', 'spam', 'Buy Now'] } });
  assert.deepEqual(res.json(), { keywords: ['spam', 'buy now'], holdNewAccountsDays: 0 });
  assert.equal((await api(p, 'PUT', '/api/v1/me/comment-filters', { as: creator, body: { holdNewAccountsDays: 400 } })).statusCode, 400);
  // what is left out stays as it was
  assert.deepEqual((await api(p, 'PUT', '/api/v1/me/comment-filters', { as: creator, body: { holdNewAccountsDays: 0 } })).json().keywords, ['spam', 'buy now']);
});

let heldId: string;
test('a keyword holds a comment: its author sees it as posted, the creator only in the held list, nobody else anywhere', async () => {
  const posted = await comment(author, 'This is SPAM! heldword1');
  assert.equal(posted.statusCode, 201);
  const c = posted.json().comment;
  heldId = c.id;
  // shadow-hold: the answer is that of any posted comment
  assert.deepEqual(Object.keys(c).sort(), ['author', 'body', 'createdAt', 'id', 'mine', 'parentId', 'replyCount', 'videoId']);
  assert.equal((await comment(author, 'a spammer is not spam-free? heldword0')).statusCode, 201); // held too: in "spam-free", "-" is not a letter
  assert.equal((await comment(author, 'no keyword here unheldword2')).statusCode, 201);
  assert.ok((await bodies(author)).includes('This is SPAM! heldword1'));
  for (const as of [other, creator, null]) assert.ok(!(await bodies(as)).some((b) => b.includes('heldword1')), `as ${as?.username ?? 'anonymous'}`);
  assert.deepEqual((await held()).map((h) => [h.comment.body.slice(0, 12), h.reason, h.video.id]), [
    ['a spammer is', 'keyword', video],
    ['This is SPAM', 'keyword', video],
  ]);
  // counts include only the published comment
  assert.equal(await commentCount(), 1);
  // the creator is told of the published comment only
  assert.deepEqual((await notifications(creator)).filter((n) => n.kind === 'comment').map((n) => n.comment?.body), ['no keyword here unheldword2']);
});

test('nobody else can reach a held comment: replies, replying, deleting, every GET of the API', async () => {
  assert.equal((await api(p, 'GET', `/api/v1/comments/${heldId}/replies`, { as: other })).statusCode, 404);
  assert.equal((await api(p, 'GET', `/api/v1/comments/${heldId}/replies`, { as: null })).statusCode, 404);
  assert.equal((await api(p, 'GET', `/api/v1/comments/${heldId}/replies`, { as: author })).statusCode, 200);
  assert.equal((await comment(other, 'replying', heldId)).statusCode, 404);
  assert.equal((await api(p, 'DELETE', `/api/v1/comments/${heldId}`, { as: other })).statusCode, 404);
  assert.equal((await api(p, 'POST', `/api/v1/comments/${heldId}/approve`, { as: other })).statusCode, 404);
  assert.equal((await api(p, 'POST', `/api/v1/comments/${heldId}/approve`, { as: author })).statusCode, 404);
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  let walked = 0;
  for (const as of [other, null]) {
    for (const [path, operations] of Object.entries(doc.paths)) {
      if (!('get' in operations) || path.startsWith('/api/v1/uploads') || isEventStream(operations.get)) continue;
      const url = path.replace('{username}', author.username).replace('{id}', path.startsWith('/api/v1/comments') ? heldId : video).replace('{tag}', 'filters') + (path.endsWith('/search') ? '?q=heldword1' : '');
      const res = await api(p, 'GET', url, { as });
      walked++;
      assert.ok(!res.body.includes('heldword1') && !res.body.includes(heldId), `GET ${url} as ${as?.username ?? 'anonymous'} leaks the held comment`);
    }
  }
  assert.ok(walked > 20);
  // the author's own reply in the held thread is held with it
  const reply = await comment(author, 'more of the same', heldId);
  assert.equal(reply.statusCode, 201);
  assert.ok((await held()).some((h) => h.comment.id === reply.json().comment.id));
  assert.equal(await commentCount(), 1);
});

test('the creator approves a held comment: published, counted, told; or deletes it: gone, counts unchanged', async () => {
  const approved = await api(p, 'POST', `/api/v1/comments/${heldId}/approve`, { as: creator });
  assert.equal(approved.statusCode, 200);
  assert.equal(approved.json().comment.body, 'This is SPAM! heldword1');
  assert.ok((await bodies(other)).includes('This is SPAM! heldword1'));
  assert.equal(await commentCount(), 2);
  assert.ok((await notifications(creator)).some((n) => n.kind === 'comment' && n.comment?.body === 'This is SPAM! heldword1'));
  // the held reply is still held (its own decision), its thread counts no reply yet
  assert.equal((await api(p, 'GET', `/api/v1/comments/${heldId}/replies`, { as: other })).json().items.length, 0);
  const remaining = await held();
  assert.equal(remaining.length, 2);
  for (const h of remaining) assert.equal((await api(p, 'DELETE', `/api/v1/comments/${h.comment.id}`, { as: creator })).statusCode, 204);
  assert.deepEqual(await held(), []);
  assert.equal(await commentCount(), 2);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video}/comments`, { as: other })).json().items.find((c: { id: string }) => c.id === heldId).replyCount, 0);
});

test('approving a held reply publishes its held thread first', async () => {
  const top = (await comment(author, 'buy now threadword')).json().comment.id as string;
  const reply = (await comment(author, 'still buying', top)).json().comment.id as string;
  assert.equal(await commentCount(), 2);
  assert.equal((await api(p, 'POST', `/api/v1/comments/${reply}/approve`, { as: creator })).statusCode, 200);
  assert.equal(await commentCount(), 4);
  assert.deepEqual(await bodies(other, `/api/v1/comments/${top}/replies`), ['still buying']);
});

test('accounts younger than N days are held; older ones and the creator are not', async () => {
  assert.equal((await api(p, 'PUT', '/api/v1/me/comment-filters', { as: creator, body: { keywords: [], holdNewAccountsDays: 7 } })).statusCode, 200);
  const newcomer = await signup(p, 'filter_newcomer');
  await age(newcomer, 3);
  const veteran = await signup(p, 'filter_veteran');
  await age(veteran, 8);
  await comment(newcomer, 'hello from a new account newword');
  await comment(veteran, 'hello from an old account oldword');
  const fresh = await signup(p, 'filter_fresh');
  assert.equal((await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: creator, body: { body: 'the creator is never held' } })).statusCode, 201);
  await comment(fresh, 'brand new newword2');
  assert.deepEqual((await held()).map((h) => [h.comment.body, h.reason]), [
    ['brand new newword2', 'new_account'],
    ['hello from a new account newword', 'new_account'],
  ]);
  const seen = await bodies(other);
  assert.ok(seen.includes('hello from an old account oldword') && seen.includes('the creator is never held'));
  assert.ok(!seen.some((b) => b.includes('newword')));
  assert.ok((await bodies(newcomer)).includes('hello from a new account newword'));
  // the filters are the creator's: the same newcomer on another creator's video is not held
  const elsewhere = await publishedVideo(p, other, { caption: 'unfiltered' });
  await api(p, 'POST', `/api/v1/videos/${elsewhere}/comments`, { as: newcomer, body: { body: 'hi there' } });
  assert.deepEqual(await bodies(author, `/api/v1/videos/${elsewhere}/comments`), ['hi there']);
});
