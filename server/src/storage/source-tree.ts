// Read-only looks at the running build's own source (for the algorithm's fingerprint, decision 025):
// every file under a directory, and the git commit checked out, read from .git without running git.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Every file under `dir`, as `./relative/path` (sorted bytewise, like `LC_ALL=C sort`) with its bytes. */
export function readSourceTree(dir: string): { path: string; bytes: Buffer }[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(dir);
  return files
    .map((full) => ({ path: `./${relative(dir, full).split('\\').join('/')}`, full }))
    .sort((a, b) => (Buffer.compare(Buffer.from(a.path), Buffer.from(b.path))))
    .map(({ path, full }) => ({ path, bytes: readFileSync(full) }));
}

/** The commit checked out in the repository holding `dir` (what `git rev-parse HEAD` says), or null. */
export function gitCommit(dir: string): string | null {
  try {
    let root = resolve(dir);
    while (!existsSync(join(root, '.git'))) {
      const up = resolve(root, '..');
      if (up === root) return null;
      root = up;
    }
    let gitDir = join(root, '.git');
    if (statSync(gitDir).isFile()) gitDir = resolve(root, readFileSync(gitDir, 'utf8').replace(/^gitdir:\s*/, '').trim());
    const head = readFileSync(join(gitDir, 'HEAD'), 'utf8').trim();
    if (/^[0-9a-f]{40}$/.test(head)) return head;
    const ref = head.replace(/^ref:\s*/, '');
    // a worktree keeps its HEAD; branches live in the common directory
    const common = existsSync(join(gitDir, 'commondir')) ? resolve(gitDir, readFileSync(join(gitDir, 'commondir'), 'utf8').trim()) : gitDir;
    for (const base of [gitDir, common]) {
      const file = join(base, ref);
      if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    }
    const packed = join(common, 'packed-refs');
    if (existsSync(packed)) {
      const line = readFileSync(packed, 'utf8').split('\n').find((l) => l.endsWith(` ${ref}`));
      if (line) return line.split(' ')[0]!;
    }
    return null;
  } catch {
    return null;
  }
}
