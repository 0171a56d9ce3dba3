/**
 * "Interlocutor: Show Data Coverage": a read-only Markdown document listing each loaded dataset
 * with its counts, horizons, licence and unverified tenures, opened in VS Code's Markdown preview
 * like the actor cards. It follows the data: a reload re-renders it.
 */
import * as vscode from 'vscode';
import { renderCoverageMarkdown } from '../core/dataCoverage';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeStore } from './knowledgeStore';
import { registerLiveDataDocuments } from './liveDataDocuments';

export const COVERAGE_SCHEME = 'interlocutor-coverage';

/** The document's URI; the query carries the active memo's date so the page can name it. */
export function dataCoverageUri(date?: { text: string; label: string }): vscode.Uri {
  const query = date ? new URLSearchParams({ asOf: date.text, label: date.label }).toString() : '';
  return vscode.Uri.from({ scheme: COVERAGE_SCHEME, path: '/Interlocutor data coverage.md', query });
}

export function registerDataCoverageDocuments(store: KnowledgeStore): vscode.Disposable {
  return registerLiveDataDocuments(store, COVERAGE_SCHEME, (kb, query) => {
    const asOf = parsePartialDate(query.get('asOf') ?? '');
    const date = asOf.ok ? { text: formatPartialDate(asOf.date), label: query.get('label') ?? '', openTenures: kb.openTenuresOn(asOf.date) } : undefined;
    return renderCoverageMarkdown(kb.coverage(), date);
  });
}

/** Opens the coverage document in the Markdown preview; returns its URI (for tests and other extensions). */
export async function showDataCoverage(date?: { date: PartialDate; label: string }): Promise<vscode.Uri> {
  const uri = dataCoverageUri(date ? { text: formatPartialDate(date.date), label: date.label } : undefined);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return uri;
}
