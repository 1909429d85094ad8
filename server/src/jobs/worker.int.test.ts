// The queue itself: retries with backoff, gives up after max attempts, never runs a job twice at once.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createJobRepository } from './job.repository.ts';
import { createWorker } from './worker.ts';
import type { Job, JobHandlers } from './job.types.ts';
import { openTestDatabase, type TestDatabase } from '../testing/test-platform.ts';

let t: TestDatabase;
before(async () => {
  t = await openTestDatabase();
});
after(() => t.drop());

const silent = { info() {}, warn() {}, error() {} };
// waits for a condition; the limit only turns a condition that never comes into a failure
const until = async (check: () => boolean, ms = 60_000) => {
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
    rekey_media: { run: async () => ({ kind: 'done' }) },
    send_mail: { run: async () => ({ kind: 'done' }) },
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
    rekey_media: { run: async () => ({ kind: 'done' }) },
    send_mail: { run: async () => ({ kind: 'done' }) },
    purge_media: {
      run: async (job) => {
        ran.push(job.prefix);
        // each run holds its claim a little, so the two workers' claims overlap in time
        await new Promise((r) => setTimeout(r, 5));
        return { kind: 'done' };
      },
    },
  };
  const settled = new Set<string>();
  const onSettled = (job: Job) => {
    if (job.type === 'purge_media') settled.add(job.prefix);
  };
  for (let i = 0; i < 20; i++) await jobs.enqueue({ type: 'purge_media', prefix: `p${i}/` });
  const a = createWorker({ jobs, handlers, concurrency: 2, leaseMs: 5000, pollMs: 20, log: silent, onSettled });
  const b = createWorker({ jobs, handlers, concurrency: 2, leaseMs: 5000, pollMs: 20, log: silent, onSettled });
  a.start();
  b.start();
  // Every job is marked done: nothing is left to claim. Stopping waits for the runs in flight, and
  // a run records itself before its first await, so after the stops `ran` holds every run there was.
  await until(() => settled.size === 20);
  await Promise.all([a.stop(), b.stop()]);
  assert.equal((await jobs.counts()).done, 20);
  assert.deepEqual([...ran].sort(), [...settled].sort(), 'each job ran exactly once');
});
