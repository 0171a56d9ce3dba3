/**
 * The one place where core types (0-based positions, plain data) become VS Code types: ranges,
 * untrusted Markdown, and every diagnostic the extension shows (stale claims on memos, problems
 * on dataset files), with one severity map and a link from each code to its README section.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/claimChecker';
import type { DatasetProblem } from '../core/datasetLoader';
import { locateEntry, type LoadedKnowledge } from '../core/datasets';
import { describeTenureEvidence } from '../core/evidence';
import { codeHelpUri, type FindingCode, type Severity } from '../core/severity';
import type { Position, Range } from '../core/text';

export const DIAGNOSTIC_SOURCE = 'Interlocutor';
export const DATASET_INVALID = 'dataset-invalid';

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

const SEVERITY: Record<Exclude<Severity, 'off'>, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toVsSeverity(severity: Exclude<Severity, 'off'>): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

/** The code with a link to the README section that explains it (the Problems panel shows it as a link). */
function codeWithLink(code: FindingCode | typeof DATASET_INVALID): { value: string; target: vscode.Uri } {
  return { value: code, target: vscode.Uri.parse(codeHelpUri(code)) };
}

/** What a diagnostic needs of a memo: an open TextDocument, or a closed file's text measured by the core. */
export interface DocumentPositions {
  readonly uri: vscode.Uri;
  positionAt(offset: number): vscode.Position;
}

/** A stale-claim finding on a memo, with the tenures it rests on where the user's own datasets write them. */
export function findingToDiagnostic(document: DocumentPositions, finding: Finding, severity: Exclude<Severity, 'off'>, knowledge: LoadedKnowledge): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
  const diagnostic = new vscode.Diagnostic(range, finding.message, toVsSeverity(severity));
  diagnostic.code = codeWithLink(finding.code);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  const related = (finding.related ?? []).map(
    (item) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, new vscode.Range(document.positionAt(item.start), document.positionAt(item.end))), item.message),
  );
  // The tenure a verdict rests on, where the user's own dataset writes it, so they can open it.
  for (const item of finding.evidence ?? []) {
    const entry = item.origin && locateEntry(knowledge, item.origin.file, item.origin.path);
    if (item.origin && entry) related.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(vscode.Uri.parse(item.origin.file), toVsRange(entry)), `${describeTenureEvidence(item)} (${item.certainty})`));
  }
  if (related.length > 0) diagnostic.relatedInformation = related;
  return diagnostic;
}

/** A problem in a dataset file, on that file at its line and column. */
export function datasetProblemToDiagnostic(problem: DatasetProblem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toVsRange(problem.range), problem.message, toVsSeverity(problem.severity));
  diagnostic.code = codeWithLink(DATASET_INVALID);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** The plain code of a diagnostic, whether it carries a link or not. */
export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}
