// Avatars are re-encoded before they are stored: EXIF (GPS, camera) and anything but the picture is gone.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { runTool } from '../media/ffmpeg-runner.ts';
import { locateTool } from '../media/locate.ts';
import { signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

/** A real JPEG with an EXIF block (APP1) that names a place, as phones write them. */
async function photoWithGps(): Promise<Buffer> {
  const path = join(p.dataDir, 'photo.jpg');
  await runTool(locateTool('ffmpeg'), ['-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=96x128', '-frames:v', '1', path], { timeoutMs: 30_000 });
  const jpeg = await readFile(path);
  const tiff = Buffer.concat([Buffer.from('MM\0*\0\0\0\x08\0\0\0\0\0\0', 'latin1'), Buffer.from('GPS 51.5074N 0.1278W; camera serial 1234567', 'latin1')]);
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 0xff]), body]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

test('an avatar keeps its picture and loses its EXIF', async () => {
  const s = await signup(p);
  const photo = await photoWithGps();
  assert.ok(photo.includes('GPS 51.5074N'), 'the upload carries the place');
  const res = await p.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: { cookie: s.cookie, 'content-type': 'image/jpeg' }, payload: photo });
  assert.equal(res.statusCode, 200, res.body);
  const url = res.json().user.avatarUrl as string;
  assert.match(url, /\.jpg$/);
  const served = (await p.app.inject({ method: 'GET', url })).rawPayload;
  assert.deepEqual([...served.subarray(0, 3)], [0xff, 0xd8, 0xff], 'still a JPEG');
  assert.equal(served.includes('GPS 51.5074N'), false, 'the place is gone');
  assert.equal(served.includes('Exif'), false, 'no EXIF block at all');
});

test('an image ffmpeg cannot read is refused, not stored', async () => {
  const s = await signup(p);
  const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
  const res = await p.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: { cookie: s.cookie, 'content-type': 'image/jpeg' }, payload: fake });
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'validation_failed');
});
