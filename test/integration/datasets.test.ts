import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../../src/extension';
import { closeAllEditors, extensionApi, memo, openMemo, unescapeMarkdown, waitFor, waitForDiagnostics, withSetting, writeWorkspaceFile, codeOf, hoverOn, loadWhere } from './helpers';

const brokenDataset = `{
  "name": "Broken team notes",
  "actors": [
    {
      "id": "ana_ruiz",
      "name": "Ana Ruiz",
      "tenures": [{ "role": "cn.vice_premier", "start": "2023-02-30" }]
    }
  ]
}
`;

const addedActor = `name: Team additions
roles:
  - id: team.desk_officer
    title: China desk officer
    unique: false
actors:
  - id: mara_lindqvist
    name: Mara Lindqvist
    aliases: [Ms Lindqvist]
    summary: A desk officer in our own team notes.
    tenures:
      - role: team.desk_officer
        start: 2024-01
        sources:
          - title: Team roster, January 2024
`;

describe('user datasets in the extension host', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAllEditors);

  it('reports a broken dataset at its line and column while hovers keep working, and clears it once fixed', async () => {
    const uri = await writeWorkspaceFile('notes/broken.interlocutor.json', brokenDataset);
    const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0, 'a dataset-invalid diagnostic');
    assert.equal(diagnostics.length, 1);
    const [diagnostic] = diagnostics;
    assert.equal(codeOf(diagnostic!), 'dataset-invalid');
    assert.equal(diagnostic!.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic!.message, /actors\[0\]\.tenures\[0\]\.start: "2023-02-30" is not a real date/);
    // Line 7 (0-based 6), at the opening quote of "2023-02-30".
    assert.equal(diagnostic!.range.start.line, 6);
    assert.equal(diagnostic!.range.start.character, brokenDataset.split('\n')[6]!.indexOf('"2023-02-30"'));

    assert.match(await hoverOn('2025-10-23', 'Qin Gang spoke.', 'Qin Gang'), /^\*\*Qin Gang\*\*/);

    // The user fixes the date in the editor and saves.
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf('2023-02-30');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 10)), '2023-02-28'));
    await document.save();
    await waitForDiagnostics(uri, (list) => list.length === 0, 'the diagnostic to clear after the fix');
    await vscode.workspace.fs.delete(uri);
  });

  it('makes an actor from a new workspace dataset hoverable without a reload', async () => {
    const uri = await writeWorkspaceFile('.interlocutor/team.yaml', addedActor);
    await loadWhere(api, (knowledge) => Boolean(knowledge.kb.actor('mara_lindqvist')), 'the new actor to load');
    const card = await hoverOn('2025-10-23', 'Ms Lindqvist briefed us.', 'Ms Lindqvist');
    assert.match(card, /^\*\*Mara Lindqvist\*\*/);
    assert.match(card, /China desk officer \(since 2024-01\)/);
    await vscode.workspace.fs.delete(uri);
    await loadWhere(api, (knowledge) => !knowledge.kb.actor('mara_lindqvist'), 'the actor to go away with its file');
  });

  it('points a finding at the tenure it rests on in the user\'s own dataset', async () => {
    const uri = await writeWorkspaceFile('.interlocutor/team.yaml', addedActor);
    await loadWhere(api, (knowledge) => Boolean(knowledge.kb.actor('mara_lindqvist')), 'the new actor to load');
    const document = await openMemo(memo('2023-06-01', 'Mara Lindqvist, the China desk officer, briefed us.'));
    const [diagnostic] = await waitForDiagnostics(document.uri, (list) => list.some((item) => item.source === 'Interlocutor'), 'the not-yet-in-role finding');
    assert.equal(diagnostic && codeOf(diagnostic), 'not-yet-in-role');
    const related = diagnostic!.relatedInformation?.find((item) => item.location.uri.toString() === uri.toString());
    assert.ok(related, `no related information in ${uri.toString()}: ${JSON.stringify(diagnostic!.relatedInformation)}`);
    assert.equal(related.location.range.start.line, 11, 'the tenure in team.yaml');
    assert.match(related.message, /Mara Lindqvist, China desk officer, 2024-01 to open \(verified\)/);
    await vscode.workspace.fs.delete(uri);
    await loadWhere(api, (knowledge) => !knowledge.kb.actor('mara_lindqvist'), 'the actor to go away with its file');
  });

  it('lets a user dataset replace a built-in actor by id', async () => {
    const uri = await writeWorkspaceFile(
      'override.interlocutor.json',
      JSON.stringify({ name: 'Override', actors: [{ id: 'xie_feng', name: 'Xie Feng', summary: 'Our own note on the ambassador.', tenures: [] }] }),
    );
    await loadWhere(api, (knowledge) => knowledge.kb.actor('xie_feng')?.summary === 'Our own note on the ambassador.', 'the override to load');
    assert.match(await hoverOn('2025-10-23', 'Xie Feng spoke.', 'Xie Feng'), /Our own note on the ambassador/);
    await vscode.workspace.fs.delete(uri);
    await loadWhere(api, (knowledge) => knowledge.kb.actor('xie_feng')?.summary !== 'Our own note on the ambassador.', 'the override to go away');
  });

  it('reads files named in the interlocutor.datasets setting', async () => {
    await writeWorkspaceFile('elsewhere/extra.json', JSON.stringify({ name: 'Extra', actors: [{ id: 'ben_okafor', name: 'Ben Okafor' }] }));
    await withSetting('interlocutor.datasets', ['elsewhere/extra.json'], async () => {
      const knowledge = await loadWhere(api, (candidate) => Boolean(candidate.kb.actor('ben_okafor')), 'the configured dataset to load');
      assert.deepEqual(knowledge.problems, []);
    });
    await loadWhere(api, (knowledge) => !knowledge.kb.actor('ben_okafor'), 'the dataset to go once the setting is cleared');
  });

  it('reloads on command and reports the count', async () => {
    const count = await vscode.commands.executeCommand<number>('interlocutor.reloadDatasets');
    assert.equal(count, (await api.knowledge()).kb.actorCount);
    assert.ok(count >= 59);
  });

  it('shows an actor card in a read-only document through the Show Actor command', async () => {
    await openMemo(memo('2023-03-01', 'Text.'));
    const shown = await vscode.commands.executeCommand<string>('interlocutor.showActor', 'qin_gang');
    assert.equal(shown, 'qin_gang');
    const card = await waitFor(
      vscode.workspace.onDidOpenTextDocument,
      () => vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'interlocutor-card'),
      'the card document',
    );
    assert.match(card.uri.path, /Qin Gang \(as of 2023-03-01\)\.md$/);
    assert.match(unescapeMarkdown(card.getText()), /foreign minister \(since 2022-12-30\)/);
  });
});
