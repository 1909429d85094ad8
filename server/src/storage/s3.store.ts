// Blob store on an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, R2, ...).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { RangeNotSatisfiableError, assertByteRange, clampRange } from './blob-store.ts';
import type { BlobInfo, BlobStore, ByteRange } from './blob-store.ts';
import { contentTypeFor } from './content-type.ts';
import { assertBlobKey, assertBlobPrefix, assertFolder } from './keys.ts';

export interface S3StoreConfig {
  /** Custom endpoint for S3-compatible services; omit for AWS. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO and most self-hosted services). */
  forcePathStyle: boolean;
  /** Prepended to every key (`<prefix>/<key>`), to share a bucket. */
  prefix?: string;
  /** Keys listed (and deleted) per request in deletePrefix; 1000 (the S3 maximum) unless a test wants pages. */
  pageSize?: number;
}

const maxPageSize = 1000;

export function createS3Store(config: S3StoreConfig): BlobStore {
  const pageSize = config.pageSize ?? maxPageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > maxPageSize) {
    throw new RangeError(`pageSize must be an integer from 1 to ${maxPageSize}`);
  }
  const keyPrefix = config.prefix === undefined || config.prefix === '' ? '' : `${config.prefix.replace(/\/+$/, '')}/`;
  if (keyPrefix !== '') assertBlobPrefix(keyPrefix);
  const bucket = config.bucket;
  const client = new S3Client({
    ...(config.endpoint === undefined ? {} : { endpoint: config.endpoint }),
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    forcePathStyle: config.forcePathStyle,
    // Checksums only where the API demands them: many S3-compatible servers reject or mangle
    // the CRC32 trailers the SDK would otherwise add to every upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectKey = (key: string): string => keyPrefix + key;

  async function head(key: string): Promise<BlobInfo | null> {
    assertBlobKey(key);
    try {
      const object = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return {
        size: object.ContentLength ?? 0,
        contentType: object.ContentType ?? contentTypeFor(key),
        etag: object.ETag ?? '',
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  return {
    async putFile(key, localPath, contentType) {
      assertBlobKey(key);
      const { size } = await stat(localPath);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: createReadStream(localPath),
          ContentLength: size,
          ContentType: contentType,
        }),
      );
    },

    async putBytes(key, bytes, contentType) {
      assertBlobKey(key);
      const body = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: body,
          ContentLength: body.byteLength,
          ContentType: contentType,
        }),
      );
    },

    head,

    async get(key, range?: ByteRange) {
      assertBlobKey(key);
      if (range !== undefined) assertByteRange(range);
      try {
        const object = await client.send(
          new GetObjectCommand({
            Bucket: bucket,
            Key: objectKey(key),
            ...(range === undefined ? {} : { Range: `bytes=${range.start}-${range.end}` }),
          }),
        );
        if (!(object.Body instanceof Readable)) throw new Error('S3 GetObject returned no readable body');
        const body = object.Body;
        const contentType = object.ContentType ?? contentTypeFor(key);
        const etag = object.ETag ?? '';
        const length = object.ContentLength ?? 0;
        if (range === undefined) return { size: length, contentType, etag, body };
        // Some S3-compatible servers answer a range with more than was asked (the whole object, or
        // s3rver's `bytes=0-0`); trim to what the interface promises rather than trust them.
        const served = parseContentRange(object.ContentRange) ?? { range: { start: 0, end: length - 1 }, size: length };
        let wanted: ByteRange;
        try {
          wanted = clampRange(range, served.size);
        } catch (error) {
          body.destroy();
          throw error;
        }
        if (served.range.start > wanted.start || served.range.end < wanted.end) {
          body.destroy();
          throw new Error(`S3 GetObject for ${key} returned bytes ${served.range.start}-${served.range.end}, not ${wanted.start}-${wanted.end}`);
        }
        const exact = served.range.start === wanted.start && served.range.end === wanted.end;
        return {
          size: served.size,
          contentType,
          etag,
          range: wanted,
          body: exact ? body : Readable.from(sliceBytes(body, wanted.start - served.range.start, wanted.end - wanted.start + 1)),
        };
      } catch (error) {
        if (isNotFound(error)) return null;
        if (range !== undefined && statusOf(error) === 416) {
          const size = (await head(key))?.size ?? 0;
          throw new RangeNotSatisfiableError(range, size);
        }
        throw error;
      }
    },

    async copyPrefix(from, to) {
      assertFolder(from);
      assertFolder(to);
      let continuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: objectKey(from),
            MaxKeys: pageSize,
            ...(continuationToken === undefined ? {} : { ContinuationToken: continuationToken }),
          }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          const target = objectKey(to) + object.Key.slice(objectKey(from).length);
          await client.send(
            new CopyObjectCommand({ Bucket: bucket, Key: target, CopySource: `${bucket}/${encodeURIComponent(object.Key).replaceAll('%2F', '/')}`, MetadataDirective: 'COPY' }),
          );
        }
        continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (continuationToken !== undefined);
    },

    async deletePrefix(prefix) {
      assertBlobPrefix(prefix);
      let continuationToken: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: objectKey(prefix),
            MaxKeys: pageSize,
            ...(continuationToken === undefined ? {} : { ContinuationToken: continuationToken }),
          }),
        );
        const objects = (page.Contents ?? []).flatMap((object) => (object.Key === undefined ? [] : [{ Key: object.Key }]));
        if (objects.length > 0) {
          const deleted = await client.send(
            new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: objects, Quiet: true } }),
          );
          const failure = deleted.Errors?.[0];
          if (failure !== undefined) {
            throw new Error(`S3 could not delete ${failure.Key ?? '?'}: ${failure.Code ?? ''} ${failure.Message ?? ''}`);
          }
        }
        continuationToken = page.IsTruncated === true ? page.NextContinuationToken : undefined;
      } while (continuationToken !== undefined);
    },
  };
}

/** `bytes 0-99/1234` → the range and the whole size; null for anything else. */
export function parseContentRange(header: string | undefined): { range: ByteRange; size: number } | null {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? '');
  if (match === null) return null;
  const [, start, end, size] = match;
  return { range: { start: Number(start), end: Number(end) }, size: Number(size) };
}

/** The `take` bytes of `source` after the first `skip`; stops (and destroys) the source once done. */
async function* sliceBytes(source: Readable, skip: number, take: number): AsyncGenerator<Buffer> {
  let toSkip = skip;
  let toTake = take;
  for await (const chunk of source) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    if (toSkip >= bytes.length) {
      toSkip -= bytes.length;
      continue;
    }
    const rest = bytes.subarray(toSkip);
    toSkip = 0;
    if (rest.length >= toTake) {
      yield rest.subarray(0, toTake);
      return;
    }
    toTake -= rest.length;
    yield rest;
  }
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof S3ServiceException) return error.$metadata.httpStatusCode;
  return undefined;
}

function isNotFound(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  if (error.name === 'NotFound' || error.name === 'NoSuchKey') return true;
  // A missing bucket is a configuration fault, not a missing blob.
  return error.$metadata.httpStatusCode === 404 && error.name !== 'NoSuchBucket';
}
