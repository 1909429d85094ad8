// `main.ts worker` in a process of its own: the API process (no workers) queues the transcode, the
// worker process claims it from PostgreSQL, publishes the video, and the API's For You ranks it.
// PGlite is one process's database, so this runs in the PostgreSQL pass of the integration tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { synthClip } from '../media/index.ts';
import { api, signup, startTestPlatform } from '../testing/test-platform.ts';

const onPostgres = process.env.CLIPTIDE_TEST_DB === 'postgres';
const ROOT = new URL('../../../', import.meta.url).pathname;

test('a separate worker process transcodes what the API queued', { skip: onPostgres ? false : 'needs PostgreSQL (CLIPTIDE_TEST_DB=postgres)' }, async () => {
  const p = await startTestPlatform({ WORKER_CONCURRENCY: '0' });
  const output: string[] = [];
  const worker = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'worker'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: p.databaseUrl!, DATA_DIR: p.dataDir, LOG_LEVEL: 'info', SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  worker.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  worker.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
  try {
    const author = await signup(p, 'workerauthor');
    const viewer = await signup(p, 'workerviewer');
    const { video } = await p.services.videos.create(author.id, { caption: 'made by the worker #jobs', visibility: 'public', allowComments: true });
    const source = join(p.dataDir, 'source.mp4');
    await synthClip({ outPath: source, seconds: 3, width: 360, height: 640, scene: 'life', tone: 'sine' });
    await p.services.videos.ingestLocalFile(video.id, source);

    // Polls a condition (the limit only turns one that never comes into a failure).
    async function waitFor<T>(what: string, probe: () => Promise<T | null>): Promise<T> {
      const started = Date.now();
      for (;;) {
        if (worker.exitCode !== null) throw new Error(`the worker exited (${worker.exitCode}):\n${output.join('')}`);
        const value = await probe();
        if (value !== null) return value;
        if (Date.now() - started > 300_000) throw new Error(`no ${what} after 300 s:\n${output.join('')}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await waitFor('ready video', async () => {
      const current = await p.services.videos.get(video.id, author.id);
      if (current.status === 'failed') throw new Error(`failed: ${JSON.stringify(current.error)}`);
      return current.status === 'ready' ? current : null;
    });
    // The worker marks the job done after the handler has published the video: wait for that
    // too instead of reading the row once (it may still say 'running' for a moment).
    await waitFor('finished job', async () => {
      const [job] = await p.db.query<{ status: string }>(`select status from jobs where type = 'process_video'`);
      return job && job.status !== 'running' ? job.status : null;
    }).then((status) => assert.equal(status, 'done'));
    assert.match(output.join(''), /worker started/);

    const ready = await p.services.videos.get(video.id, author.id);
    assert.equal((await api(p, 'GET', ready.hls!)).statusCode, 200, 'the API process serves what the worker stored');
    const feed = (await api(p, 'GET', '/api/v1/feed/foryou', { as: viewer })).json() as { items: { id: string }[] };
    assert.ok(feed.items.some((item) => item.id === video.id), 'the API’s For You learned of the video from the shared event log');
  } finally {
    if (worker.exitCode === null) worker.kill('SIGTERM');
    await exited;
    await p.stop();
  }
});
