// A reload in the middle of an upload: the studio remembers the pending video, the same file is
// picked again, and tus continues from the server's offset instead of starting over.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signupByApi } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { startServer, type RunningServer } from './support/server.ts';

const CHUNK = 64 * 1024;
/** Chunks the server stores before the upload is interrupted: the offset the resume must start from. */
const STORED_CHUNKS = 4;

describe('resumable upload', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    await signupByApi(server.baseUrl, 'carol');
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('continues from the server’s offset after a reload mid-upload', async () => {
    const page = browser.page;
    const clip = makeClip('resume', { seconds: 4, crf: 18, frequency: 550 });
    const size = statSync(clip).size;
    assert.ok(size > (STORED_CHUNKS + 2) * CHUNK, `the clip is big enough to be caught mid-upload (${size} bytes)`);

    await page.goto('/login');
    await page.getByLabel('Username or email').fill('carol');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.evaluate(`localStorage.setItem('cliptide:upload-chunk-size', '${CHUNK}')`);

    // The test controls the network instead of a throttle: the first STORED_CHUNKS tus PATCH
    // requests go through, the next one is held (never sent) until the page reloads, so the
    // reload happens with exactly STORED_CHUNKS chunks on the server, on any machine.
    type Write = { method: string; url: string; offset: number };
    const before: Write[] = [];
    let reloaded = false;
    let onHeld!: (write: Write) => void;
    const held = new Promise<Write>((resolve) => (onHeld = resolve));
    let onFirstAfter!: (write: Write) => void;
    const firstAfter = new Promise<Write>((resolve) => (onFirstAfter = resolve));
    const isUploads = (url: URL) => url.pathname.startsWith('/api/v1/uploads');
    await page.route(isUploads, async (route) => {
      const request = route.request();
      const write = { method: request.method(), url: request.url(), offset: Number(request.headers()['upload-offset']) };
      if (write.method !== 'PATCH' && write.method !== 'POST') return route.continue();
      if (reloaded) {
        onFirstAfter(write); // a resume PATCHes the same upload; a restart would POST a new one
        return route.continue();
      }
      if (write.method === 'PATCH' && write.offset >= STORED_CHUNKS * CHUNK) return onHeld(write); // left pending: the upload stalls
      if (write.method === 'PATCH') before.push(write);
      return route.continue();
    });
    // Only for a broken upload that never gets there: the limit turns a hang into a failure.
    const guard = <T>(what: string, promise: Promise<T>) =>
      Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within 120 s`)), 120_000).unref())]);

    await page.goto('/upload');
    await page.getByLabel('Video file').setInputFiles(clip);
    await page.getByLabel('Caption').fill('Resumed #e2e');
    await page.getByRole('button', { name: 'Post' }).click();

    const stalled = await guard('PATCH past the stored chunks', held);
    assert.equal(stalled.offset, STORED_CHUNKS * CHUNK, 'tus sends the chunks in order');
    assert.deepEqual(before.map((p) => p.offset), Array.from({ length: STORED_CHUNKS }, (_, i) => i * CHUNK));
    const stored = await page.request.head(stalled.url, { headers: { 'Tus-Resumable': '1.0.0' } });
    assert.equal(Number(stored.headers()['upload-offset']), STORED_CHUNKS * CHUNK, 'the server holds the chunks that went through');

    reloaded = true;
    await page.reload();

    await page.getByText(/Your upload of resume\.mp4 stopped at \d+%/).waitFor();
    await page.getByLabel('Video file').setInputFiles(clip);
    await page.getByRole('heading', { name: 'Resuming upload' }).waitFor();

    // Resumed: the same tus upload, from the server's offset. A restart would POST a new upload
    // (or PATCH from 0); a client that trusted its own count could skip or resend bytes.
    const resumed = await guard('upload request after the reload', firstAfter);
    assert.equal(resumed.method, 'PATCH', 'the upload was resumed, not created again');
    assert.equal(resumed.url, stalled.url, 'the same upload continued');
    assert.equal(resumed.offset, STORED_CHUNKS * CHUNK, `resumed from byte ${resumed.offset}, the server’s offset`);

    await page.getByRole('heading', { name: 'Your video is live' }).waitFor({ timeout: 90_000 });
    await page.unroute(isUploads);
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
