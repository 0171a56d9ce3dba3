import * as assert from 'node:assert/strict';
import { workbench } from './setup';
import { openFile, runCommand } from './workbenchPage';

describe('workbench: Show Actor', function () {
  this.timeout(120_000);

  it('finds a misspelled name and the holder of a post on the memo date in the pick', async () => {
    const { page } = workbench();
    await openFile(page, 'memos/briefing-2025.md');
    await runCommand(page, 'Interlocutor: Show Actor');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    const rows = page.locator('.quick-input-widget .quick-input-list .monaco-list-row');

    // A post: whoever held it on the memo's date (2025-10-23) comes first, though the letters are not in the name.
    await input.fill('foreign min');
    await rows.first().filter({ hasText: 'Wang Yi' }).waitFor({ timeout: 30_000 });

    // A typo VS Code's own filter would hide.
    await input.fill('Qin Gnag');
    const qin = rows.first().filter({ hasText: 'Qin Gang' });
    await qin.waitFor({ timeout: 30_000 });
    assert.match(await qin.innerText(), /Qin Gang/);
    // Opening the chosen card is covered in the extension host (Show Actor with an actor id); the
    // pick is closed here so that no Markdown preview is left for the next test.
    await page.keyboard.press('Escape');
    await input.waitFor({ state: 'hidden' });
  });
});
