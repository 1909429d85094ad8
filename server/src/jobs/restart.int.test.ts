// A processing job interrupted by a process restart finishes afterwards: the first process dies
// mid-transcode, its lease runs out, and the next process claims the job again.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseConfig } from '../config/config.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { synthClip } from '../media/index.ts';
import { signup } from '../testing/test-platform.ts';

const configFor = (dataDir: string) =>
  parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false', JOB_LEASE_SECONDS: '2', WEB_DIST: join(dataDir, 'none') });

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a job interrupted by a restart is claimed again and finishes', async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cliptide-restart-'));
  let second: Platform | null = null;
  try {
    const first = await createPlatform(configFor(dataDir), { pollMs: 100 });
    const author = await signup(first, 'restarter');
    const { video } = await first.services.videos.create(author.id, { caption: 'survives #restart', visibility: 'public', allowComments: true });
    const source = join(dataDir, 'source.mp4');
    await synthClip({ outPath: source, seconds: 8, width: 720, height: 1280, scene: 'mandelbrot', tone: 'chord' });
    first.worker.start();
    await first.services.videos.ingestLocalFile(video.id, source);

    // Wait until ffmpeg is encoding (progress past the probe step), then "crash".
    await waitFor('the transcode to start', async () => {
      const [row] = await first.db.query<{ progress: number }>('select progress from videos where id = $1', [video.id]);
      return row && row.progress > 0.05;
    });
    await first.close();

    second = await createPlatform(configFor(dataDir), { pollMs: 100 });
    const stillProcessing = await second.services.videos.get(video.id, author.id);
    assert.equal(stillProcessing.status, 'processing');
    second.worker.start();
    const ready = await waitFor('the video to be ready', async () => {
      const v = await second!.services.videos.get(video.id, author.id);
      if (v.status === 'failed') throw new Error(`failed: ${JSON.stringify(v.error)}`);
      return v.status === 'ready' ? v : null;
    });
    assert.ok(ready.hls);
    const job = await waitFor('the job to be marked done', async () => {
      const [row] = await second!.db.query<{ attempts: number; status: string }>(`select attempts, status from jobs where type = 'process_video'`);
      return row?.status === 'done' ? row : null;
    });
    assert.equal(job.attempts, 2, 'claimed a second time after the first process died');
  } finally {
    await second?.close();
    await rm(dataDir, { recursive: true, force: true });
  }
});
