// Notifications through the real API: who is told what, once; the inbox page and read marks;
// muted kinds; live delivery over Server-Sent Events, resumed after a reconnect with
// Last-Event-ID without losing or repeating any.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { join } from 'node:path';
import type { Notification, NotificationPage } from '@cliptide/contract';
import { synthClip } from '../media/index.ts';
import { openSse, type SseClient } from '../testing/sse.ts';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let base: string;
let alice: Session, bob: Session, carol: Session, dave: Session;

before(async () => {
  p = await startTestPlatform();
  base = await p.app.listen({ port: 0, host: '127.0.0.1' });
  [alice, bob, carol, dave] = (await Promise.all(['n_alice', 'n_bob', 'n_carol', 'n_dave'].map((u) => signup(p, u)))) as [Session, Session, Session, Session];
});
after(() => p.stop());

const inbox = async (who: Session) => (await api(p, 'GET', '/api/v1/notifications', { as: who })).json() as NotificationPage;
const summary = (n: Notification) => `${n.kind} by ${n.actor.username}${n.comment ? `: ${n.comment.body}` : ''}`;
const stream = (who: Session, lastEventId?: string) =>
  openSse(`${base}/api/v1/notifications/stream`, { cookie: who.cookie, ...(lastEventId !== undefined ? { 'last-event-id': lastEventId } : {}) });
const events = async (s: SseClient, count: number) => (await s.next(count)).map((e) => JSON.parse(e.data) as Notification);

