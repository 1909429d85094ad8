// Playback benchmark: time from a swipe to the first rendered frame of the next video, in
// Chromium against a local server with the demo catalogue, with preloading on and off.
//   npm run bench:playback          (from the repository root)
//   BENCH_SWIPES=10 BENCH_NO_README=1 npm run bench:playback   (a quick look, README untouched)
//   BENCH_CHROMIUM_ARGS='--disable-audio-output'                (diagnostics: extra Chromium switches)
// The catalogue is seeded once into .tmp/bench-playback and reused by later runs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, PHONE } from '../e2e/support/browser.ts';
import { ROOT, startServer, type RunningServer } from '../e2e/support/server.ts';
import { demoCreators, demoVideos } from '../server/src/seed/demo-content.ts';

const SWIPES = Number(process.env.BENCH_SWIPES ?? 30);
const WATCH_MS = 1200; // how long each video plays before the next swipe (lets the preloads work)
const DATA_DIR = join(ROOT, '.tmp/bench-playback');

async function readyVideoCount(baseUrl: string): Promise<number> {
  let total = 0;
  for (const creator of demoCreators) {
    let cursor: string | null = null;
    do {
      const url = `${baseUrl}/api/v1/users/${creator.username}/videos${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`;
      const response = await fetch(url);
      if (!response.ok) return total;
      const page = (await response.json()) as { items: { status: string }[]; nextCursor: string | null };
      total += page.items.filter((v) => v.status === 'ready').length;
      cursor = page.nextCursor;
    } while (cursor);
  }
  return total;
}

async function waitForCatalogue(server: RunningServer) {
  const started = Date.now();
  for (;;) {
    const ready = await readyVideoCount(server.baseUrl);
    if (ready >= demoVideos.length) return ready;
    if (Date.now() - started > 15 * 60_000) throw new Error(`demo catalogue incomplete: ${ready}/${demoVideos.length}`);
    process.stdout.write(`\rseeding the demo catalogue: ${ready}/${demoVideos.length} videos ready`);
    await new Promise((r) => setTimeout(r, 3000));
  }
}

// Runs in the page: swipe (the feed's keyboard path) and resolve with the milliseconds until the
// next video presents its first frame. A string, so that no bundler helpers leak into the page.
const SWIPE_TO_FRAME = `(async ({ from, to }) => {
  const video = document.querySelector('video[data-feed-index="' + to + '"]');
  if (!video) throw new Error('no video at index ' + to);
  const frame = new Promise((resolve) => video.requestVideoFrameCallback((now) => resolve(now)));
  const t0 = performance.now();
  window.dispatchEvent(new KeyboardEvent('keydown', { key: to > from ? 'ArrowDown' : 'ArrowUp', bubbles: true }));
  const shown = await Promise.race([frame, new Promise((r) => setTimeout(() => r(null), 10000))]);
  return shown === null ? null : shown - t0;
})`;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? NaN;
}

async function measure(baseUrl: string, preload: boolean): Promise<number[]> {
  const extraArgs = process.env.BENCH_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? [];
  const browser = await launchBrowser({ baseUrl, viewport: PHONE, extraArgs });
  try {
    const page = browser.page;
    await page.goto(`/?preload=${preload ? 1 : 0}`);
    await page.locator('video[data-feed-index="0"]').waitFor();
    await page.waitForFunction('document.querySelector(\'video[data-feed-index="0"]\').currentTime > 0.3', undefined, { timeout: 30_000 });
    const times: number[] = [];
    let index = 0;
    let direction = 1;
    while (times.length < SWIPES) {
      await page.waitForTimeout(WATCH_MS);
      const count = await page.locator('.feed-item').count();
      if (index + direction >= count || index + direction < 0) direction = -direction; // ping-pong through a finite feed
      const next = index + direction;
      const ms = (await page.evaluate(`${SWIPE_TO_FRAME}(${JSON.stringify({ from: index, to: next })})`)) as number | null;
      if (ms === null) throw new Error(`no frame from video ${next} within 10 s`);
      times.push(ms);
      index = next;
    }
    if (browser.consoleErrors.length > 0) console.warn('console errors:', browser.consoleErrors);
    return times.sort((a, b) => a - b);
  } finally {
    await browser.close();
  }
}

function writeReadme(section: string) {
  const path = join(ROOT, 'bench/README.md');
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    text = '# Benchmarks\n';
  }
  const heading = '## Playback (npm run bench:playback)';
  const start = text.indexOf(heading);
  if (start === -1) {
    text = `${text.trimEnd()}\n\n${section}`;
  } else {
    const next = text.indexOf('\n## ', start + heading.length);
    text = text.slice(0, start) + section + (next === -1 ? '' : `\n${text.slice(next + 1)}`);
  }
  writeFileSync(path, text.endsWith('\n') ? text : `${text}\n`);
}

async function main() {
  const server = await startServer({ seedDemo: true, dataDir: DATA_DIR, readyTimeoutMs: 120_000 });
  try {
    const videos = await waitForCatalogue(server);
    console.log(`\ncatalogue: ${videos} videos; ${SWIPES} swipes per run, ${WATCH_MS} ms watched before each`);
    const on = await measure(server.baseUrl, true);
    const off = await measure(server.baseUrl, false);
    const row = (label: string, t: number[]) =>
      `| ${label} | ${percentile(t, 50).toFixed(0)} ms | ${percentile(t, 95).toFixed(0)} ms | ${t[0]!.toFixed(0)}–${t[t.length - 1]!.toFixed(0)} ms |`;
    const ratio = percentile(off, 50) / percentile(on, 50);
    const section = [
      '## Playback (npm run bench:playback)',
      '',
      'Time from a swipe (the feed\'s ↓/↑ key path) to the first frame of the next video presented',
      '(`requestVideoFrameCallback`), in headless Chromium (software rendering) at 390×844 against a local',
      `server with the demo catalogue (${videos} videos, HLS via hls.js). ${SWIPES} swipes per run, each after`,
      `${WATCH_MS} ms of watching; preloading off is \`?preload=0\` (only the current video has its stream).`,
      '',
      '| preloading | p50 | p95 | range |',
      '| --- | --- | --- | --- |',
      row('on (next 2, previous 1)', on),
      row('off', off),
      '',
      `Preloading makes the median swipe ${ratio.toFixed(1)}× faster (p95 ${(percentile(off, 95) / percentile(on, 95)).toFixed(1)}×). Target: p50 well under 150 ms with preloading.`,
      `Measured ${new Date().toISOString().slice(0, 10)} on a shared 2-core machine.`,
      '',
      'Where the time goes with preloading (instrumented run, 8 swipes): `play()` is called 5–25 ms after',
      'the key press, `playing` fires at 20–45 ms, and the first frame reported by',
      '`requestVideoFrameCallback` has media time ≈ 0.100 s and arrives at 120–170 ms: the rest is',
      'Chromium\'s media pipeline going from a paused, prerolled state to presenting frames, which a',
      'faster network cannot shorten (`--disable-audio-output` did not change it, so it is not the',
      'audio sink). Over loopback a cold start costs little more (a manifest and one',
      'segment), so preloading mostly cuts the tail (p95), and on a real network the gap widens by',
      'at least two round trips plus a segment download per swipe. Switching the scroll animation',
      'off (instant scroll) did not change the figures, nor did delaying the bigger playing buffer or',
      'showing the decoded first frame instead of the poster before the swipe.',
      '',
    ].join('\n');
    console.log(`\n${section}`);
    if (process.env.BENCH_NO_README !== '1') writeReadme(section);
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
