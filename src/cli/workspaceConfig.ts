/**
 * What the editor would load for a memo, found from the memo's own folder, so that `check` in CI
 * judges a memo exactly as the author's editor does:
 * - the workspace root: the nearest folder, from the memo's folder upwards, that holds `.vscode/`
 *   or `.git/` (the folder a person opens in VS Code);
 * - the `interlocutor.*` settings in that root's `.vscode/settings.json`;
 * - in the editor's order: the built-in dataset, installed packs, the workspace datasets
 *   (`*.interlocutor.{json,yaml,yml}` and `.interlocutor/*.{json,yaml,yml}` anywhere under the
 *   root, outside node_modules, in the order the editor sorts them), then the files named in
 *   `interlocutor.datasets`.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import { WORKSPACE_DATASET_GLOBS, WORKSPACE_DATASET_EXCLUDE } from '../core/workspaceDatasets';
import type { CliIo } from './io';
import { readWorkspaceSettings, type WorkspaceSettings } from './workspaceSettings';

export interface WorkspaceConfig {
  /**
   * The workspace root; without `.vscode/` or `.git/` above the memo, the working directory when
   * the memo is inside it (the folder the user treats as the workspace), else the memo's folder.
   */
  readonly root: string;
  /** True when `root` holds `.vscode/` or `.git/`. */
  readonly rootFound: boolean;
  readonly settings: WorkspaceSettings;
  /** Installed and enabled packs, in load order (after the built-in dataset). */
  readonly packs: readonly string[];
  /** Workspace dataset files, in the order the editor loads them. */
  readonly workspaceDatasets: readonly string[];
  /** The files named in `interlocutor.datasets`, resolved against the root. */
  readonly settingsDatasets: readonly string[];
}

/** The nearest folder at or above `start` that holds `.vscode/` or `.git/`. */
export function findWorkspaceRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, '.vscode')) || existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The configuration that applies to memos in `folder`; one per workspace root, cached by the caller. */
export function workspaceConfigFor(folder: string, io: CliIo): WorkspaceConfig {
  const found = findWorkspaceRoot(folder);
  const root = found ?? (isInside(resolve(folder), io.cwd) ? io.cwd : resolve(folder));
  const settings = readWorkspaceSettings(io, root);
  const named = settings.values['interlocutor.datasets'];
  const settingsDatasets = Array.isArray(named) ? named.filter((path): path is string => typeof path === 'string' && path.trim() !== '').map((path) => (isAbsolute(path) ? path : resolve(root, path))) : [];
  const workspaceDatasets = workspaceDatasetFiles(root);
  return {
    root,
    rootFound: found !== undefined,
    settings,
    packs: installedPackDatasets(root),
    // A file both found and named loads once, in the workspace position (as in the editor).
    workspaceDatasets,
    settingsDatasets: settingsDatasets.filter((file) => !workspaceDatasets.includes(file)),
  };
}

/** Dataset files under the root, sorted as the editor sorts their URIs. */
export function workspaceDatasetFiles(root: string): string[] {
  const files = globSync([...WORKSPACE_DATASET_GLOBS], { cwd: root, absolute: true, dot: true, followSymbolicLinks: false, ignore: [WORKSPACE_DATASET_EXCLUDE, '**/.git/**'] });
  const withUri = files.map((file) => ({ file, uri: pathToFileURL(file).href }));
  return withUri.sort((a, b) => a.uri.localeCompare(b.uri)).map((entry) => entry.file);
}

/**
 * The dataset files of the packs installed and enabled for this workspace, in load order.
 * Packs (issue 10) have no install location yet, so none are found; when `interlocutor pack
 * install` gets one, it is read here, and `check`, `datasets` and `--print-config` follow.
 */
export function installedPackDatasets(_root: string): string[] {
  return [];
}

/** Every dataset file, in the editor's order: packs, workspace datasets, settings, then --dataset (each once). */
export function datasetFilesOf(config: WorkspaceConfig, extra: readonly string[]): string[] {
  const found = [...config.packs, ...config.workspaceDatasets, ...config.settingsDatasets];
  return [...found, ...extra.filter((file) => !found.includes(file))];
}

function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
