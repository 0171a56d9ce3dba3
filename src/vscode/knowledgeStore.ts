/**
 * Owns the knowledge base the editor features read. The built-in dataset is there the moment the
 * extension activates: it is inside the bundle, checked when it was built, so publishing it needs
 * no file search, no read and no schema. The user's datasets (workspace files and the files named
 * in settings) are found with one search and loaded in the background; when they arrive the store
 * fires onDidChange and every feature refreshes. A broken user file is reported and left out; it
 * never blocks the built-in data.
 *
 * A load never fails for the features: if it throws (a bug, or a file no limit foresaw), the error
 * is reported once, the features keep the last good knowledge (or the built-in data alone), and
 * the next change to a dataset or setting tries again. No rejected promise is ever kept.
 */
import * as vscode from 'vscode';
import type { DatasetProblem } from '../core/datasetLoader';
import { buildKnowledge, loadKnowledgeOverBuiltin, type DatasetText, type LoadedKnowledge } from '../core/datasets';
import { builtinDatasetFile } from '../core/builtinDataset';
import { WORKSPACE_DATASET_EXCLUDE, WORKSPACE_DATASET_GLOB } from '../core/workspaceDatasets';
import { editorPackTexts } from './packCommands';
import { readSettings } from './settings';

/** Every dataset file pattern, in one glob: one search finds them all, one watcher sees them all. */
export const DATASET_GLOB = WORKSPACE_DATASET_GLOB;
const EXCLUDE = WORKSPACE_DATASET_EXCLUDE;
/** Workspace state: the user dataset files the last search found, so the next session knows to expect them. */
const REMEMBERED_DATASETS = 'interlocutor.userDatasetFiles';

export interface KnowledgeStoreOptions {
  /** Where the store remembers, per workspace, whether the user has datasets (context.workspaceState). */
  readonly memory?: vscode.Memento;
  /** How the full knowledge is loaded; tests replace it to make a load fail. */
  readonly loader?: () => Promise<LoadedKnowledge>;
}

export class KnowledgeStore implements vscode.Disposable {
  /** The built-in dataset alone: what features use until the user's datasets are loaded. */
  private readonly builtin: LoadedKnowledge;
  private current: LoadedKnowledge;
  private pending: Promise<LoadedKnowledge> | undefined;
  private generation = 0;
  /** Whether a load of the user's datasets has completed (successfully or not) at least once. */
  private loadedOnce = false;
  /** Whether user datasets are known to exist: named in settings, remembered, or found by the search. */
  private expectUserDatasets: boolean;
  private readonly changed = new vscode.EventEmitter<LoadedKnowledge>();
  /** Fires after every completed load that changed the knowledge, with the new knowledge. */
  readonly onDidChange = this.changed.event;
  private readonly loader: () => Promise<LoadedKnowledge>;

