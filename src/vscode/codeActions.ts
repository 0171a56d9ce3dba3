/** Quick fixes for stale claims: each one a single edit the user picks, undone with one undo. */
import * as vscode from 'vscode';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { DIAGNOSTIC_SOURCE } from './claimDiagnostics';

export function registerCodeActions(diagnostics: ClaimDiagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: 'markdown' }, new ClaimCodeActions(diagnostics), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
  });
}

export class ClaimCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly diagnostics: ClaimDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const actions: vscode.CodeAction[] = [];
    for (const { finding, diagnostic } of this.diagnostics.findingsFor(document)) {
      if (!ours.some((shown) => shown.range.isEqual(diagnostic.range) && shown.code === diagnostic.code)) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const change of fix.edits) {
          edit.replace(document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.newText);
        }
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        actions.push(action);
      }
    }
    return actions;
  }
}
