// Request bodies an anonymous client could use to hold the event loop are refused before parsing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { JSON_BODY_LIMIT, MAX_JSON_DEPTH } from './json-body.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

const login = (payload: string) => p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload });

test('a deeply nested JSON body is refused by its depth, before it is parsed', async () => {
  const depth = 5_000;
  const res = await login(`{"login":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`);
  assert.equal(res.statusCode, 400);
  assert.equal(res.json().code, 'validation_failed');
  assert.deepEqual(res.json().issues, [{ path: 'body', message: `nests more than ${MAX_JSON_DEPTH} levels deep` }]);
});

test('a JSON body past the size limit is refused as too large, whatever is in it', async () => {
  const res = await login(`{"login":"${'a'.repeat(JSON_BODY_LIMIT)}","password":"x"}`);
  assert.equal(res.statusCode, 413);
  assert.equal(res.json().code, 'payload_too_large');
  const nested = await login('['.repeat(6 * 1024 * 1024));
  assert.equal(nested.statusCode, 413, 'the 6 MB nested body of the audit is refused by its size');
});

test('the avatar route keeps its own, larger limit', async () => {
  const s = await signup(p);
  const big = Buffer.alloc(JSON_BODY_LIMIT * 4, 1);
  const res = await p.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: { cookie: s.cookie, 'content-type': 'image/png' }, payload: big });
  assert.equal(res.statusCode, 400, 'read and refused as not an image, not as too large');
});
