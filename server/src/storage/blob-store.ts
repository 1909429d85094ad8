// One interface for media blobs; adapters: local directory (default) and S3-compatible.
// Keys are slash-separated relative paths such as `videos/<id>/master.m3u8`; never absolute, never `..`.
import type { Readable } from 'node:stream';

export interface ByteRange {
  start: number; // inclusive
  end: number; // inclusive
}

export interface BlobInfo {
  size: number;
  contentType: string;
  etag: string;
}

export interface BlobRead extends BlobInfo {
  body: Readable;
}

export interface BlobStore {
  /** Store a local file under `key` (overwrites). */
  putFile(key: string, localPath: string, contentType: string): Promise<void>;
  /** Store an in-memory value under `key` (overwrites). */
  putBytes(key: string, bytes: Uint8Array | string, contentType: string): Promise<void>;
  /** Metadata, or null when the key does not exist. */
  head(key: string): Promise<BlobInfo | null>;
  /** Stream the blob (or one byte range of it); null when the key does not exist. */
  get(key: string, range?: ByteRange): Promise<BlobRead | null>;
  /** Delete every key that starts with `prefix` (e.g. `videos/<id>/`). */
  deletePrefix(prefix: string): Promise<void>;
}
