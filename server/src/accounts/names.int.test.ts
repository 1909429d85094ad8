// Names that deceive: display names with text-direction controls or nothing visible, and usernames
// that look like an existing one.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { createAccountRepository } from './account.repository.ts';
import { usernameSkeleton } from './confusables.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

const signupAs = (username: string, displayName?: string) =>
  api(p, 'POST', '/api/v1/auth/signup', { body: { username, email: `${username}@example.test`, password: 'correct horse battery', birthdate: '1990-01-01', ...(displayName !== undefined ? { displayName } : {}) } });

test('display names with text-direction controls or nothing visible are refused', async () => {
  const me = await signup(p);
  for (const name of ['admin\u202Egnp.exe', 'ok\u2066hidden\u2069', '\u200B\u200B', '\u3164', '\u2800 \u200D', 'a\u200Fb']) {
    const res = await api(p, 'PATCH', '/api/v1/me', { as: me, body: { displayName: name } });
    assert.equal(res.statusCode, 400, JSON.stringify(name));
    assert.deepEqual(res.json().issues.map((i: { path: string }) => i.path), ['body.displayName'], JSON.stringify(name));
  }
  const bidi = await signupAs('bidi_user', 'Maya\u202E');
  assert.equal(bidi.statusCode, 400);
  for (const name of ['Maya 🌊', 'ليلى', 'José', '李小龍']) {
    const res = await api(p, 'PATCH', '/api/v1/me', { as: me, body: { displayName: name } });
    assert.equal(res.statusCode, 200, name);
    assert.equal(res.json().user.displayName, name);
  }
});

test('a username that looks like an existing one is refused', async () => {
  assert.equal((await signupAs('alice')).statusCode, 201);
  assert.equal((await signupAs('maya_k')).statusCode, 201);
  for (const lookalike of ['aIice', 'a1ice', 'AIice', 'rnaya_k']) {
    const res = await signupAs(lookalike);
    assert.equal(res.statusCode, 409, lookalike);
    assert.equal(res.json().code, 'username_taken');
    assert.match(res.json().detail, /looks too much like/);
  }
  assert.equal((await signupAs('alicia')).statusCode, 201, 'a different name is fine');
});

test('the skeleton in SQL is the skeleton in TypeScript', async () => {
  const names = ['aIice', 'PAYPA1', 'rnaya', 'vvolf', 'O0o_I1l|', 'plain.name'];
  assert.deepEqual(await createAccountRepository(p.db).skeletonsOf(names), names.map(usernameSkeleton));
});
