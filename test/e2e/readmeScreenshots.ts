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
    await tab.mouse.move(5, 5);

    const stale = await page.openFile(tab, '2024-06-desk-notes.md');
    await stale.locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: 30_000 });
    await tab.keyboard.press('Control+Shift+M');
    await tab.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 30_000 });
    const claim = await page.waitForText(tab, stale, "China's foreign minister");
    await tab.mouse.click(claim.x + 4, claim.y + claim.height / 2);
    await tab.keyboard.press('Control+.');
    await tab.locator('.action-widget .monaco-list-row').first().waitFor({ timeout: 20_000 });
    await tab.screenshot({ path: join(outputDir, 'stale-claim.png') });
    await tab.keyboard.press('Escape');
    await tab.keyboard.press('Control+Shift+M');

    const typing = await page.openFile(tab, '2025-10-trade-talks.md');
    await page.cursorToEnd(tab, typing);
    await tab.keyboard.press('Enter');
    await page.suggest(tab, 'The treasury sec', /Scott Bessent/);
    await tab.screenshot({ path: join(outputDir, 'completion.png') });
    await tab.keyboard.press('Escape');
    // Leave the example as it was: the typed words are removed, nothing is saved.
    await tab.keyboard.press('Control+Z');
    await tab.keyboard.press('Control+Z');

    const view = await page.showChannelsView(tab);
    await page.treeRows(view, /Kushner/);
    await tab.screenshot({ path: join(outputDir, 'channels.png') });

    const memo = await page.openFile(tab, '2025-10-trade-talks.md');
    await memo.locator('.view-lines').click();
    if (await tab.locator('.part.panel').isVisible()) await page.runCommand(tab, 'View: Toggle Panel Visibility');
    await page.runCommand(tab, 'Interlocutor: Show Channel Timeline');
    let timeline = await page.frameWith(tab, '#timeline svg g.row');
    // The timeline alone, at the window's width, from 2021: the years the memo is about.
    await page.runCommand(tab, 'View: Maximize Editor Group and Hide Side Bars');
    timeline = await page.frameWith(tab, '#timeline svg g.row');
    // The webview reports its new width and the timeline is laid out again for it.
    await timeline.waitForFunction(() => Number(document.querySelector('#timeline svg')?.getAttribute('width')) > 1000);
    await timeline.locator('#filter-from').selectOption('2021');
    await timeline.locator('#clear-filters:not([disabled])').waitFor();
    await timeline.locator('g.tick-group[data-channel="bessent_he_lifeng"][data-event="2"]').hover();
    await timeline.locator('#tooltip:not([hidden])').waitFor();
    await tab.screenshot({ path: join(outputDir, 'channel-timeline.png') });
  } catch (error) {
    await tab.screenshot({ path: join(outputDir, 'failed.png') });
    throw error;
  }
  await context.close();
}
