/** "Interlocutor: Set Memo Date": writes or updates `as_of` in the memo's front matter, as one undoable edit. */
import * as vscode from 'vscode';
import { formatPartialDate, parsePartialDate } from '../core/dates';
import { setAsOfEdit } from '../core/frontMatterEdit';
import { isMemo, memoDateOf } from './memoDates';
import { COMMAND } from './contributions';

export const SET_MEMO_DATE = COMMAND.setMemoDate;

export function registerSetMemoDate(): vscode.Disposable {
  return vscode.commands.registerCommand(SET_MEMO_DATE, async (given?: string) => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isMemo(editor.document)) {
      void vscode.window.showInformationMessage('Open a Markdown memo to set its date.');
      return false;
    }
    const document = editor.document;
    const current = memoDateOf(document);
    const value =
      typeof given === 'string'
        ? given
        : await vscode.window.showInputBox({
            title: 'Set Memo Date',
            prompt: 'The date this memo speaks for: YYYY, YYYY-MM or YYYY-MM-DD. Written to the front matter as as_of.',
            value: formatPartialDate(current.date),
            validateInput: (text) => {
              const parsed = parsePartialDate(text);
              return parsed.ok ? undefined : parsed.message;
            },
          });
    if (value === undefined) return false;
    const parsed = parsePartialDate(value);
    if (!parsed.ok) {
      void vscode.window.showErrorMessage(parsed.message);
      return false;
    }
    const result = setAsOfEdit(document.getText(), parsed.date);
    if (!result.ok) {
      void vscode.window.showWarningMessage(result.reason);
      return false;
    }
    const change = result.edit;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
    return vscode.workspace.applyEdit(edit);
  });
}
