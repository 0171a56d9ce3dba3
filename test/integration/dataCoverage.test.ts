/**
 * "Interlocutor: Show Data Coverage" in the real extension host: the command opens a read-only
 * document that lists each loaded dataset with its counts and horizons, names the active memo's
 * date, and follows the data when a workspace dataset appears or goes.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, extensionApi, memo, openMemo, unescapeMarkdown, waitFor, writeWorkspaceFile } from './helpers';

const COVERAGE_SCHEME = 'interlocutor-coverage';

function coverageDocument(): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === COVERAGE_SCHEME);
}

describe('Show Data Coverage', () => {
  afterEach(closeAllEditors);

  it('opens a read-only document with each dataset, its counts, horizons and unverified tenures, and follows the data', async () => {
    const api = await extensionApi();
    await api.knowledge();
    await openMemo(memo('2026-12-01', 'Wang Yi spoke.'));

    const uri = await vscode.commands.executeCommand<vscode.Uri>('interlocutor.showDataCoverage');
    assert.equal(uri.scheme, COVERAGE_SCHEME);
    const document = await waitFor(vscode.workspace.onDidOpenTextDocument, coverageDocument, 'the coverage document');
    const text = unescapeMarkdown(document.getText());
    assert.match(text, /^# Interlocutor data coverage/);
    // Every open tenure, the shipped packs' too (verified to 2026-06), is past its horizon in December 2026.
    assert.match(text, /The active memo is dated 2026-12-01 \(front matter as_of\)\. On that date (\d+) of \1 open tenures are past their horizon\./);
    assert.match(text, /## UK government ministers since 1979 \(IfG Ministers Database, 2026-06-19\)/);
    assert.match(text, /## US Congress, president and vice-president \(congress-legislators, 2026-06-15\)/);
    assert.match(text, /## Interlocutor built-in dataset 2026.12.1/);
    assert.match(text, /\*\*verified through\*\*: 2026-01 /);
    assert.match(text, /\*\*open tenures checked to\*\*: 2022-06 to 2026-06/);
    assert.match(text, /33 tenures unverified/);
    // A virtual document: nothing the user could edit or save by mistake.
    assert.equal(document.isUntitled, false);
    assert.notEqual(document.uri.scheme, 'file');

    // A workspace dataset appears: the open document re-renders with it, without a reload.
    const datasetUri = await writeWorkspaceFile(
      'coverage.interlocutor.json',
      JSON.stringify({ name: 'Desk horizon notes', verifiedThrough: '2026-09', roles: [{ id: 'desk.officer', title: 'desk officer' }], actors: [] }),
    );
    try {
      const updated = await waitFor(
        vscode.workspace.onDidChangeTextDocument,
        () => (coverageDocument()?.getText().includes('Desk horizon notes') ? coverageDocument() : undefined),
        'the coverage document to list the new dataset',
      );
      assert.match(unescapeMarkdown(updated.getText()), /## Desk horizon notes[^]*\*\*verified through\*\*: 2026-09/);
    } finally {
      await vscode.workspace.fs.delete(datasetUri);
    }
  });
});
