/** The as-of date of an open memo, computed from its text, the settings and today's date. */
import * as vscode from 'vscode';
import { fromJsDate } from '../core/dates';
import { memoDate, type MemoDate } from '../core/memoDate';
import { readSettings } from './settings';

/** The clock lives here, outside the core; tests may pin it through the environment. */
export function today(): ReturnType<typeof fromJsDate> {
  // The web-worker extension host has no `process`: there the clock is never pinned.
  const pinned = typeof process === 'undefined' ? undefined : process.env.INTERLOCUTOR_TODAY;
  const clock = pinned ? new Date(`${pinned}T12:00:00Z`) : new Date();
  return fromJsDate(Number.isNaN(clock.getTime()) ? new Date() : clock);
}

export function memoDateOf(document: vscode.TextDocument): MemoDate {
  return memoDate(document.getText(), { setting: readSettings(document.uri).asOf, today: today() });
}

export function isMemo(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  // The extension's own read-only documents (actor cards, data coverage) are Markdown written
  // from the data, not memos: never checked.
  return document?.languageId === 'markdown' && !OWN_SCHEMES.has(document.uri.scheme);
}

const OWN_SCHEMES = new Set(['interlocutor-card', 'interlocutor-coverage']);
