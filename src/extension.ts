/**
 * Wires the editor features together. Nothing heavy happens here: datasets load on first use.
 * Every registration is added to context.subscriptions so that deactivation disposes it.
 */
import * as vscode from 'vscode';
import type { LoadedKnowledge } from './core/datasets';
import { registerHover } from './vscode/hover';
import { KnowledgeStore } from './vscode/knowledgeStore';
import { registerStatusBar } from './vscode/statusBar';

/** What the extension exports, for its own integration tests and for other extensions. */
export interface InterlocutorApi {
  /** The knowledge currently in use, loading it if needed. */
  knowledge(): Promise<LoadedKnowledge>;
}

export function activate(context: vscode.ExtensionContext): InterlocutorApi {
  const log = vscode.window.createOutputChannel('Interlocutor', { log: true });
  const store = new KnowledgeStore(context.extensionUri, log);
  context.subscriptions.push(log, store, registerHover(store), registerStatusBar());
  return { knowledge: () => store.get() };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
