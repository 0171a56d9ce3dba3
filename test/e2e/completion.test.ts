import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { resultsDir, workbench } from './setup';
import { acceptSuggestion, cursorToEnd, openFile, suggest, waitForText } from './workbenchPage';

describe('workbench: completion', function () {
  this.timeout(120_000);

  it('lists He Lifeng after "He Li" and inserts the name on accept', async () => {
    const { page } = workbench();
    const editor = await openFile(page, 'memos/typing-2025.md');
    await cursorToEnd(page, editor);
    const rows = await suggest(page, 'He Li', /He Lifeng/);
    assert.ok(rows.some((row) => /He Lifeng/.test(row)), rows.join(' | '));
    await page.screenshot({ path: join(resultsDir, 'completion.png') });
    await acceptSuggestion(page, /^He Lifeng(?!,)/);
    await waitForText(page, editor, 'Talks with He Lifeng');
  });
});
