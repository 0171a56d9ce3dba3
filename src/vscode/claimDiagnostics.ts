/**
 * Stale-claim diagnostics for open memos: checked when a memo opens, again shortly after typing
 * stops, and for every open memo when datasets or settings change; removed when a memo closes.
 * A memo's diagnostics are only ever replaced whole (DiagnosticCollection.set), so a re-check after
 * the user's datasets arrive goes from one complete set of findings to the next.
 * The findings behind each diagnostic are kept for the quick fixes (codeActions.ts).
 */
import * as vscode from 'vscode';
import { checkMemo, type Finding } from '../core/claimChecker';
import { locateEntry, type LoadedKnowledge } from '../core/datasets';
import { describeTenureEvidence } from '../core/evidence';
import { toVsRange } from './convert';
import { severityOf, type Severity } from '../core/severity';
import type { KnowledgeStore } from './knowledgeStore';
import { documentLength, overCheckLimit } from './checkLimit';
import { isMemo, memoDateOf } from './memoDates';
import { affectsChecks, readSettings } from './settings';

export const DIAGNOSTIC_SOURCE = 'Interlocutor';
const TYPING_DELAY_MS = 300;

export interface CheckedMemo {
  readonly version: number;
  readonly findings: ReadonlyArray<{ finding: Finding; diagnostic: vscode.Diagnostic }>;
}

export class ClaimDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('interlocutor');
  private readonly checked = new Map<string, CheckedMemo>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a memo's diagnostics were replaced. */
  readonly onDidCheck = this.changed.event;

  constructor(private readonly store: KnowledgeStore) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      // A very large memo takes longer to check (about half a second a MiB): wait longer for a pause.
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document, Math.max(TYPING_DELAY_MS, documentLength(event.document) / 2000))),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsChecks(event)) this.checkAllOpen();
      }),
      store.onDidChange(() => this.checkAllOpen()),
    );
    this.checkAllOpen();
  }

  /** The findings shown for a memo at its current version, for quick fixes. */
  findingsFor(document: vscode.TextDocument): CheckedMemo['findings'] {
    const checked = this.checked.get(document.uri.toString());
    return checked && checked.version === document.version ? checked.findings : [];
  }

  private checkAllOpen() {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number) {
    if (!isMemo(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument) {
    // The built-in data is ready at once. But when the user's datasets are known to exist and are
    // still loading, findings from the built-in data alone could be wrong for a moment (a tenure the
    // user's data adds or corrects): wait for them rather than show and then withdraw a finding.
    // Otherwise check now; if datasets turn up later, every memo is checked again and its
    // diagnostics replaced in one set, never cleared in between.
    const knowledge = this.store.awaitingUserDatasets ? await this.store.settled() : await this.store.get();
    const { kb } = knowledge;
    if (document.isClosed) return;
    const version = document.version;
    if (overCheckLimit(document)) {
      // Too long to check while typing: no stale diagnostics left from when it was shorter.
      this.checked.set(document.uri.toString(), { version, findings: [] });
      this.collection.delete(document.uri);
      this.changed.fire(document.uri);
      return;
    }
    const severities = readSettings(document.uri).severities;
    const memo = memoDateOf(document);
    const findings = checkMemo(kb, document.getText(), { date: memo.date, dateRange: memo.range }).flatMap((finding) => {
      const severity = severityOf(finding, severities);
      return severity === 'off' ? [] : [{ finding, diagnostic: toDiagnostic(document, finding, severity, knowledge) }];
    });
    // A newer edit may have arrived while the datasets loaded: its own check will report.
    if (document.version !== version || document.isClosed) return;
    this.checked.set(document.uri.toString(), { version, findings });
    this.collection.set(document.uri, findings.map((entry) => entry.diagnostic));
    this.changed.fire(document.uri);
  }

  private forget(uri: vscode.Uri) {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.checked.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

const SEVERITY: Record<Exclude<Severity, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(document: vscode.TextDocument, finding: Finding, severity: Exclude<Severity, 'off'>, knowledge: LoadedKnowledge): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[severity]);
  diagnostic.code = finding.code;
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const related = (finding.related ?? []).map(
    (item) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, new vscode.Range(document.positionAt(item.start), document.positionAt(item.end))), item.message),
  );
  // The tenure a verdict rests on, where the user's own dataset writes it, so they can open it.
  for (const item of finding.evidence ?? []) {
    const range = item.origin && locateEntry(knowledge, item.origin.file, item.origin.path);
    if (item.origin && range) related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(item.origin.file), toVsRange(range)), `${describeTenureEvidence(item)} (${item.certainty})`));
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

