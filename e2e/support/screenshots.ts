import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE } from './browser.ts';

export const SCREENSHOTS = new URL('../screenshots/', import.meta.url).pathname;

/** Saves the page at phone size and at desktop size (`name-phone.png`, `name-desktop.png`). */
export async function screenshotBothSizes(page: Page, name: string, settle: (page: Page) => Promise<void> = async () => {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    await page.setViewportSize(viewport);
    await settle(page);
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SCREENSHOTS, `${name}-${size}.png`) });
  }
  if (original) await page.setViewportSize(original);
}
