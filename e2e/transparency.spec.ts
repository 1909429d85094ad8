// Data sovereignty in Chromium (decision 025): a person signs up; a support operator of the same
// jurisdiction looks them up on /operator/accounts; the person sees that access on /settings/privacy
// with its inclusion proof verified in the browser; an operator from another jurisdiction is refused,
// and the refusal shows in /transparency's counts. Roles are granted with `npm run admin` while the
// server is stopped (the embedded database has one writer), as an operator would.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signupByApi, type Account } from './support/api.ts';
import { DESKTOP, launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { logInBrowser } from './support/session.ts';
import { screenshotBothSizes } from './support/screenshots.ts';
import { ROOT, startServer, type RunningServer } from './support/server.ts';

const admin = (dataDir: string, ...args: string[]) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'server/src/cli/admin.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' },
    encoding: 'utf8',
  });

describe('who accessed my data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cliptide-e2e-transparency-'));
  let server: RunningServer;
  let operatorBrowser: Browser;
  let personBrowser: Browser;
  let person: Account;
  let support: Account;
  let foreign: Account;

  before(async () => {
    server = await startServer({ dataDir });
    support = await signupByApi(server.baseUrl, 'sue_support');
    foreign = await signupByApi(server.baseUrl, 'ulla_abroad');
    await server.stop();
    assert.match(admin(dataDir, 'grant', 'sue_support', 'support', '--jurisdiction', 'default'), /now support for default/);
    assert.match(admin(dataDir, 'grant', 'ulla_abroad', 'support', '--jurisdiction', 'us'), /now support for us/);
    server = await startServer({ dataDir });
    operatorBrowser = await launchBrowser({ baseUrl: server.baseUrl, viewport: DESKTOP });
    personBrowser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
  });

  after(async () => {
    await operatorBrowser?.close();
    await personBrowser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('a support operator of the same jurisdiction looks the person up', async () => {
    person = await signupByApi(server.baseUrl, 'pia_person');
    for (const a of [support, foreign, person]) Object.assign(a, { baseUrl: server.baseUrl });
    await logInBrowser(operatorBrowser, support);
    const page = operatorBrowser.page;
    await page.goto('/operator/accounts');
    await page.getByLabel('Username').fill('pia_person');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByTestId('operator-account').getByText('pia_person@example.test').waitFor();
    await page.getByText(/Logged as entry #0 of default/).waitFor();
  });

  it('an operator from another jurisdiction is refused', async () => {
    await operatorBrowser.context.clearCookies();
    await logInBrowser(operatorBrowser, foreign);
    const page = operatorBrowser.page;
    await page.goto('/operator/accounts');
    await page.getByLabel('Username').fill('pia_person');
    await page.getByRole('button', { name: 'Look up' }).click();
    await page.getByRole('alert').getByText(/does not let your jurisdiction read data held in that region/).waitFor();
    assert.equal(await page.getByTestId('operator-account').count(), 0, 'no data shown');
  });

  it('the person sees both requests, each proof verified in the browser', async () => {
    await logInBrowser(personBrowser, person);
    const page = personBrowser.page;
    await page.goto('/settings/privacy');
    const list = page.getByRole('list', { name: 'Accesses to your data' });
    await list.waitFor();
    await list.getByText('Read by a support operator in default, for support').waitFor();
    await list.getByText('Refused by a support operator in us, for support').waitFor();
    await page.getByTestId('checkpoint-status').getByText(/signature verified \(Ed25519/).waitFor();
    assert.equal(await list.getByText('✓ proof verified').count(), 2);
    assert.equal(await list.getByText('FAILED').count(), 0);
    await screenshotBothSizes(page, 'privacy-access-log');
  });

  it('the refusal appears in the public transparency counts', async () => {
    const page = personBrowser.page;
    await page.goto('/transparency');
    const month = new Date().toISOString().slice(0, 7);
    await page.getByTestId(`total-${month}`).waitFor();
    assert.equal(await page.getByTestId(`total-${month}`).textContent(), '2');
    assert.equal(await page.getByTestId(`denied-${month}`).textContent(), '1');
    await page.getByTestId('signature-status').getByText('verified in this browser').waitFor();
    await screenshotBothSizes(page, 'transparency');
  });
});
