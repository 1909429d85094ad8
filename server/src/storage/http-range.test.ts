import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cacheHeaders, isNotModified, parseRange, rangeApplies, rangeResponseHeaders } from './http-range.ts';

const partial = (start: number, end: number) => ({ kind: 'partial', range: { start, end } }) as const;

test('parseRange: no header, another unit or malformed specs serve the whole blob', () => {
  for (const header of [undefined, '', 'items=0-1', 'bytes', 'bytes=', 'bytes=-', 'bytes=a-b', 'bytes=1-2-3', 'bytes=5-4', 'bytes=0x1-2', 'bytes=-1.5']) {
    assert.deepEqual(parseRange(header, 100), { kind: 'full' }, String(header));
  }
});

test('parseRange: first-last and open-ended ranges, clamped to the blob', () => {
  assert.deepEqual(parseRange('bytes=0-0', 100), partial(0, 0));
  assert.deepEqual(parseRange('bytes=10-19', 100), partial(10, 19));
  assert.deepEqual(parseRange('bytes=10-', 100), partial(10, 99));
  assert.deepEqual(parseRange('bytes=90-1000', 100), partial(90, 99));
  assert.deepEqual(parseRange('bytes=99-99', 100), partial(99, 99));
  assert.deepEqual(parseRange('Bytes = 1-2 ', 100), partial(1, 2));
  assert.deepEqual(parseRange('bytes=0-99999999999999999999999', 100), partial(0, 99));
});

test('parseRange: suffix ranges take the last n bytes', () => {
  assert.deepEqual(parseRange('bytes=-10', 100), partial(90, 99));
  assert.deepEqual(parseRange('bytes=-100', 100), partial(0, 99));
  assert.deepEqual(parseRange('bytes=-500', 100), partial(0, 99));
  assert.deepEqual(parseRange('bytes=-1', 1), partial(0, 0));
});

test('parseRange: ranges past the end, empty suffixes and empty blobs are unsatisfiable', () => {
  for (const [header, size] of [['bytes=100-', 100], ['bytes=100-200', 100], ['bytes=-0', 100], ['bytes=0-', 0], ['bytes=-5', 0], ['bytes=99999999999999999999-', 100]] as const) {
    assert.deepEqual(parseRange(header, size), { kind: 'unsatisfiable' }, `${header} of ${size}`);
  }
});

test('parseRange: several ranges are served whole', () => {
  assert.deepEqual(parseRange('bytes=0-1,5-6', 100), { kind: 'full' });
  assert.deepEqual(parseRange('bytes=0-1, -5', 100), { kind: 'full' });
  // An empty list element is not a second range.
  assert.deepEqual(parseRange('bytes=0-1,', 100), partial(0, 1));
});

test('rangeResponseHeaders: status, Content-Range and Content-Length', () => {
  assert.deepEqual(rangeResponseHeaders({ kind: 'full' }, 100), { status: 200, headers: { 'Content-Length': '100' } });
  assert.deepEqual(rangeResponseHeaders(partial(10, 19), 100), {
    status: 206,
    headers: { 'Content-Range': 'bytes 10-19/100', 'Content-Length': '10' },
    range: { start: 10, end: 19 },
  });
  assert.deepEqual(rangeResponseHeaders({ kind: 'unsatisfiable' }, 100), { status: 416, headers: { 'Content-Range': 'bytes */100' } });
});

test('cacheHeaders: immutable media for a year, mutable content revalidates', () => {
  assert.deepEqual(cacheHeaders('"abc"', { immutable: true, audience: 'public' }), {
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: '"abc"',
    'Accept-Ranges': 'bytes',
  });
  assert.equal(cacheHeaders('"abc"', { immutable: true, audience: 'private' })['Cache-Control'], 'private, no-store', 'non-public media is kept by no cache');
  assert.equal(cacheHeaders('"abc"', { immutable: false, audience: 'public' })['Cache-Control'], 'public, no-cache');
  assert.equal(cacheHeaders('"abc"', { immutable: false, audience: 'private', maxAgeSeconds: 30 })['Cache-Control'], 'private, no-store');
});

test('isNotModified: weak comparison over a list, and *', () => {
  assert.equal(isNotModified(undefined, '"a"'), false);
  assert.equal(isNotModified('"a"', '"a"'), true);
  assert.equal(isNotModified('W/"a"', '"a"'), true);
  assert.equal(isNotModified('"a"', 'W/"a"'), true);
  assert.equal(isNotModified('"x", W/"a" ,"y"', '"a"'), true);
  assert.equal(isNotModified('"x", "y"', '"a"'), false);
  assert.equal(isNotModified('"ab"', '"a"'), false);
  assert.equal(isNotModified('*', '"a"'), true);
  assert.equal(isNotModified('garbage', '"a"'), false);
  assert.equal(isNotModified('"a"', ''), false);
});

test('rangeApplies: only without If-Range or with a strong match', () => {
  assert.equal(rangeApplies(undefined, '"a"'), true);
  assert.equal(rangeApplies('"a"', '"a"'), true);
  assert.equal(rangeApplies('"b"', '"a"'), false);
  assert.equal(rangeApplies('W/"a"', '"a"'), false);
  assert.equal(rangeApplies('Sat, 28 Nov 2026 12:00:00 GMT', '"a"'), false);
});
