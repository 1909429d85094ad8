#!/usr/bin/env node
// Builds the web app into web/dist — only when it is missing or older than any of its sources, so
// `npm start` does not rebuild on every start. `--force` builds anyway.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
/** What the bundle is made of: the app, its build config, the contract's limits it imports, the dependencies. */
const SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/package.json', 'contract/src', 'package-lock.json'];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

const index = join(root, 'web/dist/index.html');
const sources = SOURCES.map((p) => join(root, p)).filter((p) => existsSync(p));
const stale = !existsSync(index) || statSync(index).mtimeMs < Math.max(...sources.map(newestMtime));
if (!stale && !process.argv.includes('--force')) {
  console.log('web app is up to date (web/dist)');
} else {
  const result = spawnSync('npm', ['run', 'build', '-w', 'web'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
