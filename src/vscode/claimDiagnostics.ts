/**
 * Stale-claim diagnostics: for open memos, checked when a memo opens, again shortly after typing
 * stops, and when datasets or settings change; for memos that are not open, checked by "Check
 * All Memos in Workspace" (workspaceCheck.ts) and kept, and checked again from disk when datasets
 * change. When a memo closes, its diagnostics go unless the workspace check covers it. A memo's
 * diagnostics are only ever replaced whole (DiagnosticCollection.set), so a re-check after the
 * user's datasets arrive goes from one complete set of findings to the next.
 * The findings behind each diagnostic are kept for the quick fixes (codeActions.ts).
 *
 * An open memo keeps a MemoChecker, so a re-check after an edit judges only the paragraphs the edit
 * touched. Every check (of memos that are not open too) runs in slices of a few milliseconds
 * between turns of the event loop, and an edit cancels the check of its memo under way: typing
 * never waits for a long memo to be judged.
 *
 * After datasets change, the findings added and removed are counted and told in one
 * notification ("3 claims became stale with the new data"), so a person sees what new data did
 * to memos they are not looking at.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/claimChecker';
import { MemoChecker, type CheckRun } from '../core/memoCheck';
import { describeDataChange, findingKey, type DataChange } from '../core/dataChange';
import type { LoadedKnowledge } from '../core/datasets';
import { memoDate } from '../core/memoDate';
import { severityOf } from '../core/severity';
import { LineIndex } from '../core/text';
import { findingToDiagnostic, toVsPosition, type DocumentPositions } from './convert';
import type { KnowledgeStore } from './knowledgeStore';
import { overCheckLimit } from './checkLimit';
import { isMemo, memoDateOf, today } from './memoDates';
import { affectsChecks, readSettings } from './settings';

export { DIAGNOSTIC_SOURCE } from './convert';
const TYPING_DELAY_MS = 300;
/** How long one slice of a check may hold the extension host before letting other work run. */
const SLICE_MS = 8;

export interface CheckedMemo {
  /** The document version checked, or undefined for a memo checked from disk. */
  readonly version: number | undefined;
  readonly findings: ReadonlyArray<{ finding: Finding; diagnostic: vscode.Diagnostic }>;
}

