// `npm run audit` as a real process: `verify` on the embedded database (refused while the server holds
// it; names the first bad entry after a row is altered with the triggers off), and `monitor`, an
// independent witness over HTTP against a listening server whose history is then rewritten.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { parseConfig } from '../config/config.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { openPglite } from '../db/pglite.database.ts';
import { openTestDatabase, signup, startTestPlatform } from '../testing/test-platform.ts';

const exec = promisify(execFile);
const AUDIT_CLI = new URL('./audit.ts', import.meta.url).pathname;
const cleanup: string[] = [];
after(async () => {
  for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
});

async function audit(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', AUDIT_CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

async function someAccesses(p: Platform, n: number) {
  const operator = await signup(p);
  await p.services.operators.grant(operator.username, 'support', 'default');
  const subject = await signup(p);
  const grants = [{ role: 'support' as const, jurisdiction: 'default' }];
  for (let i = 0; i < n; i++) {
    await p.services.accountLookup.lookup({ id: operator.id, grants }, subject.username, i % 3 === 2 ? 'moderation' : 'support').catch(() => {});
  }
}

test('audit verify: refused while the server runs; ok on an intact log; names the altered entry', { skip: process.env.CLIPTIDE_TEST_DB === 'postgres' }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cliptide-audit-'));
  cleanup.push(dataDir);
  const env = { DATA_DIR: dataDir };
  const platform = await createPlatform(parseConfig({ ...env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST: join(dataDir, 'no-web') }), {
    runWorker: false,
    recommender: false,
  });
  await platform.app.ready();
  await someAccesses(platform, 6);
  await platform.services.transparency.of('default').checkpoint();
  const busy = await audit(env, 'verify', '--region', 'default');
  assert.equal(busy.code, 1);
  assert.match(busy.err, /stop the server/);
  await platform.close();

  const ok = await audit(env, 'verify', '--region', 'default');
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /verifies: 6 entries, 1 signed checkpoints/);

  const db = await openPglite(join(dataDir, 'db'));
  await db.exec('alter table access_log disable trigger user');
  await db.query(`update access_log set entry = replace(entry, '"allowed"', '"denied"') where idx = 4`);
  await db.exec('alter table access_log enable trigger user');
  await db.close();
  const bad = await audit(env, 'verify', '--region', 'default');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /FAILED: the access log of default does not verify/);
  assert.match(bad.err, /entry #4 was altered/);
  assert.equal((await audit(env, 'verify', 'extra')).code, 2, 'a usage error');
});

test('audit monitor: consistent growth is ok; a rewritten history raises the alarm', async () => {
  const stateDir = await mkdtemp(join(tmpdir(), 'cliptide-witness-'));
  cleanup.push(stateDir);
  const state = join(stateDir, 'witness.json');
  const testDb = await openTestDatabase();
  const serve = async () => {
    const p = await startTestPlatform({}, { db: testDb.db, runWorker: false });
    await p.app.listen({ port: 0, host: '127.0.0.1' });
    return { p, url: `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}` };
  };
  let { p, url } = await serve();
  try {
    await someAccesses(p, 5);
    const first = await audit({}, 'monitor', url, '--region', 'default', '--state', state);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /first seen at 5 entries/);
    await someAccesses(p, 4);
    const grown = await audit({}, 'monitor', url, '--region', 'default', '--state', state);
    assert.equal(grown.code, 0, grown.err);
    assert.match(grown.out, /grew from 5 to 9 entries, consistent/);
    await p.stop();

    // the operator rewrites entry 1 (hash recomputed, so the rows look self-consistent), restarts, and the log grows
    const db = testDb.db;
    await db.query('alter table access_log disable trigger user');
    const [row] = await db.query<{ entry: string }>(`select entry from access_log where idx = 1`);
    const forged = row!.entry.replace('"denied"', '"allowed"').replace('"support"', '"legal"');
    const hash = createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(forged)])).digest('base64');
    await db.query(`update access_log set entry = $1, leaf_hash = $2 where idx = 1`, [forged, hash]);
    await db.query('alter table access_log enable trigger user');
    ({ p, url } = await serve());
    await someAccesses(p, 2);
    const alarm = await audit({}, 'monitor', url, '--region', 'default', '--state', state);
    assert.equal(alarm.code, 1, alarm.out);
    assert.match(alarm.err, /ALARM: the log of default at size 11 is not an extension of the one seen at size 9/);
  } finally {
    await p.stop();
    await testDb.drop();
  }
});
