// Real ffprobe and ffmpeg on small generated clips (testing/clips.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { constants } from 'node:fs';
import { mkdtemp, open, readFile, rm, writeFile, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createMedia, DEFAULT_MEDIA_LIMITS, TranscodeFailed, type MediaInfo, type TranscodeResult } from './index.ts';
import { systemLocateDeps } from './locate.ts';
import { synthClip } from './synth.ts';
import { clip, type ClipKind } from './testing/clips.ts';

const media = createMedia({ threads: 2 });
let work: string;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'cliptide-media-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function probeOk(path: string): Promise<MediaInfo> {
  const probed = await media.probe(path);
  assert.ok(probed.ok, `probe of ${path}: ${probed.ok ? '' : probed.refusal.reason}`);
  return probed.info;
}

async function transcode(kind: ClipKind | string, inputPath: string, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) {
  const info = await probeOk(inputPath);
  const outDir = join(work, kind);
  const progress: number[] = [];
  const result = await media.transcode({ inputPath, outDir, info, timeoutMs: extra.timeoutMs ?? 60_000, onProgress: (f) => progress.push(f), ...(extra.signal ? { signal: extra.signal } : {}) });
  return { info, outDir, result, progress };
}

/** A rendition's init segment and media segments joined: a fragmented MP4 ffprobe can read. */
async function joinRendition(outDir: string, name: string): Promise<{ path: string; durations: number[] }> {
  const playlist = await readFile(join(outDir, name, 'index.m3u8'), 'utf8');
  const init = /#EXT-X-MAP:URI="([^"]+)"/.exec(playlist)?.[1];
  assert.ok(init, 'media playlist names its init segment');
  const segments = playlist.split('\n').filter((l) => l.endsWith('.m4s'));
  const durations = [...playlist.matchAll(/#EXTINF:([\d.]+),/g)].map((m) => Number(m[1]));
  const parts = await Promise.all([init, ...segments].map((f) => readFile(join(outDir, name, f))));
  const path = join(outDir, `${name}-joined.mp4`);
  await writeFile(path, Buffer.concat(parts));
  return { path, durations };
}

function assertHlsFiles(result: TranscodeResult) {
  assert.equal(result.master, 'master.m3u8');
  assert.equal(result.poster, 'poster.jpg');
  for (const r of result.renditions) {
    assert.ok(result.files.includes(`${r.name}/index.m3u8`), `${r.name} playlist`);
    assert.ok(result.files.some((f) => f.startsWith(`${r.name}/init`) && f.endsWith('.mp4')), `${r.name} init segment`);
    assert.ok(result.files.some((f) => f.startsWith(`${r.name}/`) && f.endsWith('.m4s')), `${r.name} media segments`);
    assert.ok(r.bandwidth > 0);
  }
  assert.ok(result.files.includes('master.m3u8') && result.files.includes('poster.jpg'));
}

describe('probe', () => {
  test('portrait clip with sound', async () => {
    const info = await probeOk(await clip('portrait'));
    assert.deepEqual([info.width, info.height, info.rotation, info.hasAudio, info.videoCodec, info.audioCodec], [360, 640, 0, true, 'h264', 'aac']);
    // 2 s; encoders differ in how much AAC priming they add (the bundled ffmpeg: ~43 ms)
    assert.ok(Math.abs((info.durationMs ?? 0) - 2000) <= 100, `${info.durationMs} ms`);
    assert.equal(info.fps, 30);
    assert.equal(media.validate(info, { ...DEFAULT_MEDIA_LIMITS, maxDurationMs: 600_000 }), null);
  });

  test('a landscape recording with rotation metadata displays as portrait', async () => {
    const info = await probeOk(await clip('landscape-rotated'));
    assert.deepEqual([info.storedWidth, info.storedHeight, info.width, info.height], [640, 360, 360, 640]);
    assert.ok(info.rotation === 90 || info.rotation === 270);
  });

  test('variable frame rate is detected', async () => {
    const info = await probeOk(await clip('vfr'));
    assert.equal(info.variableFrameRate, true);
    assert.ok(info.fps > 15 && info.fps < 25, `avg fps ${info.fps}`);
  });

  test('silent, odd and tiny clips', async () => {
    const silent = await probeOk(await clip('silent'));
    assert.deepEqual([silent.hasAudio, silent.audioCodec], [false, null]);
    const odd = await probeOk(await clip('odd'));
    assert.deepEqual([odd.width, odd.height, odd.pixelFormat], [321, 577, 'yuv444p']);
    const tiny = await probeOk(await clip('tiny'));
    assert.deepEqual([tiny.width, tiny.height], [160, 284]);
  });

  test('the limit on length comes from the caller', async () => {
    const info = await probeOk(await clip('portrait'));
    assert.equal(media.validate(info, { ...DEFAULT_MEDIA_LIMITS, maxDurationMs: 1500 })?.code, 'too_long');
  });
});

describe('refusals', () => {
  const cases: [ClipKind, string][] = [
    ['image', 'still_image'],
    ['audio-only', 'audio_only'],
    ['text', 'not_a_video'],
    ['playlist', 'playlist'],
    ['corrupt', 'corrupt'],
    ['huge', 'dimensions_out_of_range'],
  ];
  for (const [kind, code] of cases) {
    test(`${kind} is refused as ${code}`, async () => {
      const probed = await media.probe(await clip(kind));
      const refusal = probed.ok ? media.validate(probed.info, { ...DEFAULT_MEDIA_LIMITS, maxDurationMs: 600_000 }) : probed.refusal;
      assert.equal(refusal?.code, code);
      assert.match(refusal?.reason ?? '', /^[A-Z].+\.$/);
    });
  }

  test('a playlist under a video name is still refused without being followed', async () => {
    const disguised = join(work, 'holiday.mp4');
    await writeFile(disguised, await readFile(await clip('playlist')));
    const probed = await media.probe(disguised);
    assert.equal(probed.ok ? 'accepted' : probed.refusal.code, 'playlist');
  });
});

describe('transcode', () => {
  test('portrait clip: HLS fMP4 with sound, ≤ 2 s segments, poster, progress to 1', async () => {
    const { outDir, result, progress } = await transcode('portrait', await clip('portrait'));
    assertHlsFiles(result);
    assert.deepEqual(result.renditions.map((r) => [r.name, r.width, r.height]), [['360p', 360, 640]]);
    const master = await readFile(join(outDir, 'master.m3u8'), 'utf8');
    assert.match(master, /RESOLUTION=360x640,CODECS="avc1\.[0-9a-f]+,mp4a\.40\.2"\n360p\/index\.m3u8/);
    const { path, durations } = await joinRendition(outDir, '360p');
    assert.ok(durations.every((d) => d <= 2.1), `segments ${durations.join(', ')}`);
    assert.ok(Math.abs(durations.reduce((a, b) => a + b, 0) - 2) < 0.1);
    const out = await probeOk(path);
    assert.deepEqual([out.width, out.height, out.videoCodec, out.audioCodec, out.fps, out.variableFrameRate], [360, 640, 'h264', 'aac', 30, false]);
    const poster = await probeOk(join(outDir, 'poster.jpg'));
    assert.deepEqual([poster.videoCodec, poster.width, poster.height], ['mjpeg', 360, 640]);
    assert.equal(progress.at(-1), 1);
    assert.ok(progress.every((f, i) => i === 0 || f > progress[i - 1]!), 'progress only goes up');
  });

  test('a bigger source gets several renditions from one run, segments cut every 2 s', async () => {
    const source = join(work, 'source-720.mp4');
    await synthClip({ outPath: source, seconds: 5, width: 720, height: 1280, scene: 'testsrc2', tone: 'chord', threads: 2 });
    const { outDir, result } = await transcode('multi', source);
    assertHlsFiles(result);
    assert.deepEqual(result.renditions.map((r) => `${r.name} ${r.width}x${r.height}`), ['720p 720x1280', '480p 480x854', '360p 360x640']);
    assert.ok(result.renditions[0]!.bandwidth > result.renditions[1]!.bandwidth);
    for (const r of result.renditions) {
      const { durations } = await joinRendition(outDir, r.name);
      assert.deepEqual(durations.map((d) => d.toFixed(1)), ['2.0', '2.0', '1.0'], r.name);
    }
  });

  test('the rotated clip comes out portrait, with no rotation left to apply', async () => {
    const { outDir, result } = await transcode('rotated', await clip('landscape-rotated'));
    assert.deepEqual(result.renditions.map((r) => [r.width, r.height]), [[360, 640]]);
    const out = await probeOk((await joinRendition(outDir, '360p')).path);
    assert.deepEqual([out.storedWidth, out.storedHeight, out.rotation], [360, 640, 0]);
  });

  test('the silent clip stays silent: no audio track is invented', async () => {
    const { outDir, result } = await transcode('silent', await clip('silent'));
    assertHlsFiles(result);
    const master = await readFile(join(outDir, 'master.m3u8'), 'utf8');
    assert.doesNotMatch(master, /mp4a/);
    const out = await probeOk((await joinRendition(outDir, '360p')).path);
    assert.equal(out.hasAudio, false);
  });

  test('variable frame rate comes out constant; odd sizes come out even', async () => {
    const vfr = await transcode('vfr', await clip('vfr'));
    const vfrOut = await probeOk((await joinRendition(vfr.outDir, '360p')).path);
    assert.deepEqual([vfrOut.variableFrameRate, vfrOut.fps], [false, 19]);
    const odd = await transcode('odd', await clip('odd'));
    assert.deepEqual(odd.result.renditions.map((r) => [r.name, r.width, r.height]), [['320p', 320, 576]]);
    const oddOut = await probeOk((await joinRendition(odd.outDir, '320p')).path);
    assert.deepEqual([oddOut.width, oddOut.height, oddOut.pixelFormat], [320, 576, 'yuv420p']);
  });

  test('the npm fallback binaries (a 2018 ffmpeg) probe and transcode too', async (t) => {
    const ffmpegPath = systemLocateDeps.bundled('ffmpeg');
    const ffprobePath = systemLocateDeps.bundled('ffprobe');
    if (!ffmpegPath || !ffprobePath) return t.skip('@ffmpeg-installer/@ffprobe-installer not installed');
    const fallback = createMedia({ ffmpegPath, ffprobePath, threads: 2 });
    assert.equal(fallback.tools.dialect, 'legacy');
    const input = await clip('landscape-rotated');
    const probed = await fallback.probe(input);
    assert.ok(probed.ok);
    assert.deepEqual([probed.info.width, probed.info.height], [360, 640]);
    const outDir = join(work, 'fallback');
    const result = await fallback.transcode({ inputPath: input, outDir, info: probed.info, timeoutMs: 60_000 });
    assertHlsFiles(result);
    assert.match(await readFile(join(outDir, 'master.m3u8'), 'utf8'), /\n360p\/index\.m3u8/);
    const out = await probeOk((await joinRendition(outDir, '360p')).path);
    assert.deepEqual([out.width, out.height, out.rotation, out.hasAudio], [360, 640, 0, true]);
  });

  // ffmpeg reading a named pipe that nobody writes cannot finish on its own: it waits in open(),
  // or in read() while the test holds the writing end. So these two tests need no clock: the
  // transcode settles only because ffmpeg was killed (a timeout guard turns a hang into a failure).
  const HANG_GUARD = { timeout: 120_000 };
  async function pipeInput(name: string) {
    const info = await probeOk(await clip('portrait'));
    const inputPath = join(work, `${name}.pipe`);
    execFileSync('mkfifo', [inputPath]);
    return { info, inputPath, outDir: join(work, name) };
  }

  test('a timeout kills ffmpeg and throws a retryable TranscodeFailed', HANG_GUARD, async () => {
    const { info, inputPath, outDir } = await pipeInput('timeout');
    await assert.rejects(media.transcode({ inputPath, outDir, info, timeoutMs: 300 }), (err: unknown) => {
      assert.ok(err instanceof TranscodeFailed);
      assert.equal(err.reason, 'timeout');
      assert.equal(err.retryable, true);
      return true;
    });
  });

  test('an abort stops ffmpeg and is not retryable', HANG_GUARD, async () => {
    const { info, inputPath, outDir } = await pipeInput('aborted');
    const controller = new AbortController();
    const running = media.transcode({ inputPath, outDir, info, timeoutMs: 600_000, signal: controller.signal });
    running.catch(() => undefined);
    // Wait until ffmpeg has opened its input: until then the pipe has no reader (ENXIO).
    let writer: FileHandle | null = null;
    while (!writer) {
      writer = await open(inputPath, constants.O_WRONLY | constants.O_NONBLOCK).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENXIO') throw err;
        return null;
      });
      if (!writer) await new Promise((r) => setTimeout(r, 20));
    }
    controller.abort();
    // The end of input: an ffmpeg that the abort did not stop now fails on an empty file ('exit').
    await writer.close();
    await assert.rejects(running, (err: unknown) => err instanceof TranscodeFailed && err.reason === 'aborted' && !err.retryable);
  });
});
