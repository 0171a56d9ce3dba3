/** Quick fixes for stale claims: each one a single edit the user picks, undone with one undo. */
import * as vscode from 'vscode';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { DIAGNOSTIC_SOURCE, diagnosticCode } from './convert';
import { COMMAND } from './contributions';

export const OPEN_EVIDENCE_SOURCE = COMMAND.openEvidenceSource;

/** Opens a finding's source with VS Code's opener; only http(s) addresses are ever opened. */
export function registerOpenEvidenceSource(): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_EVIDENCE_SOURCE, async (url: unknown) => {
    if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
    return vscode.env.openExternal(vscode.Uri.parse(url, true));
  });
}

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
      if (!ours.some((shown) => shown.range.isEqual(diagnostic.range) && diagnosticCode(shown) === diagnosticCode(diagnostic))) continue;
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        if (fix.kind === 'open-source' && fix.url) {
          // Not an edit: opens the source in the browser, through VS Code's opener.
          action.command = { command: OPEN_EVIDENCE_SOURCE, title: fix.title, arguments: [fix.url] };
          action.diagnostics = [diagnostic];
          actions.push(action);
          continue;
        }
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
