import * as assert from 'node:assert/strict';
import { workbench } from './setup';
import { openFile, runCommand } from './workbenchPage';

describe('workbench: Show Actor', function () {
  this.timeout(120_000);

  it('finds a misspelled name and the holder of a post on the memo date in the pick, and Enter opens the card shown', async () => {
    const { page } = workbench();
    await openFile(page, 'memos/briefing-2025.md');
    await runCommand(page, 'Interlocutor: Show Actor');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

    // A post: whoever held it on the memo's date (2025-10-23) is listed, though the letters are not in the name.
    await input.fill('foreign min');
    await rows.filter({ hasText: 'Wang Yi' }).first().waitFor({ timeout: 30_000 });

    // A typo VS Code's own filter would hide.
    await input.fill('Qin Gnag');
    const qin = rows.first().filter({ hasText: 'Qin Gang' });
    await qin.waitFor({ timeout: 30_000 });
    assert.match(await qin.innerText(), /Qin Gang/);

    // Enter at once opens the card of the name shown. The list keeps one order while the value
    // changes; when it was reordered, a cold workbench opened Pete Hegseth's card (the name before
    // Qin Gang) in three runs out of three, a warm one did not: this catches the race only when it
    // happens.
    await input.fill('Qin Gang');
    await rows.first().filter({ hasText: 'Qin Gang' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    const card = page.locator('.tabs-container .tab', { hasText: /Qin Gang \(as of 2025-10-23\)/ }).first();
    await card.waitFor({ timeout: 30_000 });
    // The preview is a webview that keeps the keyboard focus (F1 would not reach the workbench):
    // it is closed with its tab's own button.
    await card.hover();
    await card.locator('.tab-actions .action-label').first().click();
    await card.waitFor({ state: 'detached', timeout: 30_000 });
  });
});
