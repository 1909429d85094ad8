// The whole path a creator takes: sign up → draft → tus upload (tus-js-client, resumable) → processing
// with progress → ready → playlists, segments and poster served with the right types, ranges and caching.
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { AddressInfo } from 'node:net';
import * as tus from 'tus-js-client';
import { clip } from '../media/testing/clips.ts';
import { api, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';
import { tusUpload } from '../testing/tus-upload.ts';

let p: TestPlatform;
let base: string;
let creator: Session;

before(async () => {
  p = await startTestPlatform();
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
  p.worker.start();
  creator = await signup(p, 'uploader');
});
after(() => p.stop());

async function draft(as: Session, body: Record<string, unknown> = {}) {
  const res = await api(p, 'POST', '/api/v1/videos', { as, body: { caption: 'hello #first', visibility: 'public', allowComments: true, ...body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { video: { id: string; status: string }; upload: { url: string; protocol: string; metadata: { videoId: string } } };
}

function upload(path: string, created: Awaited<ReturnType<typeof draft>>, as: Session, opts: Partial<tus.UploadOptions> = {}) {
  return readFile(path).then((bytes) => tusUpload(base, created.upload, as.cookie, bytes, { filename: 'clip.mp4', filetype: 'video/mp4' }, opts));
}

async function waitForStatus(id: string, as: Session, want: string[], timeoutMs = 90_000) {
  const started = Date.now();
  const progress: number[] = [];
  for (;;) {
    const video = (await api(p, 'GET', `/api/v1/videos/${id}`, { as })).json().video;
    progress.push(video.progress);
    if (want.includes(video.status)) return { video, progress };
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${want.join('/')}; last: ${JSON.stringify(video)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

test('upload → ready → HLS ladder, segments and poster are served', async () => {
  const created = await draft(creator);
  assert.equal(created.upload.protocol, 'tus');
  assert.equal(created.video.status, 'uploading');
  await upload(await clip('portrait'), created, creator);
  const { video, progress } = await waitForStatus(created.video.id, creator, ['ready', 'failed']);
  assert.equal(video.status, 'ready', JSON.stringify(video.error));
  assert.equal(video.progress, 1);
  assert.ok(progress.every((x, i) => i === 0 || x >= progress[i - 1]! - 1e-9), 'progress never goes back');
  assert.equal(video.width, 360);
  assert.equal(video.height, 640);
  assert.ok(video.durationMs > 1500 && video.durationMs < 2600);
  assert.deepEqual(video.hashtags, ['first']);

  const master = await fetch(base + video.hls);
  assert.equal(master.status, 200);
  assert.equal(master.headers.get('content-type'), 'application/vnd.apple.mpegurl');
  assert.match(master.headers.get('cache-control') ?? '', /immutable/);
  const masterText = await master.text();
  assert.match(masterText, /#EXT-X-STREAM-INF/);
  const mediaUri = masterText.split('\n').find((l) => l && !l.startsWith('#'))!;
  const mediaUrl = new URL(mediaUri, base + video.hls).toString();
  const playlist = await (await fetch(mediaUrl)).text();
  assert.match(playlist, /#EXT-X-MAP:URI="[^"]+"/);
  const segment = playlist.split('\n').find((l) => l && !l.startsWith('#'))!;
  const segUrl = new URL(segment, mediaUrl).toString();
  const full = await fetch(segUrl);
  assert.equal(full.status, 200);
  const bytes = Buffer.from(await full.arrayBuffer());
  assert.ok(bytes.length > 1000);
  const ranged = await fetch(segUrl, { headers: { range: 'bytes=10-109' } });
  assert.equal(ranged.status, 206);
  assert.equal(ranged.headers.get('content-range'), `bytes 10-109/${bytes.length}`);
  assert.deepEqual(Buffer.from(await ranged.arrayBuffer()), bytes.subarray(10, 110));
  const etag = full.headers.get('etag')!;
  assert.equal((await fetch(segUrl, { headers: { 'if-none-match': etag } })).status, 304);
  const poster = await fetch(base + video.poster);
  assert.equal(poster.headers.get('content-type'), 'image/jpeg');
  assert.equal((await fetch(`${base}/media/sources/${video.id}/original`)).status, 404, 'sources are never served');
});

test('an interrupted upload resumes from its offset', async () => {
  const path = await clip('portrait');
  const size = (await stat(path)).size;
  const created = await draft(creator);
  const bytes = await readFile(path);
  // Send the first chunk only, as a client that lost its connection would.
  const url = await new Promise<string>((resolve, reject) => {
    const u = new tus.Upload(bytes, {
      endpoint: base + created.upload.url,
      metadata: { ...created.upload.metadata, filename: 'clip.mp4' },
      headers: { cookie: creator.cookie },
      chunkSize: Math.floor(size / 3),
      retryDelays: [],
      onError: reject,
      onChunkComplete: () => {
        void u.abort().then(() => resolve(u.url!));
      },
    });
    u.start();
  });
  const head = await fetch(url, { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', cookie: creator.cookie } });
  const offset = Number(head.headers.get('upload-offset'));
  assert.ok(offset > 0 && offset < size, `partial offset ${offset} of ${size}`);
  assert.equal((await api(p, 'GET', `/api/v1/videos/${created.video.id}`, { as: creator })).json().video.status, 'uploading');
  // Resume: tus-js-client asks the server for the offset and sends only the rest.
  let firstByteSent = -1;
  await upload(path, created, creator, {
    uploadUrl: url,
    onProgress: (sent) => {
      if (firstByteSent < 0) firstByteSent = sent;
    },
  });
  assert.ok(firstByteSent >= offset, 'continued from the offset, not from 0');
  const { video } = await waitForStatus(created.video.id, creator, ['ready', 'failed']);
  assert.equal(video.status, 'ready');
});

test('someone else cannot continue or read your upload, nor attach to your draft', async () => {
  const other = await signup(p, 'intruder');
  const created = await draft(creator);
  await assert.rejects(upload(await clip('portrait'), created, other), /40[34]/);
  const anon = await fetch(base + created.upload.url, { method: 'POST', headers: { 'tus-resumable': '1.0.0', 'upload-length': '10' } });
  assert.equal(anon.status, 401);
  const problemOf = async (res: Response) => {
    assert.equal(res.headers.get('content-type'), 'application/problem+json; charset=utf-8');
    assert.equal(res.headers.get('access-control-allow-origin'), null, 'no cross-origin uploads');
    assert.equal(res.headers.get('tus-resumable'), '1.0.0');
    return (await res.json()) as { code: string; detail: string; status: number };
  };
  assert.equal((await problemOf(anon)).code, 'unauthenticated');
  const noDraft = await fetch(base + created.upload.url, {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': '10', cookie: creator.cookie, 'upload-metadata': `videoId ${Buffer.from('00000000-0000-0000-0000-000000000000').toString('base64')}` },
  });
  assert.equal(noDraft.status, 404);
  assert.equal((await problemOf(noDraft)).code, 'not_found');
  const tooBig = await fetch(base + created.upload.url, {
    method: 'POST',
    headers: { 'tus-resumable': '1.0.0', 'upload-length': String(10 * 1024 ** 4), cookie: creator.cookie, 'upload-metadata': `videoId ${Buffer.from(created.video.id).toString('base64')}` },
  });
  assert.equal(tooBig.status, 413);
  const big = await problemOf(tooBig);
  assert.equal(big.code, 'payload_too_large');
  assert.match(big.detail, /upload limit of \d+ MB/);
  const noVersion = await fetch(base + created.upload.url, { method: 'POST', headers: { 'upload-length': '10', cookie: creator.cookie } });
  assert.equal(noVersion.status, 412);
  assert.match(((await noVersion.json()) as { detail: string }).detail, /Tus-Resumable/);
});

test('a private video is neither served nor listed to others', async () => {
  const created = await draft(creator, { visibility: 'private' });
  await upload(await clip('portrait'), created, creator);
  const { video } = await waitForStatus(created.video.id, creator, ['ready', 'failed']);
  assert.equal(video.status, 'ready');
  const other = await signup(p, 'curious');
  assert.equal((await api(p, 'GET', `/api/v1/videos/${video.id}`, { as: other })).statusCode, 404);
  assert.equal((await fetch(base + video.hls, { headers: { cookie: other.cookie } })).status, 404);
  assert.equal((await fetch(base + video.poster)).status, 404);
  const own = await fetch(base + video.hls, { headers: { cookie: creator.cookie } });
  assert.equal(own.status, 200);
  assert.equal(own.headers.get('cache-control'), 'private, no-store', 'non-public media is kept by no cache');
});

for (const [kind, code] of [
  ['image', 'still_image'],
  ['audio-only', 'audio_only'],
  ['text', 'not_a_video'],
  ['playlist', 'playlist'],
  ['corrupt', 'corrupt'],
  ['huge', 'dimensions_out_of_range'],
] as const) {
  test(`a ${kind} file is refused with a reason the uploader sees`, async () => {
    const created = await draft(creator);
    await upload(await clip(kind), created, creator);
    const { video } = await waitForStatus(created.video.id, creator, ['ready', 'failed']);
    assert.equal(video.status, 'failed');
    assert.ok(video.error.reason.length > 10, video.error.reason);
    const codes = kind === 'text' || kind === 'corrupt' ? ['not_a_video', 'corrupt', 'no_video_stream'] : [code];
    assert.ok(codes.includes(video.error.code), `${kind}: got ${video.error.code}`);
    assert.equal(video.hls, null);
  });
}
