// Debian's Chromium driven by playwright-core, with a fresh profile per launch, and a record of
// console errors so specs can assert a page stayed clean.
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1440, height: 900 };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
];

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far, on every page of this browser. */
  consoleErrors: string[];
  close: () => Promise<void>;
}

export async function launchBrowser(options: { baseUrl: string; viewport?: { width: number; height: number }; extraArgs?: string[] }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'cliptide-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: [...ARGS, ...(options.extraArgs ?? [])],
    headless: true,
    baseURL: options.baseUrl,
    viewport: options.viewport ?? PHONE,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const consoleErrors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: uncaught ${error.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    consoleErrors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
