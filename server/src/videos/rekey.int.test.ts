// A video that leaves public visibility moves to a fresh media prefix: the URLs a public cache may
// hold (immutable, for a year) no longer lead to it, and its old files are purged.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { clip } from '../media/testing/clips.ts';
import { api, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { tusUpload } from '../testing/tus-upload.ts';

let p: TestPlatform;
let base: string;
before(async () => {
  p = await startTestPlatform();
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  p.worker.start();
});
after(() => p.stop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('a public video made private is served from a fresh prefix, and the old files are gone', async () => {
  const creator = await signup(p);
  const created = (await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: 'soon private', visibility: 'public', allowComments: true } })).json();
  const id = created.video.id as string;
  const bytes = await readFile(await clip('portrait'));
  await tusUpload(base, created.upload, creator.cookie, bytes, { filename: 'c.mp4', filetype: 'video/mp4' });
  let video;
  for (let i = 0; ; i++) {
    video = (await api(p, 'GET', `/api/v1/videos/${id}`, { as: creator })).json().video;
    if (video.status === 'ready') break;
    assert.ok(i < 600 && video.status !== 'failed', `processing: ${JSON.stringify(video)}`);
    await sleep(100);
  }
  const publicHls = video.hls as string;
  const publicCopy = await fetch(base + publicHls);
  assert.match(publicCopy.headers.get('cache-control') ?? '', /^public, .*immutable/, 'a public cache may keep it for a year');

  assert.equal((await api(p, 'PATCH', `/api/v1/videos/${id}`, { as: creator, body: { visibility: 'private' } })).statusCode, 200);
  for (let i = 0; (await p.db.query(`select 1 from jobs where status in ('queued', 'running')`)).length > 0; i++) {
    assert.ok(i < 300, 'jobs never settled');
    await sleep(100);
  }
  const privateHls = (await api(p, 'GET', `/api/v1/videos/${id}`, { as: creator })).json().video.hls as string;
  assert.notEqual(privateHls, publicHls, 'a fresh prefix');
  const own = await fetch(base + privateHls, { headers: { cookie: creator.cookie } });
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('cache-control'), 'private, no-store');
  assert.equal((await fetch(base + publicHls, { headers: { cookie: creator.cookie } })).status, 404, 'the old URL leads nowhere');
  const oldPrefix = publicHls.replace(/^\/media\//, '').replace(/master\.m3u8$/, '');
  assert.equal(existsSync(join(p.dataDir, 'media', ...oldPrefix.split('/').filter(Boolean))), false, 'the old files are purged');
});
