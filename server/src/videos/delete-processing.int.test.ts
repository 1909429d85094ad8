// Deleting a video while it is being transcoded stops its ffmpeg and leaves no file of it behind.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { synthClip } from '../media/synth.ts';
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

const filesUnder = (dir: string): string[] =>
  existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name)) : [];

test('deleting a video mid-transcode stops the job and removes every rendition written', async () => {
  // long and large enough that the transcode is still running when the delete arrives
  const clip = await synthClip({ outPath: join(p.dataDir, 'long.mp4'), seconds: 20, width: 720, height: 1280, scene: 'testsrc2', tone: 'melody' });
  const creator = await signup(p);
  const created = (await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: 'going away', visibility: 'public', allowComments: true } })).json();
  const id = created.video.id as string;
  const bytes = await readFile(clip);
  await tusUpload(base, created.upload, creator.cookie, bytes, { filename: 'long.mp4', filetype: 'video/mp4' });
  // wait until ffmpeg is encoding (progress past the probe's 5 %)
  for (let i = 0; ; i++) {
    const video = (await api(p, 'GET', `/api/v1/videos/${id}`, { as: creator })).json().video;
    assert.notEqual(video.status, 'ready', 'the transcode finished before the test could delete it: make the clip longer');
    if (video.status === 'processing' && video.progress > 0.05) break;
    assert.ok(i < 600, 'the transcode never started');
    await new Promise((r) => setTimeout(r, 100));
  }
  const deletedAt = Date.now();
  assert.equal((await api(p, 'DELETE', `/api/v1/videos/${id}`, { as: creator })).statusCode, 204);
  // every job about this video settles (the transcode stopped, the purges ran)
  for (let i = 0; ; i++) {
    const open = await p.db.query(`select 1 from jobs where status in ('queued', 'running') and (payload->>'videoId' = $1 or payload->>'prefix' like $2)`, [id, `%${id}%`]);
    if (open.length === 0) break;
    assert.ok(i < 600, 'jobs about the deleted video never settled');
    await new Promise((r) => setTimeout(r, 100));
  }
  const media = join(p.dataDir, 'media');
  assert.deepEqual(filesUnder(join(media, 'videos', id)), [], 'no rendition of the deleted video remains');
  assert.deepEqual(filesUnder(join(media, 'sources', id)), [], 'nor its source');
  const [job] = await p.db.query<{ status: string; finished_at: Date }>(`select status, finished_at from jobs where type = 'process_video' and payload->>'videoId' = $1`, [id]);
  assert.equal(job!.status, 'done');
  assert.ok(job!.finished_at.getTime() - deletedAt < 5_000, 'the transcode was stopped, not run to its end');
});
