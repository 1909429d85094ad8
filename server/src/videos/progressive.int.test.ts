// Playable in seconds: a video is published as soon as its smallest rendition and poster are stored;
// the larger renditions follow and a master playlist listing all of them replaces the first one for
// new plays (both stay served: players that loaded the first keep playing). A failure between the two
// runs resumes at the second; giving up leaves the video playable at its first rendition. A video
// whose processing failed (our failure, not the file's) can be retried by its author.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import type { TranscodeRequest } from '../media/index.ts';
import { clip } from '../media/testing/clips.ts';
import { api, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';
import { tusUpload } from '../testing/tus-upload.ts';

let p: TestPlatform;
let base: string;
let creator: Session;
/** Every part the pipeline asked ffmpeg for, in order. */
const parts: string[] = [];
/** What happens before the second run starts ffmpeg: set by each test. */
let beforeRest: () => Promise<void> = async () => {};
/** What happens before the first run starts ffmpeg. */
let beforeFirst: () => Promise<void> = async () => {};

before(async () => {
  p = await startTestPlatform({}, { retryBaseMs: 50 });
  const transcode = p.media.transcode.bind(p.media);
  p.media.transcode = async (req: TranscodeRequest) => {
    parts.push(req.part ?? 'all');
    if (req.part === 'rest') await beforeRest();
    if (req.part === 'first') await beforeFirst();
    return transcode(req);
  };
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  p.worker.start();
  creator = await signup(p, 'progressive');
});
after(() => p.stop());

async function post(kind: 'hd' | 'text' = 'hd'): Promise<string> {
  const res = await api(p, 'POST', '/api/v1/videos', { as: creator, body: { caption: 'fast', visibility: 'public', allowComments: true } });
  const created = res.json();
  await tusUpload(base, created.upload, creator.cookie, await readFile(await clip(kind)), { filename: 'hd.mp4', filetype: 'video/mp4' });
  return created.video.id as string;
}

async function videoWhen(id: string, ok: (v: Video) => boolean, what: string): Promise<Video> {
  const until = Date.now() + 120_000;
  for (;;) {
    const video = (await api(p, 'GET', `/api/v1/videos/${id}`, { as: creator })).json().video as Video;
    if (ok(video)) return video;
    if ((video.status === 'failed' && !ok(video)) || Date.now() > until) throw new Error(`waiting for ${what}: ${JSON.stringify(video)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
interface Video {
  status: string;
  error: { code: string; retryable: boolean } | null;
  hls: string | null;
  width: number;
  height: number;
  renditions: { name: string; status: string }[];
}

const variants = (master: string) => master.split('\n').filter((l) => l && !l.startsWith('#'));
async function get(path: string) {
  const res = await fetch(new URL(path, base));
  return { status: res.status, text: res.status === 200 ? await res.text() : '' };
}

test('playable at 360p first, then the whole ladder under the same prefix', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  beforeRest = () => gate;
  parts.length = 0;
  const id = await post();

  const early = await videoWhen(id, (v) => v.status === 'ready', 'ready');
  assert.deepEqual(
    early.renditions.map((r) => [r.name, r.status]),
    [['720p', 'pending'], ['480p', 'pending'], ['360p', 'ready']],
  );
  assert.equal(early.width, 720, 'the video says its full size');
  assert.match(early.hls!, /\/first\.m3u8$/);
  const first = await get(early.hls!);
  assert.deepEqual(variants(first.text), ['360p/index.m3u8']);
  const media = await get(new URL('360p/index.m3u8', new URL(early.hls!, base)).toString());
  assert.equal(media.status, 200);
  assert.equal((await get(early.hls!.replace('first.m3u8', 'poster.jpg'))).status, 200);
  assert.equal((await get(early.hls!.replace('first.m3u8', 'master.m3u8'))).status, 404, 'no full master before the ladder is there');

  release();
  const full = await videoWhen(id, (v) => v.renditions.every((r) => r.status === 'ready'), 'the full ladder');
  assert.equal(full.hls, early.hls!.replace('first.m3u8', 'master.m3u8'), 'same prefix, the full master');
  assert.deepEqual(variants((await get(full.hls!)).text), ['720p/index.m3u8', '480p/index.m3u8', '360p/index.m3u8']);
  for (const name of ['720p', '480p']) {
    assert.equal((await get(full.hls!.replace('master.m3u8', `${name}/index.m3u8`))).status, 200);
  }
  assert.equal((await get(early.hls!)).status, 200, 'a player that loaded the first master keeps playing');
  assert.deepEqual(parts, ['first', 'rest']);
});

test('a failure in the second run resumes at the second run, not from the start', async () => {
  let failures = 1;
  beforeRest = async () => {
    if (failures-- > 0) throw new Error('ffmpeg was killed');
  };
  parts.length = 0;
  const id = await post();
  const full = await videoWhen(id, (v) => v.status === 'ready' && v.renditions.every((r) => r.status === 'ready'), 'the full ladder');
  assert.deepEqual(parts, ['first', 'rest', 'rest']);
  assert.deepEqual(variants((await get(full.hls!)).text).length, 3);
});

test('when the larger renditions cannot be made, the video stays playable at its first one', async () => {
  beforeRest = async () => {
    throw new Error('ffmpeg was killed');
  };
  const id = await post();
  const settled = await videoWhen(id, (v) => v.status === 'ready' && !v.renditions.some((r) => r.status === 'pending'), 'the ladder settled');
  assert.deepEqual(
    settled.renditions.map((r) => [r.name, r.status]),
    [['720p', 'failed'], ['480p', 'failed'], ['360p', 'ready']],
  );
  assert.match(settled.hls!, /\/first\.m3u8$/);
  assert.equal((await get(settled.hls!)).status, 200);
});

test('a failed processing can be retried by its author, a refused file cannot', async () => {
  beforeRest = async () => {};
  let broken = true;
  beforeFirst = async () => {
    if (broken) throw new Error('ffmpeg crashed');
  };
  const id = await post();
  const failed = await videoWhen(id, (v) => v.status === 'failed', 'failed');
  assert.deepEqual([failed.error?.code, failed.error?.retryable], ['processing_failed', true]);

  const stranger = await signup(p, 'notthe_author');
  assert.equal((await api(p, 'POST', `/api/v1/videos/${id}/retry`, { as: stranger })).statusCode, 404, 'not visible to others while failed');
  assert.equal((await api(p, 'POST', `/api/v1/videos/${id}/retry`)).statusCode, 401);

  broken = false;
  const retried = await api(p, 'POST', `/api/v1/videos/${id}/retry`, { as: creator });
  assert.equal(retried.statusCode, 200, retried.body);
  assert.equal(retried.json().video.status, 'processing');
  await videoWhen(id, (v) => v.status === 'ready', 'ready after the retry');
  const again = await api(p, 'POST', `/api/v1/videos/${id}/retry`, { as: creator });
  assert.equal(again.statusCode, 409, 'only a failed upload can be retried');

  const refused = await post('text');
  const notMedia = await videoWhen(refused, (v) => v.status === 'failed', 'refused');
  assert.equal(notMedia.error?.retryable, false);
  const no = await api(p, 'POST', `/api/v1/videos/${refused}/retry`, { as: creator });
  assert.equal(no.statusCode, 409);
  assert.equal(no.json().code, 'conflict');
});
