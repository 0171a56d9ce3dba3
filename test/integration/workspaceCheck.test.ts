/**
 * "Check All Memos in Workspace" fills Problems for memos that are not open, skips what
 * .interlocutorignore lists, and after new data, tells what it added.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DataChange } from '../../src/core/dataChange';
import { ClaimDiagnostics } from '../../src/vscode/claimDiagnostics';
import { KnowledgeStore } from '../../src/vscode/knowledgeStore';
import { checkWorkspace, readMemoFile, type WorkspaceCheckSummary } from '../../src/vscode/workspaceCheck';
import { closeAllEditors, codeOf, EXTENSION_ID, extensionApi, waitFor, writeWorkspaceFile } from './helpers';

const isOpen = (uri: vscode.Uri) => vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Interlocutor');

const bergDataset = (end: string | undefined) =>
  JSON.stringify({
    name: 'Check-all team data',
    roles: [{ id: 'zz-envoy', title: 'special envoy', country: 'ZZ', unique: true }],
    actors: [{ id: 'ida-berg', name: 'Ida Berg', country: 'ZZ', kind: 'person', tenures: [{ role: 'zz-envoy', start: '2020-01-01', ...(end ? { end } : {}), sources: [{ title: 'Gazette', url: 'https://example.org/gazette' }] }] }],
  });

describe('Check All Memos in Workspace', () => {
  after(closeAllEditors);

  it('fills Problems for closed memos, skips ignored ones, and counts what new data adds', async function () {
    this.timeout(120_000);
    const api = await extensionApi();
    const closed = await writeWorkspaceFile('check-all/closed-memo.md', '---\nas_of: 2025-10-23\n---\n\nQin Gang, foreign minister, spoke.\n\nIda Berg, special envoy, replied.\n');
    const ignored = await writeWorkspaceFile('check-all/drafts/ignored-memo.md', '---\nas_of: 2025-10-23\n---\n\nQin Gang, foreign minister, spoke.\n');
    const ignoreFile = await writeWorkspaceFile('.interlocutorignore', '# drafts are not checked\ncheck-all/drafts/\n');
    const dataset = await writeWorkspaceFile('check-all/team.interlocutor.json', bergDataset(undefined));
    try {
      await vscode.commands.executeCommand('interlocutor.reloadDatasets');
      assert.ok((await api.knowledge()).kb.actor('ida-berg'));
      assert.equal(isOpen(closed), false, 'the memo is not open');
      const summary = await vscode.commands.executeCommand<WorkspaceCheckSummary>('interlocutor.checkWorkspace');
      assert.ok(summary.memos > 1 && summary.skipped >= 1 && !summary.cancelled, JSON.stringify(summary));
      assert.deepEqual(ours(closed).map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${codeOf(diagnostic)}`), ['5:1 stale-role']);
      assert.equal(isOpen(closed), false, 'checking did not open the memo');
      assert.deepEqual(ours(ignored), [], 'the ignored memo has no problems');

      // New data: Ida Berg left the post in 2024, so her claim in the closed memo became stale.
      let change: DataChange | undefined;
      const listener = api.onDidApplyData((applied) => (change ??= applied));
      try {
        await writeWorkspaceFile('check-all/team.interlocutor.json', bergDataset('2024-02-01'));
        await waitFor(api.onDidApplyData, () => change, 'the new data to be applied', 30_000);
      } finally {
        listener.dispose();
      }
      assert.ok(change);
      assert.equal(change.becameStale, 1);
      assert.equal(change.message, '1 claim became stale with the new data (1 finding added, 0 removed).');
      assert.deepEqual(ours(closed).map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${codeOf(diagnostic)}`), ['5:1 stale-role', '7:1 stale-role']);
    } finally {
      for (const uri of [dataset, ignoreFile, closed, ignored]) await vscode.workspace.fs.delete(uri);
      await vscode.commands.executeCommand('interlocutor.reloadDatasets');
    }
  });

  it('stops at the next memo when cancelled, and reports it cancelled', async () => {
    const api = await extensionApi();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const log = vscode.window.createOutputChannel('Interlocutor cancel test', { log: true });
    const store = new KnowledgeStore(extension.extensionUri, log, { loader: () => api.knowledge() });
    const diagnostics = new ClaimDiagnostics(store, readMemoFile);
    const cancel = new vscode.CancellationTokenSource();
    const reported: string[] = [];
    try {
      // Cancelled as the first memo starts, as the notification's Cancel button does.
      const summary = await checkWorkspace(store, diagnostics, { report: (value) => (reported.push(value.message ?? ''), cancel.cancel()) }, cancel.token);
      assert.equal(summary.cancelled, true);
      assert.equal(summary.memos, 1, 'the memo under way is finished, no other is started');
      assert.equal(reported.length, 1);
    } finally {
      diagnostics.dispose();
      store.dispose();
      log.dispose();
      cancel.dispose();
    }
  });
});
