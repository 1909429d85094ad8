import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

test('sign up sets an HttpOnly SameSite session cookie and /me answers', async () => {
  const res = await api(p, 'POST', '/api/v1/auth/signup', {
    body: { username: 'maya', email: 'maya@example.test', password: 'long enough pw', birthdate: '2000-02-29', displayName: 'Maya' },
  });
  assert.equal(res.statusCode, 201);
  const cookie = String(res.headers['set-cookie']);
  assert.match(cookie, /cliptide_session=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Lax/);
  const me = await api(p, 'GET', '/api/v1/me', { as: { cookie: cookie.split(';')[0]!, id: '', username: '' } });
  assert.equal(me.statusCode, 200);
  const user = me.json().user;
  assert.equal(user.username, 'maya');
  assert.equal(user.homeRegion, 'default');
  assert.equal(user.isMinor, false);
  assert.equal(user.birthdate, '2000-02-29');
  assert.equal('password_hash' in user || 'passwordHash' in user, false);
});

test('under-13s are refused with a clear problem', async () => {
  const today = new Date();
  const birthdate = `${today.getUTCFullYear() - 12}-01-01`;
  const res = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'kiddo', email: 'k@example.test', password: 'long enough pw', birthdate } });
  assert.equal(res.statusCode, 422);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(res.json().code, 'too_young');
  const login = await api(p, 'POST', '/api/v1/auth/login', { body: { login: 'kiddo', password: 'long enough pw' } });
  assert.equal(login.statusCode, 401, 'no account was created');
  const future = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'timetraveller', email: 't@example.test', password: 'long enough pw', birthdate: `${today.getUTCFullYear() + 1}-01-01` } });
  assert.equal(future.json().code, 'validation_failed');
  assert.match(future.json().detail, /in the future/);
});

test('a 15-year-old is a minor', async () => {
  const birthdate = `${new Date().getUTCFullYear() - 15}-01-01`;
  const s = await signup(p, 'teen15', birthdate);
  const me = await api(p, 'GET', '/api/v1/me', { as: s });
  assert.equal(me.json().user.isMinor, true);
});

test('duplicate usernames and emails are refused, case-insensitively', async () => {
  await signup(p, 'leo');
  const dupName = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'LEO', email: 'other@example.test', password: 'long enough pw', birthdate: '1990-01-01' } });
  assert.equal(dupName.json().code, 'username_taken');
  const dupMail = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'leo2', email: 'LEO@example.test', password: 'long enough pw', birthdate: '1990-01-01' } });
  assert.equal(dupMail.json().code, 'email_taken');
});

test('malformed input gets validation_failed with the fields named', async () => {
  const res = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'x', email: 'nope', password: 'short', birthdate: '31/12/2000' } });
  assert.equal(res.statusCode, 400);
  const body = res.json();
  assert.equal(body.code, 'validation_failed');
  const paths = body.issues.map((i: { path: string }) => i.path).sort();
  assert.deepEqual(paths, ['body.birthdate', 'body.email', 'body.password', 'body.username']);
  const notJson = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{oops' });
  assert.equal(notJson.statusCode, 400);
  assert.equal(notJson.json().code, 'validation_failed');
});

test('a malformed path, an over-long one or a NUL byte is a 400 problem, never a 500', async () => {
  for (const url of ['/api/v1/users/%E0%A4%A', `/api/v1/users/${'a'.repeat(300)}`, '/api/v1/users/%00', '/api/v1/hashtags/%00', '/api/v1/search?q=%00']) {
    const res = await api(p, 'GET', url);
    assert.ok(res.statusCode === 400 || res.statusCode === 404, `${url}: ${res.statusCode}`);
    assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8', url);
  }
  const nul = await api(p, 'GET', '/api/v1/users/%00');
  assert.equal(nul.json().code, 'validation_failed');
});

test('log in by username or email, log out ends the session', async () => {
  await signup(p, 'nora');
  const wrong = await api(p, 'POST', '/api/v1/auth/login', { body: { login: 'nora', password: 'wrong password' } });
  assert.equal(wrong.json().code, 'invalid_credentials');
  const ok = await api(p, 'POST', '/api/v1/auth/login', { body: { login: 'nora@example.test', password: 'correct horse battery' } });
  assert.equal(ok.statusCode, 200);
  const session = { cookie: String(ok.headers['set-cookie']).split(';')[0]!, id: '', username: 'nora' };
  assert.equal((await api(p, 'GET', '/api/v1/me', { as: session })).statusCode, 200);
  assert.equal((await api(p, 'POST', '/api/v1/auth/logout', { as: session })).statusCode, 204);
  const after = await api(p, 'GET', '/api/v1/me', { as: session });
  assert.equal(after.statusCode, 401);
  assert.equal(after.json().code, 'unauthenticated');
});

test('profile edits, avatar upload and the public profile', async () => {
  const s = await signup(p, 'sam');
  const patched = await api(p, 'PATCH', '/api/v1/me', { as: s, body: { displayName: 'Sam Retro', bio: 'Bars and tone' } });
  assert.equal(patched.json().user.bio, 'Bars and tone');
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8a713fa1f00062a027fa33a8c2b0000000049454e44ae426082', 'hex');
  const avatar = await p.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: { cookie: s.cookie, 'content-type': 'image/png' }, payload: png });
  assert.equal(avatar.statusCode, 200, avatar.body);
  const url = avatar.json().user.avatarUrl as string;
  assert.match(url, /^\/media\/avatars\/.+\.png$/);
  const served = await p.app.inject({ method: 'GET', url });
  assert.equal(served.statusCode, 200);
  assert.equal(served.headers['content-type'], 'image/png');
  assert.deepEqual([...served.rawPayload.subarray(0, 8)], [...png.subarray(0, 8)], 'a PNG (re-encoded: see avatar.int.test.ts)');
  const fake = await p.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: { cookie: s.cookie, 'content-type': 'image/png' }, payload: Buffer.from('not an image') });
  assert.equal(fake.statusCode, 400);
  const profile = await api(p, 'GET', '/api/v1/users/SAM');
  assert.equal(profile.json().user.displayName, 'Sam Retro');
  assert.equal(profile.json().user.avatarUrl, url);
  assert.equal('email' in profile.json().user, false, 'no personal data on public profiles');
  assert.equal((await api(p, 'GET', '/api/v1/users/nobody-here')).statusCode, 404);
});

test('auth endpoints are rate limited', async () => {
  const limited = await startTestPlatform({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
  try {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push((await api(limited, 'POST', '/api/v1/auth/login', { body: { login: 'ghost', password: 'whatever12' } })).statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
    const res = await api(limited, 'POST', '/api/v1/auth/login', { body: { login: 'ghost', password: 'whatever12' } });
    assert.equal(res.json().code, 'rate_limited');
  } finally {
    await limited.stop();
  }
});

test('the OpenAPI document lists the routes, and unknown routes get problem+json', async () => {
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json();
  assert.equal(doc.openapi, '3.1.0');
  for (const path of ['/api/v1/auth/signup', '/api/v1/videos', '/api/v1/videos/{id}', '/api/v1/feed/foryou', '/api/v1/search']) {
    assert.ok(doc.paths[path], `${path} documented`);
  }
  assert.ok(doc.paths['/api/v1/auth/signup'].post.requestBody.content['application/json'].schema.properties.birthdate);
  const missing = await api(p, 'GET', '/api/v1/nope');
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().code, 'not_found');
});
