// A For You page opened before anything is ready (a first start still transcoding its catalogue)
// shows the video once it is published — without a reload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signupByApi, uploadByApi } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { startServer, type RunningServer } from './support/server.ts';

describe('an empty feed', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('fills in by itself when the first video becomes ready', async () => {
    const page = browser.page;
    await page.goto('/');
    await page.getByText('Nothing to watch yet.').waitFor();
    // a mark that a reload would wipe
    await page.evaluate('window.stillTheSamePage = true');

    const creator = await signupByApi(server.baseUrl, 'firstposter');
    await uploadByApi(creator, makeClip('empty-feed-first', { seconds: 2, frequency: 620 }), 'The very first video #hello');
    await page.getByText('The very first video').first().waitFor({ timeout: 90_000 });
    assert.equal(await page.evaluate('window.stillTheSamePage === true'), true, 'no reload happened');
    assert.equal(await page.getByText('Nothing to watch yet.').count(), 0);
  });
});