describe('who is told what', () => {
  it('a like tells the author once, however often it is undone and redone; never one’s own', async () => {
    const video = await publishedVideo(p, alice, { caption: 'likeable' });
    for (const method of ['PUT', 'DELETE', 'PUT'] as const) await api(p, method, `/api/v1/videos/${video}/like`, { as: bob });
    await api(p, 'PUT', `/api/v1/videos/${video}/like`, { as: alice });
    const page = await inbox(alice);
    assert.deepEqual(page.items.map(summary), ['like by n_bob']);
    assert.equal(page.items[0]!.video?.id, video);
    assert.equal(page.unreadCount, 1);
  });

  it('a comment tells the author, a reply the comment’s author, a mention the person named', async () => {
    const video = await publishedVideo(p, alice, { caption: 'talk to me' });
    const top = (await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: bob, body: { body: 'first!' } })).json().comment as { id: string };
    await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: carol, body: { body: 'hey @n_dave and @N_BOB, look', parentId: top.id } });
    assert.deepEqual((await inbox(alice)).items.slice(0, 2).map(summary), ['comment by n_carol: hey @n_dave and @N_BOB, look', 'comment by n_bob: first!']);
    // bob is told once (the reply), not again for the mention
    assert.deepEqual((await inbox(bob)).items.map(summary), ['reply by n_carol: hey @n_dave and @N_BOB, look']);
    assert.deepEqual((await inbox(dave)).items.map(summary), ['mention by n_carol: hey @n_dave and @N_BOB, look']);
    assert.deepEqual((await inbox(carol)).items, [], 'nobody is told of their own doing');
  });

  it('a mention never shows a video the person may not see, then or later', async () => {
    const secret = await publishedVideo(p, carol, { caption: 'just us', visibility: 'followers' });
    await api(p, 'PUT', `/api/v1/users/n_carol/follow`, { as: bob });
    await api(p, 'POST', `/api/v1/videos/${secret}/comments`, { as: bob, body: { body: 'cc @n_dave' } });
    assert.ok(!(await inbox(dave)).items.some((n) => n.video?.id === secret), 'dave does not follow carol: no mention');

    const open = await publishedVideo(p, carol, { caption: 'for everyone' });
    await api(p, 'POST', `/api/v1/videos/${open}/comments`, { as: bob, body: { body: 'cc @n_dave' } });
    assert.ok((await inbox(dave)).items.some((n) => n.video?.id === open));
    await api(p, 'PATCH', `/api/v1/videos/${open}`, { as: carol, body: { visibility: 'private' } });
    const after = await inbox(dave);
    assert.ok(!after.items.some((n) => n.video?.id === open), 'made private: the notification is no longer listed');
    assert.equal(after.unreadCount, after.items.filter((n) => !n.read).length);
  });

  it('a caption’s mention is told when the video is published, not before', async () => {
    const { video } = await p.services.videos.create(bob.id, { caption: 'shot with @n_carol', visibility: 'public', allowComments: true });
    assert.ok(!(await inbox(carol)).items.some((n) => n.video?.id === video.id), 'a draft tells nobody');
    const source = join(p.dataDir, 'mention.mp4');
    await synthClip({ outPath: source, seconds: 1, width: 180, height: 320, scene: 'life', tone: 'sine' });
    await p.services.videos.ingestLocalFile(video.id, source);
    p.worker.start();
    for (let i = 0; ; i++) {
      const mention = (await inbox(carol)).items.find((n) => n.video?.id === video.id);
      if (mention) {
        assert.equal(summary(mention), 'mention by n_bob');
        assert.ok(mention.video?.poster, 'published: it has a poster');
        break;
      }
      const state = await p.services.videos.get(video.id, bob.id);
      if (state.status === 'failed' || i > 3000) throw new Error(`no mention; the video is ${state.status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('a follow tells the followed; a muted kind tells nobody', async () => {
    await api(p, 'PUT', '/api/v1/users/n_dave/follow', { as: alice });
    assert.equal((await inbox(dave)).items[0]?.kind, 'follow');
    const muted = await api(p, 'PUT', '/api/v1/me/notification-settings', { as: dave, body: { kinds: { follow: false } } });
    assert.equal(muted.json().settings.kinds.follow, false);
    assert.equal(muted.json().settings.kinds.like, true);
    await api(p, 'PUT', '/api/v1/users/n_dave/follow', { as: carol });
    assert.ok(!(await inbox(dave)).items.some((n) => n.kind === 'follow' && n.actor.username === 'n_carol'));
  });

  it('a request to follow a private account tells its owner once', async () => {
    const teen = await signup(p, 'n_teen', `${new Date().getFullYear() - 14}-01-01`);
    for (const method of ['PUT', 'DELETE', 'PUT'] as const) await api(p, method, '/api/v1/users/n_teen/follow', { as: bob });
    assert.deepEqual((await inbox(teen)).items.map(summary), ['follow_request by n_bob']);
  });

  it('marks read up to a notification, and pages go back in time', async () => {
    const video = await publishedVideo(p, bob, { caption: 'popular' });
    const fans = await Promise.all(Array.from({ length: 33 }, (_, i) => signup(p, `n_fan${i}`)));
    for (const fan of fans) await api(p, 'PUT', `/api/v1/videos/${video}/like`, { as: fan });
    const first = await inbox(bob);
    assert.equal(first.items.length, 30);
    assert.ok(first.nextCursor);
    const second = (await api(p, 'GET', `/api/v1/notifications?cursor=${first.nextCursor}`, { as: bob })).json() as NotificationPage;
    const ids = [...first.items, ...second.items].map((n) => Number(n.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'newest first, no overlap');
    assert.equal(new Set(ids).size, ids.length);
    const read = await api(p, 'POST', '/api/v1/notifications/read', { as: bob, body: { upTo: first.items[5]!.id } });
    // the five newer than it stay unread; it and everything before it (older pages too) are read
    assert.equal(read.json().unreadCount, 5);
    assert.equal((await api(p, 'GET', '/api/v1/notifications/unread-count', { as: bob })).json().unreadCount, 5);
    assert.deepEqual((await inbox(bob)).items.map((n) => n.read).slice(0, 7), [false, false, false, false, false, true, true]);
    const refused = await api(p, 'POST', '/api/v1/notifications/read', { as: bob, body: { upTo: '999999' } });
    assert.equal(refused.statusCode, 400);
  });
});

describe('live delivery', () => {
  it('streams each notification as it happens, and only to its recipient', async () => {
    const video = await publishedVideo(p, carol, { caption: 'live' });
    const carolStream = await stream(carol);
    const daveStream = await stream(dave);
    try {
      assert.equal(carolStream.status, 200);
      await api(p, 'PUT', `/api/v1/videos/${video}/like`, { as: alice });
      await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: alice, body: { body: 'so good' } });
      const got = await events(carolStream, 2);
      assert.deepEqual(got.map(summary), ['like by n_alice', 'comment by n_alice: so good']);
      // the next event dave gets is his own, nothing of carol's before it
      await api(p, 'PUT', '/api/v1/videos/' + (await publishedVideo(p, dave)) + '/like', { as: alice });
      assert.deepEqual((await events(daveStream, 1)).map(summary), ['like by n_alice']);
    } finally {
      carolStream.close();
      daveStream.close();
    }
  });

  it('after a reconnect with Last-Event-ID, delivers what was missed exactly once, in order', async () => {
    const video = await publishedVideo(p, alice, { caption: 'resume' });
    const first = await stream(alice);
    await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: bob, body: { body: 'one' } });
    const [seen] = await first.next(1);
    first.close();
    // while disconnected
    await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: bob, body: { body: 'two' } });
    await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: carol, body: { body: 'three' } });
    const resumed = await stream(alice, seen!.id!);
    try {
      assert.deepEqual((await events(resumed, 2)).map(summary), ['comment by n_bob: two', 'comment by n_carol: three']);
      await api(p, 'POST', `/api/v1/videos/${video}/comments`, { as: dave, body: { body: 'four' } });
      assert.deepEqual((await events(resumed, 1)).map(summary), ['comment by n_dave: four'], 'nothing repeated before the next one');
    } finally {
      resumed.close();
    }
  });

  it('refuses a stream to visitors and a malformed Last-Event-ID', async () => {
    const visitor = await openSse(`${base}/api/v1/notifications/stream`, {});
    assert.equal(visitor.status, 401);
    const bad = await stream(alice, 'abc');
    assert.equal(bad.status, 400);
  });
});
