import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../../src/extension';
import { closeAllEditors, extensionApi, hoverParts, memo, openMemo, waitFor, waitForDiagnostics, withSetting, codeOf } from './helpers';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Interlocutor');
}

/** Opens a memo and waits until the extension has checked its current text. */
async function checkedMemo(api: InterlocutorApi, content: string): Promise<vscode.TextDocument> {
  const document = await openMemo(content);
  await waitFor(api.onDidCheckMemo, () => (checkedVersion(document) ? true : undefined), 'the memo to be checked');
  return document;
}

const seen = new Map<string, number>();
function checkedVersion(document: vscode.TextDocument): boolean {
  return seen.get(document.uri.toString()) === document.version;
}

async function quickFixes(document: vscode.TextDocument, diagnostic: Pick<vscode.Diagnostic, 'range'>): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  // The command does not carry each action's diagnostics back; every quick fix offered on a
  // stale claim's range is ours (VS Code's Markdown support has none for prose).
  return actions;
}

describe('stale-claim diagnostics and quick fixes in the extension host', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
    api.onDidCheckMemo((uri) => {
      const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString());
      if (document) seen.set(uri.toString(), document.version);
    });
  });
  afterEach(closeAllEditors);

  it('reports exactly the findings documented for the example memo', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    const readme = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'examples', 'README.md')));
    const expected = [...readme.matchAll(/^\| ([\w.-]+\.md) \| (\d+) \| (\d+) \| ([a-z-]+) \|/gm)].map((match) => `${match[1]}:${match[2]}:${match[3]} ${match[4]}`);
    assert.ok(expected.length >= 4);
    const uri = vscode.Uri.joinPath(folder, 'examples', '2024-06-desk-notes.md');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diagnostics = await waitForDiagnostics(uri, (list) => list.filter((diagnostic) => diagnostic.source === 'Interlocutor').length > 0, 'the example memo diagnostics');
    const found = diagnostics
      .filter((diagnostic) => diagnostic.source === 'Interlocutor')
      .map((diagnostic) => `2024-06-desk-notes.md:${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${codeOf(diagnostic)}`)
      .sort();
    assert.deepEqual(found, expected.filter((entry) => entry.startsWith('2024-06-desk-notes.md')).sort());
    // A verdict resting on an unverified date (Raimondo's commerce secretaryship, from memory in the
    // fact table) is lowered to interlocutor.unverifiedSeverity, information by default.
    for (const diagnostic of diagnostics) assert.equal(diagnostic.severity, /unverified in the datasets/.test(diagnostic.message) ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning, diagnostic.message);
    assert.equal(diagnostics.filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Information).length, 1);
  });

  it('shows the evidence under a finding and offers "Open source" for its first http(s) source', async () => {
    const document = await checkedMemo(api, memo('2025-10-23', 'Qin Gang, the foreign minister, spoke.'));
    const [diagnostic] = ours(document.uri);
    assert.ok(diagnostic);
    const parts = await hoverParts(document, diagnostic.range.start.translate(0, 2));
    const evidence = parts.find((part) => part.startsWith('**Evidence**'));
    assert.ok(evidence, `no evidence among: ${parts.join(' | ')}`);
    assert.match(evidence, /Qin Gang, foreign minister, 2022\\-12\\-30 to 2023\\-07\\-25/);
    assert.match(evidence, /Source\\: \[[^\]]+\]\(https:\/\//);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, diagnostic.range.start.translate(0, 2));
    for (const content of hovers.flatMap((hover) => hover.contents)) if (typeof content !== 'string' && 'isTrusted' in content) assert.notEqual(content.isTrusted, true);
    const actions = await quickFixes(document, diagnostic);
    const open = actions.find((action) => /^Open source: /.test(action.title));
    assert.ok(open?.command, `no "Open source" among ${actions.map((action) => action.title).join(' | ')}`);
    assert.equal(open.command.command, 'interlocutor.openEvidenceSource');
    assert.match(String(open.command.arguments?.[0]), /^https:\/\//);
    assert.equal(open.edit, undefined, 'it opens a page and edits nothing');
    // Anything but an http(s) address is refused.
    assert.equal(await vscode.commands.executeCommand('interlocutor.openEvidenceSource', 'command:workbench.action.quit'), false);
  });

  it('lowers a finding on an unverified date to interlocutor.unverifiedSeverity, and points into the dataset', async () => {
    const document = await checkedMemo(api, memo('2024-06-15', 'Commerce Secretary Janet Yellen spoke.'));
    const [diagnostic] = ours(document.uri);
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic.message, /unverified in the datasets/);
    await withSetting('interlocutor.unverifiedSeverity', 'warning', async () => {
      await waitFor(api.onDidCheckMemo, () => (ours(document.uri)[0]?.severity === vscode.DiagnosticSeverity.Warning ? true : undefined), 'the severity to follow the setting');
    });
  });

  it('says once, on the date line, which claims were past the horizon and not judged', async () => {
    const judged = await checkedMemo(api, memo('2026-03-01', 'Former foreign minister Wang Yi spoke.'));
    assert.deepEqual(ours(judged.uri).map((diagnostic) => codeOf(diagnostic)), ['still-in-role']);
    const document = await checkedMemo(api, memo('2027-01-01', 'Former foreign minister Wang Yi spoke.\n\nForeign Minister Wang Yi met Treasury Secretary Scott Bessent.'));
    const [notice, ...others] = ours(document.uri);
    assert.equal(others.length, 0);
    assert.ok(notice);
    assert.equal(codeOf(notice), 'data-horizon');
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(notice.range.start.line, 2, 'on the as_of line');
    assert.match(notice.message, /^This memo is dated 2027-01-01; the datasets are verified through 2026-0\d for (?:these|most of these) posts\. 3 claims about current posts were not judged\.$/);
    assert.deepEqual(
      notice.relatedInformation?.map((related) => document.getText(related.location.range)),
      ['Former foreign minister Wang Yi', 'Foreign Minister Wang Yi', 'Treasury Secretary Scott Bessent'],
    );
    await withSetting('interlocutor.severity.data-horizon', 'off', async () => {
      await waitFor(api.onDidCheckMemo, () => (ours(document.uri).length === 0 ? true : undefined), 'the notice to be switched off');
    });
  });

  // [what, memo body, date, code, fix title pattern, expected body after the fix]
  const fixes: Array<[string, string, string, string, RegExp, string]> = [
    ['make a stale claim historical with "former"', "Qin Gang, China's foreign minister, spoke.", '2025-10-23', 'stale-role', /"former"/, "Qin Gang, China's former foreign minister, spoke."],
    ['make a stale claim historical with "then"', 'Foreign Minister Qin Gang spoke.', '2025-10-23', 'stale-role', /"then"/, 'Then Foreign Minister Qin Gang spoke.'],
    ['replace the actor with the holder on the date', 'Qin Gang, the foreign minister, spoke.', '2025-10-23', 'stale-role', /Replace with Wang Yi/, 'Wang Yi, the foreign minister, spoke.'],
    ["replace the post with the actor's post on the date", 'Commerce Secretary Scott Bessent spoke.', '2025-10-23', 'never-held-role', /Replace the post/, 'Treasury Secretary Scott Bessent spoke.'],
    ['remove a wrong "former"', 'Former foreign minister Wang Yi spoke.', '2025-10-23', 'still-in-role', /Remove "Former"/, 'Foreign minister Wang Yi spoke.'],
    ['disable the check for the line', 'Qin Gang, foreign minister, spoke.', '2025-10-23', 'stale-role', /Disable stale-role/, 'Qin Gang, foreign minister, spoke. <!-- interlocutor-disable-line stale-role -->'],
  ];
  for (const [what, body, date, code, title, after] of fixes) {
    it(`quick fix: ${what}`, async () => {
      const document = await checkedMemo(api, memo(date, body));
      const [diagnostic] = ours(document.uri);
      assert.ok(diagnostic, 'no diagnostic to fix');
      assert.equal(codeOf(diagnostic), code);
      const actions = await quickFixes(document, diagnostic);
      assert.equal(actions.filter((action) => action.isPreferred).length, 1, `exactly one preferred fix among: ${actions.map((candidate) => `${candidate.title}${candidate.isPreferred ? ' (preferred)' : ''}`).join(' | ')}`);
      const action = actions.find((candidate) => title.test(candidate.title));
      assert.ok(action?.edit, `no fix matching ${title} in ${actions.map((candidate) => candidate.title).join(' | ')}`);
      assert.equal(action.edit.size, 1);
      assert.equal(action.edit.get(document.uri).length, 1, 'one edit');
      const before = document.getText();
      assert.ok(await vscode.workspace.applyEdit(action.edit));
      assert.equal(document.getText(), memo(date, after));
      await waitForDiagnostics(document.uri, (list) => !list.some((candidate) => candidate.source === 'Interlocutor'), 'the diagnostic to go away after the fix');
      // One undo restores the memo exactly.
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before);
    });
  }

  it('changes severity from settings without a reload, and "off" removes the diagnostic', async () => {
    const document = await checkedMemo(api, memo('2025-10-23', 'Qin Gang, foreign minister, spoke.'));
    assert.equal(ours(document.uri)[0]?.severity, vscode.DiagnosticSeverity.Warning);
    await withSetting('interlocutor.severity.stale-role', 'error', async () => {
      await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), 'an error-level diagnostic');
    });
    await withSetting('interlocutor.severity.stale-role', 'off', async () => {
      await waitForDiagnostics(document.uri, (list) => !list.some((diagnostic) => diagnostic.source === 'Interlocutor'), 'no diagnostic with severity off');
    });
    await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Warning), 'the warning back with the default');
  });

  it('re-checks while typing', async () => {
    const document = await checkedMemo(api, memo('2025-10-23', 'Wang Yi, the foreign minister, spoke.'));
    assert.equal(ours(document.uri).length, 0);
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) => edit.insert(new vscode.Position(document.lineCount - 1, 0), 'Qin Gang, the foreign minister, replied.\n'));
    const [diagnostic] = await waitForDiagnostics(document.uri, (list) => list.some((candidate) => candidate.source === 'Interlocutor'), 'a diagnostic for the typed claim');
    assert.equal(codeOf(diagnostic!), 'stale-role');
    assert.ok(await document.save());
  });

  it('clears diagnostics when a memo closes', async () => {
    // An untitled memo closes for good when reverted; a file's document may outlive its editor.
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: memo('2025-10-23', 'Qin Gang, the foreign minister, replied.') });
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (list) => list.some((candidate) => candidate.source === 'Interlocutor'), 'a diagnostic on the untitled memo');
    const closed = waitFor(vscode.workspace.onDidCloseTextDocument, () => (document.isClosed ? true : undefined), 'the memo to close', 20_000);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await waitForDiagnostics(document.uri, (list) => list.length === 0, 'diagnostics to clear on close');
  });

  it('re-checks when the memo date changes in the front matter', async () => {
    const document = await checkedMemo(api, memo('2025-10-23', 'Qin Gang, the foreign minister, spoke.'));
    assert.equal(ours(document.uri).length, 1);
    const editor = await vscode.window.showTextDocument(document);
    const offset = document.getText().indexOf('2025-10-23');
    await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(offset), document.positionAt(offset + 10)), '2023-03-01'));
    await waitForDiagnostics(document.uri, (list) => !list.some((candidate) => candidate.source === 'Interlocutor'), 'no diagnostic in a 2023 memo');
  });
});
