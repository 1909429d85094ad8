import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { InvalidBlobKeyError, createBlobStore } from './index.ts';
import { parseContentRange } from './s3.store.ts';

test('createBlobStore: the local kind stores under its root', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'cliptide-index-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const store = createBlobStore({ kind: 'local', root });
  await store.putBytes('avatars/u1/1.png', 'png', 'image/png');
  assert.deepEqual(
    { ...(await store.head('avatars/u1/1.png')), etag: 'x' },
    { size: 3, contentType: 'image/png', etag: 'x' },
  );
});

test('createBlobStore: the s3 kind checks its settings without connecting', () => {
  const base = { kind: 's3', region: 'eu-west-1', bucket: 'media', accessKeyId: 'k', secretAccessKey: 's', forcePathStyle: true } as const;
  assert.ok(createBlobStore(base));
  assert.ok(createBlobStore({ ...base, endpoint: 'http://127.0.0.1:9000', prefix: 'eu/' }));
  assert.throws(() => createBlobStore({ ...base, pageSize: 0 }), RangeError);
  assert.throws(() => createBlobStore({ ...base, pageSize: 1001 }), RangeError);
  assert.throws(() => createBlobStore({ ...base, prefix: '../other' }), InvalidBlobKeyError);
});

test('parseContentRange reads S3 Content-Range headers', () => {
  assert.deepEqual(parseContentRange('bytes 0-9/100'), { range: { start: 0, end: 9 }, size: 100 });
  assert.equal(parseContentRange(undefined), null);
  assert.equal(parseContentRange('bytes */100'), null);
  assert.equal(parseContentRange('items 0-9/100'), null);
});
