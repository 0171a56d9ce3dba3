import * as assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { resultsDir, workbench } from './setup';
import { hoverText, openFile, statusBarText } from './workbenchPage';

describe('workbench: hover card', function () {
  this.timeout(120_000);

  it('shows the as-of date in the status bar and the card when hovering a name', async () => {
    const { page } = workbench();
    const editor = await openFile(page, 'memos/briefing-2025.md');
    assert.match(await statusBarText(page, 'interlocutor.interlocutor.asOf', /As of 2025-10-23/), /As of 2025-10-23/);
    const card = await hoverText(page, editor, 'Qin Gang', /Qin Gang/);
    assert.match(card, /As of 2025-10-23/);
    assert.match(card, /no current post/);
    assert.match(card, /foreign minister \(2022-12-30 to 2023-07-25/);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'hover-card.png') });
  });
});
