// Local working files that are not blobs: scratch directories for work on files (ffmpeg's input and
// output, generated demo clips), the tus upload directory. With blob-store.ts, the only code outside
// db/ and media/ that touches the disk (the lint rule layering/only-storage-touches-files).
import { createWriteStream, mkdirSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Runs `work` in a fresh private directory under the system's temp directory, removed afterwards. */
export async function withScratchDir<T>(name: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), `cliptide-${name}-`));
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
