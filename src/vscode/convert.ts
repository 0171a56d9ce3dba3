/** The one place where core types (0-based positions, plain data) become VS Code types. */
import * as vscode from 'vscode';
import type { Position, Range } from '../core/text';

export function toVsPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function toVsRange(range: Range): vscode.Range {
  return new vscode.Range(toVsPosition(range.start), toVsPosition(range.end));
}

export function fromVsPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

/** Dataset text is untrusted: never trusted, never HTML, no theme icons from data. */
export function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const result = new vscode.MarkdownString(markdown, false);
  result.isTrusted = false;
  result.supportHtml = false;
  return result;
}
