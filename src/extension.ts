/**
 * Wires the editor features together. Nothing heavy happens here: datasets load on first use.
 * Every registration is added to context.subscriptions so that deactivation disposes it.
 */
import * as vscode from 'vscode';
import type { LoadedKnowledge } from './core/datasets';
import { registerActorCardDocuments } from './vscode/actorCardDocument';
import { registerCommands } from './vscode/commands';
import { registerDatasetDiagnostics } from './vscode/datasetDiagnostics';
import { registerDatasetWatcher } from './vscode/datasetWatcher';
import { registerHover } from './vscode/hover';
import { KnowledgeStore } from './vscode/knowledgeStore';
import { registerStatusBar } from './vscode/statusBar';

/** What the extension exports, for its own integration tests and for other extensions. */
export interface InterlocutorApi {
  /** The knowledge currently in use, loading it if needed. */
  knowledge(): Promise<LoadedKnowledge>;
  /** Fires after datasets have been (re)loaded. */
  readonly onDidLoadKnowledge: vscode.Event<LoadedKnowledge>;
}

export function activate(context: vscode.ExtensionContext): InterlocutorApi {
  const log = vscode.window.createOutputChannel('Interlocutor', { log: true });
  const store = new KnowledgeStore(context.extensionUri, log);
  context.subscriptions.push(
    log,
    store,
    registerDatasetDiagnostics(store),
    registerDatasetWatcher(store, log),
    registerHover(store),
    registerStatusBar(),
    registerActorCardDocuments(store),
    registerCommands(store),
  );
  // Load in the background so that dataset problems show without waiting for the first hover.
  void store.get();
  return { knowledge: () => store.get(), onDidLoadKnowledge: store.onDidChange };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
