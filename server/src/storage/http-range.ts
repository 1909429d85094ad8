// Pure helpers for serving a blob over HTTP: Range (RFC 9110 §14), conditional requests and caching.
import type { ByteRange } from './blob-store.ts';

export type ParsedRange = { kind: 'full' } | { kind: 'partial'; range: ByteRange } | { kind: 'unsatisfiable' };

const full: ParsedRange = { kind: 'full' };

/**
 * Interpret a Range header against a blob of `size` bytes. One range (`bytes=a-b`, `bytes=a-`,
 * `bytes=-n`) is served as 206; several ranges are served whole (no multipart/byteranges); a header
 * that does not parse, or another unit, is ignored (200 with the whole blob), as RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): ParsedRange {
  if (header === undefined) return full;
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (match === null) return full;
  const specs = (match[1] ?? '').split(',').map((spec) => spec.trim()).filter((spec) => spec !== '');
  if (specs.length !== 1) return full;
  const spec = /^(\d*)\s*-\s*(\d*)$/.exec(specs[0] ?? '');
  if (spec === null) return full;
  const [, first = '', last = ''] = spec;
  if (first === '' && last === '') return full;

  if (first === '') {
    // Suffix range: the last n bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return full;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', range: { start, end: Math.min(end, size - 1) } };
}

export interface RangeResponse {
  status: 200 | 206 | 416;
  headers: Record<string, string>;
  /** The bytes to send for a 206. */
  range?: ByteRange;
}

/** Status and Content-Range / Content-Length headers for a parsed range over a blob of `size` bytes. */
export function rangeResponseHeaders(parsed: ParsedRange, size: number): RangeResponse {
  switch (parsed.kind) {
    case 'full':
      return { status: 200, headers: { 'Content-Length': String(size) } };
    case 'partial': {
      const { start, end } = parsed.range;
      return {
        status: 206,
        headers: { 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) },
        range: parsed.range,
      };
    }
    case 'unsatisfiable':
      return { status: 416, headers: { 'Content-Range': `bytes */${size}` } };
  }
}

/** Who may cache a response: shared caches and CDNs (`public`) or only the user's browser (`private`). */
export type Audience = 'public' | 'private';

export interface CachePolicy {
  /** Never changes under its key: HLS segments, init segments, posters, a versioned master playlist. */
  immutable: boolean;
  audience: Audience;
  /** Freshness for mutable content; 0 (the default) makes caches revalidate with the ETag every time. */
  maxAgeSeconds?: number;
}

const oneYear = 31_536_000;

/** Cache-Control, ETag and Accept-Ranges for a blob response (200, 206 or 304). */
export function cacheHeaders(etag: string, policy: CachePolicy): Record<string, string> {
  // what only some may see is kept by no cache, not even the browser's disk: a viewer who loses access
  // (the video turns private, a follower unfollows) cannot replay it from a copy
  if (policy.audience === 'private') return { 'Cache-Control': 'private, no-store', ETag: etag, 'Accept-Ranges': 'bytes' };
  const maxAge = policy.maxAgeSeconds ?? 0;
  const freshness = policy.immutable
    ? `max-age=${oneYear}, immutable`
    : maxAge > 0
      ? `max-age=${Math.floor(maxAge)}`
      : 'no-cache';
  return {
    'Cache-Control': `${policy.audience}, ${freshness}`,
    ETag: etag,
    'Accept-Ranges': 'bytes',
  };
}

/** Whether an If-None-Match header matches `etag` (weak comparison, `*`, lists), i.e. answer 304. */
export function isNotModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined || etag === '') return false;
  const header = ifNoneMatch.trim();
  if (header === '*') return true;
  const wanted = opaqueTag(etag);
  return entityTags(header).some((tag) => opaqueTag(tag) === wanted);
}

/**
 * Whether a Range header may be honoured given If-Range: absent, or a strong match of the current
 * ETag. A date or a weak tag never matches, so the client gets the whole (changed) blob.
 */
export function rangeApplies(ifRange: string | undefined, etag: string): boolean {
  if (ifRange === undefined) return true;
  const tag = ifRange.trim();
  return !tag.startsWith('W/') && !etag.startsWith('W/') && tag === quoted(etag);
}

function entityTags(header: string): string[] {
  return header.match(/(?:W\/)?"[^"]*"/g) ?? [];
}

function opaqueTag(tag: string): string {
  return quoted(tag.startsWith('W/') ? tag.slice(2) : tag);
}

function quoted(tag: string): string {
  return tag.startsWith('"') ? tag : `"${tag}"`;
}
