// Watching as a viewer: the feed keeps its place, an action that needed a login is completed
// after it, a grid opens as a swipeable feed, the seek bar scrubs, a short flick moves on, dialogs
// are real modal dialogs for keyboards, toasts keep clear of dialogs, failed uploads and unknown
// pages say what they are.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Video } from '@cliptide/contract';
import { type Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { until, type MediaElementLike, type ScrollerLike } from './support/dom.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';
import { currentTime, waitForPlayback } from './support/video.ts';

/** The page's getComputedStyle, typed (the root tsconfig has no DOM lib). */
type Styled = { getComputedStyle: (el: unknown, pseudo?: string) => Record<string, string> };

// Screenshots go to e2e/screenshots/ (ignored); the ones in docs/screenshots/ are copies of them.

describe('viewer', () => {
  let server: RunningServer;
  let browser: Browser;
  let creator: Account;
  let viewer: Account;
  const ids: string[] = []; // the creator's videos, oldest first

  before(async () => {
    server = await startServer();
    creator = await signupByApi(server.baseUrl, 'vcreator');
    viewer = await signupByApi(server.baseUrl, 'vviewer');
    for (const [i, frequency] of [330, 440, 550].entries()) {
      ids.push(await uploadByApi(creator, makeClip(`viewer-${i}`, { seconds: 4, frequency }), `Clip ${i} #viewer`));
    }
    for (const id of ids) await waitUntilReady(creator, id, 120_000);
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const page = () => browser.page;
  const activeId = async () => page().locator('.feed-item.is-current video').getAttribute('data-video-id');

  it('comes back from a profile to the same video of For You', async () => {
    const p = page();
    await p.goto('/');
    await p.locator('.feed-item').nth(2).waitFor({ state: 'attached' });
    await p.keyboard.press('j');
    await p.locator('.feed[data-active-index="1"]').waitFor();
    // the swipe's scroll has settled on the second video
    await until(() => p.locator('.feed').evaluate((f: ScrollerLike) => Math.abs(f.scrollTop - f.clientHeight) < 2), 'the swipe to the second video');
    const watching = await activeId();
    await waitForPlayback(p.locator('.feed-item.is-current video'), 1.2);
    await p.locator('.feed-item.is-current').getByRole('link', { name: '@vcreator', exact: true }).click();
    await p.waitForURL('**/@vcreator');
    await p.getByRole('heading', { name: 'vcreator' }).waitFor();
    await p.goBack();
    await p.locator('.feed[data-active-index="1"]').waitFor();
    assert.equal(await activeId(), watching, 'the same video is current');
    // and it carries on from where it was (the clips are 4 s long and loop)
    const back = p.locator('.feed-item.is-current video');
    let resumed = 0;
    for (let i = 0; i < 200 && resumed === 0; i++) {
      resumed = await currentTime(back);
      if (resumed === 0) await p.waitForTimeout(50);
    }
    assert.ok(resumed >= 1.0, `resumed at ${resumed.toFixed(2)} s, not from the start`);
    await waitForPlayback(back, resumed + 0.1);
    const scrolled = await p.locator('.feed').evaluate((el) => Math.round(el.scrollTop / el.clientHeight));
    assert.equal(scrolled, 1, 'and in view');
  });

  it('keyboard: Space on a focused button presses it, dialogs hold the focus and give it back', async () => {
    const p = page();
    // the skip link is the first stop and lands on the current video
    await p.reload();
    await waitForPlayback(p.locator('.feed-item.is-current video'), 0.2);
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate('document.activeElement.textContent'), 'Skip to the video');
    await p.keyboard.press('Enter');
    assert.equal(await p.evaluate('document.activeElement.classList.contains("is-current")'), true);
    // few Tab stops per video: the rail is one, and the videos around it are inert
    const stops = await p.evaluate(`[...document.querySelectorAll('.feed-item.is-current a[href], .feed-item.is-current button, .feed-item.is-current [tabindex]')]
      .filter((el) => el.tabIndex >= 0 && !el.closest('[inert]')).length`);
    assert.ok((stops as number) <= 7, `${stops} Tab stops on the current video`);
    assert.equal(await p.locator('.feed-item:not(.is-current):not([inert])').count(), 0, 'the other videos are inert');
    // Tab into the action rail (one stop), then the arrow keys move inside it
    for (let i = 0; i < 12 && !(await p.evaluate('!!document.activeElement.closest(".rail")')); i++) await p.keyboard.press('Tab');
    assert.equal(await p.evaluate('!!document.activeElement.closest(".rail")'), true, 'the rail is reachable with Tab');
    for (let i = 0; i < 8 && !(await p.evaluate('document.activeElement.getAttribute("aria-label")?.startsWith("Comments")')); i++) await p.keyboard.press('ArrowDown');
    const video = p.locator('.feed-item.is-current video');
    await p.keyboard.press('Enter');
    const drawer = p.getByRole('dialog', { name: 'Comments' });
    await drawer.waitFor();
    assert.equal(await video.evaluate((v: MediaElementLike) => v.paused), false, 'Enter opened the comments; the video plays on');
    for (let i = 0; i < 8; i++) {
      await p.keyboard.press('Tab');
      assert.equal(await p.evaluate('!!document.activeElement.closest("dialog[open]")'), true, `Tab ${i + 1} stays in the dialog`);
    }
    await p.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    assert.match((await p.evaluate('document.activeElement.getAttribute("aria-label")')) as string, /^Comments/, 'focus is back on the comments button');
    assert.equal(await p.locator('.feed[data-active-index="0"]').count(), 1, 'Escape did not move the feed');

    // Space on the focused Like button presses it (a visitor is asked to log in), never pauses
    await p.keyboard.press('ArrowUp'); // back to Like
    assert.match((await p.evaluate('document.activeElement.getAttribute("aria-label")')) as string, /^Like/);
    await p.keyboard.press('Space');
    const prompt = p.getByRole('dialog', { name: 'Log in to Cliptide' });
    await prompt.waitFor();
    assert.equal(await video.evaluate((v: MediaElementLike) => v.paused), false, 'Space did not reach the player');
    await p.keyboard.press('Escape');
    await prompt.waitFor({ state: 'detached' });

    // ? opens the shortcuts sheet
    await p.keyboard.press('?');
    const sheet = p.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await sheet.waitFor();
    await sheet.getByText('Next video').waitFor();
    await screenshotBothSizes(p, 'keyboard-shortcuts', async () => {});
    await p.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
  });

  it('likes after logging in from the prompt, on the same video', async () => {
    const p = page();
    const target = (await activeId())!;
    await p.locator('.feed-item.is-current').getByRole('button', { name: /^Like/ }).click();
    await p.getByRole('dialog', { name: 'Log in to Cliptide' }).getByRole('link', { name: 'Log in' }).click();
    await p.getByLabel('Username or email').fill('vviewer');
    await p.getByLabel('Password').fill('correct horse battery');
    await p.getByRole('button', { name: 'Log in' }).click();
    await p.waitForURL((url) => url.pathname === '/');
    await p.locator('.feed-item.is-current').getByRole('button', { name: /^Unlike/ }).waitFor();
    assert.equal(await activeId(), target, 'back on the video that was liked');
    const { video } = await viewer.call<{ video: Video }>('GET', `/videos/${target}`);
    assert.equal(video.counts.likes, 1, 'the like reached the server');
  });

  it('opens the comments again after logging in to comment, on the same video', async () => {
    const visitor = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    try {
      const p = visitor.page;
      await p.goto('/');
      await waitForPlayback(p.locator('.feed-item.is-current video'), 0.2);
      const target = await p.locator('.feed-item.is-current video').getAttribute('data-video-id');
      await p.locator('.feed-item.is-current').getByRole('button', { name: /^Comments/ }).click();
      await p.getByRole('dialog', { name: 'Comments' }).getByLabel('Add a comment').click();
      await p.getByRole('dialog', { name: 'Log in to Cliptide' }).getByRole('link', { name: 'Log in' }).click();
      await p.getByLabel('Username or email').fill('vcreator');
      await p.getByLabel('Password').fill('correct horse battery');
      await p.getByRole('button', { name: 'Log in' }).click();
      await p.waitForURL((url) => url.pathname === '/');
      const drawer = p.getByRole('dialog', { name: 'Comments' });
      await drawer.waitFor();
      assert.equal(await p.locator('.feed-item.is-current video').getAttribute('data-video-id'), target, 'on the same video');
      await drawer.getByLabel('Add a comment').fill('Back after logging in');
      await drawer.getByRole('button', { name: 'Post' }).click();
      await drawer.getByText('Back after logging in').waitFor();
      assert.deepEqual(visitor.consoleErrors, []);
    } finally {
      await visitor.close();
    }
  });

  it('opens a profile grid video as a feed of that grid, swipes on, scrubs, and goes back', async () => {
    const p = page();
    await p.goto('/@vcreator');
    const tiles = p.locator('.grid-link');
    await tiles.nth(2).waitFor();
    const order = await tiles.evaluateAll((links) => links.map((a) => decodeURIComponent(new URL((a as unknown as { href: string }).href).pathname.slice(3))));
    await tiles.nth(1).click();
    await p.waitForURL(/\/v\/.+\?from=profile%3Avcreator/);
    await p.getByRole('button', { name: 'Back to @vcreator’s videos' }).waitFor();
    assert.equal(await activeId(), order[1], 'starts at the tapped video');
    const current = p.locator('.feed-item.is-current video');
    await waitForPlayback(current, 0.3);
    await screenshotBothSizes(p, 'grid-feed', async (pg) => {
      await pg.locator('.feed-item.is-current video').waitFor();
    });

    // drag the seek bar from near the start to 75 %: the time shows while scrubbing
    const seek = p.locator('.feed-item.is-current').getByRole('slider', { name: 'Seek' });
    const box = (await seek.boundingBox())!;
    assert.ok(box.height >= 24, `a large hit area (${box.height}px)`);
    const y = box.y + box.height - 4;
    await p.mouse.move(box.x + box.width * 0.05, y);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
    await p.mouse.move(box.x + box.width * 0.75, y, { steps: 4 });
    assert.match(await p.locator('.seek-time').innerText(), /^0:0\d \/ 0:0\d$/);
    await p.mouse.up();
    const duration = await current.evaluate((v: MediaElementLike) => v.duration);
    const at = await currentTime(current);
    assert.ok(Math.abs(at - 0.75 * duration) < 0.6, `seeked to ${at} of ${duration}`);
    assert.equal(await current.evaluate((v: MediaElementLike) => v.paused), false, 'the tap on the bar did not pause');
    // Space on the focused seek bar plays and pauses, and does not scroll the feed
    await seek.focus();
    await p.keyboard.press('Space');
    await until(() => p.locator('.feed-item.is-current video').evaluate((v: MediaElementLike) => v.paused), 'the video to pause');
    await p.keyboard.press('Space');
    await waitForPlayback(current, 0.1);
    assert.equal(await p.locator('.feed[data-active-index="1"]').count(), 1, 'still on the same video');

    await p.keyboard.press('j');
    await p.locator('.feed[data-active-index="2"]').waitFor();
    assert.equal(await activeId(), order[2], 'the next video of the grid');
    await p.getByRole('button', { name: 'Back to @vcreator’s videos' }).click();
    await p.waitForURL('**/@vcreator');
    await tiles.nth(2).waitFor();
  });

  it('moves on with a short, quick touch flick, and not with a slow short drag', async () => {
    const p = page();
    await p.goto(`/v/${ids[1]}?from=${encodeURIComponent('profile:vcreator')}`);
    await p.locator('.feed-item.is-current video').waitFor();
    const start = Number(await p.locator('.feed').getAttribute('data-active-index'));
    const cdp = await browser.context.newCDPSession(p);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
    // touch events synthesized in the page, timed there (a round trip per event would blur the speed)
    const swipe = (dy: number, ms: number) =>
      p.evaluate(`(async () => {
        const target = document.querySelector('.feed-item.is-current');
        const at = (y) => new Touch({ identifier: 1, target, clientX: 200, clientY: y });
        const fire = (type, y) => target.dispatchEvent(new TouchEvent(type, {
          bubbles: true, cancelable: true,
          touches: type === 'touchend' ? [] : [at(y)], changedTouches: [at(y)],
        }));
        fire('touchstart', 500);
        await new Promise((r) => setTimeout(r, ${ms} / 2));
        fire('touchmove', 500 - ${dy} / 2);
        await new Promise((r) => setTimeout(r, ${ms} / 2));
        fire('touchend', 500 - ${dy});
      })()`);
    await swipe(80, 700); // slow: left to scroll snapping, which puts it back
    await p.waitForTimeout(400);
    assert.equal(Number(await p.locator('.feed').getAttribute('data-active-index')), start, 'a slow short drag stays');
    await swipe(80, 60); // a flick: 80 px in 60 ms
    await p.locator(`.feed[data-active-index="${start + 1}"]`).waitFor({ timeout: 5000 });
    await swipe(-80, 60);
    await p.locator(`.feed[data-active-index="${start}"]`).waitFor({ timeout: 5000 });
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
  });

  it('keeps the one toast clear of an open dialog’s buttons', async () => {
    const creatorBrowser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    try {
      await logInBrowser(creatorBrowser, creator);
      const p = creatorBrowser.page;
      await p.goto(`/v/${ids[2]}`);
      await p.locator('.feed-item.is-current video').waitFor();
      await p.getByRole('button', { name: 'Edit or delete' }).click();
      const dialog = p.getByRole('dialog', { name: 'Edit or delete your video' });
      await dialog.getByRole('button', { name: 'Save changes' }).click();
      await p.getByText('Saved.').waitFor();
      await p.getByRole('button', { name: 'Edit or delete' }).click();
      await dialog.getByRole('button', { name: 'Delete video…' }).click();
      const keep = dialog.getByRole('button', { name: 'Keep it' });
      await keep.waitFor();
      await p.getByText('Saved.').waitFor();
      assert.equal(await p.locator('.toast').count(), 1, 'one toast at a time');
      const toast = (await p.locator('.toast').boundingBox())!;
      const button = (await keep.boundingBox())!;
      const overlaps = toast.x < button.x + button.width && button.x < toast.x + toast.width && toast.y < button.y + button.height && button.y < toast.y + toast.height;
      assert.equal(overlaps, false, 'the toast does not cover “Keep it”');
      await keep.click();
      await p.keyboard.press('Escape');
      assert.deepEqual(creatorBrowser.consoleErrors, []);

      // a failed upload on one's own profile says why, and can be deleted
      const junk = join(tmpdir(), 'cliptide-e2e-not-a-video.mp4');
      writeFileSync(junk, 'this is not a video at all\n'.repeat(200));
      const failedId = await uploadByApi(creator, junk, 'Broken upload');
      const deadline = Date.now() + 60_000;
      while ((await creator.call<{ video: Video }>('GET', `/videos/${failedId}`)).video.status !== 'failed' && Date.now() < deadline) await p.waitForTimeout(300);
      await p.goto('/@vcreator');
      const tile = p.locator('.grid-failed');
      await tile.getByText('Upload failed').waitFor();
      await tile.getByText('not a video').waitFor();
      await tile.getByRole('button', { name: /^Delete failed upload/ }).click();
      await tile.waitFor({ state: 'detached' });
      await p.getByText('Failed upload deleted.').waitFor();
    } finally {
      await creatorBrowser.close();
    }
  });

  it('says an unknown profile or video does not exist, without a useless retry', async () => {
    const p = page();
    await p.goto('/@nobody_here');
    await p.getByRole('heading', { name: '@nobody_here doesn’t exist' }).waitFor();
    assert.equal(await p.getByRole('button', { name: 'Try again' }).count(), 0);
    await p.goto('/v/00000000-0000-4000-8000-000000000000');
    await p.getByRole('heading', { name: 'This video isn’t available' }).waitFor();
    assert.equal(await p.getByRole('button', { name: 'Try again' }).count(), 0);
  });

  it('respects reduced motion and keeps captions readable', async () => {
    const p = page();
    await p.emulateMedia({ reducedMotion: 'reduce' });
    await p.goto('/');
    await p.locator('.feed-item.is-current video').waitFor();
    await p.locator('.feed-item.is-current').getByRole('button', { name: /^Comments/ }).click();
    const duration = await p.locator('.dialog-panel').evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).animationDuration!);
    assert.ok(parseFloat(duration) < 0.001, `no sheet animation (${duration})`);
    await p.keyboard.press('Escape');
    await p.keyboard.press('j');
    // the move is instant: already in place on the next frame
    await p.waitForTimeout(50);
    const offset = await p.locator('.feed').evaluate((el) => el.scrollTop / el.clientHeight);
    assert.equal(Math.round(offset * 100) / 100, Math.round(offset), `no smooth scroll (${offset})`);
    await p.emulateMedia({ reducedMotion: 'no-preference' });
    const shadow = await p.locator('.feed-item.is-current .caption').evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el).textShadow!);
    assert.notEqual(shadow, 'none', 'captions have a shadow');
    const scrim = await p.locator('.feed-item.is-current .info').evaluate((el) => (globalThis as unknown as Styled).getComputedStyle(el, '::before').backgroundImage!);
    assert.match(scrim, /rgba\(0, 0, 0, 0\.7/, 'and a dark scrim behind them');
  });

  it('had no console errors besides the unknown pages’ 404s', () => {
    const errors = browser.consoleErrors.filter((e) => !e.includes('404'));
    assert.deepEqual(errors, []);
  });
});

