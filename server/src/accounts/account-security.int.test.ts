// Account security end to end through the API (decision 024): mail through a real SMTP server started
// here (smtp-server) and read as it arrived; verification, change of address, password reset and
// change, sessions, TOTP two-factor computed by a real TOTP library (otpauth); and the outbox.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Secret, TOTP } from 'otpauth';
import { api, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';
import { startSmtpCatcher, tokenFromMail, type SmtpCatcher } from '../testing/smtp-catcher.ts';
import { mailTemplates } from '../mail/templates.ts';

const PASSWORD = 'correct horse battery';
const FIREFOX_ANDROID = 'Mozilla/5.0 (Android 14; Mobile; rv:127.0) Gecko/127.0 Firefox/127.0';

let p: TestPlatform;
let smtp: SmtpCatcher;

before(async () => {
  smtp = await startSmtpCatcher();
  p = await startTestPlatform({ SMTP_URL: smtp.url, MAIL_FROM: 'Cliptide <no-reply@cliptide.test>', PUBLIC_URL: 'https://clips.example.test' });
  p.worker.start();
});
after(async () => {
  await p.stop();
  await smtp.close();
});

const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

async function login(as: string, password = PASSWORD, userAgent = FIREFOX_ANDROID) {
  return p.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'user-agent': userAgent }, payload: { login: as, password } });
}
const meOf = async (s: Session | { cookie: string }) => (await api(p, 'GET', '/api/v1/me', { as: s as Session })).json().user;

describe('e-mail verification', () => {
  let alice: Session;
  let token: string;
  before(async () => {
    alice = await signup(p, 'alice_verify');
  });

  test('sign-up mails a link in text and HTML through SMTP, from MAIL_FROM, to PUBLIC_URL', async () => {
    const mail = await smtp.next('alice_verify@example.test', /Confirm your email/);
    assert.match(mail.from, /no-reply@cliptide\.test/);
    token = tokenFromMail(mail, '/verify-email');
    assert.match(mail.text, /^Hi @alice_verify,/);
    assert.ok(mail.text.includes(`https://clips.example.test/verify-email?token=${encodeURIComponent(token)}`));
    assert.ok(mail.html.includes(`href="https://clips.example.test/verify-email?token=${encodeURIComponent(token)}"`));
    const [stored] = await p.db.query<{ text_body: string; status: string }>(`select text_body, status from mails where template = 'verify_email' and to_address = $1`, ['alice_verify@example.test']);
    assert.equal(stored!.status, 'sent');
    assert.equal(stored!.text_body, '', 'a mail sent through SMTP keeps no body (nor its link) in the database');
    const [kept] = await p.db.query<{ n: number }>(`select count(*)::int as n from account_tokens where token_hash = $1 or token_hash like $2`, [token, `%${token.split('.')[1]}%`]);
    assert.equal(kept!.n, 0, 'the token itself is not stored, only its hash');
    assert.equal((await meOf(alice)).emailVerified, false);
  });

  test('a tampered token is refused; the right one verifies once', async () => {
    const tampered = token.slice(0, -2) + (token.endsWith('A') ? 'BB' : 'AA');
    const bad = await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token: tampered } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, 'invalid_token');
    const ok = await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token } });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().user.emailVerified, true);
    const again = await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token } });
    assert.equal(again.json().code, 'invalid_token', 'single use');
  });

  test('an expired link is refused; resending is limited to one a minute', async () => {
    const bob = await signup(p, 'bob_verify');
    const first = tokenFromMail(await smtp.next('bob_verify@example.test', /Confirm/), '/verify-email');
    await p.db.query(`update account_tokens set expires_at = now() - interval '1 second'`);
    assert.equal((await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token: first } })).json().code, 'invalid_token');
    // the mail just sent at sign-up counts: a resend within the minute is refused
    const soon = await api(p, 'POST', '/api/v1/me/email/verification', { as: bob });
    assert.equal(soon.statusCode, 429);
    await p.db.query(`update account_tokens set created_at = created_at - interval '2 minutes'`);
    assert.equal((await api(p, 'POST', '/api/v1/me/email/verification', { as: bob })).statusCode, 204);
    const second = tokenFromMail(await smtp.next('bob_verify@example.test', /Confirm/), '/verify-email');
    assert.equal((await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token: second } })).statusCode, 200);
    assert.equal((await api(p, 'POST', '/api/v1/me/email/verification', { as: bob })).json().code, 'conflict', 'already verified');
  });

  test('change of address: confirmation to the new one, a notice to the old one', async () => {
    const wrong = await api(p, 'POST', '/api/v1/me/email', { as: alice, body: { email: 'alice.new@example.test', password: 'not the password' } });
    assert.equal(wrong.statusCode, 403);
    assert.equal(wrong.json().code, 'wrong_password');
    const taken = await api(p, 'POST', '/api/v1/me/email', { as: alice, body: { email: 'BOB_verify@example.test', password: PASSWORD } });
    assert.equal(taken.json().code, 'email_taken');
    const asked = await api(p, 'POST', '/api/v1/me/email', { as: alice, body: { email: 'alice.new@example.test', password: PASSWORD } });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal((await meOf(alice)).pendingEmail, 'alice.new@example.test');
    assert.equal((await meOf(alice)).email, 'alice_verify@example.test', 'unchanged until confirmed');
    const notice = await smtp.next('alice_verify@example.test', /being changed/);
    assert.match(notice.text, /alice\.new@example\.test/);
    const confirm = tokenFromMail(await smtp.next('alice.new@example.test', /Confirm your new/), '/verify-email');
    const done = await api(p, 'POST', '/api/v1/auth/verify-email', { body: { token: confirm } });
    assert.equal(done.statusCode, 200, done.body);
    const me = await meOf(alice);
    assert.equal(me.email, 'alice.new@example.test');
    assert.equal(me.pendingEmail, null);
    assert.equal(me.emailVerified, true);
  });

  test('templates escape what they put into HTML', () => {
    const mail = mailTemplates.changeEmailNotice('x', '"<img src=x onerror=alert(1)>"@example.test');
    assert.ok(!mail.html.includes('<img'));
    assert.ok(mail.html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.ok(mail.text.includes('<img'), 'plain text stays as typed');
  });
});

