// Writes and search are limited per signed-in account and per client address.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { publishedVideo, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform({ RATE_LIMIT_WRITE_PER_MINUTE: '3', RATE_LIMIT_SEARCH_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' });
});
after(() => p.stop());

test('an account is limited whatever address it writes from; another account is not', async () => {
  const author = await signup(p);
  const fan = await signup(p);
  const other = await signup(p);
  const video = await publishedVideo(p, author);
  const like = (who: { cookie: string }, from: string) =>
    p.app.inject({ method: 'PUT', url: `/api/v1/videos/${video}/like`, headers: { cookie: who.cookie, 'x-forwarded-for': from } });
  const codes = [];
  for (let i = 0; i < 4; i++) codes.push((await like(fan, `198.51.100.${i}`)).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 429]);
  const refused = await like(fan, '198.51.100.99');
  assert.equal(refused.json().code, 'rate_limited');
  assert.match(String(refused.headers['retry-after']), /^\d+$/);
  assert.equal((await like(other, '198.51.100.0')).statusCode, 200);
});

test('anonymous writes and search are limited per address', async () => {
  const author = await signup(p);
  const video = await publishedVideo(p, author);
  const share = (from: string) => p.app.inject({ method: 'POST', url: `/api/v1/videos/${video}/shares`, headers: { 'x-forwarded-for': from }, payload: {} });
  const codes = [];
  // per address: four times the per-account figure
  for (let i = 0; i < 13; i++) codes.push((await share('203.0.113.9')).statusCode);
  assert.deepEqual(codes, [...Array(12).fill(200), 429]);
  assert.equal((await share('203.0.113.10')).statusCode, 200);
  const search = async () => (await p.app.inject({ method: 'GET', url: '/api/v1/search?q=cats', headers: { 'x-forwarded-for': '203.0.113.20' } })).statusCode;
  const searches = [];
  for (let i = 0; i < 9; i++) searches.push(await search());
  assert.deepEqual(searches, [...Array(8).fill(200), 429]);
});
