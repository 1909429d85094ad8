// Blob storage: one interface (blob-store.ts), a local and an S3-compatible adapter, and the pure
// helpers the HTTP layer uses to serve blobs with ranges and caching.
import type { BlobStore } from './blob-store.ts';
import { createLocalStore } from './local.store.ts';
import type { LocalStoreConfig } from './local.store.ts';
import { createS3Store } from './s3.store.ts';
import type { S3StoreConfig } from './s3.store.ts';

export type { BlobInfo, BlobRead, BlobStore, ByteRange } from './blob-store.ts';
export { RangeNotSatisfiableError, assertByteRange, clampRange } from './blob-store.ts';
export { contentTypeFor, defaultContentType } from './content-type.ts';
export { InvalidBlobKeyError, assertBlobKey, assertBlobPrefix, blobKeyProblem } from './keys.ts';
export { createLocalStore } from './local.store.ts';
export type { LocalStoreConfig } from './local.store.ts';
export { createS3Store } from './s3.store.ts';
export type { S3StoreConfig } from './s3.store.ts';
export { cacheHeaders, isNotModified, parseRange, rangeApplies, rangeResponseHeaders } from './http-range.ts';
export type { Audience, CachePolicy, ParsedRange, RangeResponse } from './http-range.ts';

export type BlobStoreConfig = ({ kind: 'local' } & LocalStoreConfig) | ({ kind: 's3' } & S3StoreConfig);

export function createBlobStore(config: BlobStoreConfig): BlobStore {
  switch (config.kind) {
    case 'local':
      return createLocalStore({ root: config.root });
    case 's3': {
      const { kind: _kind, ...s3 } = config;
      return createS3Store(s3);
    }
  }
}
