// Operator roles: granted by the `admin` command (a real process, reading the same configuration as the
// server), checked by every operator route, shown in /me. On the embedded database the command refuses
// to open it while a server holds it; on PostgreSQL it works while the server runs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseConfig } from '../config/config.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { api, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

const run = promisify(execFile);
const ADMIN_CLI = new URL('../cli/admin.ts', import.meta.url).pathname;

async function admin(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', ADMIN_CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
    });
    return { code: 0, out: stdout, err: stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

const pgUrl = process.env.CLIPTIDE_TEST_DB === 'postgres' ? 'yes' : null;

test('on the embedded database: refused while the server holds it, then granted; routes and /me follow', { skip: pgUrl !== null }, async () => {
  const dataDir = await mkdtemp(join(tmpdir(), 'cliptide-admin-'));
  const env = { DATA_DIR: dataDir };
  const open = async (): Promise<Platform> => {
    const p = await createPlatform(parseConfig({ ...env, LOG_LEVEL: 'silent', SEED_DEMO: 'false', WEB_DIST: join(dataDir, 'no-web') }), {
      runWorker: false,
      recommender: false,
    });
    await p.app.ready();
    return p;
  };
  try {
    let platform = await open();
    const alice = await signup(platform, 'alice_ops');
    assert.equal((await api(platform, 'GET', '/api/v1/me', { as: alice })).json().user.operator.length, 0);
    assert.equal((await api(platform, 'GET', '/api/v1/operator/grants', { as: alice })).statusCode, 403);

    const busy = await admin(env, 'grant', 'alice_ops', 'admin');
    assert.equal(busy.code, 1);
    assert.match(busy.err, new RegExp(`in use by process ${process.pid}`));
    assert.match(busy.err, /stop the server/);
    await platform.close();

    assert.equal((await admin(env, 'grant', 'alice_ops', 'root')).code, 2, 'an unknown role is a usage error');
    assert.match((await admin(env, 'grant', 'nobody_here', 'admin')).err, /No account is called @nobody_here/);
    const granted = await admin(env, 'grant', '@alice_ops', 'moderator', '--jurisdiction', 'eu');
    assert.equal(granted.code, 0, granted.err);
    assert.match(granted.out, /@alice_ops is now moderator for eu/);
    assert.match((await admin(env, 'list')).out, /@alice_ops\tmoderator\teu/);

    platform = await open();
    const me = (await api(platform, 'GET', '/api/v1/me', { as: alice })).json().user;
    assert.deepEqual(me.operator, [{ role: 'moderator', jurisdiction: 'eu' }]);
    const denied = await api(platform, 'GET', '/api/v1/operator/grants', { as: alice });
    assert.equal(denied.statusCode, 403, 'a moderator is not an admin');
    assert.equal(denied.json().code, 'forbidden');
    await platform.close();

    assert.equal((await admin(env, 'grant', 'alice_ops', 'admin')).code, 0);
    assert.match((await admin(env, 'revoke', 'alice_ops', 'moderator', '--jurisdiction', 'eu')).out, /no longer moderator/);
    platform = await open();
    const listed = await api(platform, 'GET', '/api/v1/operator/grants', { as: alice });
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(
      listed.json().items.map((g: { username: string; role: string; jurisdiction: string }) => [g.username, g.role, g.jurisdiction]),
      [['alice_ops', 'admin', 'default']],
    );
    assert.equal((await api(platform, 'GET', '/api/v1/operator/grants')).statusCode, 401);
    await platform.close();
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});

let p: TestPlatform;
before(async () => {
  if (pgUrl) p = await startTestPlatform();
});
after(async () => {
  if (pgUrl) await p.stop();
});

test('on PostgreSQL: the command works while the server runs, and the next request sees the role', { skip: pgUrl === null }, async () => {
  const bob = await signup(p, 'bob_ops');
  assert.equal((await api(p, 'GET', '/api/v1/operator/grants', { as: bob })).statusCode, 403);
  const granted = await admin({ DATABASE_URL: p.databaseUrl!, DATA_DIR: p.dataDir }, 'grant', 'bob_ops', 'admin');
  assert.equal(granted.code, 0, granted.err);
  const listed = await api(p, 'GET', '/api/v1/operator/grants', { as: bob });
  assert.equal(listed.statusCode, 200);
  assert.equal(listed.json().items[0].username, 'bob_ops');
});
