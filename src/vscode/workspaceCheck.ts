/**
 * "Interlocutor: Check All Memos in Workspace": fills Problems for every memo in the workspace,
 * open or not, as `interlocutor check` would, with progress and a Cancel button. Memos that a
 * workspace folder's `.interlocutorignore` lists are skipped. Files are read through
 * `workspace.fs`, so it works on vscode.dev and github.dev as on the desktop.
 */
import * as vscode from 'vscode';
import { IGNORE_FILE_NAME, ignoreMatcher, type IgnoreMatcher } from '../core/ignoreRules';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { COMMAND } from './contributions';
import type { KnowledgeStore } from './knowledgeStore';
import { readSettings } from './settings';

const MEMO_GLOB = '**/*.{md,markdown,mdown,mkd}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';

export interface WorkspaceCheckSummary {
  readonly memos: number;
  readonly findings: number;
  readonly skipped: number;
  readonly cancelled: boolean;
}

export function registerWorkspaceCheck(store: KnowledgeStore, diagnostics: ClaimDiagnostics): vscode.Disposable {
  return vscode.commands.registerCommand(COMMAND.checkWorkspace, () =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Interlocutor: checking memos', cancellable: true }, async (progress, token) => {
      const summary = await checkWorkspace(store, diagnostics, progress, token);
      const what = `${summary.findings} finding${summary.findings === 1 ? '' : 's'} in ${summary.memos} memo${summary.memos === 1 ? '' : 's'}${summary.skipped ? ` (${summary.skipped} skipped by ${IGNORE_FILE_NAME})` : ''}`;
      void vscode.window.showInformationMessage(summary.cancelled ? `Interlocutor: cancelled after ${what}.` : `Interlocutor: ${what}; see the Problems panel.`);
      return summary;
    }),
  );
}

/** Checks every memo not ignored, one by one, stopping at the next memo once `token` is cancelled. */
export async function checkWorkspace(store: KnowledgeStore, diagnostics: ClaimDiagnostics, progress: vscode.Progress<{ message?: string; increment?: number }>, token: vscode.CancellationToken): Promise<WorkspaceCheckSummary> {
  const knowledge = await store.get();
  const found = await vscode.workspace.findFiles(MEMO_GLOB, EXCLUDE, undefined, token);
  const ignored = await ignoreRulesByFolder();
  const memos = found
    .filter((uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      const matcher = folder && ignored.get(folder.uri.toString());
      return !matcher || !matcher(vscode.workspace.asRelativePath(uri, false));
    })
    .sort((a, b) => a.toString().localeCompare(b.toString()));
  let findings = 0;
  let checked = 0;
  for (const uri of memos) {
    if (token.isCancellationRequested) break;
    progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / memos.length });
    findings += await diagnostics.checkWorkspaceMemo(uri, knowledge);
    checked++;
  }
  return { memos: checked, findings, skipped: found.length - memos.length, cancelled: token.isCancellationRequested };
}

/** Each workspace folder's .interlocutorignore, as a matcher of paths relative to the folder. */
async function ignoreRulesByFolder(): Promise<Map<string, IgnoreMatcher>> {
  const rules = new Map<string, IgnoreMatcher>();
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    try {
      const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, IGNORE_FILE_NAME));
      rules.set(folder.uri.toString(), ignoreMatcher([new TextDecoder('utf-8').decode(bytes)]));
    } catch {
      // No ignore file: nothing is skipped in this folder.
    }
  }
  return rules;
}

/** A memo that is not open, read through workspace.fs; undefined when it is not a readable file within the size limit. */
export async function readMemoFile(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if ((stat.type & vscode.FileType.File) === 0 || stat.size > readSettings(uri).maxFileBytes) return undefined;
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
