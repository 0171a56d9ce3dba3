/**
 * Reloads datasets when a dataset file is created, saved or deleted, or when the datasets setting
 * changes, so that fixes and additions take effect without reloading the window. Bursts of
 * events (a save that touches several files, a git checkout) coalesce into one reload.
 */
import * as vscode from 'vscode';
import { DATASET_GLOB, type KnowledgeStore } from './knowledgeStore';
import { affectsDatasets } from './settings';
import { isWorkspaceDatasetPath } from '../core/workspaceDatasets';

const RELOAD_DELAY_MS = 250;

export function registerDatasetWatcher(store: KnowledgeStore, log: vscode.LogOutputChannel): vscode.Disposable {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleReload = (reason: string) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      log.info(`Reloading datasets: ${reason}`);
      void store.reload();
    }, RELOAD_DELAY_MS);
  };

  const disposables: vscode.Disposable[] = [];
  let configuredWatchers: vscode.Disposable[] = [];
  const watch = (pattern: vscode.GlobPattern) => {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const onEvent = (uri: vscode.Uri) => scheduleReload(`${vscode.workspace.asRelativePath(uri)} changed`);
    return vscode.Disposable.from(watcher, watcher.onDidCreate(onEvent), watcher.onDidChange(onEvent), watcher.onDidDelete(onEvent));
  };
  disposables.push(watch(DATASET_GLOB));

  /** Files named in settings may live anywhere, so each gets a watcher of its own. */
  let configured = new Set<string>();
  const watchConfiguredFiles = () => {
    configuredWatchers.forEach((watcher) => watcher.dispose());
    const uris = store.configuredDatasetUris();
    configured = new Set(uris.map((uri) => uri.toString()));
    configuredWatchers = uris.map((uri) => watch(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!)));
  };
  watchConfiguredFiles();

  disposables.push(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsDatasets(event)) return;
      scheduleReload('the interlocutor.datasets setting changed');
      watchConfiguredFiles();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      scheduleReload('workspace folders changed');
      watchConfiguredFiles();
    }),
    // A save from this editor is seen at once, even where file events are slow to arrive.
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isDatasetFile(document.uri)) scheduleReload(`${vscode.workspace.asRelativePath(document.uri)} saved`);
    }),
    { dispose: () => configuredWatchers.forEach((watcher) => watcher.dispose()) },
    { dispose: () => timer && clearTimeout(timer) },
  );
  return vscode.Disposable.from(...disposables);

  function isDatasetFile(uri: vscode.Uri): boolean {
    return isWorkspaceDatasetPath(uri.path) || configured.has(uri.toString());
  }
}
