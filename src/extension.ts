/**
 * Wires the editor features together. Nothing heavy happens here: datasets load on first use.
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

/** What the extension exports, for its own integration tests and for other extensions. */
export interface InterlocutorApi {
  /** The knowledge currently in use, loading it if needed. */
  knowledge(): Promise<LoadedKnowledge>;
  /** Fires after datasets have been (re)loaded. */
  readonly onDidLoadKnowledge: vscode.Event<LoadedKnowledge>;
  /** Fires after a memo's stale-claim diagnostics were replaced. */
  readonly onDidCheckMemo: vscode.Event<vscode.Uri>;
  /** The Channels tree, for tests that read what it shows. */
  readonly channelTree: ChannelTreeProvider;
  /** What the Channel Timeline last drew, if it is open. */
  channelTimeline(): TimelineSnapshot | undefined;
  /** Fires after the Channel Timeline was redrawn. */
  readonly onDidRenderChannelTimeline: vscode.Event<TimelineSnapshot>;
}

export function activate(context: vscode.ExtensionContext): InterlocutorApi {
  const log = vscode.window.createOutputChannel('Interlocutor', { log: true });
  const store = new KnowledgeStore(context.extensionUri, log);
  const claimDiagnostics = new ClaimDiagnostics(store);
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
  );
  // Load in the background so that dataset problems show without waiting for the first hover.
  void store.get();
  return { knowledge: () => store.get(), onDidLoadKnowledge: store.onDidChange, onDidCheckMemo: claimDiagnostics.onDidCheck, channelTree: views.channels, channelTimeline: () => timeline.current()?.snapshot, onDidRenderChannelTimeline: timeline.onDidRender };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
