import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, memo, openMemo, completionLabel } from './helpers';

/** Completion items VS Code would list at the end of `typed` in a memo dated `date`. */
async function complete(date: string, typed: string): Promise<vscode.CompletionItem[]> {
  const document = await openMemo(memo(date, typed));
  const text = document.getText();
  const position = document.positionAt(text.indexOf(typed) + typed.length);
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, 100);
  // Interlocutor's items, not VS Code's word-based suggestions: ours say the date they speak for.
  return list.items.filter((item) => /as of \d{4}/.test(item.detail ?? ''));
}

const label = completionLabel;

describe('completions in the extension host', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  // [what, date, typed, the first name offered, its detail]
  const cases: Array<[string, string, string, string, RegExp]> = [
    ['a name prefix', '2025-10-23', 'Talks with He Li', 'He Lifeng', /China's vice-premier · as of 2025-10-23/],
    ['a typo', '2025-10-23', 'A profile of Qin Gnag', 'Qin Gang', /no post in the datasets/],
    ['a post, in 2025', '2025-10-23', 'We met the foreign min', 'Wang Yi', /China's foreign minister/],
    ['the same post, in 2023', '2023-03-01', 'We met the foreign min', 'Qin Gang', /China's foreign minister · as of 2023-03-01/],
    ['a US post, in 2025', '2025-10-23', 'Then the treasury sec', 'Scott Bessent', /the US treasury secretary/],
    ['the same US post, in 2022', '2022-06-01', 'Then the treasury sec', 'Janet Yellen', /the US treasury secretary · as of 2022-06-01/],
  ];
  for (const [what, date, typed, name, detail] of cases) {
    it(`${what}: "${typed.split(' ').slice(-2).join(' ')}" on ${date} offers ${name}`, async () => {
      const items = await complete(date, typed);
      assert.ok(items.length > 0, 'no items');
      const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
      assert.equal(label(sorted[0]!), name, sorted.slice(0, 5).map(label).join(', '));
      assert.match(sorted[0]!.detail ?? '', detail);
      assert.equal(sorted[0]!.insertText, name);
    });
  }

  it('offers the name with the post on the date as a second item', async () => {
    const items = await complete('2025-10-23', 'Talks with He Li');
    const withPost = items.find((item) => item.insertText === "He Lifeng, China's vice-premier");
    assert.ok(withPost, items.map(label).join(', '));
  });

  it('documents each item with the hover card', async () => {
    const document = await openMemo(memo('2025-10-23', 'Talks with He Li'));
    const position = document.positionAt(document.getText().indexOf('He Li') + 5);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position, undefined, 1);
    const item = list.items.find((candidate) => label(candidate) === 'He Lifeng');
    const documentation = item?.documentation;
    assert.ok(documentation instanceof vscode.MarkdownString || typeof documentation === 'string', 'no documentation');
    const text = typeof documentation === 'string' ? documentation : documentation.value;
    assert.match(text.replace(/\\(.)/g, '$1'), /\*\*He Lifeng\*\*[^]*vice-premier \(since 2023-03-12, checked to 2026-05\)/);
  });

  it('offers nothing in code, front matter or comments', async () => {
    for (const body of ['```\nHe Li', '`He Li` and', '<!-- He Li']) {
      const document = await openMemo(memo('2025-10-23', body));
      const position = document.positionAt(document.getText().indexOf('He Li') + 5);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      assert.ok(!list.items.some((item) => label(item) === 'He Lifeng'), body);
    }
    const front = await openMemo('---\ntitle: He Li\n---\n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', front.uri, new vscode.Position(1, 12));
    assert.ok(!list.items.some((item) => label(item) === 'He Lifeng'));
  });
});
