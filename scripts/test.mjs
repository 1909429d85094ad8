#!/usr/bin/env node
// Runs every test with Node's own test runner (TypeScript through tsx).
//   node scripts/test.mjs            unit + integration (PGlite, then PostgreSQL when TEST_DATABASE_URL is set) + e2e
//   node scripts/test.mjs unit|integration|postgres|e2e
// Unit tests:        **/*.test.ts (not *.int.test.ts) in recommender/, server/, web/src
// Integration tests: server/**/*.int.test.ts — real PGlite, real ffmpeg
// End-to-end tests:  e2e/**/*.spec.ts — Debian Chromium against a started server
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function find(dir, predicate, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) find(path, predicate, out);
    else if (predicate(name)) out.push(relative(root, path));
  }
  return out;
}

const isUnit = (n) => n.endsWith('.test.ts') && !n.endsWith('.int.test.ts');
const isIntegration = (n) => n.endsWith('.int.test.ts');
const isE2e = (n) => n.endsWith('.spec.ts');

const suites = {
  unit: () => ['recommender', 'server', 'web/src', 'bench'].flatMap((d) => find(join(root, d), isUnit)),
  integration: () => find(join(root, 'server'), isIntegration),
  postgres: () => (process.env.TEST_DATABASE_URL ? find(join(root, 'server'), isIntegration) : []),
  e2e: () => find(join(root, 'e2e'), isE2e),
};

const wanted = process.argv[2] ? [process.argv[2]] : ['unit', 'integration', 'postgres', 'e2e'];
let failed = false;
for (const name of wanted) {
  const pick = suites[name];
  if (!pick) {
    console.error(`unknown suite "${name}"; choose one of ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  const files = pick();
  if (files.length === 0) {
    console.log(`# suite ${name}: no test files${name === 'postgres' ? ' (TEST_DATABASE_URL not set)' : ''}`);
    continue;
  }
  console.log(`# suite ${name}: ${files.length} files`);
  const env = { ...process.env, CLIPTIDE_TEST_SUITE: name };
  if (name === 'postgres') env.CLIPTIDE_TEST_DB = 'postgres';
  else delete env.CLIPTIDE_TEST_DB;
  const timeout = name === 'unit' ? 60_000 : 600_000;
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${name === 'unit' ? 2 : 1}`, `--test-timeout=${timeout}`, ...files],
    { cwd: root, stdio: 'inherit', env },
  );
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
