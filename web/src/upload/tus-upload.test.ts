import { test } from 'node:test';
import assert from 'node:assert/strict';
import { refusalOf } from './tus-upload.ts';

const failed = (status: number, body: string): Error =>
  Object.assign(new Error('tus: unexpected response'), {
    originalResponse: { getStatus: () => status, getBody: () => body, getHeader: () => undefined, getUnderlyingObject: () => null },
  });

test('a refusal by the server is told in its own words', () => {
  const body = JSON.stringify({ status: 413, code: 'payload_too_large', detail: 'The file is larger than the upload limit of 500 MB' });
  assert.equal(refusalOf(failed(413, body)), 'The file is larger than the upload limit of 500 MB');
});

test('an interruption, a server error or a locked upload can resume', () => {
  assert.equal(refusalOf(new Error('network down')), null);
  assert.equal(refusalOf(failed(500, '{"detail":"boom"}')), null);
  assert.equal(refusalOf(failed(423, '{"detail":"locked"}')), null);
  assert.equal(refusalOf(failed(400, 'not json')), null);
});
