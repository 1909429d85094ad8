// Puts an API-made account's session into a browser (the cookie, and the flag the web client
// keeps to know that this browser has logged in).
import type { Browser } from './browser.ts';
import type { Account } from './api.ts';

export async function logInBrowser(browser: Browser, account: Account) {
  const [name, value] = account.cookie.split('=') as [string, string];
  await browser.context.addCookies([{ name, value, url: account.baseUrl }]);
  // a page of the origin that is not the app, so the app cannot clear the flag meanwhile
  await browser.page.goto('/api/v1/health');
  await browser.page.evaluate("window.localStorage.setItem('cliptide:has-session', '1')");
}
