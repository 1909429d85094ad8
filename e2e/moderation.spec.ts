// Trust and safety end to end (decision 023): a viewer reports a video from its page; a moderator
// (granted with the real `npm run admin` command) finds it in the queue and removes it; the creator
// sees the decision and appeals; a second moderator reverses it; the video is back.
//
// Granting: on the embedded database the admin command refuses to run while a server holds it, so
// the spec signs everyone up, stops the server, runs the command on the same data directory, and
// starts the server again on it (sessions live in the database and survive the restart).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Account, signupByApi, uploadByApi, waitUntilReady } from './support/api.ts';
import { launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { makeClip } from './support/clips.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { ROOT, startServer, type RunningServer } from './support/server.ts';
import { logInBrowser } from './support/session.ts';

function admin(dataDir: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/cli/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' },
    encoding: 'utf8',
  });
  assert.equal(result.status, 0, `admin ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('moderation', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cliptide-e2e-moderation-'));
  let server: RunningServer;
  let browser: Browser;
  const people: Record<'creator' | 'viewer' | 'modA' | 'modB', Account> = {} as never;
  let videoId = '';

  before(async () => {
    let first: RunningServer | null = await startServer({ dataDir, readyTimeoutMs: 180_000 });
    try {
      for (const [key, name] of [['creator', 'mod_creator'], ['viewer', 'mod_viewer'], ['modA', 'mod_alice'], ['modB', 'mod_bruno']] as const) {
        people[key] = await signupByApi(first.baseUrl, name);
      }
      await first.stop();
      first = null;
      assert.match(admin(dataDir, 'grant', 'mod_alice', 'moderator'), /now moderator/);
      assert.match(admin(dataDir, 'grant', 'mod_bruno', 'moderator'), /now moderator/);
    } finally {
      await first?.stop();
    }
    server = await startServer({ dataDir, readyTimeoutMs: 180_000 });
    for (const key of Object.keys(people) as (keyof typeof people)[]) {
      const moved = new Account(server.baseUrl, people[key].username);
      moved.cookie = people[key].cookie;
      people[key] = moved;
    }
    videoId = await uploadByApi(people.creator, makeClip('moderation', { seconds: 2 }), 'a risky stunt');
    await waitUntilReady(people.creator, videoId);
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function as(who: Account) {
    await browser.context.clearCookies();
    await logInBrowser(browser, who);
  }

  const anonymousStatus = async () => (await fetch(`${server.baseUrl}/api/v1/videos/${videoId}`)).status;

  it('a viewer reports the video from its page, with a category and a note', async () => {
    await as(people.viewer);
    const page = browser.page;
    await page.goto(`/v/${videoId}`);
    await page.getByRole('button', { name: 'Report' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report this video' });
    await dialog.getByRole('radio', { name: 'Violence or dangerous acts' }).check();
    await dialog.getByLabel(/Anything a moderator should know/).fill('someone could get hurt copying this');
    await screenshotBothSizes(page, 'report-dialog');
    await dialog.getByRole('button', { name: 'Send report' }).click();
    await page.getByText('Thanks — a moderator will look at it.').waitFor();
    const mine = await people.viewer.call<{ items: { status: string }[] }>('GET', '/me/reports');
    assert.equal(mine.items[0]?.status, 'open');
  });

  it('a moderator sees it in the queue, claims it and removes it', async () => {
    await as(people.modA);
    const page = browser.page;
    await page.goto('/moderation');
    const item = page.getByRole('listitem', { name: 'Violence or dangerous acts: video' });
    await item.getByText('someone could get hurt copying this').waitFor();
    await item.getByText('a risky stunt').waitFor();
    assert.equal(await item.getByText('mod_viewer').count(), 0, 'the reporter is not named');
    await item.getByRole('button', { name: 'Claim' }).click();
    await item.getByLabel('Decision', { exact: true }).selectOption('remove');
    await item.getByLabel('Policy').selectOption('violence');
    await screenshotBothSizes(page, 'moderation-queue');
    await item.getByRole('button', { name: 'Decide' }).click();
    await item.waitFor({ state: 'detached' });
    assert.equal(await anonymousStatus(), 404, 'removed for everyone');
  });

  it('the creator is told, sees the decision and appeals once', async () => {
    await as(people.creator);
    const page = browser.page;
    await page.goto('/inbox');
    await page.getByText('Cliptide moderation:').waitFor();
    await page.getByRole('link', { name: 'See the decision and appeal' }).click();
    const decision = page.getByRole('listitem').filter({ hasText: 'a risky stunt' });
    await decision.getByText('Violence or dangerous acts').waitFor();
    await decision.getByRole('button', { name: 'Appeal' }).click();
    await decision.getByLabel(/Why should it be looked at again/).fill('it was filmed by professionals on a closed set');
    await decision.getByRole('button', { name: 'Send appeal' }).click();
    await decision.getByText('Appealed — waiting for a different moderator.').waitFor();
    assert.equal(await decision.getByRole('button', { name: 'Appeal' }).count(), 0, 'once');
  });

  it('the deciding moderator does not get the appeal; a second moderator reverses it and the video is back', async () => {
    const queueA = await people.modA.call<{ items: { kind: string }[] }>('GET', '/moderation/queue');
    assert.equal(queueA.items.filter((i) => i.kind === 'appeal').length, 0);
    await as(people.modB);
    const page = browser.page;
    await page.goto('/moderation');
    const item = page.getByRole('listitem', { name: 'Appeal: video' });
    await item.getByText('it was filmed by professionals on a closed set').waitFor();
    await item.getByRole('button', { name: 'Claim' }).click();
    await item.getByLabel('Decision', { exact: true }).selectOption('appeal_reversed');
    await item.getByRole('button', { name: 'Decide' }).click();
    await item.waitFor({ state: 'detached' });
    assert.equal(await anonymousStatus(), 200, 'restored');

    await as(people.creator);
    await page.goto('/settings/decisions');
    await page.getByText('Appeal decided: the decision was reversed.').waitFor();
    await page.goto(`/v/${videoId}`);
    await page.getByText('a risky stunt').first().waitFor();
  });
});