  /** The message of the last failed load, so that a failure repeated on every change is reported once. */
  private lastFailure: string | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly options: KnowledgeStoreOptions = {},
  ) {
    this.loader = options.loader ?? (() => this.load());
    const started = Date.now();
    this.builtin = buildKnowledge([builtinDatasetFile(this.builtinFile)]);
    this.current = this.builtin;
    this.log.info(`Built-in dataset ready: ${this.builtin.kb.actorCount} actors in ${Date.now() - started} ms`);
    this.expectUserDatasets = (options.memory?.get<string[]>(REMEMBERED_DATASETS) ?? []).length > 0 || this.configuredDatasetUris().length > 0;
  }

  private get builtinFile(): string {
    return vscode.Uri.joinPath(this.extensionUri, 'data', 'builtin.json').toString();
  }

  /** The knowledge features use now: never waits (the built-in data until the user's datasets load). */
  get(): Promise<LoadedKnowledge> {
    return Promise.resolve(this.current);
  }

  /** The knowledge in use now, synchronously (for tree items and other synchronous UI). */
  peek(): LoadedKnowledge {
    return this.current;
  }

  /** The knowledge once the load in progress (if any) has finished: what all datasets say. */
  settled(): Promise<LoadedKnowledge> {
    return this.pending ?? Promise.resolve(this.current);
  }

  /**
   * True while user datasets are known to exist but have not been loaded yet (the first load of the
   * session). Stale-claim diagnostics wait for them then, rather than show findings computed on the
   * built-in data alone that the user's data would change a moment later.
   */
  get awaitingUserDatasets(): boolean {
    return this.expectUserDatasets && !this.loadedOnce;
  }

  /** Reads every dataset again. Concurrent calls coalesce into the latest load. */
  reload(): Promise<LoadedKnowledge> {
    const generation = ++this.generation;
    const load = this.loadOrRecover().then((knowledge) => {
      if (generation === this.generation) {
        const previous = this.current;
        this.current = knowledge;
        this.pending = undefined;
        this.loadedOnce = true;
        // Nothing new (no user datasets, before and after): features need not refresh.
        if (knowledge !== previous) this.changed.fire(knowledge);
      }
      return this.current;
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
      return this.current;
    }
  }

  private async load(): Promise<LoadedKnowledge> {
    const started = Date.now();
    const uris = await this.userDatasetUris();
    void this.options.memory?.update(REMEMBERED_DATASETS, uris.map((uri) => uri.toString()));
    const packs = editorPackTexts(this.extensionUri);
    if (uris.length === 0 && packs.texts.length === 0 && packs.problems.length === 0) {
      this.log.info(`No user datasets or packs found (${Date.now() - started} ms); using the built-in dataset`);
      return this.builtin;
    }
    // Found now: checks that start before they are read wait for them too.
    if (uris.length > 0) this.expectUserDatasets = true;
    const texts: DatasetText[] = [];
    const unreadable: DatasetProblem[] = [];
    await Promise.all(
      uris.map(async (uri, index) => {
        try {
          texts[index] = { file: uri.toString(), text: await readText(uri, readSettings(uri).maxFileBytes) };
        } catch (error) {
          // Reported on the file itself, like any other problem in it.
          const message = `cannot read this dataset: ${error instanceof Error ? error.message : String(error)}`;
          this.log.warn(`${uri.toString()}: ${message}`);
          unreadable.push({ file: uri.toString(), severity: 'error', message, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
        }
      }),
    );
    unreadable.push(...packs.problems);
    // Dataset packs come right after the built-in data, before the workspace's datasets; findings
    // point into the user's own datasets only (relatedInformation), so only theirs keep positions.
    const read = [...packs.texts, ...texts.filter((text): text is DatasetText => text !== undefined)];
    const packFiles = new Set(packs.texts.map((pack) => pack.file));
    const loaded = loadKnowledgeOverBuiltin(this.builtinFile, read, { keepPositions: (file) => !packFiles.has(file) });
    const knowledge = unreadable.length > 0 ? { ...loaded, problems: [...loaded.problems, ...unreadable] } : loaded;
    this.log.info(
      `Loaded ${knowledge.kb.actorCount} actors from the built-in dataset and ${read.length} user dataset file(s) in ${Date.now() - started} ms` +
        (knowledge.problems.length ? `; ${knowledge.problems.length} problem(s)` : ''),
    );
    return knowledge;
  }

  /** Workspace dataset files in a stable order, then the files named in settings, in their order. */
  async userDatasetUris(): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    if (vscode.workspace.workspaceFolders?.length) {
      for (const uri of await vscode.workspace.findFiles(DATASET_GLOB, EXCLUDE)) found.set(uri.toString(), uri);
    }
    const workspaceFiles = [...found.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
    const configured = this.configuredDatasetUris().filter((uri) => !found.has(uri.toString()));
    return [...workspaceFiles, ...configured];
  }

  /** The files named in the `interlocutor.datasets` setting of each workspace folder. */
  configuredDatasetUris(): vscode.Uri[] {
    const uris = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) {
      for (const path of readSettings(folder?.uri ?? null).datasets) {
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
