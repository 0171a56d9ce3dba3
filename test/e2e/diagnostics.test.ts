import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir, workbench } from './setup';
import { hoverText, openFile, waitForText } from './workbenchPage';

describe('workbench: stale-claim diagnostics', function () {
  this.timeout(120_000);

  it('underlines the stale claim, lists it in Problems, and applies the quick fix from the light bulb', async () => {
    const { page } = workbench();
    const editor = await openFile(page, 'memos/stale-2025.md');
    await editor.locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: 30_000 });

    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row[aria-label*="Qin Gang left the post of foreign minister"]');
    await row.first().waitFor({ timeout: 30_000 });
    assert.match(await row.first().innerText(), /Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the foreign minister is Wang Yi\./);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'problems-panel.png') });

    // Put the cursor inside the claim and open the quick-fix menu, as the light bulb does.
    const rect = await waitForText(page, editor, 'foreign minister');
    await page.mouse.click(rect.x + 4, rect.y + rect.height / 2);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: 'Make it historical: "former"' });
    await fix.first().waitFor({ timeout: 20_000 });
    await page.screenshot({ path: join(resultsDir, 'quick-fix.png') });
    // The menu is keyboard-driven (a pointer guard covers it until the mouse moves): step down to the fix.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let step = 0; step < 10 && !/Make it historical: "former"/.test((await focused.innerText().catch(() => '')) ?? ''); step++) {
      await page.keyboard.press('ArrowDown');
    }
    assert.match(await focused.innerText(), /Make it historical: "former"/);
    await page.keyboard.press('Enter');

    await waitForText(page, editor, "China's former foreign minister");
    await editor.locator('.view-overlays .cdr.squiggly-warning').waitFor({ state: 'detached', timeout: 30_000 });
    await row.first().waitFor({ state: 'detached', timeout: 30_000 });
  });

  it('turns the status bar to its warning state when claims are past the horizon, and says why', async () => {
    const { page } = workbench();
    await openFile(page, 'memos/outlook-2027.md');
    const item = page.locator('.statusbar-item[id$="interlocutor.asOf"]').filter({ hasText: /As of 2027-01-01/ }).first();
    await item.waitFor({ timeout: 30_000 });
    // The warning state: VS Code paints an item with statusBarItem.warningBackground differently.
    await page.waitForFunction(
      () => {
        const element = Array.from(document.querySelectorAll('.statusbar-item')).find((candidate) => /As of 2027-01-01/.test(candidate.textContent ?? ''));
        if (!(element instanceof HTMLElement)) return undefined;
        // 1.100 marks the item's kind in a class and paints the theme colour inline.
        return /warning/.test(element.className) || element.style.backgroundColor !== '' ? true : undefined;
      },
      undefined,
      { timeout: 30_000 },
    );
    assert.match((await item.getAttribute('aria-label')) ?? '', /1 claim about a current post was not judged/);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'status-bar-horizon.png') });
  });

  it('shows the evidence a finding rests on, with its sources, under the message', async () => {
    const { page } = workbench();
    const editor = await openFile(page, 'memos/evidence-2025.md');
    await editor.locator('.view-overlays .cdr.squiggly-warning').first().waitFor({ timeout: 30_000 });
    const hover = await hoverText(page, editor, 'foreign minister', /Evidence/);
    assert.match(hover, /Qin Gang left the post of foreign minister on 2023-07-25/);
    assert.match(hover, /Qin Gang, foreign minister, 2022-12-30 to 2023-07-25 \(removed\) \(verified\)/);
    assert.match(hover, /Source: /);
    // Sources are links (VS Code renders them with the address in data-href).
    const link = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content a', { hasText: 'SCMP' }).first();
    await link.waitFor({ timeout: 10_000 });
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'finding-evidence.png') });
    await page.mouse.move(5, 5);
  });
});
