// The behaviour every BlobStore adapter promises, run by each adapter's integration test.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { TestContext } from 'node:test';
import { RangeNotSatisfiableError } from './blob-store.ts';
import type { BlobStore } from './blob-store.ts';
import { InvalidBlobKeyError } from './keys.ts';

export interface ContractOptions {
  /** A store on empty storage; `pageSize` asks for paginated listing where the adapter lists. */
  makeStore(options: { pageSize?: number }): Promise<BlobStore>;
}

export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export async function runBlobStoreContract(t: TestContext, options: ContractOptions): Promise<void> {
  const scratch = await mkdtemp(join(tmpdir(), 'cliptide-contract-'));
  t.after(() => rm(scratch, { recursive: true, force: true }));
  const store = await options.makeStore({});
  const source = randomBytes(64 * 1024 + 3);
  const sourcePath = join(scratch, 'source.m4s');
  await writeFile(sourcePath, source);

  await t.test('putFile then head and a full get return the same bytes and type', async () => {
    await store.putFile('videos/v1/720p/seg-0001.m4s', sourcePath, 'video/iso.segment');
    const info = await store.head('videos/v1/720p/seg-0001.m4s');
    assert.ok(info);
    assert.equal(info.size, source.length);
    assert.equal(info.contentType, 'video/iso.segment');
    assert.notEqual(info.etag, '');
    const read = await store.get('videos/v1/720p/seg-0001.m4s');
    assert.ok(read);
    assert.equal(read.size, source.length);
    assert.equal(read.etag, info.etag);
    assert.equal(read.range, undefined);
    assert.deepEqual(await readAll(read.body), source);
  });

  await t.test('putBytes stores strings as UTF-8 and bytes as given', async () => {
    await store.putBytes('videos/v1/master.m3u8', '#EXTM3U\n# é\n', 'application/vnd.apple.mpegurl');
    const text = await store.get('videos/v1/master.m3u8');
    assert.ok(text);
    assert.equal(text.size, Buffer.byteLength('#EXTM3U\n# é\n'));
    assert.equal(text.contentType, 'application/vnd.apple.mpegurl');
    assert.equal((await readAll(text.body)).toString('utf8'), '#EXTM3U\n# é\n');

    await store.putBytes('avatars/u1/a.png', new Uint8Array([137, 80, 78, 71]), 'image/png');
    const png = await store.get('avatars/u1/a.png');
    assert.ok(png);
    assert.deepEqual([...(await readAll(png.body))], [137, 80, 78, 71]);
  });

  await t.test('a content type the extension does not imply round-trips', async () => {
    await store.putBytes('videos/v1/data.bin', 'x', 'application/json');
    assert.equal((await store.head('videos/v1/data.bin'))?.contentType, 'application/json');
    await store.putBytes('videos/v1/poster.jpg', 'y', 'image/webp');
    assert.equal((await store.head('videos/v1/poster.jpg'))?.contentType, 'image/webp');
  });

  await t.test('a byte range streams exactly those bytes and reports the whole size', async () => {
    const read = await store.get('videos/v1/720p/seg-0001.m4s', { start: 10, end: 19 });
    assert.ok(read);
    assert.equal(read.size, source.length);
    assert.deepEqual(read.range, { start: 10, end: 19 });
    assert.deepEqual(await readAll(read.body), source.subarray(10, 20));

    const tail = await store.get('videos/v1/720p/seg-0001.m4s', { start: source.length - 5, end: source.length + 100 });
    assert.ok(tail);
    assert.deepEqual(tail.range, { start: source.length - 5, end: source.length - 1 });
    assert.deepEqual(await readAll(tail.body), source.subarray(source.length - 5));

    const one = await store.get('videos/v1/720p/seg-0001.m4s', { start: 0, end: 0 });
    assert.ok(one);
    assert.deepEqual(await readAll(one.body), source.subarray(0, 1));
  });

  await t.test('a range starting past the end is refused', async () => {
    await assert.rejects(
      store.get('videos/v1/720p/seg-0001.m4s', { start: source.length, end: source.length + 10 }),
      RangeNotSatisfiableError,
    );
    await assert.rejects(store.get('videos/v1/720p/seg-0001.m4s', { start: 5, end: 4 }), RangeError);
  });

  await t.test('missing keys read as null', async () => {
    assert.equal(await store.head('videos/nope/master.m3u8'), null);
    assert.equal(await store.get('videos/nope/master.m3u8'), null);
    assert.equal(await store.get('videos/nope/master.m3u8', { start: 0, end: 1 }), null);
    // A "directory" made by longer keys is not a blob either.
    assert.equal(await store.head('videos/v1'), null);
    assert.equal(await store.get('videos/v1'), null);
  });

  await t.test('overwrite replaces bytes, type and etag', async () => {
    await store.putBytes('videos/v2/poster.jpg', 'first version', 'image/jpeg');
    const before = await store.head('videos/v2/poster.jpg');
    await store.putBytes('videos/v2/poster.jpg', 'second', 'image/png');
    const after = await store.get('videos/v2/poster.jpg');
    assert.ok(before && after);
    assert.equal(after.size, 6);
    assert.equal(after.contentType, 'image/png');
    assert.notEqual(after.etag, before.etag);
    assert.equal((await readAll(after.body)).toString(), 'second');
    // Back to the type the extension implies.
    await store.putBytes('videos/v2/poster.jpg', 'third', 'image/jpeg');
    assert.equal((await store.head('videos/v2/poster.jpg'))?.contentType, 'image/jpeg');
  });

  await t.test('deletePrefix removes that prefix only, across pages', async () => {
    const paged = await options.makeStore({ pageSize: 2 });
    const doomed = ['videos/d1/master.m3u8', 'videos/d1/init.mp4', 'videos/d1/720p/a.m4s', 'videos/d1/720p/b.m4s', 'videos/d1/360p/a.m4s'];
    const kept = ['videos/d10/master.m3u8', 'videos/d2/master.m3u8', 'avatars/d1/a.png'];
    for (const key of [...doomed, ...kept]) await paged.putBytes(key, key, 'application/octet-stream');
    await paged.putBytes('videos/d1/odd.bin', 'z', 'application/json'); // with stored metadata

    await paged.deletePrefix('videos/d1/');
    for (const key of [...doomed, 'videos/d1/odd.bin']) assert.equal(await paged.head(key), null, key);
    for (const key of kept) assert.ok(await paged.head(key), key);

    // Without a trailing slash it is a plain string prefix.
    await paged.deletePrefix('videos/d');
    for (const key of kept.slice(0, 2)) assert.equal(await paged.head(key), null, key);
    assert.ok(await paged.head('avatars/d1/a.png'));

    await paged.deletePrefix('videos/never-there/'); // no-op, no error
  });

  await t.test('copyPrefix copies a folder, types included, across pages, and leaves the original', async () => {
    const paged = await options.makeStore({ pageSize: 2 });
    const files = ['master.m3u8', '720p/init.mp4', '720p/seg-00001.m4s', '360p/seg-00001.m4s', 'poster.jpg'];
    for (const f of files) await paged.putBytes(`videos/c1/aa/${f}`, `bytes of ${f}`, 'application/octet-stream');
    await paged.putBytes('videos/c1/aa/odd.bin', '{}', 'application/json');
    await paged.putBytes('videos/c1/aab/other.bin', 'not in the folder', 'application/octet-stream');
    await paged.copyPrefix('videos/c1/aa/', 'videos/c1/bb/');
    for (const f of files) {
      const copy = await paged.get(`videos/c1/bb/${f}`);
      assert.ok(copy, f);
      assert.equal((await readAll(copy.body)).toString(), `bytes of ${f}`);
      assert.ok(await paged.head(`videos/c1/aa/${f}`), `${f} is still at the original`);
    }
    assert.equal((await paged.head('videos/c1/bb/odd.bin'))?.contentType, 'application/json');
    assert.equal(await paged.head('videos/c1/bb/b/other.bin'), null);
    assert.equal(await paged.head('videos/c1/bbb/other.bin'), null);
    await paged.copyPrefix('videos/never-there/', 'videos/c1/cc/'); // no-op, no error
    await assert.rejects(paged.copyPrefix('videos/c1/aa', 'videos/c1/dd/'), InvalidBlobKeyError);
    await paged.deletePrefix('videos/c1/');
  });

  await t.test('bad keys and prefixes are refused before touching storage', async () => {
    for (const key of ['', '/etc/passwd', 'a/../b', '..', 'a\\b', 'a//b', 'a/', 'C:/x', 'a/.meta/b', 'a\u0000b']) {
      await assert.rejects(store.putBytes(key, 'x', 'text/plain'), InvalidBlobKeyError, key);
      await assert.rejects(store.head(key), InvalidBlobKeyError, key);
      await assert.rejects(store.get(key), InvalidBlobKeyError, key);
    }
    await assert.rejects(store.putFile('../escape.mp4', sourcePath, 'video/mp4'), InvalidBlobKeyError);
    for (const prefix of ['', '/', '../', 'videos//', 'videos/../']) {
      await assert.rejects(store.deletePrefix(prefix), InvalidBlobKeyError, prefix);
    }
  });
}