export class ClaimDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('interlocutor');
  private readonly checked = new Map<string, CheckedMemo>();
  /** Memos the workspace check covers: their diagnostics stay when they are closed. */
  private readonly workspaceMemos = new Map<string, vscode.Uri>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Per open memo: its checker (which keeps the last check's paragraphs) and the check under way. */
  private readonly checkers = new Map<string, { checker: MemoChecker; running?: vscode.CancellationTokenSource | undefined }>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly dataChanged = new vscode.EventEmitter<DataChange>();
  private loadedOnce = false;
  /** Fires after a memo's diagnostics were replaced. */
  readonly onDidCheck = this.changed.event;
  /** Fires after new data was applied to every checked memo, with what it added and removed. */
  readonly onDidApplyData = this.dataChanged.event;

  constructor(
    private readonly store: KnowledgeStore,
    /** Reads a memo that is not open (through workspace.fs, so it works on the web too). */
    private readonly readMemo: (uri: vscode.Uri) => Promise<string | undefined>,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      this.dataChanged,
      vscode.workspace.onDidOpenTextDocument((document) => this.schedule(document, 0)),
      // Only the paragraphs an edit touched are judged again, so even a long memo waits only for a pause.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.schedule(event.document, TYPING_DELAY_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.onClose(document.uri)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsChecks(event)) this.checkAllOpen();
      }),
      store.onDidChange((knowledge) => void this.applyNewData(knowledge)),
    );
    this.checkAllOpen();
  }

  /** The findings shown for a memo at its current version, for quick fixes. */
  findingsFor(document: vscode.TextDocument): CheckedMemo['findings'] {
    const checked = this.checked.get(document.uri.toString());
    return checked && checked.version === document.version ? checked.findings : [];
  }

  /** Checks a memo for the workspace check: the open document if there is one, else the file. */
  async checkWorkspaceMemo(uri: vscode.Uri, knowledge: LoadedKnowledge): Promise<number> {
    this.workspaceMemos.set(uri.toString(), uri);
    const open = openDocument(uri);
    if (open) {
      await this.check(open);
      return this.checked.get(uri.toString())?.findings.length ?? 0;
    }
    return (await this.checkClosed(uri, knowledge))?.length ?? 0;
  }

  private checkAllOpen() {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number) {
    if (!isMemo(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    // The check under way is of a version that is no longer the latest.
    this.checkers.get(key)?.running?.cancel();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.check(document);
      }, delay),
    );
  }

  private async check(document: vscode.TextDocument, given?: LoadedKnowledge) {
    // The built-in data is ready at once. But when the user's datasets are known to exist and are
    // still loading, findings from the built-in data alone could be wrong for a moment (a tenure the
    // user's data adds or corrects): wait for them rather than show and then withdraw a finding.
    // Otherwise check now; if datasets turn up later, every memo is checked again and its
    // diagnostics replaced in one set, never cleared in between.
    const knowledge = given ?? (this.store.awaitingUserDatasets ? await this.store.settled() : await this.store.get());
    if (document.isClosed) return;
    const version = document.version;
    if (overCheckLimit(document)) {
      // Too long to check while typing: no stale diagnostics left from when it was shorter.
      this.publish(document.uri, { version, findings: [] });
      return;
    }
    const memo = memoDateOf(document);
    const key = document.uri.toString();
    const entry = this.checkers.get(key) ?? { checker: new MemoChecker() };
    this.checkers.set(key, entry);
    entry.running?.cancel();
    const cancellation = new vscode.CancellationTokenSource();
    entry.running = cancellation;
    try {
      const run = entry.checker.begin(knowledge.kb, document.getText(), { date: memo.date, dateRange: memo.range });
      if (!(await finishInSlices(run, cancellation.token))) return;
      // A newer edit may have arrived while the datasets loaded: its own check will report.
      if (document.version !== version || document.isClosed) return;
      this.publish(document.uri, { version, findings: this.diagnose(document, run.findings, knowledge) });
    } finally {
      if (entry.running === cancellation) entry.running = undefined;
      cancellation.dispose();
    }
  }

  /** A memo that is not open, read from its file; undefined when it cannot be read. */
  private async checkClosed(uri: vscode.Uri, knowledge: LoadedKnowledge): Promise<CheckedMemo['findings'] | undefined> {
    const text = await this.readMemo(uri);
    if (text === undefined) {
      // Deleted or no longer readable: nothing of it stays in Problems.
      this.workspaceMemos.delete(uri.toString());
      this.checked.delete(uri.toString());
      this.collection.delete(uri);
      return undefined;
    }
    // Opened while it was being read: the document's own check reports.
    if (openDocument(uri)) return this.checked.get(uri.toString())?.findings;
    const lines = new LineIndex(text);
    const positions: DocumentPositions = { uri, positionAt: (offset) => toVsPosition(lines.positionAt(offset)) };
    const memo = memoDate(text, { setting: readSettings(uri).asOf, today: today() });
    // In slices too: the workspace check goes through memos of any size up to maxFileSize.
    const run = new MemoChecker().begin(knowledge.kb, text, { date: memo.date, dateRange: memo.range });
    await finishInSlices(run);
    // Opened while it was being checked: the document's own check reports.
    if (openDocument(uri)) return this.checked.get(uri.toString())?.findings;
    const findings = this.diagnose(positions, run.findings, knowledge);
    this.publish(uri, { version: undefined, findings });
    return findings;
  }

  /** Diagnostics for findings, at the severity the settings give them (none for "off"). */
  private diagnose(document: DocumentPositions, found: readonly Finding[], knowledge: LoadedKnowledge): CheckedMemo['findings'] {
    const severities = readSettings(document.uri).severities;
    return found.flatMap((finding) => {
      const severity = severityOf(finding, severities);
      return severity === 'off' ? [] : [{ finding, diagnostic: findingToDiagnostic(document, finding, severity, knowledge) }];
    });
  }

  private publish(uri: vscode.Uri, checked: CheckedMemo) {
    this.checked.set(uri.toString(), checked);
    if (checked.findings.length === 0) this.collection.delete(uri);
    else this.collection.set(uri, checked.findings.map((entry) => entry.diagnostic));
    this.changed.fire(uri);
  }

  /**
   * New data: every open memo and every memo of the workspace check is judged again at once, and
   * the difference is told, counted by finding (code, place and message).
   */
  private async applyNewData(knowledge: LoadedKnowledge) {
    const first = !this.loadedOnce;
    this.loadedOnce = true;
    // Memos checked before the data changed, with their findings: only they can gain or lose one.
    const before = new Map([...this.checked.entries()].map(([uri, memo]) => [uri, new Set(memo.findings.map(({ finding }) => findingKey(finding)))]));
    for (const document of vscode.workspace.textDocuments) if (isMemo(document)) await this.check(document, knowledge);
    for (const uri of this.workspaceMemos.values()) {
      if (!openDocument(uri)) await this.checkClosed(uri, knowledge);
    }
    if (first) return;
    const added: Finding[] = [];
    let removed = 0;
    for (const [uri, keys] of before) {
      const now = this.checked.get(uri)?.findings ?? [];
      const nowKeys = new Set(now.map(({ finding }) => findingKey(finding)));
      added.push(...now.filter(({ finding }) => !keys.has(findingKey(finding))).map(({ finding }) => finding));
      removed += [...keys].filter((key) => !nowKeys.has(key)).length;
    }
    if (added.length === 0 && removed === 0) return;
    const counts = { added: added.length, removed, becameStale: added.filter((finding) => finding.code === 'stale-role').length };
    const told: DataChange = { ...counts, message: describeDataChange(counts) };
    this.dataChanged.fire(told);
    void vscode.window.showInformationMessage(`Interlocutor: ${told.message}`);
  }

  private onClose(uri: vscode.Uri) {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.checkers.get(key)?.running?.cancel();
    this.checkers.delete(key);
    const workspaceMemo = this.workspaceMemos.get(key);
    if (workspaceMemo) {
      // Covered by the workspace check: what stays in Problems is the file as saved.
      void this.store.get().then((knowledge) => this.checkClosed(workspaceMemo, knowledge));
      return;
    }
    this.checked.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const { running } of this.checkers.values()) running?.cancel();
    this.checkers.clear();
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

/** The open document of `uri`, if there is one. */
function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key);
}

/**
 * Steps a check to its end in slices of SLICE_MS, yielding to the event loop between them so
 * edits, hovers and completions are served meanwhile. False when `token` was cancelled first.
 */
async function finishInSlices(run: CheckRun, token?: vscode.CancellationToken): Promise<boolean> {
  for (;;) {
    const sliceEnd = Date.now() + SLICE_MS;
    while (Date.now() < sliceEnd) if (run.step()) return true;
    // setTimeout rather than setImmediate: the web extension host (a worker) has no setImmediate.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (token?.isCancellationRequested) return false;
  }
}
