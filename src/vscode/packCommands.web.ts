/**
 * Dataset packs in a web extension host (vscode.dev, github.dev): packs are files in a user-level
 * folder read with Node's file system, which a web worker does not have, so the built-in data is
 * used alone and the pack commands say so. scripts/build.mjs puts this module in the web bundle in
 * place of packCommands.ts.
 */
import * as vscode from 'vscode';
import { COMMAND } from './contributions';
import type { DatasetProblem } from '../core/datasetLoader';
import type { DatasetText } from '../core/datasets';

export function editorPackTexts(_extensionUri: vscode.Uri): { texts: DatasetText[]; problems: DatasetProblem[] } {
  return { texts: [], problems: [] };
}

export function registerPackCommands(_extensionUri: vscode.Uri, _store: unknown, _log: vscode.LogOutputChannel): vscode.Disposable {
  const unavailable = () => void vscode.window.showInformationMessage('Dataset packs need VS Code on a computer (a local or remote extension host); in the browser the built-in dataset is used.');
  return vscode.Disposable.from(vscode.commands.registerCommand(COMMAND.installPack, unavailable), vscode.commands.registerCommand(COMMAND.managePacks, unavailable));
}