describe('posting needs a confirmed address after UNVERIFIED_POSTING_DAYS', () => {
  let strict: TestPlatform;
  before(async () => {
    strict = await startTestPlatform({ UNVERIFIED_POSTING_DAYS: '0' });
    strict.worker.start();
  });
  after(() => strict.stop());

  test('an unverified account may watch but not upload or comment; verified, it may', async () => {
    const author = await signup(strict, 'strict_author');
    await strict.db.query('update accounts set email_verified_at = now() where id = $1', [author.id]);
    const created = await api(strict, 'POST', '/api/v1/videos', { as: author, body: { caption: 'hi', visibility: 'public', allowComments: true } });
    assert.equal(created.statusCode, 201, created.body);
    const videoId = created.json().video.id as string;
    await strict.repositories.videos.publish(videoId, { mediaPrefix: `videos/${videoId}/x/`, durationMs: 1000, width: 360, height: 640, hasAudio: false, renditions: [] });

    const fresh = await signup(strict, 'strict_fresh');
    assert.equal((await api(strict, 'GET', `/api/v1/videos/${videoId}`, { as: fresh })).statusCode, 200, 'may watch');
    assert.equal((await api(strict, 'GET', '/api/v1/me', { as: fresh })).json().user.mayPost, false);
    const upload = await api(strict, 'POST', '/api/v1/videos', { as: fresh, body: { caption: 'mine', visibility: 'public', allowComments: true } });
    assert.equal(upload.statusCode, 403);
    assert.equal(upload.json().code, 'email_unverified');
    const comment = await api(strict, 'POST', `/api/v1/videos/${videoId}/comments`, { as: fresh, body: { body: 'hello' } });
    assert.equal(comment.json().code, 'email_unverified');

    // the outbox (no SMTP here) holds the link; opening it lifts the rule
    const admin = await signup(strict, 'strict_admin');
    assert.equal((await api(strict, 'GET', '/api/v1/operator/outbox', { as: admin })).statusCode, 403, 'admins only');
    await strict.services.operators.grant('strict_admin', 'admin', 'default');
    let items: { to: string; text: string; html: string; template: string }[] = [];
    for (let i = 0; i < 200 && !items.some((m) => m.to === 'strict_fresh@example.test'); i++) {
      items = (await api(strict, 'GET', '/api/v1/operator/outbox', { as: admin })).json().items;
      await new Promise((r) => setTimeout(r, 50));
    }
    const mail = items.find((m) => m.to === 'strict_fresh@example.test' && m.template === 'verify_email');
    assert.ok(mail, 'the verification mail is in the outbox');
    assert.match(mail.html, /<a href="http:\/\/localhost:8080\/verify-email\?token=/);
    const verified = await api(strict, 'POST', '/api/v1/auth/verify-email', { body: { token: tokenFromMail(mail, '/verify-email') } });
    assert.equal(verified.statusCode, 200);
    assert.equal(verified.json().user.mayPost, true);
    const after = await api(strict, 'POST', `/api/v1/videos/${videoId}/comments`, { as: fresh, body: { body: 'hello' } });
    assert.equal(after.statusCode, 201, after.body);
  });
});

describe('password reset', () => {
  test('the same answer for a known and an unknown address; a link that works once, ending every session', async () => {
    const carol = await signup(p, 'carol_reset');
    const unknown = await api(p, 'POST', '/api/v1/auth/password-reset', { body: { email: 'nobody@example.test' } });
    const known = await api(p, 'POST', '/api/v1/auth/password-reset', { body: { email: 'Carol_Reset@example.test' } });
    assert.equal(unknown.statusCode, 204);
    assert.equal(known.statusCode, 204);
    assert.equal(unknown.body, known.body);
    const mail = await smtp.next('carol_reset@example.test', /Reset your password/);
    assert.match(mail.text, /30 minutes/);
    const token = tokenFromMail(mail, '/reset-password');
    assert.ok(!smtp.mails.some((m) => m.to.includes('nobody@example.test')));

    const weak = await api(p, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'password123' } });
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, 'validation_failed', 'the password policy applies');
    const done = await api(p, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'a brand new passphrase' } });
    assert.equal(done.statusCode, 204, done.body);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: carol })).statusCode, 401, 'the old session ended');
    assert.equal((await login('carol_reset')).statusCode, 401, 'the old password no longer works');
    assert.equal((await login('carol_reset', 'a brand new passphrase')).statusCode, 200);
    const reused = await api(p, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token, password: 'another new passphrase' } });
    assert.equal(reused.json().code, 'invalid_token', 'single use');
    await smtp.next('carol_reset@example.test', /password was changed/);
  });

  test('a link expires; a few mails an hour per address, and the rest answered alike', async () => {
    const dave = await signup(p, 'dave_reset');
    for (let i = 0; i < 5; i++) assert.equal((await api(p, 'POST', '/api/v1/auth/password-reset', { body: { email: 'dave_reset@example.test' } })).statusCode, 204);
    const first = tokenFromMail(await smtp.next('dave_reset@example.test', /Reset/), '/reset-password');
    await smtp.next('dave_reset@example.test', /Reset/);
    await smtp.next('dave_reset@example.test', /Reset/);
    const [row] = await p.db.query<{ n: number }>(`select count(*)::int as n from account_tokens where account_id = $1 and purpose = 'reset_password'`, [dave.id]);
    assert.equal(row!.n, 3, 'three links an hour for one address');
    await p.db.query(`update account_tokens set expires_at = now() - interval '1 second' where account_id = $1`, [dave.id]);
    assert.equal((await api(p, 'POST', '/api/v1/auth/password-reset/confirm', { body: { token: first, password: 'a brand new passphrase' } })).json().code, 'invalid_token');
  });
});

