// Abandoned tus uploads and the sources of failed videos are removed after UPLOAD_EXPIRY_HOURS.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { clip } from '../media/testing/clips.ts';
import { api, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';
import { tusUpload } from '../testing/tus-upload.ts';

const EXPIRY_MS = 600;
let p: TestPlatform;
let base: string;
let creator: Session;
before(async () => {
  p = await startTestPlatform({ UPLOAD_EXPIRY_HOURS: String(EXPIRY_MS / 3600_000) });
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  p.worker.start();
  creator = await signup(p);
});
after(() => p.stop());

const draft = async () => (await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: 'x', visibility: 'public', allowComments: true } })).json();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('an upload left unfinished is removed once it expires', async () => {
  const created = await draft();
  const res = await fetch(base + created.upload.url, {
    method: 'POST',
    headers: { cookie: creator.cookie, 'tus-resumable': '1.0.0', 'upload-length': '100000', 'upload-metadata': `videoId ${Buffer.from(created.video.id).toString('base64')}` },
  });
  assert.equal(res.status, 201);
  const uploads = join(p.dataDir, 'uploads');
  const id = res.headers.get('location')!.split('/').pop()!;
  assert.ok(existsSync(join(uploads, id)), 'the partial upload is on disk');
  assert.equal(await p.sweepUploads(), 0, 'not before it expires');
  await sleep(EXPIRY_MS + 200);
  assert.ok((await p.sweepUploads()) >= 1);
  assert.equal(existsSync(join(uploads, id)), false, 'the partial upload is gone');
  assert.equal(existsSync(join(uploads, `${id}.json`)), false, 'and its record');
});

test('the source of a video that failed processing is removed after the expiry', async () => {
  const created = await draft();
  const bytes = await readFile(await clip('text'));
  await tusUpload(base, created.upload, creator.cookie, bytes, { filename: 'notes.txt', filetype: 'text/plain' });
  const sources = join(p.dataDir, 'media', 'sources', created.video.id);
  for (let i = 0; ; i++) {
    const video = (await api(p, 'GET', `/api/v1/videos/${created.video.id}`, { as: creator })).json().video;
    if (video.status === 'failed') break;
    assert.ok(i < 300, 'the video never failed');
    await sleep(100);
  }
  for (let i = 0; existsSync(sources) && readdirSync(sources, { recursive: true }).length > 0; i++) {
    assert.ok(i < 100, 'the failed source was never removed');
    await sleep(100);
  }
});

test('an upload sent whole in its creation request completes (the sweep does not use tus expiration, which broke it)', async () => {
  const created = await draft();
  const bytes = await readFile(await clip('tiny'));
  const res = await fetch(base + created.upload.url, {
    method: 'POST',
    headers: {
      cookie: creator.cookie,
      'tus-resumable': '1.0.0',
      'content-type': 'application/offset+octet-stream',
      'upload-length': String(bytes.length),
      'upload-metadata': `videoId ${Buffer.from(created.video.id).toString('base64')}`,
    },
    body: bytes,
  });
  assert.equal(res.status, 201, await res.text());
  assert.equal(Number(res.headers.get('upload-offset')), bytes.length);
});
