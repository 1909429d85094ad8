import assert from 'node:assert/strict';
import { test } from 'node:test';
import { outputFps, posterTimeMs, transcodeCommand } from './transcode-command.ts';
import { mediaInfo } from './testing/media-info.ts';

const head = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-nostats', '-progress', 'pipe:1', '-y'];
const input = ['-protocol_whitelist', 'file,pipe', '-i', 'file:/in/upload.bin'];
const x264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-profile:v', 'high'];
const gop30 = ['-g', '60', '-keyint_min', '60', '-sc_threshold', '0', '-flags', '+cgop', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-fps_mode', 'cfr'];
const aac = ['-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000'];
const clean = ['-map_metadata', '-1', '-map_chapters', '-1', '-metadata:s:v', 'rotate=0'];
const hls = [
  '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4',
  '-hls_flags', 'independent_segments', '-hls_fmp4_init_filename', 'init.mp4',
  '-hls_segment_filename', '/out/%v/seg_%03d.m4s', '-master_pl_name', 'master.m3u8',
];
const poster = ['-map', '[poster]', '-frames:v', '1', '-q:v', '3', '-update', '1', '/out/poster.jpg'];
const build = (overrides: Parameters<typeof mediaInfo>[0], threads?: number) =>
  transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info: mediaInfo(overrides), ...(threads ? { threads } : {}) });

test('portrait 1080x1920 with audio: four renditions cascading down, audio in each, one decode', () => {
  const cmd = build({});
  assert.equal(cmd.command, 'ffmpeg');
  assert.deepEqual(cmd.args, [
    ...head, ...input,
    '-filter_complex',
    '[0:v:0]fps=30,scale=1080:1920,format=yuv420p,setsar=1,split=3[v0][r0][p];' +
      '[r0]scale=720:1280,setsar=1,split=2[v1][r1];' +
      '[r1]scale=480:854,setsar=1,split=2[v2][r2];' +
      '[r2]scale=360:640,setsar=1[v3];' +
      '[p]trim=start=0.8:duration=0.5,setpts=PTS-STARTPTS[poster]',
    '-map', '[v0]', '-map', '0:a:0', '-map', '[v1]', '-map', '0:a:0', '-map', '[v2]', '-map', '0:a:0', '-map', '[v3]', '-map', '0:a:0',
    ...x264,
    '-b:v:0', '4500k', '-maxrate:v:0', '4950k', '-bufsize:v:0', '9000k',
    '-b:v:1', '2500k', '-maxrate:v:1', '2750k', '-bufsize:v:1', '5000k',
    '-b:v:2', '1200k', '-maxrate:v:2', '1320k', '-bufsize:v:2', '2400k',
    '-b:v:3', '700k', '-maxrate:v:3', '770k', '-bufsize:v:3', '1400k',
    ...gop30, ...aac, ...clean, ...hls,
    '-var_stream_map', 'v:0,a:0,name:1080p v:1,a:1,name:720p v:2,a:2,name:480p v:3,a:3,name:360p',
    '/out/%v/index.m3u8',
    ...poster,
  ]);
});

test('rotated landscape phone clip: the ladder follows the display size (portrait), 60 fps halves', () => {
  const cmd = build({ width: 720, height: 1280, storedWidth: 1280, storedHeight: 720, rotation: 90, fps: 59.94, durationMs: 20_000 }, 2);
  assert.deepEqual(cmd.args, [
    ...head, '-threads', '2', ...input, '-filter_complex_threads', '2',
    '-filter_complex',
    '[0:v:0]fps=30,scale=720:1280,format=yuv420p,setsar=1,split=3[v0][r0][p];' +
      '[r0]scale=480:854,setsar=1,split=2[v1][r1];[r1]scale=360:640,setsar=1[v2];' +
      '[p]trim=start=1:duration=0.5,setpts=PTS-STARTPTS[poster]',
    '-map', '[v0]', '-map', '0:a:0', '-map', '[v1]', '-map', '0:a:0', '-map', '[v2]', '-map', '0:a:0',
    ...x264,
    '-b:v:0', '2500k', '-maxrate:v:0', '2750k', '-bufsize:v:0', '5000k',
    '-b:v:1', '1200k', '-maxrate:v:1', '1320k', '-bufsize:v:1', '2400k',
    '-b:v:2', '700k', '-maxrate:v:2', '770k', '-bufsize:v:2', '1400k',
    ...gop30, ...aac, ...clean, '-threads', '2', ...hls,
    '-var_stream_map', 'v:0,a:0,name:720p v:1,a:1,name:480p v:2,a:2,name:360p',
    '/out/%v/index.m3u8',
    '-map', '[poster]', '-frames:v', '1', '-q:v', '3', '-update', '1', '-threads', '2', '/out/poster.jpg',
  ]);
});

test('silent clip: no audio mapped, encoded or invented', () => {
  const cmd = build({ width: 360, height: 640, hasAudio: false, audioCodec: null, fps: 25, durationMs: 2000 });
  assert.deepEqual(cmd.args, [
    ...head, ...input,
    '-filter_complex',
    '[0:v:0]fps=25,scale=360:640,format=yuv420p,setsar=1,split=2[v0][p];' +
      '[p]trim=start=0.2:duration=0.5,setpts=PTS-STARTPTS[poster]',
    '-map', '[v0]',
    ...x264,
    '-b:v:0', '700k', '-maxrate:v:0', '770k', '-bufsize:v:0', '1400k',
    '-g', '50', '-keyint_min', '50', '-sc_threshold', '0', '-flags', '+cgop', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-fps_mode', 'cfr',
    ...clean, ...hls,
    '-var_stream_map', 'v:0,name:360p',
    '/out/%v/index.m3u8',
    ...poster,
  ]);
  assert.ok(!cmd.args.includes('-c:a') && !cmd.args.includes('0:a:0'));
});

