/**
 * The memo's as-of date in the status bar, with where it came from, for the active Markdown editor.
 * When claims in the memo were past the datasets' horizon and not judged, the item turns to its
 * warning state and says so, so that silence is not read as "checked and fine".
 */
import * as vscode from 'vscode';
import { HORIZON_CODE } from '../core/claimChecker';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { formatPartialDate } from '../core/dates';
import { describeMemoDate } from '../core/memoDate';
import { describeKilobytes, overCheckLimit } from './checkLimit';
import { isMemo, memoDateOf } from './memoDates';
import { affectsPresentation, readWindowSettings } from './settings';
import { COMMAND } from './contributions';

export const STATUS_BAR_ID = 'interlocutor.asOf';

export function registerStatusBar(diagnostics: ClaimDiagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = 'Interlocutor: Memo Date';
  item.command = { command: COMMAND.setMemoDate, title: 'Set Memo Date' };
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!isMemo(document) || !readWindowSettings().statusBarEnabled) {
      item.hide();
      return;
    }
    const memo = memoDateOf(document);
    const over = overCheckLimit(document);
    item.text = `$(calendar) As of ${formatPartialDate(memo.date)}${over ? ' $(warning) Not checked: too long' : ''}`;
    const tooltip = new vscode.MarkdownString(undefined, false);
    tooltip.appendText(`Interlocutor checks this memo as of ${describeMemoDate(memo)}.`);
    if (over) {
      tooltip
        .appendMarkdown('\n\n')
        .appendText(
          `This memo is ${describeKilobytes(over.length)}, over the ${describeKilobytes(over.limit)} limit for checking while you type (setting interlocutor.checkLimit), so it shows no stale-claim diagnostics. \`interlocutor check\` checks it in full.`,
        );
    }
    if (memo.problem) tooltip.appendMarkdown('\n\n').appendText(`Not used: ${memo.problem.message}`);
    const horizon = diagnostics.findingsFor(document).find((entry) => entry.finding.code === HORIZON_CODE)?.finding;
    if (horizon) tooltip.appendMarkdown('\n\n').appendText(horizon.message);
    tooltip.appendMarkdown('\n\n').appendText(memo.source === 'front matter' ? 'Click to change it.' : 'Click to date this memo in its front matter (as_of).');
    item.tooltip = tooltip;
    item.text = horizon ? `$(warning) As of ${formatPartialDate(memo.date)}` : item.text;
    item.backgroundColor = memo.problem || over || horizon ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.accessibilityInformation = { label: `Memo date ${describeMemoDate(memo)}${over ? '; not checked while typing: the memo is over the check limit' : ''}${horizon ? `. ${horizon.message}` : ''}` };
    item.show();
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.document === vscode.window.activeTextEditor?.document) update();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsPresentation(event)) update();
    }),
    diagnostics.onDidCheck((uri) => {
      if (uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
