/**
 * Read-only virtual documents rendered from the loaded datasets (actor cards, data coverage).
 * They follow the data: a reload re-renders every one that is still open.
 */
import * as vscode from 'vscode';
import type { KnowledgeBase } from '../core/knowledgeBase';
import type { KnowledgeStore } from './knowledgeStore';

export function registerLiveDataDocuments(store: KnowledgeStore, scheme: string, render: (kb: KnowledgeBase, query: URLSearchParams) => string): vscode.Disposable {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const open = new Set<string>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    async provideTextDocumentContent(uri) {
      open.add(uri.toString());
      const { kb } = await store.get();
      return render(kb, new URLSearchParams(uri.query));
    },
  };
  return vscode.Disposable.from(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(scheme, provider),
    store.onDidChange(() => open.forEach((uri) => changed.fire(vscode.Uri.parse(uri)))),
    vscode.workspace.onDidCloseTextDocument((document) => open.delete(document.uri.toString())),
  );
}
