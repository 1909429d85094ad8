// Log-in brute force from 100 forged addresses against one account (issue 13): how many password
// guesses the server evaluates, against a floor measured in the same run. Real server processes
// (`tsx server/src/main.ts serve`, real argon2id), 127.0.0.1 only, bounded in requests and time.
//   npm run bench:bruteforce        (or: cd bench && npx tsx login-bruteforce.bench.ts --seconds 30)
//
// floor  — the server's raw capacity to check wrong passwords when no limit applies: the forged
//          X-Forwarded-For is believed (TRUST_PROXY=127.0.0.1) and the guesses are spread over 100
//          accounts, at most FREE_FAILURES each, so neither the per-address limit nor the per-account
//          backoff engages. This is what one forged header gave an attacker before the fixes.
// after  — the defaults: the forged header is ignored (the socket's address is counted) and every
//          guess is for one account, so the per-address limit and the per-account backoff apply.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { FREE_FAILURES, MAX_WAIT_MS } from '../server/src/accounts/login-throttle.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { seconds: { type: 'string', default: '30' }, concurrency: { type: 'string', default: '8' } } });
const SECONDS = Number(values.seconds);
const CONCURRENCY = Number(values.concurrency);
const ADDRESSES = 100;
const PASSWORD = 'correct horse battery';

const forged = (i: number) => `198.51.100.${i % ADDRESSES}`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });
}

async function withServer<T>(env: Record<string, string>, run: (base: string) => Promise<T>): Promise<T> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'cliptide-bruteforce-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'warn', WEB_DIST: join(dataDir, 'no-web'), ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = Date.now();
    while (!(await fetch(`${base}/api/v1/health`).then((r) => r.ok, () => false))) {
      if (child.exitCode !== null || Date.now() - started > 180_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    return await run(base);
  } finally {
    child.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  }
}

const post = (base: string, path: string, body: unknown, address: string) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address }, body: JSON.stringify(body) });

async function signupAll(base: string, names: string[]) {
  for (const [i, username] of names.entries()) {
    const res = await post(base, '/api/v1/auth/signup', { username, email: `${username}@example.test`, password: PASSWORD, birthdate: '1990-01-01' }, forged(i));
    if (res.status !== 201) throw new Error(`sign-up of ${username}: ${res.status} ${await res.text()}`);
  }
}

/** Sends guesses (wrong passwords) until `guesses` are sent or the time is up; counts what the server evaluated (401) and refused (429). */
async function attack(base: string, target: (i: number) => string, limit: { guesses: number; ms: number }) {
  let sent = 0;
  let evaluated = 0;
  let refused = 0;
  const started = performance.now();
  const worker = async () => {
    while (sent < limit.guesses && performance.now() - started < limit.ms) {
      const i = sent++;
      const res = await post(base, '/api/v1/auth/login', { login: target(i), password: `guess-${i}-wrong` }, forged(i));
      await res.arrayBuffer();
      if (res.status === 401) evaluated++;
      else if (res.status === 429) refused++;
      else throw new Error(`unexpected ${res.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { sent, evaluated, refused, seconds: (performance.now() - started) / 1000 };
}

console.log(`# log-in brute force: ${ADDRESSES} forged addresses, concurrency ${CONCURRENCY}, ${SECONDS} s; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

const floor = await withServer({ TRUST_PROXY: '127.0.0.1' }, async (base) => {
  const names = Array.from({ length: ADDRESSES }, (_, i) => `spread${i}`);
  await signupAll(base, names);
  // at most FREE_FAILURES guesses per account: the backoff never starts
  return attack(base, (i) => names[i % ADDRESSES]!, { guesses: ADDRESSES * FREE_FAILURES, ms: SECONDS * 1000 });
});
const after = await withServer({}, async (base) => {
  await signupAll(base, ['victim']);
  return attack(base, () => 'victim', { guesses: Number.MAX_SAFE_INTEGER, ms: SECONDS * 1000 });
});

const perHour = (r: { evaluated: number; seconds: number }) => Math.round((r.evaluated / r.seconds) * 3600);
// at the backoff's cap one guess per MAX_WAIT_MS gets through, whatever the attacker sends
const steadyPerHour = Math.round(3600_000 / MAX_WAIT_MS);
console.log('\n| run | guesses sent | evaluated (401) | refused (429) | seconds | evaluated per hour |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
console.log(`| floor: forged header believed, spread over ${ADDRESSES} accounts | ${floor.sent} | ${floor.evaluated} | ${floor.refused} | ${floor.seconds.toFixed(1)} | ${perHour(floor)} |`);
console.log(`| after: defaults, one account | ${after.sent} | ${after.evaluated} | ${after.refused} | ${after.seconds.toFixed(1)} | ≤ ${steadyPerHour + FREE_FAILURES} (steady state) |`);
console.log(
  `\nguesses at one account per hour: ${perHour(floor)} before → at most ${steadyPerHour + FREE_FAILURES} after (${FREE_FAILURES} free, then one per ${MAX_WAIT_MS / 1000} s): ` +
    `${(perHour(floor) / (steadyPerHour + FREE_FAILURES)).toFixed(0)}× fewer; in this ${after.seconds.toFixed(0)} s window ${after.evaluated} of ${after.sent} guesses were evaluated`,
);
