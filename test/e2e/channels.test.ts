import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, workbench } from './setup';
import { openFile, showChannelsView, treeRows } from './workbenchPage';

describe('workbench: Channels view', function () {
  this.timeout(120_000);

  it('shows the Bessent-He Lifeng talks under Active and the Kushner channel under Closed for a 2025 memo', async () => {
    const { page } = workbench();
    await openFile(page, 'memos/briefing-2025.md');
    const view = await showChannelsView(page);
    await view.locator('.pane-header', { hasText: /as of 2025-10-23/ }).first().waitFor({ timeout: 30_000 });
    const rows = await treeRows(view, /Kushner/);
    const at = (pattern: RegExp) => rows.findIndex((row) => pattern.test(row));
    const groups = ['Active', 'Dormant', 'Closed'].map((label) => at(new RegExp(`^${label}\\s*\\d+$`)));
    assert.ok(groups.every((index) => index >= 0), rows.join(' | '));
    const [active, dormant, closed] = groups as [number, number, number];
    const talks = at(/^Bessent-He Lifeng trade talks/);
    const kushner = at(/^Kushner-Cui Tiankai back channel/);
    assert.ok(active < talks && talks < dormant, `the talks are not under Active: ${rows.join(' | ')}`);
    assert.ok(closed < kushner, `the Kushner channel is not under Closed: ${rows.join(' | ')}`);
    await page.screenshot({ path: join(resultsDir, 'channels.png') });
  });
});
