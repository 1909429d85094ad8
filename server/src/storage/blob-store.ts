// One interface for media blobs; adapters: local directory (default) and S3-compatible.
// Keys are slash-separated relative paths such as `videos/<id>/master.m3u8`; never absolute, never `..`
// (see keys.ts; every method throws InvalidBlobKeyError for a bad key).
import type { Readable } from 'node:stream';

export interface ByteRange {
  start: number; // inclusive
  end: number; // inclusive
}

export interface BlobInfo {
  /** Size of the whole blob in bytes, also when only a range is read. */
  size: number;
  contentType: string;
  /** Quoted entity tag, ready for the ETag header (`"..."`). */
  etag: string;
}

export interface BlobRead extends BlobInfo {
  body: Readable;
  /** The bytes `body` yields when a range was asked for: the range with `end` clamped to the blob. */
  range?: ByteRange;
}

export interface BlobStore {
  /** Store a local file under `key` (overwrites). */
  putFile(key: string, localPath: string, contentType: string): Promise<void>;
  /** Store an in-memory value under `key` (overwrites). */
  putBytes(key: string, bytes: Uint8Array | string, contentType: string): Promise<void>;
  /** Metadata, or null when the key does not exist. */
  head(key: string): Promise<BlobInfo | null>;
  /**
   * Stream the blob (or one byte range of it); null when the key does not exist.
   * A range that starts at or past the end of the blob throws RangeNotSatisfiableError
   * (use http-range.ts `parseRange` with `head` first to answer 416 without it).
   */
  get(key: string, range?: ByteRange): Promise<BlobRead | null>;
  /** Delete every key that starts with `prefix` (e.g. `videos/<id>/`). */
  deletePrefix(prefix: string): Promise<void>;
  /**
   * Copy every blob under the folder `from` (ending in '/') to the same name under `to`, with its
   * content type; `from` is left as it is.
   */
  copyPrefix(from: string, to: string): Promise<void>;
}

export class RangeNotSatisfiableError extends Error {
  override readonly name = 'RangeNotSatisfiableError';
  constructor(
    readonly range: ByteRange,
    readonly size: number,
  ) {
    super(`range ${range.start}-${range.end} not satisfiable for a blob of ${size} bytes`);
  }
}

/** Throws RangeError for a range that is not two ordered non-negative integers. */
export function assertByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new RangeError(`invalid byte range ${start}-${end}`);
  }
}

/** The range clamped to a blob of `size` bytes; throws when it starts past the end. */
export function clampRange(range: ByteRange, size: number): ByteRange {
  assertByteRange(range);
  if (range.start >= size) throw new RangeNotSatisfiableError(range, size);
  return { start: range.start, end: Math.min(range.end, size - 1) };
}
