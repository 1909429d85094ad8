// Local working files that are not blobs: scratch directories for work on files (ffmpeg's input and
// output, generated demo clips), the tus upload directory. With blob-store.ts, the only code outside
// db/ and media/ that touches the disk (the lint rule layering/only-storage-touches-files).
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const SCRATCH = /^cliptide-[a-z]+-(\d+)-/;

/**
 * Runs `work` in a fresh private directory under the system's temp directory, removed afterwards.
 * The directory's name carries this process's id, so that one left by a killed process can be told
 * from one still in use (removeAbandonedScratchDirs).
 */
export async function withScratchDir<T>(name: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `cliptide-${name}-${process.pid}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes a stream (a blob's body) to a local file. */
export async function writeLocalFile(path: string, body: Readable, signal?: AbortSignal): Promise<void> {
  if (signal) await pipeline(body, createWriteStream(path), { signal });
  else await pipeline(body, createWriteStream(path));
}

/** A small local text file (a playlist ffmpeg wrote), as UTF-8. */
export const readLocalText = (path: string): Promise<string> => readFile(path, 'utf8');

/** Every file under `dir`, as slash-separated paths relative to it. */
export async function listLocalFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listLocalFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}

/** Removes local files; a missing one is not an error. */
export async function removeLocalFiles(...paths: string[]): Promise<void> {
  await Promise.all(paths.map((path) => rm(path, { force: true })));
}

/** Creates a directory (and its parents) unless it exists. */
export function ensureLocalDir(path: string): void {
  mkdirSync(path, { recursive: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes scratch directories whose process is gone (a job interrupted by a crash or a kill); returns their names. */
export async function removeAbandonedScratchDirs(root = tmpdir()): Promise<string[]> {
  const removed: string[] = [];
  for (const entry of await readdir(root, { withFileTypes: true })) {
    const pid = SCRATCH.exec(entry.name)?.[1];
    if (!entry.isDirectory() || !pid || Number(pid) === process.pid || isRunning(Number(pid))) continue;
    await rm(join(root, entry.name), { recursive: true, force: true });
    removed.push(entry.name);
  }
  return removed;
}

/**
 * Removes tus uploads (`<id>` and its record `<id>.json`) untouched for `olderThanMs`: uploads a
 * client abandoned. Returns how many were removed.
 */
export async function removeStaleUploads(dir: string, olderThanMs: number, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(dir)) {
    if (!name.endsWith('.json')) continue;
    const id = name.slice(0, -'.json'.length);
    const times = await Promise.all([join(dir, name), join(dir, id)].map((path) => stat(path).then((s) => s.mtimeMs, () => 0)));
    if (now - Math.max(...times) < olderThanMs) continue;
    await rm(join(dir, id), { force: true });
    await rm(join(dir, name), { force: true });
    removed++;
  }
  return removed;
}
