// Block from a profile's "…" menu in Chromium: the creator's videos leave the viewer's For You,
// the blocked list in settings shows them, and unblocking there works; comment filters are set.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { until } from './support/dom.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';

describe('block and mute', () => {
  let server: RunningServer;
  let browser: Browser;
  let surfer: Account;

  before(async () => {
    server = await startServer({ readyTimeoutMs: 180_000 }); // a loaded machine migrates slowly
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    surfer = await signupByApi(server.baseUrl, 'surfer');
    const skater = await signupByApi(server.baseUrl, 'skater');
    const a = await uploadByApi(surfer, makeClip('block-surfer', { seconds: 1, frequency: 440 }), 'Big waves #blockmute');
    const b = await uploadByApi(skater, makeClip('block-skater', { seconds: 1, frequency: 660 }), 'Kickflip #blockmute');
    await Promise.all([waitUntilReady(surfer, a), waitUntilReady(skater, b)]);
    await logInBrowser(browser, await signupByApi(server.baseUrl, 'watcher'));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const inForYou = async (username: string) => {
    const page = browser.page;
    await page.locator('.feed-item').first().waitFor();
    return page.locator(`.feed-item[aria-label="Video by @${username}"]`).count();
  };

  it('blocks a creator from the profile menu, and their videos leave For You', async () => {
    const page = browser.page;
    await page.goto('/');
    await until(async () => (await inForYou('surfer')) > 0, 'the surfer’s video in For You');

    await page.goto('/@surfer');
    await page.getByRole('button', { name: 'More actions for @surfer' }).click();
    await page.getByRole('button', { name: 'Block @surfer…' }).click();
    await page.getByText('They aren’t told.').first().waitFor();
    await page.getByRole('button', { name: 'Block', exact: true }).click();
    await page.getByRole('heading', { name: 'You blocked @surfer' }).waitFor();
    await screenshotBothSizes(page, 'blocked-profile');
    assert.equal(await page.getByRole('link', { name: /Big waves/ }).count(), 0);

    await page.getByRole('link', { name: 'For You' }).first().click();
    await until(async () => (await inForYou('skater')) > 0, 'the skater’s video in For You');
    assert.equal(await inForYou('surfer'), 0, 'no video of the blocked creator');
    await page.reload();
    assert.equal(await inForYou('surfer'), 0, 'nor after a reload');
  });

  it('lists the blocked creator in settings, and unblocking there works', async () => {
    const page = browser.page;
    await page.goto('/settings/blocked');
    await page.getByRole('list', { name: 'Blocked accounts' }).getByText('@surfer').waitFor();
    await screenshotBothSizes(page, 'blocked-settings');
    await page.getByRole('button', { name: 'Unblock @surfer' }).click();
    await page.getByText('@surfer is unblocked').waitFor();
    await page.getByText('You haven’t blocked anyone.').waitFor();
    const watcherCookie = (await browser.context.cookies()).find((c) => c.name === 'cliptide_session')!;
    const watcher = new Account(server.baseUrl, 'watcher');
    watcher.cookie = `${watcherCookie.name}=${watcherCookie.value}`;
    assert.deepEqual((await watcher.call<{ items: unknown[] }>('GET', '/me/blocks')).items, []);
    await page.goto('/@surfer');
    await page.getByRole('link', { name: /Big waves/ }).waitFor();
  });

  it('sets comment filters at /settings/comments', async () => {
    const page = browser.page;
    await page.goto('/settings/comments');
    await page.getByLabel('Word or phrase to hold').fill('Spoiler');
    await page.getByRole('button', { name: 'Add word' }).click();
    await page.getByRole('button', { name: 'Stop holding comments with spoiler' }).waitFor();
    await page.getByLabel('Hold comments from accounts younger than').selectOption('7');
    await page.getByText('accounts younger than 7 days will be held').waitFor();
    await page.getByText('No comments are waiting.').waitFor();
    await screenshotBothSizes(page, 'comment-settings');
    assert.deepEqual(browser.consoleErrors, []);
  });
});
