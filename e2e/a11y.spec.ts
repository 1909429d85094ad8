// An automated accessibility audit (axe-core, through @axe-core/playwright on playwright-core):
// no serious or critical violation on the pages people use most, on a phone and on a desktop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { type Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { DESKTOP, launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';

/** The violations a person would hit hardest, one line each ("rule: target — help"). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  assert.ok(results.passes.length > 10, 'axe ran its rules on the page');
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${v.help}`));
}

describe('accessibility audit', () => {
  let server: RunningServer;
  let creator: Account;
  let videoId = '';
  const browsers: Browser[] = [];

  before(async () => {
    server = await startServer();
    creator = await signupByApi(server.baseUrl, 'a11ycreator');
    videoId = await uploadByApi(creator, makeClip('a11y-0', { seconds: 3 }), 'Accessible clip #a11y');
    await waitUntilReady(creator, videoId, 120_000);
  });

  after(async () => {
    for (const b of browsers) await b.close();
    await server?.stop();
  });

  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`has no serious or critical violations on ${size}`, async () => {
      const browser = await launchBrowser({ baseUrl: server.baseUrl, viewport });
      browsers.push(browser);
      const page = browser.page;
      const found: string[] = [];
      const audit = async (path: string, ready: string) => {
        await page.goto(path);
        await page.locator(ready).first().waitFor();
        await page.waitForTimeout(300);
        found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
      };
      // logged out
      await audit('/', '.feed-item.is-current video');
      await audit(`/v/${videoId}`, '.feed-item.is-current video');
      await audit('/@a11ycreator', '.grid-link');
      await audit('/search?q=accessible', '.grid-link');
      await audit('/tag/a11y', '.grid-link');
      await audit(`/v/${videoId}?from=${encodeURIComponent('profile:a11ycreator')}`, '.list-feed .feed-item.is-current video');
      await audit('/signup', 'form');
      await audit('/login', 'form');
      // a dialog open over the feed
      await page.goto('/');
      await page.locator('.feed-item.is-current').getByRole('button', { name: /^Comments/ }).click();
      await page.getByRole('dialog', { name: 'Comments' }).getByText('No comments yet').waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `comments sheet: ${v}`));
      await page.keyboard.press('Escape');
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      found.push(...(await seriousViolations(page)).map((v) => `shortcuts sheet: ${v}`));
      // logged in
      await logInBrowser(browser, creator);
      await audit('/upload', 'main input[type=file], main .dropzone');
      await audit('/settings/feed', 'main [role=switch]');
      await audit('/settings/profile', 'main form');
      await audit('/settings/privacy', 'main h1');
      await audit('/follow-requests', 'main h1');
      await audit('/inbox', 'main h1');
      assert.deepEqual(found, []);
      assert.deepEqual(browser.consoleErrors, []);
    });
  }
});
