import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../../src/extension';
import type { ChannelTreeNode } from '../../src/vscode/channelsView';
import { closeAllEditors, extensionApi, memo, openMemo, waitFor } from './helpers';

describe('the Channels view in the extension host', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAllEditors);

  /** Group label → channel names → "endpoint: post", as the tree shows them. */
  function snapshot(): Record<string, Record<string, string[]>> {
    const tree = api.channelTree;
    const result: Record<string, Record<string, string[]>> = {};
    for (const group of tree.getChildren()) {
      const groupItem = tree.getTreeItem(group);
      const channels: Record<string, string[]> = {};
      for (const channel of tree.getChildren(group)) {
        channels[String(tree.getTreeItem(channel).label)] = tree.getChildren(channel).map((endpoint: ChannelTreeNode) => {
          const item = tree.getTreeItem(endpoint);
          return `${String(item.label)}: ${String(item.description)}`;
        });
      }
      result[String(groupItem.label)] = channels;
    }
    return result;
  }

  async function showMemoDated(date: string): Promise<void> {
    const refreshed = new Promise<void>((resolve) => {
      const listener = api.channelTree.onDidChangeTreeData(() => {
        if (api.channelTree.date && `${api.channelTree.date.date.year}` === date.slice(0, 4)) {
          listener.dispose();
          resolve();
        }
      });
    });
    await openMemo(memo(date, 'Text.'));
    await refreshed;
  }

  it('shows the Bessent-He Lifeng talks as active in 2025, with each endpoint and post', async () => {
    await showMemoDated('2025-10-23');
    const tree = snapshot();
    const talks = Object.entries(tree.Active ?? {}).find(([name]) => /Bessent/.test(name));
    assert.ok(talks, JSON.stringify(Object.keys(tree.Active ?? {})));
    assert.deepEqual(talks[1], ['Scott Bessent: the US treasury secretary', "He Lifeng: China's vice-premier"]);
    assert.ok(Object.keys(tree.Closed ?? {}).some((name) => /Kushner/.test(name)));
  });

  it('shows the Kushner channel as active in 2017 and the Bessent talks not yet begun', async () => {
    await showMemoDated('2017-06-01');
    const tree = snapshot();
    assert.ok(Object.keys(tree.Active ?? {}).some((name) => /Kushner/.test(name)), JSON.stringify(tree));
    assert.ok(Object.keys(tree['Not yet begun'] ?? {}).some((name) => /Bessent/.test(name)));
    const kushner = Object.entries(tree.Active!).find(([name]) => /Kushner/.test(name))!;
    assert.deepEqual(kushner[1], ['Jared Kushner: senior adviser to the president', "Cui Tiankai: China's ambassador to the United States"]);
  });

  it('filters by actor and clears the filter', async () => {
    await showMemoDated('2025-10-23');
    await vscode.commands.executeCommand('interlocutor.filterChannels', 'wang_yi');
    const names = Object.values(snapshot()).flatMap((channels) => Object.keys(channels));
    assert.ok(names.length >= 3 && names.every((name) => /Wang Yi/.test(name)), names.join(' | '));
    await vscode.commands.executeCommand('interlocutor.clearChannelFilter');
    assert.ok(Object.values(snapshot()).flatMap((channels) => Object.keys(channels)).length >= 19);
  });

  it('inserts a reference to a channel at the cursor', async () => {
    const document = await openMemo(memo('2025-10-23', 'See: '));
    const editor = vscode.window.activeTextEditor!;
    const end = document.positionAt(document.getText().indexOf('See: ') + 5);
    editor.selection = new vscode.Selection(end, end);
    const active = api.channelTree.getChildren().find((group) => api.channelTree.getTreeItem(group).label === 'Active')!;
    const talks = api.channelTree.getChildren(active).find((channel) => /Bessent/.test(String(api.channelTree.getTreeItem(channel).label)))!;
    assert.ok(await vscode.commands.executeCommand('interlocutor.insertReference', talks));
    assert.match(document.getText(), /See: .*Bessent/);
  });
});

describe('Set Memo Date in the extension host', () => {
  before(extensionApi);
  afterEach(closeAllEditors);

  const cases: Array<[string, string, string, string]> = [
    ['adds front matter', '# Memo\n\nText.\n', '2024-06-15', '---\nas_of: 2024-06-15\n---\n\n# Memo\n\nText.\n'],
    ['updates as_of', '---\ntitle: T\nas_of: 2023-03-01\n---\nText.\n', '2025-10', '---\ntitle: T\nas_of: 2025-10\n---\nText.\n'],
  ];
  for (const [what, before, date, after] of cases) {
    it(`${what}, and one undo restores the memo exactly`, async () => {
      const document = await openMemo(before);
      assert.ok(await vscode.commands.executeCommand('interlocutor.setMemoDate', date));
      assert.equal(document.getText(), after);
      await vscode.commands.executeCommand('undo');
      await waitFor(vscode.workspace.onDidChangeTextDocument, () => (document.getText() === before ? true : undefined), 'the undo');
      assert.equal(document.getText(), before);
    });
  }
});
