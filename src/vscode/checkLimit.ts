/**
 * The live-check size limit (interlocutor.checkLimit, like CSpell's checkLimit): memos longer than
 * it are not checked as they are typed. Re-checks after an edit judge only the paragraphs it touched,
 * but the first check of a memo judges all of it (about a third of a second a MiB, in slices off
 * the typing path) and its paragraphs are kept in memory while it is open. The status bar says so;
 * `interlocutor check` still checks them in full.
 */
import type * as vscode from 'vscode';
import { readSettings } from './settings';

/** The length of a document without copying its text, as typing must stay cheap. */
function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/** The limit and the memo's length when the memo is over it; undefined when it is checked. */
export function overCheckLimit(document: vscode.TextDocument): { length: number; limit: number } | undefined {
  const limit = readSettings(document.uri).checkLimitChars;
  const length = documentLength(document);
  return length > limit ? { length, limit } : undefined;
}

export function describeKilobytes(characters: number): string {
  return `${Math.round(characters / 1024).toLocaleString('en')} KB`;
}