describe('sessions', () => {
  test('each device with its browser, last seen at most once a minute; sign out one or the others; a password change signs out the others', async () => {
    const erin = await signup(p, 'erin_sessions');
    const phone = { cookie: cookieOf(await login('erin_sessions', PASSWORD, FIREFOX_ANDROID)) };
    const laptop = { cookie: cookieOf(await login('erin_sessions', PASSWORD, 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15')) };
    const list = (await api(p, 'GET', '/api/v1/me/sessions', { as: phone as Session })).json().items as { id: string; device: string; current: boolean; region: string; lastSeenAt: string }[];
    assert.equal(list.length, 3);
    assert.deepEqual(list.filter((s) => s.current).map((s) => s.device), ['Firefox on Android']);
    assert.ok(list.some((s) => s.device === 'Safari on macOS'));
    assert.ok(list.every((s) => s.region === 'default'));

    const lastSeen = async () => (await p.db.query<{ t: string }>(`select last_seen_at::text as t from sessions s join accounts a on a.id = s.account_id where a.username = 'erin_sessions' order by t`)).map((r) => r.t);
    const before = await lastSeen();
    await meOf(phone);
    assert.deepEqual(await lastSeen(), before, 'not written on every request');
    await p.db.query(`update sessions set last_seen_at = last_seen_at - interval '2 minutes' where account_id = $1`, [erin.id]);
    const aged = await lastSeen();
    await meOf(phone);
    const touched = await lastSeen();
    assert.notDeepEqual(touched, aged, 'written once a minute has passed');
    await meOf(phone);
    assert.deepEqual(await lastSeen(), touched, 'and not again within the minute');

    const laptopId = list.find((s) => s.device === 'Safari on macOS')!.id;
    assert.equal((await api(p, 'DELETE', `/api/v1/me/sessions/${laptopId}`, { as: phone as Session })).statusCode, 204);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: laptop as Session })).statusCode, 401);
    const others = await api(p, 'POST', '/api/v1/me/sessions/sign-out-others', { as: phone as Session, body: {} });
    assert.equal(others.json().signedOut, 1);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: erin })).statusCode, 401);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: phone as Session })).statusCode, 200);

    const tablet = { cookie: cookieOf(await login('erin_sessions')) };
    const wrong = await api(p, 'POST', '/api/v1/me/password', { as: phone as Session, body: { currentPassword: 'wrong password!', newPassword: 'erin has a new one' } });
    assert.equal(wrong.json().code, 'wrong_password');
    const changed = await api(p, 'POST', '/api/v1/me/password', { as: phone as Session, body: { currentPassword: PASSWORD, newPassword: 'erin has a new one' } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().signedOut, 1);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: tablet as Session })).statusCode, 401);
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: phone as Session })).statusCode, 200, 'this session stays');
    await smtp.next('erin_sessions@example.test', /password was changed/);
  });
});

