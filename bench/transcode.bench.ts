// Transcoding benchmark: how long the HLS ladder takes against a floor measured in the same
// script, and how long an upload takes to become playable through the real HTTP API.
//   npm run bench:transcode                 (from the repo root)
//   tsx transcode.bench.ts [--seconds 15] [--no-api]   (from bench/)
// Figures go into bench/README.md, section "Transcoding".
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tus from 'tus-js-client';
import { createMedia, ladderFor, synthClip, type MediaInfo } from '../server/src/media/index.ts';
import { runTool } from '../server/src/media/ffmpeg-runner.ts';
import { outputFps, X264_PRESET } from '../server/src/media/transcode-command.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const argValue = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SECONDS = Number(argValue('--seconds') ?? 15);
const WITH_API = !process.argv.includes('--no-api');
const WIDTH = 1080;
const HEIGHT = 1920;

const secs = (ms: number) => (ms / 1000).toFixed(2);
const rtf = (ms: number) => (SECONDS / (ms / 1000)).toFixed(2);

/** CPU time of a process's finished children (ffmpeg), from /proc (Linux; 100 ticks a second); null elsewhere. */
function childCpuMs(pid: number | 'self' = 'self'): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // cutime + cstime (fields 16 and 17)
  } catch {
    return null;
  }
}

async function timed<T>(what: string, run: () => Promise<T>): Promise<{ ms: number; cpuMs: number | null; value: T }> {
  process.stdout.write(`  ${what} … `);
  const cpuBefore = childCpuMs();
  const started = performance.now();
  const value = await run();
  const ms = performance.now() - started;
  const cpuAfter = childCpuMs();
  const cpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
  console.log(`${secs(ms)} s wall, ${cpuMs === null ? '?' : secs(cpuMs)} s CPU`);
  return { ms, cpuMs, value };
}
const cpuText = (cpuMs: number | null) => (cpuMs === null ? '?' : secs(cpuMs));

