// A reload in the middle of an upload: the studio remembers the pending video, the same file is
// picked again, and tus continues from the server's offset instead of starting over.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession } from 'playwright-core';
import { signupByApi } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { startServer, type RunningServer } from './support/server.ts';

const CHUNK = 64 * 1024;
const UPLOAD_BYTES_PER_SECOND = 96 * 1024;

describe('resumable upload', () => {
  let server: RunningServer;
  let browser: Browser;
  let cdp: CDPSession;

  before(async () => {
    server = await startServer();
    await signupByApi(server.baseUrl, 'carol');
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    cdp = await browser.context.newCDPSession(browser.page);
    await cdp.send('Network.enable');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const throttle = (uploadThroughput: number) =>
    cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput });

  it('continues from the server’s offset after a reload mid-upload', async () => {
    const page = browser.page;
    const clip = makeClip('resume', { seconds: 4, crf: 18, frequency: 550 });
    const size = statSync(clip).size;
    assert.ok(size > 12 * CHUNK, `the clip is big enough to be caught mid-upload (${size} bytes)`);

    await page.goto('/login');
    await page.getByLabel('Username or email').fill('carol');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.evaluate(`localStorage.setItem('cliptide:upload-chunk-size', '${CHUNK}')`);

    const patches: { offset: number; afterReload: boolean }[] = [];
    let reloaded = false;
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().includes('/api/v1/uploads/')) {
        patches.push({ offset: Number(request.headers()['upload-offset']), afterReload: reloaded });
      }
    });

    await page.goto('/upload');
    await page.getByLabel('Video file').setInputFiles(clip);
    await page.getByLabel('Caption').fill('Resumed #e2e');
    await throttle(UPLOAD_BYTES_PER_SECOND);
    await page.getByRole('button', { name: 'Post' }).click();

    const bar = page.getByRole('progressbar', { name: 'Upload progress' });
    let percent = 0;
    const deadline = Date.now() + 60_000;
    while (percent < 25 && Date.now() < deadline) {
      percent = Number(await bar.getAttribute('aria-valuenow'));
      await page.waitForTimeout(100);
    }
    assert.ok(percent >= 10 && percent <= 90, `reloading mid-upload at ${percent}%`);
    reloaded = true;
    await page.reload();

    await page.getByText(/Your upload of resume\.mp4 stopped at \d+%/).waitFor();
    await page.getByLabel('Video file').setInputFiles(clip);
    await page.getByRole('heading', { name: 'Resuming upload' }).waitFor();
    await page.getByRole('progressbar', { name: 'Upload progress' }).waitFor();

    const deadline2 = Date.now() + 15_000;
    while (!patches.some((p) => p.afterReload) && Date.now() < deadline2) await page.waitForTimeout(50);
    const before = patches.filter((p) => !p.afterReload);
    const firstAfter = patches.find((p) => p.afterReload);
    assert.ok(firstAfter, 'the upload continued after the reload');
    assert.ok(firstAfter.offset > 0, `resumed from byte ${firstAfter.offset}, not from 0`);
    assert.ok(firstAfter.offset >= Math.max(...before.map((p) => p.offset)), 'nothing already stored was sent again');

    await throttle(-1);
    await page.getByRole('heading', { name: 'Your video is live' }).waitFor({ timeout: 90_000 });
    assert.deepEqual(browser.consoleErrors, []);
  });

  it('lets the creator edit the caption and visibility, then delete the video', async () => {
    const page = browser.page;
    await page.getByRole('link', { name: 'Watch it' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/v/'));
    const videoPath = new URL(page.url()).pathname;
    const videoId = decodeURIComponent(videoPath.slice(3));

    await page.getByRole('button', { name: 'Edit or delete' }).click();
    const sheet = page.getByRole('dialog', { name: 'Edit or delete your video' });
    await sheet.getByLabel('Caption').fill('Edited caption #renamed');
    await sheet.getByLabel('Who can watch').selectOption('followers');
    await sheet.getByRole('button', { name: 'Save changes' }).click();
    await sheet.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: '#renamed' }).waitFor();
    const edited = (await (await page.request.get(`/api/v1/videos/${videoId}`)).json()) as { video: { caption: string; visibility: string } };
    assert.equal(edited.video.caption, 'Edited caption #renamed');
    assert.equal(edited.video.visibility, 'followers');

    await page.getByRole('button', { name: 'Edit or delete' }).click();
    await sheet.getByRole('button', { name: 'Delete video…' }).click();
    await sheet.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.waitForURL((url) => url.pathname === '/@carol');
    assert.equal((await page.request.get(`/api/v1/videos/${videoId}`)).status(), 404);
    assert.deepEqual(browser.consoleErrors, []);
  });

  it('shows the server’s reason when a file is not a video', async () => {
    const page = browser.page;
    const notes = join(tmpdir(), `cliptide-e2e-notes-${process.pid}.mp4`);
    writeFileSync(notes, 'shopping list\n- milk\n- eggs\n'.repeat(40));
    await page.goto('/upload');
    await page.getByLabel('Video file').setInputFiles(notes);
    await page.getByLabel('Caption').fill('Not really a video');
    await page.getByRole('button', { name: 'Post' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'We couldn’t process this video' });
    await failure.waitFor({ timeout: 60_000 });
    assert.match((await failure.textContent()) ?? '', /This is a text file, not a video\./);
    await failure.getByRole('button', { name: 'Try another file' }).click();
    await page.getByLabel('Video file').waitFor();
    assert.deepEqual(browser.consoleErrors, []);
  });
});
