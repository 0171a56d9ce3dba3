/** Whether a position in a memo is prose (not code, front matter, a comment or a link target), cached per version. */
import type * as vscode from 'vscode';
import { proseView } from '../core/markdownRegions';

const cache = new WeakMap<vscode.TextDocument, { version: number; text: string; prose: string }>();

export function proseAt(document: vscode.TextDocument, offset: number): boolean {
  let entry = cache.get(document);
  if (!entry || entry.version !== document.version) {
    const text = document.getText();
    entry = { version: document.version, text, prose: proseView(text).prose };
    cache.set(document, entry);
  }
  // Just before the cursor is what the user is typing: masked there means not prose.
  const at = Math.max(0, offset - 1);
  return entry.prose[at] === entry.text[at];
}
