import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTypeFor } from './content-type.ts';
import { InvalidBlobKeyError, assertBlobKey, assertBlobPrefix, blobKeyProblem, blobKeys, parseServableKey } from './keys.ts';

test('blob keys: relative slash-separated paths are accepted', () => {
  for (const key of ['videos/01HX/master.m3u8', 'videos/v1/720p/seg-00001.m4s', 'avatars/u1/avatar.webp', 'a', 'a b/c+d=e']) {
    assert.equal(blobKeyProblem(key), null, key);
    assert.doesNotThrow(() => assertBlobKey(key));
  }
});

test('blob keys: absolute, traversing, backslashed, empty-segment and dot keys are refused', () => {
  const cases: [string, RegExp][] = [
    ['', /empty/],
    ['/videos/a', /absolute/],
    ['C:/videos/a', /absolute/],
    ['videos/../etc', /'\.\.'/],
    ['..', /'\.\.'/],
    ['videos/a..b', /'\.\.'/],
    ['videos\\a', /backslash/],
    ['videos//a', /empty segment/],
    ['videos/a/', /empty segment/],
    ['./videos', /starting with '\.'/],
    ['videos/.meta/a', /starting with '\.'/],
    ['videos/a\nb', /control/],
    ['x'.repeat(1025), /longer/],
  ];
  for (const [key, reason] of cases) {
    assert.match(blobKeyProblem(key) ?? 'accepted', reason, JSON.stringify(key));
    assert.throws(() => assertBlobKey(key), (error: unknown) => error instanceof InvalidBlobKeyError && error.key === key);
  }
});

test('blob prefixes: a key, optionally ending in one slash; never empty', () => {
  for (const prefix of ['videos/v1/', 'videos/v1', 'videos/v']) assert.doesNotThrow(() => assertBlobPrefix(prefix), prefix);
  for (const prefix of ['', '/', 'videos//', '../', 'videos/../x/']) assert.throws(() => assertBlobPrefix(prefix), InvalidBlobKeyError, prefix);
});

test('content types follow the extension, case-insensitively', () => {
  assert.equal(contentTypeFor('videos/v/master.m3u8'), 'application/vnd.apple.mpegurl');
  assert.equal(contentTypeFor('videos/v/720p/seg-1.m4s'), 'video/iso.segment');
  assert.equal(contentTypeFor('videos/v/720p/init.mp4'), 'video/mp4');
  assert.equal(contentTypeFor('videos/v/poster.JPG'), 'image/jpeg');
  assert.equal(contentTypeFor('avatars/u/a.png'), 'image/png');
  assert.equal(contentTypeFor('avatars/u/a.webp'), 'image/webp');
  assert.equal(contentTypeFor('videos/v/probe.json'), 'application/json');
  assert.equal(contentTypeFor('videos/v/README'), 'application/octet-stream');
  assert.equal(contentTypeFor('videos/v.d/README'), 'application/octet-stream');
  assert.equal(contentTypeFor('videos/v/x.unknown'), 'application/octet-stream');
});

const V = '0b6c2f1e-7d4a-4c3b-9e8f-1a2b3c4d5e6f';

test('the key layout: every key it builds is valid, and only media and avatars are servable', () => {
  const ladder = blobKeys.ladder(V, 'a1b2c3');
  const built = [blobKeys.source(V), blobKeys.ladderFile(ladder, 'master.m3u8'), blobKeys.ladderFile(ladder, '720p/seg-00001.m4s'), blobKeys.avatar(V, '0123456789abcdef', 'png')];
  for (const key of built) assert.equal(blobKeyProblem(key), null, key);
  for (const prefix of [blobKeys.sources(V), blobKeys.videoMedia(V), ladder]) assert.doesNotThrow(() => assertBlobPrefix(prefix));
  assert.ok(ladder.startsWith(blobKeys.videoMedia(V)), 'a ladder lives under its video, so deleting the video deletes it');

  assert.deepEqual(parseServableKey(blobKeys.ladderFile(ladder, '720p/seg-00001.m4s')), { kind: 'video-media', videoId: V, ladderId: 'a1b2c3' });
  assert.deepEqual(parseServableKey(blobKeys.avatar(V, '0123456789abcdef', 'webp')), { kind: 'avatar', accountId: V });
  for (const key of [blobKeys.source(V), `videos/${V}/a1b2c3/../../x`, `videos/${V}/a1b2c3/.meta/x`, `videos/${V}/notahex/master.m3u8`, blobKeys.avatar(V, 'short', 'png'), 'avatars/x/0123456789abcdef.png']) {
    assert.equal(parseServableKey(key), null, key);
  }
});
