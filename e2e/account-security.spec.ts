// Account security in Chromium on a phone-sized screen (decision 024): sign up → confirm the address
// from the mail → forget the password → reset it from the mail → turn on two-factor sign-in (the
// secret read off the page, codes computed by a real TOTP library) → log out → log in with a code.
// The server sends real mail over SMTP to a server this spec starts (smtp-server).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Secret, TOTP } from 'otpauth';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { linkIn, startMailCatcher, type MailCatcher } from './support/mail.ts';

const EMAIL = 'ines@example.test';
const NEW_PASSWORD = 'a fresh passphrase here';

describe('account security', () => {
  let mail: MailCatcher;
  let server: RunningServer;
  let browser: Browser;
  let totp: TOTP;

  before(async () => {
    mail = await startMailCatcher();
    server = await startServer({ env: { SMTP_URL: mail.url, MAIL_FROM: 'Cliptide <no-reply@cliptide.test>' }, readyTimeoutMs: 240_000 });
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.close();
  });

  const me = () =>
    browser.page.evaluate(async () => {
      const response = await fetch('/api/v1/me');
      return response.ok ? ((await response.json()) as { user: { username: string; emailVerified: boolean; twoFactor: boolean } }).user : null;
    });

  it('signs up and confirms the address from the mail', async () => {
    const page = browser.page;
    await page.goto('/signup');
    await page.getByLabel('Username').fill('ines');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Birthdate').fill('1995-05-05');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal((await me())?.emailVerified, false);

    const verification = await mail.next(EMAIL, /Confirm your email/);
    await page.goto(linkIn(verification, '/verify-email'));
    await page.getByText(`${EMAIL} is confirmed`, { exact: false }).waitFor();
    assert.equal((await me())?.emailVerified, true);
  });

  it('resets a forgotten password from the mailed link, which signs every session out', async () => {
    const page = browser.page;
    await page.goto('/login');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByRole('status').filter({ hasText: 'we have sent it a link' }).waitFor();

    const reset = await mail.next(EMAIL, /Reset your password/);
    await page.goto(linkIn(reset, '/reset-password'));
    await page.getByLabel('New password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password is changed').waitFor();
    assert.equal(await me(), null, 'the sign-up session ended');

    await page.getByRole('link', { name: 'Log in' }).click();
    await page.getByLabel('Username or email').fill('ines');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal((await me())?.username, 'ines');
  });

  it('turns on two-factor sign-in with the key shown next to the QR code', async () => {
    const page = browser.page;
    await page.goto('/settings/security');
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const qr = page.getByRole('img', { name: 'QR code for your authenticator app' });
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml;base64,/, 'drawn here, by no outside service');
    const secret = (await page.locator('.totp-secret').textContent())!.trim();
    totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' });
    await page.getByLabel('Code from the app').fill(totp.generate());
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await codes.first().waitFor();
    assert.equal(await codes.count(), 10);
    await page.getByRole('button', { name: 'I have saved them' }).click();
    assert.equal((await me())?.twoFactor, true);
  });

  it('logs out, then logs in with the password and a code', async () => {
    const page = browser.page;
    // on a phone, logging out is on one's own profile
    await page.goto('/@ines');
    await page.getByRole('button', { name: 'Log out' }).filter({ visible: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    assert.equal(await me(), null);

    await page.goto('/login');
    await page.getByLabel('Username or email').fill('ines');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
    assert.equal(await me(), null, 'the password alone starts no session');
    // the code of the next time step: the current one was used to turn it on, and is never taken twice
    await page.getByLabel('Code').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const user = await me();
    assert.equal(user?.username, 'ines');
    assert.equal(user?.twoFactor, true);

    await page.goto('/settings/security');
    await page.getByText('This device').waitFor();
    // Chromium logs the 401s of this spec's own /me probes while logged out; the app logged nothing
    assert.deepEqual(browser.consoleErrors.filter((e) => !e.includes('status of 401')), []);
  });
});
