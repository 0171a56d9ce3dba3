/// <reference lib="dom" />
/** The README's screenshots, taken by `npm run demo -- --screenshots` in the demo's own workbench. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type * as WorkbenchPage from './workbenchPage';

export async function takeReadmeScreenshots(browser: Browser, url: string, page: typeof WorkbenchPage, outputDir: string): Promise<void> {
  mkdirSync(outputDir, { recursive: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const tab = await context.newPage();
  await tab.goto(url);
  await tab.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await tab.waitForFunction(() => document.title.includes('Extension Development Host'), undefined, { timeout: 60_000 });
  try {
    const editor = await page.openFile(tab, '2025-10-trade-talks.md');
    await page.hoverText(tab, editor, 'Qin Gang', /no current post/);
    await tab.screenshot({ path: join(outputDir, 'hover-card.png') });
  } catch (error) {
    await tab.screenshot({ path: join(outputDir, 'failed.png') });
    throw error;
  }
  await context.close();
}
