// Notifications arrive live: while the creator browses, someone else likes, comments and follows
// (through the API, on the same server); the badge counts them without a reload, the inbox shows
// them grouped and marks them read, and a new one appears at the top while the inbox is open.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signupByApi, uploadByApi, waitUntilReady, type Account } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';

describe('live notifications', () => {
  let server: RunningServer;
  let browser: Browser;
  let creator: Account;
  let fan: Account;
  let videoId = '';

  before(async () => {
    server = await startServer();
    creator = await signupByApi(server.baseUrl, 'inbox_creator');
    fan = await signupByApi(server.baseUrl, 'inbox_fan');
    videoId = await uploadByApi(creator, makeClip('inbox', { seconds: 2 }), 'something to like');
    await waitUntilReady(creator, videoId);
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    await logInBrowser(browser, creator);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts new notifications in the nav as they happen, without a reload', async () => {
    const page = browser.page;
    await page.goto('/search');
    const inbox = page.getByRole('link', { name: /^Inbox/ });
    await inbox.waitFor();
    assert.equal(await page.getByLabel(/unread/).count(), 0);
    await fan.call('PUT', `/videos/${videoId}/like`);
    await fan.call('POST', `/videos/${videoId}/comments`, { body: 'this is great' });
    await page.getByLabel('2 unread').waitFor();
  });

  it('shows them in the inbox, marks them read, and adds a new one live at the top', async () => {
    const page = browser.page;
    await page.getByRole('link', { name: /^Inbox/ }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    const today = page.getByRole('region', { name: 'Today' });
    await today.getByText('liked your video').waitFor();
    await today.getByText('“this is great”').waitFor();
    await page.getByLabel(/unread/).waitFor({ state: 'detached' });

    await fan.call('PUT', '/users/inbox_creator/follow');
    const first = today.getByRole('listitem').first();
    await first.getByText('started following you').waitFor();
    assert.match((await first.textContent()) ?? '', /inbox_fan/);
    await screenshotBothSizes(page, 'inbox');
    // still there once it was marked read
    assert.equal(await today.getByText('started following you').count(), 1);
    assert.equal(await page.getByLabel(/unread/).count(), 0);
  });

  it('turning a kind off stops it', async () => {
    const page = browser.page;
    const likes = page.getByRole('switch', { name: 'Likes on your videos' });
    await Promise.all([page.waitForResponse((r) => r.url().endsWith('/me/notification-settings') && r.request().method() === 'PUT'), likes.uncheck()]);
    const { settings } = await creator.call<{ settings: { kinds: { like: boolean } } }>('GET', '/me/notification-settings');
    assert.equal(settings.kinds.like, false);
  });
});
