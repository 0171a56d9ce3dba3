/**
 * Owns the knowledge base the editor features read: the built-in dataset plus the user's dataset
 * files, loaded lazily on first use and reloaded when a dataset file or the datasets setting
 * changes. A broken user file is reported and left out; it never blocks the built-in data.
 */
import * as vscode from 'vscode';
import { loadKnowledge, type DatasetText, type LoadedKnowledge } from '../core/datasets';
import { readSettings } from './settings';

export const DATASET_GLOBS = ['**/*.interlocutor.{json,yaml,yml}', '**/.interlocutor/*.{json,yaml,yml}'];
const EXCLUDE = '**/node_modules/**';

export class KnowledgeStore implements vscode.Disposable {
  private current: LoadedKnowledge | undefined;
  private pending: Promise<LoadedKnowledge> | undefined;
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<LoadedKnowledge>();
  /** Fires after every completed load, with the new knowledge. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The loaded knowledge, loading it on first call. */
  get(): Promise<LoadedKnowledge> {
    if (this.current && !this.pending) return Promise.resolve(this.current);
    return this.pending ?? this.reload();
  }

  /** The knowledge if it is already loaded (for synchronous UI such as tree items). */
  peek(): LoadedKnowledge | undefined {
    return this.current;
  }

  /** Reads every dataset again. Concurrent calls coalesce into the latest load. */
  reload(): Promise<LoadedKnowledge> {
    const generation = ++this.generation;
    const load = this.load().then((knowledge) => {
      if (generation === this.generation) {
        this.current = knowledge;
        this.pending = undefined;
        this.changed.fire(knowledge);
      }
      return this.current ?? knowledge;
    });
    this.pending = load;
    return load;
  }

  private async load(): Promise<LoadedKnowledge> {
    const started = Date.now();
    const texts: DatasetText[] = [];
    const builtin = vscode.Uri.joinPath(this.extensionUri, 'data', 'builtin.json');
    texts.push({ file: builtin.toString(), text: await readText(builtin) });
    for (const uri of await this.userDatasetUris()) {
      try {
        texts.push({ file: uri.toString(), text: await readText(uri) });
      } catch (error) {
        this.log.warn(`Could not read dataset ${uri.toString()}: ${String(error)}`);
      }
    }
    // Findings point into the user's own datasets (relatedInformation): keep their positions.
    const knowledge = loadKnowledge(texts, { keepPositions: (file) => file !== builtin.toString() });
    this.log.info(
      `Loaded ${knowledge.kb.actorCount} actors from ${texts.length} dataset file(s) in ${Date.now() - started} ms` +
        (knowledge.problems.length ? `; ${knowledge.problems.length} problem(s)` : ''),
    );
    return knowledge;
  }

  /** Workspace dataset files in a stable order, then the files named in settings, in their order. */
  async userDatasetUris(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    if (vscode.workspace.workspaceFolders?.length) {
      for (const glob of DATASET_GLOBS) {
        for (const uri of await vscode.workspace.findFiles(glob, EXCLUDE)) found.set(uri.toString(), uri);
      }
    }
    const workspaceFiles = [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
    const configured = this.configuredDatasetUris().filter((uri) => !found.has(uri.toString()));
    return [...workspaceFiles, ...configured];
  }

  /** The files named in the `interlocutor.datasets` setting of each workspace folder. */
  configuredDatasetUris(): vscode.Uri[] {
    const uris = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) {
      for (const path of readSettings(folder?.uri).datasets) {
        const uri = resolveDatasetPath(path, folder?.uri);
        if (uri) uris.set(uri.toString(), uri);
      }
    }
    return [...uris.values()];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** An absolute path as is (on the folder's file system), a relative one against the folder. */
function resolveDatasetPath(path: string, folder: vscode.Uri | undefined): vscode.Uri | undefined {
  const normalized = path.trim().replace(/\\/g, '/');
  const absolute = normalized.startsWith('/') || /^[a-zA-Z]:\//.test(normalized);
  if (absolute) return folder ? folder.with({ path: normalized.startsWith('/') ? normalized : `/${normalized}` }) : vscode.Uri.file(normalized);
  return folder ? vscode.Uri.joinPath(folder, normalized) : undefined;
}
