// A 14-year-old's account in Chromium: private from sign-up, a second user asks to follow and sees
// "This account is private", the teen approves in the web UI, and the follower then sees the videos.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { DESKTOP, launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('a teen’s private account', () => {
  let server: RunningServer;
  let teenBrowser: Browser;
  let fanBrowser: Browser;
  let teen: Account;

  before(async () => {
    server = await startServer();
    teenBrowser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    fanBrowser = await launchBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    await signupByApi(server.baseUrl, 'fan');
  });

  after(async () => {
    await teenBrowser?.close();
    await fanBrowser?.close();
    await server?.stop();
  });

  it('signs a 14-year-old up private, and says it stays private until 16', async () => {
    const page = teenBrowser.page;
    await page.goto('/signup');
    await page.getByLabel('Username').fill('teen');
    await page.getByLabel('Email').fill('teen@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Birthdate').fill(`${new Date().getUTCFullYear() - 14}-01-01`);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    teen = new Account(server.baseUrl, 'teen');
    const cookie = (await teenBrowser.context.cookies()).find((c) => c.name === 'cliptide_session');
    assert.ok(cookie, 'the session cookie is set');
    teen.cookie = `${cookie.name}=${cookie.value}`;

    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('link', { name: 'Privacy' }).click();
    const toggle = page.getByRole('switch', { name: 'Private account' });
    await toggle.waitFor();
    assert.equal(await toggle.isChecked(), true, 'private by default');
    assert.equal(await toggle.isDisabled(), true, 'a 13–15 cannot make the account public');
    await page.getByText('stays private until you turn 16').waitFor();
    await screenshotBothSizes(page, 'privacy-settings');

    const video = await uploadByApi(teen, makeClip('private-teen', { seconds: 2, frequency: 500 }), 'Skate park #private');
    await waitUntilReady(teen, video);
  });

  it('shows a non-follower that the account is private and lets them ask to follow', async () => {
    const page = fanBrowser.page;
    await page.goto('/login');
    await page.getByLabel('Username or email').fill('fan');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto('/@teen');
    await page.getByRole('heading', { name: 'This account is private' }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Skate park/ }).count(), 0, 'no videos for a non-follower');
    await page.getByRole('button', { name: 'Request to follow @teen' }).click();
    await page.getByRole('button', { name: 'Withdraw the follow request to @teen' }).filter({ hasText: 'Requested' }).waitFor();
    await page.getByText('once they approve').waitFor();
    await screenshotBothSizes(page, 'private-profile');
  });

  it('lets the teen approve the request in the web app, and then the follower sees the videos', async () => {
    const page = teenBrowser.page;
    await page.goto('/@teen');
    await page.getByRole('link', { name: 'Follow requests (1)' }).click();
    await page.waitForURL('**/follow-requests');
    await page.getByRole('button', { name: 'Approve @fan' }).waitFor();
    await screenshotBothSizes(page, 'follow-requests');
    await page.getByRole('button', { name: 'Approve @fan' }).click();
    await page.getByText('@fan can now see your videos').waitFor();
    await page.getByText('No one is waiting.').waitFor();
    assert.equal((await teen.call<{ items: unknown[] }>('GET', '/me/follow-requests')).items.length, 0);

    const fan = fanBrowser.page;
    await fan.reload();
    await fan.getByRole('link', { name: /Skate park #private by @teen/ }).waitFor();
    assert.equal(await fan.getByRole('heading', { name: 'This account is private' }).count(), 0);
    await fan.getByRole('button', { name: 'Unfollow @teen' }).waitFor();
    assert.deepEqual(teenBrowser.consoleErrors, []);
    assert.deepEqual(fanBrowser.consoleErrors, []);
  });
});
