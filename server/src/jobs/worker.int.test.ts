// The queue itself: retries with backoff, gives up after max attempts, never runs a job twice at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createJobRepository } from './job.repository.ts';
import { createWorker } from './worker.ts';
import type { JobHandlers } from './job.types.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-platform.ts';

let t: TestDatabase;
before(async () => {
  t = await openTestDatabase();
});
after(() => t.drop());

const silent = { info() {}, warn() {}, error() {} };
const until = async (check: () => boolean, ms = 10_000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

test('a failing job is retried with backoff, then given up on', async () => {
  const jobs = createJobRepository(t.db);
  const attempts: number[] = [];
  const gaveUp: string[] = [];
  const handlers: JobHandlers = {
    process_video: {
      run: async (_job, ctx) => {
        attempts.push(Date.now());
        throw new Error(`boom ${ctx.attempt}`);
      },
      onGiveUp: async (job, error) => {
        gaveUp.push(`${job.videoId}:${error}`);
      },
    },
    purge_media: { run: async () => ({ kind: 'done' }) },
  };
  const worker = createWorker({ jobs, handlers, concurrency: 1, leaseMs: 5000, pollMs: 20, retryBaseMs: 100, log: silent });
  await jobs.enqueue({ type: 'process_video', videoId: 'v1' }, { maxAttempts: 3 });
  worker.start();
  await until(() => gaveUp.length === 1);
  await worker.stop();
  assert.equal(attempts.length, 3);
  assert.ok(attempts[1]! - attempts[0]! >= 90, 'first retry waits ~100 ms');
  assert.ok(attempts[2]! - attempts[1]! >= 190, 'second retry waits ~200 ms');
  assert.equal(gaveUp[0], 'v1:boom 3');
  const counts = await jobs.counts();
  assert.equal(counts.failed, 1);
});

test('two workers never run the same job; every job runs once', async () => {
  const jobs = createJobRepository(t.db);
  const ran: string[] = [];
  const handlers: JobHandlers = {
    process_video: { run: async () => ({ kind: 'done' }) },
    purge_media: {
      run: async (job) => {
        ran.push(job.prefix);
        await new Promise((r) => setTimeout(r, 5));
        return { kind: 'done' };
      },
    },
  };
  for (let i = 0; i < 20; i++) await jobs.enqueue({ type: 'purge_media', prefix: `p${i}/` });
  const a = createWorker({ jobs, handlers, concurrency: 2, leaseMs: 5000, pollMs: 20, log: silent });
  const b = createWorker({ jobs, handlers, concurrency: 2, leaseMs: 5000, pollMs: 20, log: silent });
  a.start();
  b.start();
  await until(() => ran.length >= 20);
  await new Promise((r) => setTimeout(r, 100));
  await Promise.all([a.stop(), b.stop()]);
  assert.equal(ran.length, 20);
  assert.equal(new Set(ran).size, 20);
});
