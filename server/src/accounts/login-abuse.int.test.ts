// Hardening of sign-up and log-in against an attacker: unforgeable rate-limit keys, a per-account
// backoff without lockout, no timing oracle for unknown accounts, and no common passwords.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { createArgon2Hasher } from './password.ts';

let p: TestPlatform;
let clock = Date.now();
let verifies = 0;
before(async () => {
  const argon2 = createArgon2Hasher({ memoryCost: 4096, timeCost: 2 });
  const passwords = { hash: argon2.hash, verify: (h: string, pw: string) => (verifies++, argon2.verify(h, pw)) };
  p = await startTestPlatform({ RATE_LIMIT_AUTH_PER_MINUTE: '1000', TRUST_PROXY: '127.0.0.1' }, { passwords, now: () => new Date(clock) });
});
after(() => p.stop());

const login = (name: string, password: string, from: string) =>
  p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': from }, payload: { login: name, password } });

test('a forged X-Forwarded-For does not reset the per-address limit (TRUST_PROXY unset)', async () => {
  const direct = await startTestPlatform({ RATE_LIMIT_AUTH_PER_MINUTE: '3' });
  try {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await direct.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': `203.0.113.${i}` }, payload: { login: 'ghost', password: 'whatever12' } });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes, [401, 401, 401, 429, 429]);
  } finally {
    await direct.stop();
  }
});

test('behind a trusted proxy, its X-Forwarded-For names the client', async () => {
  const proxied = await startTestPlatform({ RATE_LIMIT_AUTH_PER_MINUTE: '2', TRUST_PROXY: '127.0.0.1' });
  try {
    const from = (ip: string) => proxied.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'x-forwarded-for': ip }, payload: { login: 'ghost', password: 'whatever12' } });
    assert.deepEqual([(await from('198.51.100.1')).statusCode, (await from('198.51.100.1')).statusCode, (await from('198.51.100.1')).statusCode], [401, 401, 429]);
    assert.equal((await from('198.51.100.2')).statusCode, 401, 'another client has its own budget');
  } finally {
    await proxied.stop();
  }
});

test('log-in is throttled per target account with a capped backoff, never a lockout', async () => {
  const victim = await signup(p);
  const other = await signup(p);
  for (let i = 0; i < 5; i++) assert.equal((await login(victim.username, `guess number ${i}`, `192.0.2.${i}`)).json().code, 'invalid_credentials');
  const held = await login(victim.username, 'correct horse battery', '192.0.2.200');
  assert.equal(held.statusCode, 429, 'from any address, even with the right password, during the wait');
  assert.equal(held.json().code, 'rate_limited');
  assert.equal((await login(other.username, 'correct horse battery', '192.0.2.1')).statusCode, 200, 'other accounts are not held');
  // the attacker keeps trying during the wait: refused attempts do not lengthen it past the cap
  for (let i = 0; i < 30; i++) {
    clock += 1_000;
    await login(victim.username, `more guesses ${i}`, `192.0.2.${i}`);
  }
  clock += 60_000;
  const owner = await login(victim.username, 'correct horse battery', '198.51.100.7');
  assert.equal(owner.statusCode, 200, 'the owner gets in once the (capped) wait is over');
});

test('an unknown account is answered after checking a password hash, like a known one', async () => {
  const before = verifies;
  const res = await login('nobody-by-this-name', 'some password here', '192.0.2.50');
  assert.equal(res.json().code, 'invalid_credentials');
  assert.equal(verifies - before, 1, 'a dummy hash was verified');
});

test('a common or short password is refused at sign-up with the field named', async () => {
  for (const password of ['1234567890', 'qwertyuiop', 'short pw']) {
    const res = await api(p, 'POST', '/api/v1/auth/signup', { body: { username: 'weakling', email: 'weak@example.test', password, birthdate: '1990-01-01' } });
    assert.equal(res.statusCode, 400, password);
    assert.equal(res.json().code, 'validation_failed');
    assert.deepEqual(res.json().issues.map((i: { path: string }) => i.path), ['body.password']);
  }
});
