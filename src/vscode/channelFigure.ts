/**
 * "Interlocutor: Insert Channel Timeline Figure": writes the timeline as of the memo's date to
 * figures/channels-<as_of>.svg next to the memo (asking before replacing a different file), then
 * inserts a Markdown image and caption at the cursor as one undoable edit.
 */
import * as vscode from 'vscode';
import { channelTimeline, timelineSvg } from '../core/channelTimeline';
import { formatPartialDate, parsePartialDate } from '../core/dates';
import { memoDateOrigin } from '../core/memoDate';
import { serializeSvg } from '../core/svg';
import { figureFileName, figureMarkdown } from '../core/timelineFigure';
import type { TimelineFilterState } from '../webview/protocol';
import type { KnowledgeStore } from './knowledgeStore';
import type { MemoTracker } from './memoTracker';
import { sanitizeFilters } from './channelTimelinePanel';
import { isMemo, memoDateOf } from './memoDates';
import { COMMAND } from './contributions';

export const INSERT_FIGURE_COMMAND = COMMAND.insertChannelTimelineFigure;

export interface InsertFigureOptions {
  readonly filters?: TimelineFilterState;
  readonly variant?: 'light' | 'dark';
}

/** What was written and inserted, for tests and for callers that chain on it. */
export interface InsertedFigure {
  readonly figure: string;
  readonly markdown: string;
}

export function registerChannelFigure(store: KnowledgeStore, memos: MemoTracker): vscode.Disposable {
  return vscode.commands.registerCommand(INSERT_FIGURE_COMMAND, (options?: InsertFigureOptions) => insertFigure(store, memos, options ?? {}));
}

async function insertFigure(store: KnowledgeStore, memos: MemoTracker, options: InsertFigureOptions): Promise<InsertedFigure | undefined> {
  const active = vscode.window.activeTextEditor;
  const editor = active && isMemo(active.document) ? active : await memos.revealEditor();
  if (!editor) {
    void vscode.window.showInformationMessage('Open a memo and place the cursor where the channel timeline should go.');
    return undefined;
  }
  const document = editor.document;
  if (document.isUntitled) {
    void vscode.window.showInformationMessage('Save the memo first: the figure is written to a figures folder next to it.');
    return undefined;
  }
  const { kb } = await store.get();
  const memo = memoDateOf(document);
  const filters = sanitizeFilters(options.filters);
  const from = filters.from ? parsePartialDate(filters.from) : undefined;
  const timeline = channelTimeline(kb, { asOf: memo.date, ...filters, from: from?.ok ? from.date : undefined });
  const asOf = formatPartialDate(memo.date);
  const svgText = serializeSvg(timelineSvg(timeline, { variant: options.variant === 'dark' ? 'dark' : 'light' }));

  const folder = vscode.Uri.joinPath(document.uri, '..', 'figures');
  const name = figureFileName(asOf, filters);
  const figure = vscode.Uri.joinPath(folder, name);
  const relative = `figures/${name}`;
  const existing = await readIfExists(figure);
  if (existing !== undefined && existing !== svgText) {
    const replace = 'Replace';
    const keep = 'Keep Existing, Insert Link';
    const answer = await vscode.window.showWarningMessage(
      `${relative} already exists next to the memo.`,
      { modal: true, detail: `Replace it with the channel timeline as of ${asOf} (${memoDateOrigin(memo)})? Keeping it inserts a link to the file as it is.` },
      replace,
      keep,
    );
    if (answer === undefined) return undefined;
    if (answer === replace) await vscode.workspace.fs.writeFile(figure, new TextEncoder().encode(svgText));
  } else if (existing === undefined) {
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(figure, new TextEncoder().encode(svgText));
  }

  const markdown = figureMarkdown(relative, timeline, filters.from);
  const position = editor.selection.active;
  const lineText = document.lineAt(position.line).text;
  // The image is a block of its own: blank lines before and after unless the cursor already has them.
  const before = lineText.slice(0, position.character).trim() ? '\n\n' : position.line > 0 && document.lineAt(position.line - 1).text.trim() ? '\n' : '';
  const after = lineText.slice(position.character).trim() ? '\n' : '';
  const inserted = `${before}${markdown}${after}`;
  const applied = await editor.edit((edit) => edit.insert(position, inserted));
  if (!applied) {
    void vscode.window.showWarningMessage(`The figure was written to ${relative}, but the memo could not be edited.`);
    return undefined;
  }
  return { figure: figure.toString(), markdown: inserted };
}

async function readIfExists(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
    throw error;
  }
}
