// Wellbeing in Chromium: a creator marks a video 18+ in the web app; a 14-year-old signs up, finds
// the 60-minute limit on, sets a passcode; their watch time (real view events, counted by the server)
// reaches the limit, the feed pauses full screen, the passcode buys 30 more minutes and the feed
// continues — without the 18+ video, which the teen finds nowhere.
// The server runs with SCREEN_TIME_MINUTE_MS=100 (a screen-time minute lasts 100 ms), so an hour of
// limit is six seconds of watch time; everything else — the counting, the ledger, the lock — is as in
// production.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import type { Video } from '@cliptide/contract';
import { Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';

/** Serious or critical accessibility violations (axe-core), one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

describe('screen time and 18+ videos', () => {
  let server: RunningServer;
  let browser: Browser;
  let creator: Account;
  let teen: Account;
  let beach: string;
  let lateShow: string;

  before(async () => {
    server = await startServer({ env: { SCREEN_TIME_MINUTE_MS: '100' } });
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    creator = await signupByApi(server.baseUrl, 'night_owl');
    beach = await uploadByApi(creator, makeClip('wellbeing-beach', { seconds: 2, frequency: 440 }), 'Sunny beach #summer');
    lateShow = await uploadByApi(creator, makeClip('wellbeing-late', { seconds: 2, frequency: 660 }), 'Late show #summer');
    await waitUntilReady(creator, beach);
    await waitUntilReady(creator, lateShow);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets a creator mark a video for adults (18+)', async () => {
    const page = browser.page;
    await logInBrowser(browser, creator);
    await page.goto(`/v/${lateShow}`);
    await page.getByRole('button', { name: 'Edit or delete' }).click();
    await page.getByRole('checkbox', { name: 'For adults (18+)' }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('button', { name: 'Save changes' }).waitFor({ state: 'detached' });
    const { video } = await creator.call<{ video: Video }>('GET', `/videos/${lateShow}`);
    assert.equal(video.adultOnly, true);
    await browser.context.clearCookies();
    await page.evaluate('window.localStorage.clear()');
    // the open page's player asked for the old media after the label moved it to a fresh prefix (404s, as intended)
    browser.consoleErrors.length = 0;
  });

  it('signs a 14-year-old up with the 60-minute limit on; they set a passcode', async () => {
    const page = browser.page;
    await page.goto('/signup');
    await page.getByLabel('Username').fill('young_viewer');
    await page.getByLabel('Email').fill('young_viewer@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Birthdate').fill(`${new Date().getUTCFullYear() - 14}-01-01`);
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    teen = new Account(server.baseUrl, 'young_viewer');
    const cookie = (await browser.context.cookies()).find((c) => c.name === 'cliptide_session');
    assert.ok(cookie);
    teen.cookie = `${cookie.name}=${cookie.value}`;

    await page.getByRole('link', { name: 'Profile', exact: true }).click();
    await page.getByRole('link', { name: 'Wellbeing' }).click();
    const limit = page.getByLabel('Daily limit');
    await limit.waitFor();
    assert.equal(await limit.inputValue(), '60');
    assert.equal(await page.getByRole('switch', { name: 'Restricted mode' }).isChecked(), true, '13–15: restricted mode on');
    await page.getByRole('textbox', { name: 'Passcode', exact: true }).fill('2468');
    await page.getByRole('button', { name: 'Set passcode' }).click();
    await page.getByText('Your passcode is set.').waitFor();
    // turning the limit off takes the passcode
    await limit.selectOption('off');
    await page.getByLabel('Your passcode').waitFor();
    await limit.selectOption('60');
  });

  it('pauses the feed when the server says the limit is reached, and the passcode continues it', async () => {
    const page = browser.page;
    // Watch time arrives as the player sends it: view events (a 2-second clip played on repeat).
    await teen.call('POST', `/videos/${beach}/views`, { watchedMs: 6500, completed: true, replays: 3, source: 'foryou' });
    const { wellbeing } = await teen.call<{ wellbeing: { usedTodayMinutes: number; locked: boolean } }>('GET', '/me/wellbeing');
    assert.deepEqual([wellbeing.usedTodayMinutes, wellbeing.locked], [65, true]);
    await page.reload();
    await page.getByText('65 min').first().waitFor();
    await screenshotBothSizes(page, 'wellbeing-settings');
    assert.deepEqual(await seriousViolations(page), []);

    await page.goto('/');
    const pause = page.getByRole('dialog', { name: 'You’ve reached your daily limit' });
    await pause.waitFor();
    await screenshotBothSizes(page, 'pause-screen');
    assert.deepEqual(await seriousViolations(page), []);
    await pause.getByRole('textbox', { name: 'Passcode' }).fill('1111');
    await pause.getByRole('button', { name: 'Continue for 30 minutes' }).click();
    await pause.getByText('That passcode isn’t right.').waitFor();
    await pause.getByRole('textbox', { name: 'Passcode' }).fill('2468');
    await pause.getByRole('button', { name: 'Continue for 30 minutes' }).click();
    await pause.waitFor({ state: 'detached' });
    await page.getByRole('region', { name: 'Video by @night_owl' }).first().waitFor();
    await page.getByText('Sunny beach').first().waitFor();
    assert.equal(await page.getByText('Late show').count(), 0, 'the 18+ video is not in the teen’s For You');
  });

  it('shows the teen the 18+ video nowhere', async () => {
    const page: Page = browser.page;
    await page.goto('/@night_owl');
    await page.getByRole('link', { name: /Sunny beach/ }).waitFor();
    assert.equal(await page.getByRole('link', { name: /Late show/ }).count(), 0);
    const tag = await teen.call<{ items: Video[] }>('GET', '/hashtags/summer/videos');
    assert.deepEqual(tag.items.map((v) => v.id), [beach]);
    const direct = await fetch(`${server.baseUrl}/api/v1/videos/${lateShow}`, { headers: { cookie: teen.cookie } });
    assert.equal(direct.status, 404);
    // the only console errors: the feed's refusals while the limit held
    assert.deepEqual(browser.consoleErrors.filter((e) => !e.includes('403')), []);
  });
});
