// The main journey through the real server and Chromium: sign up, upload through the studio,
// find the video on the profile and in a follower's Following feed, play it (real decoding),
// like, comment, follow, swipe to the next video — with screenshots and no console errors.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedPreferences, Video } from '@cliptide/contract';
import { Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { DESKTOP, launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip, makePicture } from './support/clips.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { startServer, type RunningServer } from './support/server.ts';
import type { MediaElementLike } from './support/dom.ts';
import { currentTime, waitForPlayback } from './support/video.ts';

describe('creator and viewer journey', () => {
  let server: RunningServer;
  let creator: Browser;
  let viewer: Browser;
  let alice: Account;
  let bob: Account;
  let firstVideoId = '';

  before(async () => {
    server = await startServer();
    creator = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    viewer = await launchBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    bob = await signupByApi(server.baseUrl, 'bob');
  });

  after(async () => {
    await creator?.close();
    await viewer?.close();
    await server?.stop();
  });

  it('refuses a sign-up under 13 with a friendly message, then signs up', async () => {
    const page = creator.page;
    await page.goto('/signup');
    await page.getByLabel('Username').fill('alice');
    await page.getByLabel('Email').fill('alice@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByLabel('Birthdate').fill(new Date(Date.now() - 10 * 365 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.getByRole('alert').filter({ hasText: 'at least 13' }).waitFor();
    assert.equal(await page.getByText('at least 13').count(), 1, 'the refusal is said once, next to the birthdate');
    // Chromium logs the refused request (422) it was asked to make; the app itself logged nothing
    assert.ok(creator.consoleErrors.every((e) => e.includes('status of 422')));
    creator.consoleErrors.length = 0;

    await page.getByLabel('Birthdate').fill('1995-05-05');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('link', { name: 'Profile' }).waitFor();
    alice = new Account(server.baseUrl, 'alice');
    const cookie = (await creator.context.cookies()).find((c) => c.name === 'cliptide_session');
    assert.ok(cookie, 'the session cookie is set');
    alice.cookie = `${cookie.name}=${cookie.value}`;
  });

  it('uploads a clip through the studio and waits until it is live', async () => {
    const page = creator.page;
    const clip = makeClip('journey-first', { seconds: 3, frequency: 440 });
    await page.getByRole('link', { name: 'Upload' }).click();
    await page.getByLabel('Video file').setInputFiles(clip);
    await page.getByLabel('Preview of the chosen video').waitFor();
    await page.getByLabel('Caption').fill('My first clip #cliptide #e2e');
    await screenshotBothSizes(page, 'upload-studio');
    await page.getByRole('button', { name: 'Post' }).click();
    await page.getByRole('heading', { name: 'Your video is live' }).waitFor({ timeout: 90_000 });
  });

  it('shows the video on the profile, and a second video arrives by API', async () => {
    const page = creator.page;
    await page.getByRole('link', { name: 'Go to profile' }).click();
    await page.waitForURL('**/@alice');
    const tile = page.getByRole('link', { name: /My first clip #cliptide #e2e by @alice/ });
    await tile.waitFor();
    firstVideoId = decodeURIComponent((await tile.getAttribute('href'))!.replace('/v/', ''));
    const second = await uploadByApi(alice, makeClip('journey-second', { seconds: 3, frequency: 660 }), 'Second one #e2e');
    await waitUntilReady(alice, second);

    await page.getByRole('link', { name: 'Edit profile' }).click();
    await page.getByLabel('Change picture').setInputFiles(makePicture('alice-avatar'));
    await page.getByText('Picture updated').waitFor();
    await page.getByLabel('Display name').fill('Alice Liddell');
    await page.getByLabel('Bio').fill('Tiny test clips, made by ffmpeg. #e2e');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL('**/@alice');
    await page.getByRole('heading', { name: 'Alice Liddell' }).waitFor();
    await page.getByText('Tiny test clips, made by ffmpeg.').waitFor();
    await page.getByRole('link', { name: /Second one #e2e by @alice/ }).waitFor();
    await screenshotBothSizes(page, 'profile', async (p) => {
      await p.locator('.grid-link img').first().waitFor();
      // (no waitForFunction with a string: the page's CSP forbids eval, as it should)
      await p.locator('.toast').first().waitFor({ state: 'detached' });
    });
    assert.deepEqual(creator.consoleErrors, []);
  });

  it('lets a follower log in, follow, and see the videos in Following', async () => {
    const page = viewer.page;
    await page.goto('/login');
    await page.getByLabel('Username or email').fill('bob');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.goto('/@alice');
    await page.getByRole('button', { name: 'Follow @alice' }).click();
    await page.getByRole('button', { name: 'Unfollow @alice' }).waitFor();
    await page.getByTestId('followers-count').filter({ hasText: '1' }).waitFor();

    await page.getByRole('link', { name: 'Following' }).first().click();
    await page.waitForURL('**/following');
    await page.locator('.feed-item').nth(1).waitFor();
    assert.equal(await page.locator('.feed-item').count(), 2, 'both of alice’s videos are in Following');
  });

  it('plays the current video (currentTime advances) and only that one', async () => {
    const page = viewer.page;
    const first = page.locator('video[data-feed-index="0"]');
    await waitForPlayback(first, 0.5);
    const second = page.locator('video[data-feed-index="1"]');
    assert.equal(await second.evaluate((v: MediaElementLike) => v.paused), true, 'the next video waits, preloaded');
    await screenshotBothSizes(page, 'feed');
  });

  it('likes, comments, replies, deletes a reply and saves, with counts confirmed by the server', async () => {
    const page = viewer.page;
    const item = page.locator('.feed-item[data-index="0"]');
    const videoId = (await page.locator('video[data-feed-index="0"]').getAttribute('data-video-id'))!;
    await item.getByRole('button', { name: 'Like, 0' }).click();
    await item.getByRole('button', { name: 'Unlike, 1' }).waitFor();

    await item.getByRole('button', { name: 'Comments, 0' }).click();
    const drawer = page.getByRole('dialog', { name: 'Comments' });
    await drawer.getByText('No comments yet').waitFor();
    await drawer.getByLabel('Add a comment').fill('Love this #e2e');
    await drawer.getByRole('button', { name: 'Post' }).click();
    const mine = drawer.getByRole('article', { name: 'Comment by @bob' });
    await mine.getByText('Love this #e2e').waitFor();
    // one level of replies; a reply of your own can be deleted
    await mine.getByRole('button', { name: 'Reply to @bob' }).click();
    await drawer.getByRole('textbox', { name: 'Reply to @bob' }).fill('And a reply');
    await drawer.getByRole('button', { name: 'Post' }).click();
    await mine.locator('.replies').getByText('And a reply').waitFor();
    await drawer.getByRole('button', { name: 'Close' }).click();
    await item.getByRole('button', { name: 'Comments, 2' }).click();
    await drawer.getByRole('button', { name: 'View 1 reply' }).click();
    await mine.locator('.replies').getByRole('button', { name: 'Delete comment' }).click();
    await mine.locator('.replies').getByText('And a reply').waitFor({ state: 'detached' });
    await drawer.getByRole('button', { name: 'Close' }).click();
    await item.getByRole('button', { name: 'Comments, 1' }).waitFor();

    await item.getByRole('button', { name: 'Save, 0' }).click();
    await item.getByRole('button', { name: 'Remove from saved, 1' }).waitFor();

    await item.getByRole('button', { name: 'Share, 0' }).click();
    const sheet = page.getByRole('dialog', { name: 'Share' });
    const embedCode = sheet.getByLabel('Embed in a page');
    await embedCode.waitFor();
    assert.match(await embedCode.inputValue(), new RegExp(`^<iframe src="${server.baseUrl}/embed/${videoId}"`));
    await sheet.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText('Link copied').waitFor();
    await item.getByRole('button', { name: 'Share, 1' }).waitFor();
    assert.equal(await page.evaluate('navigator.clipboard.readText()'), `${server.baseUrl}/v/${videoId}`);

    // the embed code's page: the video alone, playable, with a way to the site
    const embed = await viewer.context.newPage();
    await embed.goto(`/embed/${videoId}`);
    await embed.getByRole('button', { name: /^Play the video by @/ }).click();
    await waitForPlayback(embed.locator('video'));
    await embed.getByRole('link', { name: 'Watch on Cliptide' }).waitFor();
    await embed.close();

    const { video } = await bob.call<{ video: Video }>('GET', `/videos/${videoId}`);
    assert.equal(video.counts.likes, 1);
    assert.equal(video.counts.comments, 1);
    assert.equal(video.counts.saves, 1);
    assert.deepEqual([video.viewer.liked, video.viewer.saved], [true, true]);
  });

  it('swipes to the next video: it plays, the previous one stops, and the view is reported', async () => {
    const page = viewer.page;
    const firstId = await page.locator('video[data-feed-index="0"]').getAttribute('data-video-id');
    const report = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/videos/${firstId}/views`), { timeout: 10_000 });
    await page.locator('.feed').hover();
    await page.mouse.wheel(0, 400);
    await page.locator('.feed[data-active-index="1"]').waitFor();
    await waitForPlayback(page.locator('video[data-feed-index="1"]'), 0.3);
    assert.equal(await page.locator('video[data-feed-index="0"]').evaluate((v: MediaElementLike) => v.paused), true);
    const sent = (await report).postDataJSON() as { watchedMs: number; completed: boolean; replays: number; source: string };
    assert.ok(sent.watchedMs > 300, `watched time reported (${sent.watchedMs} ms)`);
    assert.equal(typeof sent.completed, 'boolean');
    assert.equal(sent.source, 'following');
    assert.equal((await (await report).response())?.status(), 204);

    await page.keyboard.press('k');
    await page.locator('.feed[data-active-index="0"]').waitFor();
    await page.keyboard.press('j');
    await page.locator('.feed[data-active-index="1"]').waitFor();
    assert.ok((await currentTime(page.locator('video[data-feed-index="1"]'))) >= 0);
  });

  it('steers For You: why this video, not interested, and the settings', async () => {
    // carol is new (bob has watched both videos, so his For You has nothing left) and has her own browser
    const carol = await signupByApi(server.baseUrl, 'carol');
    const browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    try {
      const page = browser.page;
      await page.goto('/login');
      await page.getByLabel('Username or email').fill('carol');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      const first = page.locator('.feed-item[data-index="0"]');
      await first.getByRole('button', { name: 'Why this video' }).click();
      const why = page.getByRole('dialog', { name: 'Why you’re seeing this video' });
      assert.ok((await why.locator('li').count()) >= 1, 'the For You item explains itself');
      await screenshotBothSizes(page, 'why-this-video');
      const dismissed = (await page.locator('video[data-feed-index="0"]').getAttribute('data-video-id'))!;
      await why.getByRole('button', { name: 'Not interested' }).click();
      await page.getByText('this video won’t come back').waitFor();
      await page.locator(`video[data-video-id="${dismissed}"]`).waitFor({ state: 'detached' });

      await page.goto('/@carol');
      await page.getByRole('link', { name: 'For You settings' }).click();
      await page.waitForURL('**/settings/feed');
      const personalise = page.getByRole('switch', { name: 'Personalise For You from what I watch' });
      assert.equal(await personalise.isChecked(), true, 'personalised by default');
      await personalise.click();
      await page.getByText('For You is no longer personalised').waitFor();
      await page.getByLabel('Word or hashtag to filter').fill('#Spoilers');
      await page.getByRole('button', { name: 'Add filter' }).click();
      await page.getByRole('button', { name: 'Remove filter spoilers' }).waitFor();
      type Prefs = { preferences: FeedPreferences };
      assert.deepEqual((await carol.call<Prefs>('GET', '/me/feed-preferences')).preferences, { personalized: false, keywordFilters: ['spoilers'] });

      await page.reload();
      assert.equal(await page.getByRole('switch', { name: 'Personalise For You from what I watch' }).isChecked(), false, 'the choice is kept');
      await screenshotBothSizes(page, 'foryou-settings');
      await page.getByRole('button', { name: 'Remove filter spoilers' }).click();
      await page.getByText('No filters yet.').waitFor();
      await page.getByRole('button', { name: 'Refresh For You…' }).click();
      await page.getByRole('button', { name: 'Yes, start fresh' }).click();
      await page.getByText('For You starts fresh').waitFor();
      await page.getByRole('switch', { name: 'Personalise For You from what I watch' }).click();
      await page.getByText('For You is personalised again').waitFor();
      assert.deepEqual((await carol.call<Prefs>('GET', '/me/feed-preferences')).preferences, { personalized: true, keywordFilters: [] });
      assert.deepEqual(browser.consoleErrors, []);
    } finally {
      await browser.close();
    }
  });

  it('shows collections: the saved video on bob’s own profile, and bob among alice’s followers', async () => {
    const page = viewer.page;
    const saved = await bob.call<{ items: Video[] }>('GET', '/me/saved');
    assert.equal(saved.items.length, 1);
    await page.goto('/@bob');
    await page.getByRole('tab', { name: 'Saved' }).click();
    await page.locator(`.grid-cell a[href^="/v/${saved.items[0]!.id}"]`).waitFor();
    await page.goto('/@alice');
    await page.getByRole('link', { name: /^1 followers$/ }).click();
    await page.waitForURL('**/@alice/followers');
    await page.getByRole('link', { name: /@bob/ }).waitFor();
  });

  it('had no console errors on the pages it visited', async () => {
    // a logged-out visitor watches For You, and each item says why it is there
    const visitor = creator.page;
    await visitor.goto('/@alice');
    await visitor.getByRole('button', { name: 'Log out' }).click();
    await visitor.getByRole('link', { name: 'Log in' }).waitFor();
    await visitor.goto('/');
    await waitForPlayback(visitor.locator('video[data-feed-index="0"]'), 0.2);
    await visitor.locator('.feed-item').first().getByRole('button', { name: 'Why this video' }).click();
    const why = visitor.getByRole('dialog', { name: 'Why you’re seeing this video' });
    assert.ok((await why.locator('li').count()) >= 1, 'the For You item explains itself');
    await why.getByRole('button', { name: 'Close' }).click();
    await visitor.locator('.feed-item').first().getByRole('button', { name: /^Like/ }).click();
    await visitor.getByRole('dialog', { name: 'Log in to Cliptide' }).waitFor();

    const page = viewer.page;
    for (const path of ['/', '/search?q=e2e', '/tag/e2e', `/v/${firstVideoId}`]) {
      await page.goto(path);
      await page.locator('main .state, main .feed-item, main .grid, main h1').first().waitFor();
      await page.waitForTimeout(500);
    }
    assert.deepEqual(viewer.consoleErrors, []);
    assert.deepEqual(creator.consoleErrors, []);
  });
});