describe('two-factor sign-in (TOTP)', () => {
  const totpFor = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });

  async function enable(s: Session) {
    const setup = await api(p, 'POST', '/api/v1/me/two-factor/setup', { as: s, body: {} });
    assert.equal(setup.statusCode, 200, setup.body);
    const { secret, otpauthUrl, qrCode } = setup.json() as { secret: string; otpauthUrl: string; qrCode: string };
    const totp = totpFor(secret);
    const codes = (await api(p, 'POST', '/api/v1/me/two-factor/confirm', { as: s, body: { code: totp.generate() } })).json().codes as string[];
    return { secret, otpauthUrl, qrCode, totp, codes };
  }

  test('set up with a QR code, confirm with a code, log in in two steps; replayed codes and recovery codes are used once', async () => {
    const fay = await signup(p, 'fay_totp');
    const setup = await api(p, 'POST', '/api/v1/me/two-factor/setup', { as: fay, body: {} });
    const { secret, otpauthUrl, qrCode } = setup.json() as { secret: string; otpauthUrl: string; qrCode: string };
    assert.match(secret, /^[A-Z2-7]{32}$/);
    assert.match(otpauthUrl, /^otpauth:\/\/totp\/Cliptide:fay_totp\?/);
    assert.ok(otpauthUrl.includes(`secret=${secret}`));
    assert.match(qrCode, /^data:image\/svg\+xml;base64,/);
    assert.match(Buffer.from(qrCode.split(',')[1]!, 'base64').toString(), /<svg[\s\S]*<path/);
    assert.equal((await meOf(fay)).twoFactor, false, 'not on until confirmed');

    const wrong = await api(p, 'POST', '/api/v1/me/two-factor/confirm', { as: fay, body: { code: '000000' === totpFor(secret).generate() ? '111111' : '000000' } });
    assert.equal(wrong.json().code, 'invalid_code');
    const totp = totpFor(secret);
    const confirmCode = totp.generate();
    const confirmed = await api(p, 'POST', '/api/v1/me/two-factor/confirm', { as: fay, body: { code: confirmCode } });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const codes = confirmed.json().codes as string[];
    assert.equal(codes.length, 10);
    assert.equal(new Set(codes).size, 10);
    const [stored] = await p.db.query<{ n: number }>('select count(*)::int as n from recovery_codes where account_id = $1 and code_hash = any($2::text[])', [fay.id, codes]);
    assert.equal(stored!.n, 0, 'recovery codes are stored hashed');
    assert.equal((await meOf(fay)).twoFactor, true);
    await smtp.next('fay_totp@example.test', /Two-factor sign-in is on/);

    const step1 = await login('fay_totp');
    assert.equal(step1.statusCode, 200);
    assert.equal(step1.headers['set-cookie'], undefined, 'the password alone starts no session');
    const { challenge } = step1.json().twoFactor as { challenge: string };
    const replay = await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge, code: confirmCode } });
    assert.equal(replay.json().code, 'invalid_code', 'a code already used is refused within its window');
    const tampered = await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge: challenge.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), code: '123456' } });
    assert.equal(tampered.json().code, 'invalid_token');

    const nextCode = totp.generate({ timestamp: Date.now() + 30_000 });
    const step2 = await p.app.inject({ method: 'POST', url: '/api/v1/auth/login/totp', headers: { 'user-agent': FIREFOX_ANDROID }, payload: { challenge, code: nextCode } });
    assert.equal(step2.statusCode, 200, step2.body);
    assert.equal(step2.json().user.username, 'fay_totp');
    const session = { cookie: cookieOf(step2) };
    assert.equal((await api(p, 'GET', '/api/v1/me', { as: session as Session })).statusCode, 200);
    assert.equal((await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge, code: nextCode } })).json().code, 'invalid_code', 'and again');

    const viaRecovery = await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge: (await login('fay_totp')).json().twoFactor.challenge, code: codes[3]!.toUpperCase() } });
    assert.equal(viaRecovery.statusCode, 200, viaRecovery.body);
    const recoveryAgain = await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge: (await login('fay_totp')).json().twoFactor.challenge, code: codes[3]! } });
    assert.equal(recoveryAgain.json().code, 'invalid_code', 'a recovery code works once');
    assert.equal((await api(p, 'GET', '/api/v1/me/two-factor', { as: fay })).json().recoveryCodesLeft, 9);

    const noPassword = await api(p, 'POST', '/api/v1/me/two-factor/disable', { as: fay, body: { password: 'not it at all', code: codes[0]! } });
    assert.equal(noPassword.json().code, 'wrong_password');
    const off = await api(p, 'POST', '/api/v1/me/two-factor/disable', { as: fay, body: { password: PASSWORD, code: codes[0]! } });
    assert.equal(off.statusCode, 204, off.body);
    const plain = await login('fay_totp');
    assert.ok(plain.json().user, 'the password alone signs in again');
  });

  test('code guesses are throttled per account', async () => {
    const gus = await signup(p, 'gus_totp');
    const { totp } = await enable(gus);
    const challenge = (await login('gus_totp')).json().twoFactor.challenge as string;
    const right = totp.generate({ timestamp: Date.now() + 30_000 });
    const wrongCode = right === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) {
      assert.equal((await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge, code: wrongCode } })).json().code, 'invalid_code');
    }
    const blocked = await api(p, 'POST', '/api/v1/auth/login/totp', { body: { challenge, code: right } });
    assert.equal(blocked.statusCode, 429, 'after five wrong codes even the right one waits');
    assert.equal(blocked.json().code, 'rate_limited');
  });
});

test('a mail the SMTP server refuses for a while is retried by the job until it goes through', async () => {
  smtp.refuseNext('hal_retry@example.test', 2);
  await signup(p, 'hal_retry');
  const mail = await smtp.next('hal_retry@example.test', /Confirm/);
  assert.ok(mail);
  const [job] = await p.db.query<{ attempts: number; status: string }>(
    `select attempts, status from jobs where type = 'send_mail' and payload->>'mailId' = (select id::text from mails where to_address = 'hal_retry@example.test')`,
  );
  assert.equal(job!.attempts, 3);
});
