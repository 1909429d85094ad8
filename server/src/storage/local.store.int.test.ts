import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readAll, runBlobStoreContract } from './blob-store.contract.ts';
import { createLocalStore } from './local.store.ts';

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cliptide-local-store-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

test('local store: blob store contract', async (t) => {
  const root = await tempDir(t);
  await runBlobStoreContract(t, { makeStore: async () => createLocalStore({ root }) });
});

/** Every file under `dir`, relative, sorted. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name).slice(dir.length + 1))
    .sort();
}

test('local store: blobs are plain files under the root, metadata only where needed', async (t) => {
  const root = await tempDir(t);
  const store = createLocalStore({ root });
  await store.putBytes('videos/v1/master.m3u8', '#EXTM3U\n', 'application/vnd.apple.mpegurl');
  await store.putBytes('videos/v1/blob.bin', 'x', 'video/mp4');
  assert.deepEqual(await listFiles(root), ['.meta/videos/v1/blob.bin.json', 'videos/v1/blob.bin', 'videos/v1/master.m3u8']);
});

test('local store: a failed write leaves the previous blob and no temp file', async (t) => {
  const root = await tempDir(t);
  const store = createLocalStore({ root });
  await store.putBytes('videos/v1/init.mp4', 'old bytes', 'video/mp4');
  await assert.rejects(store.putFile('videos/v1/init.mp4', join(root, 'missing-source.mp4'), 'video/mp4'), { code: 'ENOENT' });
  const read = await store.get('videos/v1/init.mp4');
  assert.ok(read);
  assert.equal((await readAll(read.body)).toString(), 'old bytes');
  assert.deepEqual(await listFiles(root), ['videos/v1/init.mp4']);
});

test('local store: a read keeps streaming the blob it opened while it is overwritten', async (t) => {
  const root = await tempDir(t);
  const store = createLocalStore({ root });
  const source = join(root, 'src.bin');
  await writeFile(source, Buffer.alloc(256 * 1024, 1));
  await store.putFile('videos/v1/a.m4s', source, 'video/iso.segment');
  const read = await store.get('videos/v1/a.m4s');
  assert.ok(read);
  await store.putBytes('videos/v1/a.m4s', 'new', 'video/iso.segment');
  const bytes = await readAll(read.body);
  assert.equal(bytes.length, 256 * 1024);
  assert.ok(bytes.every((byte) => byte === 1));
});