/** x264/AAC settings shared by the floor and the naive ladder, the same as the real ladder's. */
function encodeArgs(info: MediaInfo, rung: { width: number; height: number; videoBitrate: number; maxBitrate: number }) {
  const fps = outputFps(info);
  const k = (bps: number) => `${Math.round(bps / 1000)}k`;
  return [
    '-vf', `fps=${fps},scale=${rung.width}:${rung.height},format=yuv420p`,
    '-c:v', 'libx264', '-preset', X264_PRESET, '-profile:v', 'high',
    '-b:v', k(rung.videoBitrate), '-maxrate', k(rung.maxBitrate), '-bufsize', k(rung.videoBitrate * 2),
    '-g', String(fps * 2), '-keyint_min', String(fps * 2), '-sc_threshold', '0',
    '-c:a', 'aac', '-b:a', '128k', '-ac', '2', '-ar', '48000',
  ];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function uploadToPlayable(source: string, work: string) {
  const port = await freePort();
  const dataDir = join(work, 'data');
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST: join(work, 'no-web') },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    const startedAt = performance.now();
    for (;;) {
      const ok = await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
      if (performance.now() - startedAt > 90_000) throw new Error('server did not become healthy in 90 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`  server healthy after ${secs(performance.now() - startedAt)} s`);

    const json = async (path: string, init: RequestInit & { cookie?: string } = {}) => {
      const res = await fetch(base + path, {
        ...init,
        headers: { 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) },
      });
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
      return { res, body: (await res.json()) as Record<string, unknown> };
    };
    const signup = await json('/api/v1/auth/signup', {
      method: 'POST',
      body: JSON.stringify({ username: 'benchcreator', email: 'bench@example.org', password: 'correct horse battery', birthdate: '1990-01-01' }),
    });
    const cookie = signup.res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const created = (await json('/api/v1/videos', {
      method: 'POST',
      cookie,
      body: JSON.stringify({ caption: 'bench #transcode', visibility: 'public', allowComments: true }),
    })).body as { video: { id: string }; upload: { url: string; metadata: Record<string, string> } };

    const bytes = await readFile(source);
    const cpuBefore = server.pid ? childCpuMs(server.pid) : null;
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const upload = new tus.Upload(bytes, {
        endpoint: base + created.upload.url,
        metadata: { ...created.upload.metadata, filename: 'bench.mp4', filetype: 'video/mp4' },
        headers: { cookie },
        chunkSize: 8 * 1024 * 1024,
        retryDelays: [],
        onError: reject,
        onSuccess: () => resolve(),
      });
      upload.start();
    });
    const uploadedMs = performance.now() - t0;
    type Polled = { status: string; hls: string | null; error: unknown; renditions: { status: string }[] };
    const poll = async (done: (v: Polled) => boolean): Promise<Polled> => {
      for (;;) {
        const video = (await json(`/api/v1/videos/${created.video.id}`, { cookie })).body.video as Polled;
        if (video.status === 'failed') throw new Error(`processing failed: ${JSON.stringify(video.error)}`);
        if (done(video)) return video;
        if (performance.now() - t0 > 600_000) throw new Error('not done after 10 min');
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const playable = await poll((v) => v.status === 'ready');
    const playableMs = performance.now() - t0;
    const master = await fetch(new URL(playable.hls!, base), { headers: { cookie } });
    if (!master.ok) throw new Error(`first master playlist: ${master.status}`);
    const full = await poll((v) => v.renditions.every((r) => r.status === 'ready'));
    const fullMs = performance.now() - t0;
    const cpuAfter = server.pid ? childCpuMs(server.pid) : null;
    const toolCpuMs = cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore;
    if (!(await fetch(new URL(full.hls!, base), { headers: { cookie } })).ok) throw new Error('full master playlist missing');
    return { uploadedMs, playableMs, fullMs, toolCpuMs, bytes: bytes.length };
  } finally {
    server.kill('SIGTERM');
    const killer = setTimeout(() => server.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'cliptide-bench-'));
  const media = createMedia({});
  const cpu = cpus();
  console.log(`# transcode bench: ${SECONDS} s ${WIDTH}x${HEIGHT} 30 fps clip with sound`);
  console.log(`  ffmpeg ${media.tools.ffmpeg}; ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    const source = join(work, 'source.mp4');
    const made = await timed('generate the source (synth)', () =>
      synthClip({ outPath: source, seconds: SECONDS, width: WIDTH, height: HEIGHT, fps: 30, scene: 'mandelbrot', tone: 'melody', text: 'Cliptide bench' }),
    );
    const probed = await media.probe(source);
    if (!probed.ok) throw new Error(probed.refusal.reason);
    const info = probed.info;
    const rungs = ladderFor(info.width, info.height);
    const ffmpeg = media.tools.ffmpeg;
    const head = ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-i', source];

    const rung720 = rungs.find((r) => r.name === '720p') ?? rungs[0]!;
    const rung360 = rungs[rungs.length - 1]!;
    const floor = await timed('(a) floor: one 720p rendition, plain MP4', () =>
      runTool(ffmpeg, [...head, ...encodeArgs(info, rung720), '-f', 'mp4', join(work, 'floor.mp4')], { timeoutMs: 600_000 }),
    );
    const floor360 = await timed(`(d) floor: one ${rung360.name} rendition, plain MP4`, () =>
      runTool(ffmpeg, [...head, ...encodeArgs(info, rung360), '-f', 'mp4', join(work, 'floor360.mp4')], { timeoutMs: 600_000 }),
    );
    const firstPart = await timed(`(e) first part: ${rung360.name} + full-size poster, HLS (what is published first)`, () =>
      media.transcode({ inputPath: source, outDir: join(work, 'first'), info, part: 'first', timeoutMs: 600_000 }),
    );
    const restPart = await timed('(f) rest of the ladder: the other renditions, HLS', () =>
      media.transcode({ inputPath: source, outDir: join(work, 'rest'), info, part: 'rest', timeoutMs: 600_000 }),
    );
    const ladder = await timed(`(b) ladder: ${rungs.map((r) => r.name).join(' + ')} + poster, one run (createMedia().transcode)`, () =>
      media.transcode({ inputPath: source, outDir: join(work, 'ladder'), info, timeoutMs: 600_000 }),
    );
    const naive = await timed('(c) the same ladder as separate runs (decode per rendition)', async () => {
      for (const r of rungs) {
        await mkdir(join(work, 'naive', r.name), { recursive: true });
        await runTool(ffmpeg, [...head, ...encodeArgs(info, r), '-f', 'hls', '-hls_time', '2', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4',
          '-hls_segment_filename', join(work, 'naive', r.name, 'seg_%03d.m4s'), join(work, 'naive', r.name, 'index.m3u8')], { timeoutMs: 600_000 });
      }
    });
    const bytes = (await Promise.all(ladder.value.files.map((f) => stat(join(work, 'ladder', f))))).reduce((sum, s) => sum + s.size, 0);

    const ratio = (a: { ms: number; cpuMs: number | null }, b: { ms: number; cpuMs: number | null }) =>
      `${(a.ms / b.ms).toFixed(2)}× wall, ${a.cpuMs && b.cpuMs ? (a.cpuMs / b.cpuMs).toFixed(2) : '?'}× CPU`;
    console.log('\n| step | wall s | CPU s | real-time factor (wall) |');
    console.log('| --- | ---: | ---: | ---: |');
    console.log(`| generate source (synth, ultrafast) | ${secs(made.ms)} | ${cpuText(made.cpuMs)} | ${rtf(made.ms)} |`);
    console.log(`| (a) floor: single 720p encode | ${secs(floor.ms)} | ${cpuText(floor.cpuMs)} | ${rtf(floor.ms)} |`);
    console.log(`| (b) full ladder, one run (${rungs.length} renditions + poster) | ${secs(ladder.ms)} | ${cpuText(ladder.cpuMs)} | ${rtf(ladder.ms)} |`);
    console.log(`| (c) same ladder, ${rungs.length} separate runs | ${secs(naive.ms)} | ${cpuText(naive.cpuMs)} | ${rtf(naive.ms)} |`);
    console.log(`| (d) floor: single ${rung360.name} encode | ${secs(floor360.ms)} | ${cpuText(floor360.cpuMs)} | ${rtf(floor360.ms)} |`);
    console.log(`| (e) first part (${rung360.name} + poster, published) | ${secs(firstPart.ms)} | ${cpuText(firstPart.cpuMs)} | ${rtf(firstPart.ms)} |`);
    console.log(`| (f) rest of the ladder | ${secs(restPart.ms)} | ${cpuText(restPart.cpuMs)} | ${rtf(restPart.ms)} |`);
    const parts = { ms: firstPart.ms + restPart.ms, cpuMs: firstPart.cpuMs !== null && restPart.cpuMs !== null ? firstPart.cpuMs + restPart.cpuMs : null };
    console.log(`\nfirst part / ${rung360.name} floor = ${ratio(firstPart, floor360)} (target ≤ 1.5); ladder in two parts / in one run = ${ratio(parts, ladder)} (target ≤ 1.2)`);
    console.log(`\nladder / floor = ${ratio(ladder, floor)}; separate runs / one run = ${ratio(naive, ladder)}`);
    console.log(`ladder output ${(bytes / 1e6).toFixed(1)} MB in ${ladder.value.files.length} files; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    if (WITH_API) {
      console.log('\n# upload → playable through the HTTP API (tus-js-client, server as a child process)');
      const api = await uploadToPlayable(source, work);
      console.log(`\n| upload (${(api.bytes / 1e6).toFixed(1)} MB, tus, localhost) | ${secs(api.uploadedMs)} s |`);
      console.log(`| upload complete → playable (status ready, first rendition) | ${secs(api.playableMs - api.uploadedMs)} s |`);
      console.log(`| upload complete → whole ladder | ${secs(api.fullMs - api.uploadedMs)} s |`);
      console.log(`| ffprobe + ffmpeg CPU in the server | ${cpuText(api.toolCpuMs)} s |`);
      console.log(`| upload complete → playable / ${rung360.name} floor | ${((api.playableMs - api.uploadedMs) / floor360.ms).toFixed(2)}× wall (target ≤ 1.5) |`);
      console.log(`| upload complete → whole ladder / in-script one-run ladder | ${((api.fullMs - api.uploadedMs) / ladder.ms).toFixed(2)}× wall (target ≤ 1.2) |`);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