test('odd 321x577 source: one even rendition below it', () => {
  const cmd = build({ width: 321, height: 577, storedWidth: 321, storedHeight: 577, durationMs: 3000 });
  assert.deepEqual(cmd.args, [
    ...head, ...input,
    '-filter_complex',
    '[0:v:0]fps=30,scale=320:576,format=yuv420p,setsar=1,split=2[v0][p];' +
      '[p]trim=start=0.3:duration=0.5,setpts=PTS-STARTPTS[poster]',
    '-map', '[v0]', '-map', '0:a:0',
    ...x264,
    '-b:v:0', '553k', '-maxrate:v:0', '608k', '-bufsize:v:0', '1106k',
    ...gop30, ...aac, ...clean, ...hls,
    '-var_stream_map', 'v:0,a:0,name:320p',
    '/out/%v/index.m3u8',
    ...poster,
  ]);
});

test('a 240p-ish small source: one rendition at its own size, a floor bit rate, 24 fps kept', () => {
  const cmd = build({ width: 240, height: 426, storedWidth: 240, storedHeight: 426, fps: 23.976, durationMs: 12_000 });
  assert.deepEqual(cmd.args, [
    ...head, ...input,
    '-filter_complex',
    '[0:v:0]fps=24,scale=240:426,format=yuv420p,setsar=1,split=2[v0][p];' +
      '[p]trim=start=1:duration=0.5,setpts=PTS-STARTPTS[poster]',
    '-map', '[v0]', '-map', '0:a:0',
    ...x264,
    '-b:v:0', '311k', '-maxrate:v:0', '342k', '-bufsize:v:0', '622k',
    '-g', '48', '-keyint_min', '48', '-sc_threshold', '0', '-flags', '+cgop', '-force_key_frames', 'expr:gte(t,n_forced*2)', '-fps_mode', 'cfr',
    ...aac, ...clean, ...hls,
    '-var_stream_map', 'v:0,a:0,name:240p',
    '/out/%v/index.m3u8',
    ...poster,
  ]);
});

test('output frame rate is constant and capped at 30 by whole divisors', () => {
  const fps = (f: number) => outputFps({ fps: f });
  assert.deepEqual([fps(0), fps(10), fps(23.976), fps(25), fps(29.97), fps(30), fps(50), fps(59.94), fps(60), fps(120)], [30, 10, 24, 25, 30, 30, 25, 30, 30, 30]);
});

test('poster time is 1 s in, or 10 % in for short clips', () => {
  assert.equal(posterTimeMs({ durationMs: 60_000 }), 1000);
  assert.equal(posterTimeMs({ durationMs: 4000 }), 400);
  assert.equal(posterTimeMs({ durationMs: null }), 0);
});

test('legacy ffmpeg (before 5.1): -vsync instead of -fps_mode, renditions by index', () => {
  const modern = build({ width: 720, height: 1280 }).args;
  const legacy = transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info: mediaInfo({ width: 720, height: 1280 }), dialect: 'legacy' }).args;
  const changed = legacy.flatMap((a, i) => (a === modern[i] ? [] : [[modern[i], a]]));
  assert.deepEqual(changed, [
    ['-fps_mode', '-vsync'],
    ['v:0,a:0,name:720p v:1,a:1,name:480p v:2,a:2,name:360p', 'v:0,a:0 v:1,a:1 v:2,a:2'],
  ]);
  assert.equal(legacy.length, modern.length);
});

test('in parts: first the smallest rung with a full-size poster from the source, then the rest without a poster', () => {
  const info = mediaInfo({});
  const first = transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info, part: 'first' }).args;
  const graph = (args: string[]) => args[args.indexOf('-filter_complex') + 1];
  assert.equal(
    graph(first),
    '[0:v:0]fps=30,split=2[src][ps];[src]scale=360:640,format=yuv420p,setsar=1[v0];' +
      '[ps]trim=start=0.8:duration=0.5,setpts=PTS-STARTPTS,scale=1080:1920,format=yuv420p,setsar=1[poster]',
  );
  assert.equal(first[first.indexOf('-master_pl_name') + 1], 'first.m3u8');
  assert.equal(first[first.indexOf('-var_stream_map') + 1], 'v:0,a:0,name:360p');
  assert.deepEqual(first.slice(-9), poster);

  const rest = transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info, part: 'rest' }).args;
  assert.equal(
    graph(rest),
    '[0:v:0]fps=30,scale=1080:1920,format=yuv420p,setsar=1,split=2[v0][r0];[r0]scale=720:1280,setsar=1,split=2[v1][r1];[r1]scale=480:854,setsar=1[v2]',
  );
  assert.equal(rest[rest.indexOf('-master_pl_name') + 1], 'rest.m3u8');
  assert.equal(rest[rest.indexOf('-var_stream_map') + 1], 'v:0,a:0,name:1080p v:1,a:1,name:720p v:2,a:2,name:480p');
  assert.ok(!rest.includes('[poster]') && !rest.includes('/out/poster.jpg'));
});

test('a one-rung ladder: its first part is the whole (master.m3u8), and it has no rest', () => {
  const info = mediaInfo({ width: 360, height: 640, durationMs: 2000 });
  const first = transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info, part: 'first' }).args;
  assert.deepEqual(first, transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info }).args);
  assert.throws(() => transcodeCommand({ inputPath: '/in/upload.bin', outDir: '/out', info, part: 'rest' }), /no rest/);
});
