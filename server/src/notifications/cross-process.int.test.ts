// Live notifications across API processes: a like handled by process A reaches a browser connected
// to process B, through PostgreSQL LISTEN/NOTIFY. PGlite is one process's database, so this runs
// in the PostgreSQL pass of the integration tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { test } from 'node:test';
import type { Notification } from '@cliptide/contract';
import { openSse } from '../testing/sse.ts';
import { api, publishedVideo, signup, startTestPlatform } from '../testing/test-platform.ts';

const onPostgres = process.env.CLIPTIDE_TEST_DB === 'postgres';
const ROOT = new URL('../../../', import.meta.url).pathname;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

test('a like on process A reaches a stream on process B, and a reconnect to A resumes it', { skip: onPostgres ? false : 'needs PostgreSQL (CLIPTIDE_TEST_DB=postgres)' }, async () => {
  const a = await startTestPlatform();
  const port = await freePort();
  const output: string[] = [];
  const b = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: a.databaseUrl!, DATA_DIR: a.dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', SEED_DEMO: 'false', WORKER_CONCURRENCY: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  b.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  b.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise((resolve) => b.once('exit', resolve));
  const baseB = `http://127.0.0.1:${port}`;
  try {
    for (let i = 0; ; i++) {
      if (b.exitCode !== null) throw new Error(`process B exited:\n${output.join('')}`);
      const ok = await fetch(`${baseB}/api/v1/health`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600) throw new Error(`process B did not start:\n${output.join('')}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const creator = await signup(a, 'x_creator');
    const fan = await signup(a, 'x_fan');
    const video = await publishedVideo(a, creator, { caption: 'across processes' });

    // the creator's browser is connected to B; the fan's like is handled by A
    const onB = await openSse(`${baseB}/api/v1/notifications/stream`, { cookie: creator.cookie });
    assert.equal(onB.status, 200, 'the session made on A is valid on B');
    await api(a, 'PUT', `/api/v1/videos/${video}/like`, { as: fan });
    const [like] = await onB.next(1, 60_000);
    const first = JSON.parse(like!.data) as Notification;
    assert.equal(first.kind, 'like');
    assert.equal(first.actor.username, 'x_fan');
    onB.close();

    // a comment while disconnected; the browser reconnects, now to A, from where it was
    await api(a, 'POST', `/api/v1/videos/${video}/comments`, { as: fan, body: { body: 'missed this?' } });
    const baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
    const onA = await openSse(`${baseA}/api/v1/notifications/stream`, { cookie: creator.cookie, 'last-event-id': like!.id! });
    const [comment] = await onA.next(1, 60_000);
    assert.equal((JSON.parse(comment!.data) as Notification).comment?.body, 'missed this?');
    onA.close();
  } finally {
    b.kill('SIGTERM');
    await exited;
    await a.stop();
  }
});
