// Forms say what the server said, where it belongs: a field problem next to its field, anything
// else once above the button. Driven against the real server, whose answers the form reads.
// Also: the API reference at /api/docs renders in the browser from this server alone.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { signupByApi } from './support/api.ts';
import type { Page } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE, type Browser } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

/** Waits for the field labelled `label` to show `text` as its error, and says it is wired to the field. */
async function fieldError(page: Page, label: string, text: string | RegExp) {
  const alert = page.getByRole('alert').filter({ hasText: text });
  await alert.waitFor();
  const field = page.getByLabel(label, { exact: true });
  assert.equal(await field.getAttribute('aria-invalid'), 'true', `${label} is marked invalid`);
  assert.equal(await field.getAttribute('aria-describedby'), await alert.getAttribute('id'), `${label}'s error is read with it`);
}

describe('forms show the server’s answers', () => {
  let server: RunningServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser({ baseUrl: server.baseUrl, viewport: PHONE });
    await signupByApi(server.baseUrl, 'taken_name');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sign-up shows each invalid field’s message next to the field', async () => {
    const page = browser.page;
    await page.goto('/signup');
    await page.getByLabel('Username').fill('a');
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('Birthdate').fill('1995-05-05');
    await page.getByRole('button', { name: 'Sign up' }).click();
    // the messages are the server's, read from its problem+json issues (body.email, ...)
    await fieldError(page, 'Email', /invalid email/i);
    await fieldError(page, 'Password', 'at least 10 characters');
    await fieldError(page, 'Username', '3–24 letters');
    assert.equal(await page.locator('.form-error').count(), 0, 'nothing is said twice above the button');
  });

  it('sign-up places "username taken" on the username', async () => {
    const page = browser.page;
    await page.getByLabel('Username').fill('taken_name');
    await page.getByLabel('Email').fill('someone@example.test');
    await page.getByLabel('Password').fill('correct horse battery');
    await page.getByRole('button', { name: 'Sign up' }).click();
    await fieldError(page, 'Username', 'username is taken');
    assert.equal(await page.getByLabel('Email').getAttribute('aria-invalid'), null, 'the fixed email is no longer marked');
  });

  it('log-in says a wrong password once, above the button', async () => {
    const page = browser.page;
    await page.goto('/login');
    await page.getByLabel('Username or email').fill('taken_name');
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.locator('.form-error').filter({ hasText: 'username or password is wrong' }).waitFor();
  });

  it('the API reference renders at /api/docs without reaching outside this server', async () => {
    const page = browser.page;
    await page.setViewportSize(DESKTOP); // the reference's sidebar of tags is a desktop layout
    browser.consoleErrors.length = 0;
    const outside: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) outside.push(request.url());
    });
    await page.goto('/api/docs');
    // the rendered document: its title, then an operation's summary once its tag is opened
    await page.getByRole('heading', { name: 'Cliptide API' }).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'videos' }).first().click();
    await page.getByText('Create a draft video', { exact: false }).first().waitFor();
    assert.equal(await page.title(), 'Cliptide API reference');
    assert.deepEqual(outside, []);
    assert.deepEqual(browser.consoleErrors, []);
  });
});
