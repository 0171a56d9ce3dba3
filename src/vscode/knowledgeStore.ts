/**
 * Owns the knowledge base the editor features read: the built-in dataset plus the user's dataset
 * files, loaded lazily on first use and reloaded when a dataset file or the datasets setting
 * changes. A broken user file is reported and left out; it never blocks the built-in data.
 *
 * A load never fails for the features: if it throws (a bug, or a file no limit foresaw), the error
 * is reported once, the features keep the last good knowledge (or the built-in data alone), and
 * the next change to a dataset or setting tries again. No rejected promise is ever kept.
 */
import * as vscode from 'vscode';
import type { DatasetProblem } from '../core/datasetLoader';
import { loadKnowledge, type DatasetText, type LoadedKnowledge } from '../core/datasets';
import { editorPackTexts } from './packCommands';
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

  /** The message of the last failed load, so that a failure repeated on every change is reported once. */
  private lastFailure: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    /** How knowledge is loaded; tests replace it to make a load fail. */
    private readonly loader: () => Promise<LoadedKnowledge> = () => this.load(),
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
    const load = this.loadOrRecover().then((knowledge) => {
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

  /** The loaded knowledge, or after a failure, what can still be served: never a rejection. */
  private async loadOrRecover(): Promise<LoadedKnowledge> {
    try {
      const knowledge = await this.loader();
      this.lastFailure = undefined;
      return knowledge;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message !== this.lastFailure) {
        this.lastFailure = message;
        this.log.error(`Loading datasets failed: ${error instanceof Error && error.stack ? error.stack : message}`);
        void vscode.window.showWarningMessage(`Interlocutor could not load its datasets (${message}). It keeps using the data it has and will try again when a dataset or setting changes.`);
      }
      return this.current ?? (await this.builtinOnly());
    }
  }

  /** The built-in dataset alone, or nothing at all if even that cannot be read. */
  private async builtinOnly(): Promise<LoadedKnowledge> {
    try {
      const builtin = vscode.Uri.joinPath(this.extensionUri, 'data', 'builtin.json');
      return loadKnowledge([{ file: builtin.toString(), text: await readText(builtin, Number.POSITIVE_INFINITY) }]);
    } catch {
      return loadKnowledge([]);
    }
  }

  private async load(): Promise<LoadedKnowledge> {
    const started = Date.now();
    const texts: DatasetText[] = [];
    const unreadable: DatasetProblem[] = [];
    const builtin = vscode.Uri.joinPath(this.extensionUri, 'data', 'builtin.json');
    texts.push({ file: builtin.toString(), text: await readText(builtin, Number.POSITIVE_INFINITY) });
    // Dataset packs come right after the built-in data, before the workspace's datasets.
    const packs = editorPackTexts(this.extensionUri);
    texts.push(...packs.texts);
    unreadable.push(...packs.problems);
    for (const uri of await this.userDatasetUris()) {
      try {
        texts.push({ file: uri.toString(), text: await readText(uri, readSettings(uri).maxFileBytes) });
      } catch (error) {
        // Reported on the file itself, like any other problem in it.
        const message = `cannot read this dataset: ${error instanceof Error ? error.message : String(error)}`;
        this.log.warn(`${uri.toString()}: ${message}`);
        unreadable.push({ file: uri.toString(), severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      }
    }
    // Findings point into the user's own datasets (relatedInformation): keep their positions.
    const packFiles = new Set(packs.texts.map((pack) => pack.file));
    const loaded = loadKnowledge(texts, { keepPositions: (file) => file !== builtin.toString() && !packFiles.has(file) });
    const knowledge = unreadable.length > 0 ? { ...loaded, problems: [...loaded.problems, ...unreadable] } : loaded;
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

/**
 * Reads a regular file of at most `maxBytes`. Anything else (a directory, a FIFO or a device named
 * in settings) is refused by what it is, before a read that could hang or never end.
 */
async function readText(uri: vscode.Uri, maxBytes: number): Promise<string> {
  const stat = await vscode.workspace.fs.stat(uri);
  if ((stat.type & vscode.FileType.File) === 0) {
    throw new Error(stat.type & vscode.FileType.Directory ? 'it is a directory, not a file' : 'it is not a regular file (a pipe, socket or device)');
  }
  if (stat.size > maxBytes) {
    throw new Error(`it is ${(stat.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit (setting interlocutor.maxFileSize)`);
  }
  return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
}

/** An absolute path as is (on the folder's file system), a relative one against the folder. */
function resolveDatasetPath(path: string, folder: vscode.Uri | undefined): vscode.Uri | undefined {
  const normalized = path.trim().replace(/\\/g, '/');
  const absolute = normalized.startsWith('/') || /^[a-zA-Z]:\//.test(normalized);
  if (absolute) return folder ? folder.with({ path: normalized.startsWith('/') ? normalized : `/${normalized}` }) : vscode.Uri.file(normalized);
  return folder ? vscode.Uri.joinPath(folder, normalized) : undefined;
}
