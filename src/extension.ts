/**
 * Wires the editor features together. Nothing heavy happens here: the built-in dataset is in the
 * bundle and ready at once; the user's datasets, and the parsers and schema they need, load later.
 * Every registration is added to context.subscriptions so that deactivation disposes it.
 */
import * as vscode from 'vscode';
import type { LoadedKnowledge } from './core/datasets';
import { registerActorCardDocuments } from './vscode/actorCardDocument';
import { ClaimDiagnostics } from './vscode/claimDiagnostics';
import { registerCodeActions, registerOpenEvidenceSource } from './vscode/codeActions';
import { registerChannelFigure } from './vscode/channelFigure';
import { registerChannelTimeline, type TimelineSnapshot } from './vscode/channelTimelinePanel';
import { registerChannelViews, type ChannelTreeProvider } from './vscode/channelsView';
import { registerCompletion } from './vscode/completion';
import { registerDataCoverageDocuments } from './vscode/dataCoverageDocument';
import { registerSetMemoDate } from './vscode/setMemoDate';
import { registerCommands } from './vscode/commands';
import { registerDatasetDiagnostics } from './vscode/datasetDiagnostics';
import { registerDatasetWatcher } from './vscode/datasetWatcher';
import { registerEvidenceHover } from './vscode/evidenceHover';
import { registerHover } from './vscode/hover';
import { registerPackCommands } from './vscode/packCommands';
import { KnowledgeStore } from './vscode/knowledgeStore';
import { MemoTracker } from './vscode/memoTracker';
import { registerStatusBar } from './vscode/statusBar';
import { readMemoFile, registerWorkspaceCheck } from './vscode/workspaceCheck';
import type { DataChange } from './core/dataChange';

/** What the extension exports, for its own integration tests and for other extensions. */
export interface InterlocutorApi {
  /** The knowledge once the datasets being loaded (if any) have arrived. */
  knowledge(): Promise<LoadedKnowledge>;
  /** When activate() started, on the performance.now() clock: start-up timings are measured from it. */
  readonly activatedAt: number;
  /** The extension host's log folder: VS Code's own log and this extension's output channel log are in it. */
  readonly logFolder: vscode.Uri;
  /** Fires after datasets have been (re)loaded. */
  readonly onDidLoadKnowledge: vscode.Event<LoadedKnowledge>;
  /** Fires after a memo's stale-claim diagnostics were replaced. */
  readonly onDidCheckMemo: vscode.Event<vscode.Uri>;
  /** The Channels tree, for tests that read what it shows. */
  readonly channelTree: ChannelTreeProvider;
  /** What the Channel Timeline last drew, if it is open. */
  channelTimeline(): TimelineSnapshot | undefined;
  /** Fires after new data was applied to the checked memos, with the findings it added and removed. */
  readonly onDidApplyData: vscode.Event<DataChange>;
  /** Fires after the Channel Timeline was redrawn. */
  readonly onDidRenderChannelTimeline: vscode.Event<TimelineSnapshot>;
}

export function activate(context: vscode.ExtensionContext): InterlocutorApi {
  const activatedAt = performance.now();
  const log = vscode.window.createOutputChannel('Interlocutor', { log: true });
  // The built-in data is published here, synchronously; the user's datasets load in the background.
  const store = new KnowledgeStore(context.extensionUri, log, { memory: context.workspaceState });
  const claimDiagnostics = new ClaimDiagnostics(store, readMemoFile);
  const views = registerChannelViews(store);
  const memos = new MemoTracker();
  const timeline = registerChannelTimeline(store, memos, context.extensionUri);
  context.subscriptions.push(
    log,
    store,
    registerDatasetDiagnostics(store),
    registerDatasetWatcher(store, log),
    registerHover(store),
    registerStatusBar(claimDiagnostics),
    registerActorCardDocuments(store),
    registerDataCoverageDocuments(store),
    registerCommands(store),
    registerPackCommands(context.extensionUri, store, log),
    claimDiagnostics,
    registerCodeActions(claimDiagnostics),
    registerOpenEvidenceSource(),
    registerEvidenceHover(claimDiagnostics),
    registerCompletion(store),
    registerSetMemoDate(),
    views.disposable,
    memos,
    timeline.disposable,
    registerChannelFigure(store, memos),
    registerWorkspaceCheck(store, claimDiagnostics),
  );
  // One search for the user's datasets, in the background: features already answer from the
  // built-in data, and refresh when the store says the user's data has arrived.
  void store.reload();
  return {
    activatedAt,
    logFolder: vscode.Uri.joinPath(context.logUri, '..'),
    knowledge: () => store.settled(),
    onDidLoadKnowledge: store.onDidChange,
    onDidCheckMemo: claimDiagnostics.onDidCheck,
    onDidApplyData: claimDiagnostics.onDidApplyData,
    channelTree: views.channels,
    channelTimeline: () => timeline.current()?.snapshot,
    onDidRenderChannelTimeline: timeline.onDidRender,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
