import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { partialDate } from '../../src/core/dates';
import { checkMemo } from '../../src/core/memoCheck';
import { memoDate } from '../../src/core/memoDate';
import type { InterlocutorApi } from '../../src/extension';
import { closeAllEditors, codeOf, extensionApi, memo, openMemo, waitForDiagnostics } from './helpers';

/**
 * A memo of about 1 MiB, edited the way a person edits one: the editor re-judges only the
 * paragraphs an edit touched, and its diagnostics must still converge to exactly what a fresh
 * check of the whole memo gives, including a surname whose full name an edit removes many
 * paragraphs earlier.
 */
const PARAGRAPHS = [
  'Qin Gang, foreign minister, spoke about export controls at session {n}.',
  'Trade talks resumed in Geneva on Tuesday, and session {n} ran late into the evening.',
  'Gina Raimondo, commerce secretary, visited the delegation before session {n}.',
  'Wang Yi, foreign minister, met the delegation; the readout of session {n} was brief.',
  'In 2019, Robert Lighthizer, the trade representative, led talks; session {n} recalled them.',
];
const SURNAME_NAMED = 'Lloyd Austin met Dong Jun in Singapore.';
const SURNAME_REFERENCE = 'Austin, the defense secretary, spoke again.';

function largeBody(): string {
  const parts = [SURNAME_NAMED];
  for (let n = 0, length = SURNAME_NAMED.length; length < 1_000_000; n++) {
    const paragraph = n === 2000 ? SURNAME_REFERENCE : PARAGRAPHS[n % PARAGRAPHS.length]!.replace('{n}', String(n));
    parts.push(paragraph);
    length += paragraph.length + 2;
  }
  return parts.join('\n\n');
}

/** "code line:character-line:character message", sorted: what a set of diagnostics says. */
function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .filter((diagnostic) => diagnostic.source === 'Interlocutor')
    .map((diagnostic) => `${codeOf(diagnostic)} ${diagnostic.range.start.line}:${diagnostic.range.start.character}-${diagnostic.range.end.line}:${diagnostic.range.end.character} ${diagnostic.message}`)
    .sort();
}

/** What a fresh check of the document's whole text gives, in the same form. */
async function freshCheck(api: InterlocutorApi, document: vscode.TextDocument): Promise<string[]> {
  const text = document.getText();
  const date = memoDate(text, { today: partialDate('2025-10-23') });
  return checkMemo((await api.knowledge()).kb, text, { date: date.date, dateRange: date.range })
    .map((finding) => `${finding.code} ${document.positionAt(finding.start).line}:${document.positionAt(finding.start).character}-${document.positionAt(finding.end).line}:${document.positionAt(finding.end).character} ${finding.message}`)
    .sort();
}

describe('a 1 MiB memo, edited', function () {
  this.timeout(180_000);
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  after(closeAllEditors);

  it('converges, after each burst of edits, to the diagnostics of a fresh full check', async () => {
    const document = await openMemo(memo('2025-10-23', largeBody()), 'large-memo.md');
    assert.ok(document.getText().length > 1_000_000 && document.getText().length < 1024 * 1024, 'about 1 MiB, under interlocutor.checkLimit');
    const converged = async (description: string) => {
      const expected = await freshCheck(api, document);
      const seen = await waitForDiagnostics(document.uri, (diagnostics) => JSON.stringify(describeDiagnostics(diagnostics)) === JSON.stringify(expected), description, 60_000);
      return { expected, seen };
    };
    const first = await converged('the first check of the whole memo');
    assert.ok(first.expected.length > 1000, `many findings (${first.expected.length})`);
    assert.ok(first.expected.some((line) => line.startsWith('stale-role') && line.includes('Lloyd Austin')), 'the surname reference is judged');

    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document, document);
    // Typing a stale claim into the middle, a character at a time.
    const middle = document.positionAt(document.getText().indexOf('session 3000') + 'session 3000'.length);
    const typed = ', where Qin Gang, foreign minister, took questions';
    for (let index = 0; index < typed.length; index++) {
      assert.ok(await editor.edit((edit) => edit.insert(middle.translate(0, index), typed[index]!), { undoStopBefore: false, undoStopAfter: false }));
    }
    await converged('the claim typed into the middle');

    // Splitting a paragraph with a blank line, and removing the full name the surname refers to.
    const split = document.positionAt(document.getText().indexOf('; the readout of session 41'));
    assert.ok(await editor.edit((edit) => edit.insert(split, '.\n\nThe')));
    const named = document.getText().indexOf(SURNAME_NAMED);
    assert.ok(await editor.edit((edit) => edit.replace(new vscode.Range(document.positionAt(named), document.positionAt(named + 'Lloyd Austin'.length)), 'The minister')));
    const last = await converged('the split paragraph and the removed full name');
    assert.ok(!last.expected.some((line) => line.includes('Lloyd Austin')), 'the surname no longer names anyone');

    // And undoing all of it comes back to the first set.
    const original = memo('2025-10-23', largeBody());
    for (let undo = 0; undo < 20 && document.getText() !== original; undo++) await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'undo restores the memo');
    const undone = await converged('the undone memo');
    assert.deepEqual(undone.expected, first.expected);
  });
});
