import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { resultsDir, workbench } from './setup';
import { cursorToEnd, frameWith, openFile, runCommand, showChannelsView, waitForText } from './workbenchPage';

describe('workbench: Channel Timeline', function () {
  this.timeout(180_000);

  it('draws the timeline as of the memo, shows a key date on hover, and inserts the figure the preview shows', async () => {
    const { page } = workbench();
    const editor = await openFile(page, 'memos/timeline-2025.md');
    try {
      await drawInsertAndPreview(page, editor);
    } catch (error) {
      mkdirSync(resultsDir, { recursive: true });
      await page.screenshot({ path: join(resultsDir, 'channel-timeline-failure.png') });
      throw error;
    } finally {
      // Leave the workbench as the other tests expect it: the memo unchanged on disk, no editors, one group.
      await runCommand(page, 'View: Close All Editors');
      const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: "Don't Save" });
      const lastTab = page.locator('.tabs-container .tab').first();
      // Either the memo was changed and VS Code asks whether to save it, or every tab simply closes.
      await Promise.race([dontSave.click().catch(() => undefined), lastTab.waitFor({ state: 'detached' })]);
      await lastTab.waitFor({ state: 'detached' });
      await page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached' });
    }
  });
});

async function drawInsertAndPreview(page: Page, editor: Locator): Promise<void> {
  await cursorToEnd(page, editor);

  // The Channels view offers the timeline in its title bar.
  const view = await showChannelsView(page);
  await view.locator('.action-label[aria-label="Show Channel Timeline"]').first().waitFor({ state: 'attached', timeout: 30_000 });

  await editor.locator('.view-lines').click();
  await runCommand(page, 'Interlocutor: Show Channel Timeline');
  const timeline = await frameWith(page, '#timeline svg g.row');
  await timeline.locator('#status', { hasText: 'As of 2025-10-23' }).waitFor();
  assert.equal(await timeline.locator('g.row[data-channel="bessent_he_lifeng"]').getAttribute('data-state'), 'active');
  assert.equal(await timeline.locator('g.row[data-channel="kushner_cui"]').getAttribute('data-state'), 'closed');
  const memoLine = timeline.locator('g.memo-date[data-date="2025-10-23"] line.memo-line');
  await memoLine.waitFor({ state: 'attached' });
  // The open talks run to the horizon, past the memo's date; the Kushner line ended long before it.
  const lineX = (await memoLine.boundingBox())!.x;
  const talks = (await timeline.locator('g.row[data-channel="bessent_he_lifeng"] rect.bar').boundingBox())!;
  const kushner = (await timeline.locator('g.row[data-channel="kushner_cui"] rect.bar').boundingBox())!;
  assert.ok(talks.x < lineX && talks.x + talks.width > lineX, `talks ${talks.x}-${talks.x + talks.width}, memo line ${lineX}`);
  assert.ok(kushner.x + kushner.width < lineX, `Kushner bar ends at ${kushner.x + kushner.width}, memo line ${lineX}`);

  // Months apart on an axis of 36 years, the 2025 rounds are a few pixels apart: start the axis in 2024.
  await timeline.locator('#filter-from').selectOption('2024');
  await timeline.locator('#clear-filters:not([disabled])').waitFor();
  const tick = timeline.locator('g.tick-group[data-channel="bessent_he_lifeng"][data-event="0"]');
  await tick.hover();
  const tooltip = timeline.locator('#tooltip:not([hidden])');
  await tooltip.waitFor();
  const details = await tooltip.innerText();
  assert.match(details, /2025-05-10/);
  assert.match(details, /Geneva/);
  assert.match(details, /Bessent-He Lifeng trade talks/);
  mkdirSync(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, 'channel-timeline.png') });

  // From the keyboard: the next key date along the row, with its details.
  await tick.focus();
  await page.keyboard.press('ArrowRight');
  await timeline.locator('#tooltip:not([hidden])', { hasText: '2025-06-09' }).waitFor();
  assert.equal(await timeline.evaluate(() => document.activeElement?.getAttribute('data-event')), '1');

  // A person's name opens their card, as of the memo's date.
  await timeline.locator('g.row[data-channel="bessent_he_lifeng"] text.endpoint[data-actor="scott_bessent"]').click();
  await page.locator('.tabs-container .tab[aria-label*="Scott Bessent (as of 2025-10-23)"]').waitFor({ timeout: 30_000 });

  // The figure is of the whole timeline: clear the axis filter first.
  await timeline.locator('#clear-filters').click();
  await timeline.locator('#clear-filters[disabled]').waitFor();
  // The card covers the memo now; inserting brings the memo back and writes at its cursor.
  await timeline.locator('#insert-figure:not([disabled])').click();
  // The image line wraps in a half-width editor; its start does not.
  await waitForText(page, editor, '![Timeline of 19 channels');

  await editor.locator('.view-lines').click();
  await runCommand(page, 'Markdown: Open Preview to the Side');
  const preview = await frameWith(page, 'img[src*="channels-2025-10-23.svg"]');
  const image = preview.locator('img[src*="channels-2025-10-23.svg"]');
  await image.evaluate((element) => {
    const img = element as HTMLImageElement;
    return img.complete && img.naturalWidth > 0 ? undefined : new Promise((resolve, reject) => {
      img.addEventListener('load', resolve, { once: true });
      img.addEventListener('error', () => reject(new Error(`the figure did not load: ${img.src}`)), { once: true });
    });
  });
  assert.equal(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth), 700);
  assert.match(await image.getAttribute('alt') ?? '', /Timeline of 19 channels between governments as of 2025-10-23/);
  await page.screenshot({ path: join(resultsDir, 'channel-timeline-figure.png') });
}
