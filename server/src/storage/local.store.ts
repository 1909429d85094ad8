// Blob store on a local directory: `<root>/<key>` holds the bytes.
// A content type that differs from the one the extension implies is kept in a sidecar,
// `<root>/.meta/<key>.json`; keys never start a segment with '.', so neither the sidecar tree
// nor the temp files (`.<name>.<uuid>.tmp`) can collide with a blob.
import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { copyFile, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { BigIntStats } from 'node:fs';
import { clampRange } from './blob-store.ts';
import type { BlobInfo, BlobRead, BlobStore, ByteRange } from './blob-store.ts';
import { contentTypeFor } from './content-type.ts';
import { assertBlobKey, assertBlobPrefix, assertFolder } from './keys.ts';

export interface LocalStoreConfig {
  /** Directory that holds the blobs; created on first write. */
  root: string;
}

const metaDir = '.meta';

interface Sidecar {
  contentType: string;
}

export function createLocalStore(config: LocalStoreConfig): BlobStore {
  const root = resolve(config.root);
  const blobPath = (key: string): string => join(root, ...key.split('/'));
  const sidecarPath = (key: string): string => `${join(root, metaDir, ...key.split('/'))}.json`;

  async function readContentType(key: string): Promise<string> {
    try {
      const sidecar = JSON.parse(await readFile(sidecarPath(key), 'utf8')) as Partial<Sidecar>;
      if (typeof sidecar.contentType === 'string' && sidecar.contentType !== '') return sidecar.contentType;
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
    return contentTypeFor(key);
  }

  /** Record the content type (sidecar only when the extension does not already imply it). */
  async function writeContentType(key: string, contentType: string): Promise<void> {
    if (contentType === contentTypeFor(key)) {
      await rm(sidecarPath(key), { force: true });
      return;
    }
    const sidecar: Sidecar = { contentType };
    await replaceFile(sidecarPath(key), (tempPath) => writeSynced(tempPath, JSON.stringify(sidecar)));
  }

  /**
   * Store a blob: content type first, then the bytes, each written to a temp file in the target
   * directory, flushed and renamed into place, so readers see the old blob or the new one, never
   * part of one.
   */
  async function put(key: string, contentType: string, fill: (tempPath: string) => Promise<void>): Promise<void> {
    assertBlobKey(key);
    await writeContentType(key, contentType);
    await replaceFile(blobPath(key), fill);
  }

  async function info(key: string, stats: BigIntStats): Promise<BlobInfo> {
    return { size: Number(stats.size), contentType: await readContentType(key), etag: etagOf(stats) };
  }

  return {
    async putFile(key, localPath, contentType) {
      await put(key, contentType, async (tempPath) => {
        await copyFile(localPath, tempPath);
        const handle = await open(tempPath, 'r+');
        try {
          await handle.sync();
        } finally {
          await handle.close();
        }
      });
    },

    async putBytes(key, bytes, contentType) {
      await put(key, contentType, (tempPath) => writeSynced(tempPath, bytes));
    },

    async head(key) {
      assertBlobKey(key);
      const opened = await openBlob(blobPath(key));
      if (opened === null) return null;
      try {
        return await info(key, opened.stats);
      } finally {
        await opened.handle.close();
      }
    },

    async get(key, range?: ByteRange): Promise<BlobRead | null> {
      assertBlobKey(key);
      // Stat and stream the same open file, so a concurrent overwrite (a rename) cannot mix two blobs.
      const opened = await openBlob(blobPath(key));
      if (opened === null) return null;
      const { handle, stats } = opened;
      try {
        const blob = await info(key, stats);
        if (range === undefined) return { ...blob, body: handle.createReadStream() };
        const served = clampRange(range, blob.size);
        return { ...blob, range: served, body: handle.createReadStream({ start: served.start, end: served.end }) };
      } catch (error) {
        await handle.close();
        throw error;
      }
    },

    async copyPrefix(from, to) {
      assertFolder(from);
      assertFolder(to);
      const dir = blobPath(from.slice(0, -1));
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { recursive: true, withFileTypes: true });
      } catch (error) {
        if (isMissing(error)) return;
        throw error;
      }
      for (const entry of entries) {
        if (!entry.isFile() || entry.name.startsWith('.')) continue;
        const rel = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
        const source = blobPath(`${from}${rel}`);
        await put(`${to}${rel}`, await readContentType(`${from}${rel}`), (tempPath) => copyFile(source, tempPath));
      }
    },

    async deletePrefix(prefix) {
      assertBlobPrefix(prefix);
      const cut = prefix.lastIndexOf('/');
      const dirSegments = cut < 0 ? [] : prefix.slice(0, cut).split('/');
      const namePrefix = prefix.slice(cut + 1);
      await deleteEntries(join(root, ...dirSegments), namePrefix, (entry) => entry.name);
      await deleteEntries(join(root, metaDir, ...dirSegments), namePrefix, (entry) =>
        entry.isFile() && entry.name.endsWith('.json') ? entry.name.slice(0, -'.json'.length) : entry.name,
      );
    },
  };
}

/** Remove every entry of `dir` whose key name starts with `namePrefix` (all of `dir` when it is empty). */
async function deleteEntries(dir: string, namePrefix: string, keyName: (entry: Dirent) => string): Promise<void> {
  if (namePrefix === '') {
    await rm(dir, { recursive: true, force: true });
    return;
  }
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    if (isMissing(error)) return;
    throw error;
  }
  await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith('.') && keyName(entry).startsWith(namePrefix))
      .map((entry) => rm(join(dir, entry.name), { recursive: true, force: true })),
  );
}

async function writeSynced(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Let `fill` write a temp file next to `path`, then rename it over `path`; the temp file never outlives a failure. */
async function replaceFile(path: string, fill: (tempPath: string) => Promise<void>): Promise<void> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true });
  const tempPath = join(dir, `.${path.slice(dir.length + 1)}.${randomUUID()}.tmp`);
  try {
    await fill(tempPath);
    await rename(tempPath, path);
  } catch (error) {
    await rm(tempPath, { force: true });
    throw error;
  }
}

/** The open file at `path` with its stats, or null when there is no regular file there. */
async function openBlob(path: string): Promise<{ handle: FileHandle; stats: BigIntStats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error) || hasCode(error, 'EISDIR')) return null;
    throw error;
  }
  try {
    const stats = await handle.stat({ bigint: true });
    if (stats.isFile()) return { handle, stats };
  } catch (error) {
    await handle.close();
    throw error;
  }
  await handle.close();
  return null;
}

/** Size, modification time (ns) and inode: a rename of a new file over the key always changes it. */
function etagOf(stats: BigIntStats): string {
  return `"${stats.size.toString(36)}-${stats.mtimeNs.toString(36)}-${stats.ino.toString(36)}"`;
}

function isMissing(error: unknown): boolean {
  return hasCode(error, 'ENOENT') || hasCode(error, 'ENOTDIR');
}

function hasCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
