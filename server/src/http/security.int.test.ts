// Security headers, the cross-site request rule and the metrics token.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let fan: Session;
let video: string;
before(async () => {
  p = await startTestPlatform();
  fan = await signup(p);
  video = await publishedVideo(p, await signup(p));
});
after(() => p.stop());

const shares = async () => (await p.app.inject({ method: 'GET', url: `/api/v1/videos/${video}` })).json().video.counts.shares as number;

test('answers carry a strict CSP, frame-ancestors none, nosniff and a Referrer-Policy; HSTS only over HTTPS', async () => {
  const res = await p.app.inject({ method: 'GET', url: '/api/v1/health' });
  const csp = String(res.headers['content-security-policy']);
  assert.match(csp, /(^|;\s*)script-src 'self'(;|$)/, 'scripts only from our own files: no inline, no eval');
  assert.match(csp, /frame-ancestors 'none'/);
  assert.match(csp, /object-src 'none'/);
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.equal(res.headers['x-frame-options'], 'DENY');
  assert.equal(res.headers['referrer-policy'], 'same-origin');
  assert.equal(res.headers['strict-transport-security'], undefined);
  const https = await startTestPlatform({ COOKIE_SECURE: 'true' });
  try {
    const secure = await https.app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.match(String(secure.headers['strict-transport-security']), /max-age=31536000/);
  } finally {
    await https.stop();
  }
});

test('the API reference allows its own inline script by hash, nothing else inline', async () => {
  const res = await p.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(res.statusCode, 200);
  const inline = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/.exec(res.body)![1]!;
  const hash = createHash('sha256').update(inline).digest('base64');
  const scriptSrc = String(res.headers['content-security-policy']).split('; ').find((d) => d.startsWith('script-src '))!;
  assert.equal(scriptSrc, `script-src 'self' 'sha256-${hash}'`);
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
});

test('a state-changing request with a body type a form can send is refused, and changes nothing', async () => {
  const before = await shares();
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const res = await p.app.inject({ method: 'POST', url: `/api/v1/videos/${video}/shares`, headers: { cookie: fan.cookie, 'content-type': type }, payload: '{"channel":"link"}' });
    assert.equal(res.statusCode, 415, type);
    assert.equal(res.json().code, 'unsupported_media_type');
  }
  assert.equal(await shares(), before);
  const json = await p.app.inject({ method: 'POST', url: `/api/v1/videos/${video}/shares`, headers: { cookie: fan.cookie, 'content-type': 'application/json' }, payload: '{"channel":"link"}' });
  assert.equal(json.statusCode, 200);
});

test('a state-changing request from another origin is refused; the same origin is not', async () => {
  const like = (origin: string, app = p) =>
    app.app.inject({ method: 'PUT', url: `/api/v1/videos/${video}/like`, headers: { cookie: fan.cookie, origin, host: 'cliptide.example' } });
  const evil = await like('https://evil.example');
  assert.equal(evil.statusCode, 403);
  assert.equal(evil.json().code, 'forbidden');
  assert.equal((await like('null')).statusCode, 403, 'an opaque origin');
  assert.equal((await like('http://cliptide.example')).statusCode, 200, 'same host');
  const configured = await startTestPlatform({ PUBLIC_URL: 'https://clips.example.org/' });
  try {
    const s = await signup(configured);
    const v = await publishedVideo(configured, s);
    const put = (origin: string) => configured.app.inject({ method: 'PUT', url: `/api/v1/videos/${v}/like`, headers: { cookie: s.cookie, origin, host: 'clips.example.org' } });
    assert.equal((await put('http://clips.example.org')).statusCode, 403, 'PUBLIC_URL is https: the scheme counts');
    assert.equal((await put('https://clips.example.org')).statusCode, 200);
  } finally {
    await configured.stop();
  }
});

test('/metrics is served only with its bearer token', async () => {
  assert.equal((await p.app.inject({ method: 'GET', url: '/metrics' })).statusCode, 404, 'no METRICS_TOKEN: not served');
  const token = 'a-long-metrics-token-1234';
  const scraped = await startTestPlatform({ METRICS_TOKEN: token });
  try {
    const denied = await scraped.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong' } });
    assert.equal(denied.statusCode, 401);
    assert.equal(denied.json().code, 'unauthenticated');
    const ok = await scraped.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${token}` } });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /cliptide_http_request_duration_seconds_bucket/);
  } finally {
    await scraped.stop();
  }
});
