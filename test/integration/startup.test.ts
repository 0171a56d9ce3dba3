/**
 * Start-up: the built-in data answers at once, the user's datasets arrive in the background and
 * take effect everywhere, diagnostics go from one whole set of findings to the next, and a normal
 * session leaves no warnings in the log.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { LoadedKnowledge } from '../../src/core/datasets';
import type { InterlocutorApi } from '../../src/extension';
import { KnowledgeStore } from '../../src/vscode/knowledgeStore';
import { closeAllEditors, codeOf, EXTENSION_ID, extensionApi, hoverMarkdown, memo, openMemo, positionOf, unescapeMarkdown, waitForDiagnostics, writeWorkspaceFile, completionLabel } from './helpers';

const lateDataset = `name: Arrives late
roles:
  - id: team.liaison
    title: trade liaison
actors:
  - id: ines_halvorsen
    name: Ines Halvorsen
    summary: A liaison in our own team notes.
    tenures:
      - role: team.liaison
        start: 2021-03
        end: 2024-06
        sources:
          - title: Team roster, June 2024
`;

const codes = (diagnostics: readonly vscode.Diagnostic[]) => diagnostics.map((diagnostic) => `${codeOf(diagnostic)}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`).sort().join(' ');

describe('start-up and late datasets in the extension host', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAllEditors);

  it('a workspace dataset that arrives after start-up takes effect in diagnostics, hovers and completions, with no flicker of findings', async () => {
    const body = 'Qin Gang, foreign minister, met the press.\n\nInes Halvorsen, trade liaison, joined the call.\n\nWe wrote to Ines Hal';
    const document = await openMemo(memo('2025-10-23', body));
    const before = await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === 'stale-role'), 'the built-in stale-role finding');
    assert.equal(before.length, 1, 'before the dataset arrives only the built-in claim is judged');

    // Every state the memo's diagnostics pass through from now on.
    const states: string[] = [];
    const recorder = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((uri) => uri.toString() === document.uri.toString())) states.push(codes(vscode.languages.getDiagnostics(document.uri)));
    });
    const file = await writeWorkspaceFile('arrivals/late.interlocutor.yaml', lateDataset);
    try {
      const after = await waitForDiagnostics(document.uri, (list) => list.length === 2, 'the finding the late dataset makes possible');
      recorder.dispose();
      const lateFinding = after.find((diagnostic) => diagnostic.range.start.line === document.positionAt(document.getText().indexOf('Ines Halvorsen, trade')).line);
      assert.equal(lateFinding && codeOf(lateFinding), 'stale-role', 'Ines Halvorsen left the post in 2024');
      // Replaced whole: never emptied, never a partial set on the way.
      const first = codes(before);
      const last = codes(after);
      assert.ok(states.length > 0);
      for (const state of states) assert.ok(state === first || state === last, `an in-between state was published: "${state}"`);

      const card = unescapeMarkdown(await hoverMarkdown(document, positionOf(document, 'Ines Halvorsen')));
      assert.match(card, /^\*\*Ines Halvorsen\*\*/);
      const typed = positionOf(document, 'Ines Hal', 1, 'Ines Hal'.length);
      const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed);
      assert.ok(
        completions.items.some((item) => completionLabel(item) === 'Ines Halvorsen'),
        'the late actor is offered',
      );
    } finally {
      recorder.dispose();
      await vscode.workspace.fs.delete(file);
    }
    await waitForDiagnostics(document.uri, (list) => list.length === 1, 'the late finding to go with its file');
  });

  it('serves the built-in data at once, and says to wait for user datasets only when they are known to exist', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const log = vscode.window.createOutputChannel('Interlocutor start-up test', { log: true });
    const remembering = (files: string[]): vscode.Memento => ({ keys: () => [], get: <T>(_key: string, fallback?: T) => (files as unknown as T) ?? fallback, update: async () => undefined });
    const full = await api.knowledge();
    const stores: KnowledgeStore[] = [];
    try {
      for (const { remembered, expect } of [
        { remembered: [], expect: false },
        { remembered: ['file:///elsewhere/team.interlocutor.yaml'], expect: true },
      ]) {
        let finish: (knowledge: LoadedKnowledge) => void = () => undefined;
        const store: KnowledgeStore = new KnowledgeStore(extension.extensionUri, log, { memory: remembering(remembered), loader: () => new Promise((resolve) => (finish = resolve)) });
        stores.push(store);
        assert.ok(store.peek().kb.actor('qin_gang'), 'the built-in data is there before any load');
        const loading = store.reload();
        assert.equal(store.awaitingUserDatasets, expect, `remembered ${remembered.length} dataset file(s)`);
        finish(full);
        assert.equal(await loading, full);
        assert.equal(await store.settled(), full);
        assert.equal(store.awaitingUserDatasets, false, 'nothing to wait for once loaded');
      }
    } finally {
      stores.forEach((store) => store.dispose());
      log.dispose();
    }
  });

  it('leaves no warnings in the log in a normal session: none from its output channel, none from VS Code about how it reads settings', async () => {
    const folder = api.logFolder.fsPath;
    // VS Code writes an extension's log output channel to <log folder>/<extension id>/<name>.log.
    const channelLog = join(folder, 'interlocutor.interlocutor', 'Interlocutor.log');
    assert.ok(statSync(channelLog, { throwIfNoEntry: false })?.isFile(), `the Interlocutor output channel log at ${channelLog}`);
    const hostLog = ['remoteexthost.log', 'exthost.log'].map((name) => join(folder, name)).find((path) => statSync(path, { throwIfNoEntry: false })?.isFile());
    assert.ok(hostLog, `VS Code's extension host log in ${folder}`);
    const channelStart = statSync(channelLog).size;

    // A normal session: open memos, hover, complete, switch editors, reload the datasets.
    const first = await openMemo(memo('2025-10-23', 'Qin Gang, foreign minister, met Wang Yi.\n\nHe Li'));
    await waitForDiagnostics(first.uri, (list) => list.length > 0, 'the first memo checked');
    await hoverMarkdown(first, positionOf(first, 'Wang Yi'));
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', first.uri, positionOf(first, 'He Li', 0, 'He Li'.length));
    const second = await openMemo(memo('2019-06-01', 'Robert Lighthizer, US trade representative, spoke.'));
    await waitForDiagnostics(second.uri, () => true, 'the second memo checked');
    await vscode.window.showTextDocument(first);
    await vscode.commands.executeCommand('interlocutor.reloadDatasets');

    // The reload's own line in the channel log marks the end of the session; wait for it to be written.
    const session = await waitForFile(channelLog, channelStart, (text) => /\[info\] (Loaded|No user datasets)/.test(text), 'the reload to reach the channel log');
    assert.deepEqual(session.split('\n').filter((line) => /\[(warning|error)\]/.test(line)), [], 'warnings or errors in the Interlocutor output channel');
    const configurationWarnings = readFileSync(hostLog, 'utf8')
      .split('\n')
      .filter((line) => line.includes('[interlocutor.interlocutor]') && /\[warning\]/.test(line));
    assert.deepEqual(configurationWarnings, [], "VS Code's warnings about the extension");
  });
});

/** The text appended to `path` after `offset`, once it satisfies `accept`; polls the file, which has no change event. */
function waitForFile(path: string, offset: number, accept: (text: string) => boolean, description: string, timeoutMs = 15_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const text = readFileSync(path, 'utf8').slice(offset);
      if (accept(text)) return resolve(text);
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${description}`));
      setTimeout(poll, 50);
    };
    poll();
  });
}
