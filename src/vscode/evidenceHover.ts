/**
 * The evidence under a finding's message: hovering a stale claim shows the tenures the verdict
 * rests on, how sure the data is, and the sources, as escaped untrusted Markdown with http(s)
 * links only.
 */
import * as vscode from 'vscode';
import { evidenceMarkdown } from '../core/evidence';
import { MarkdownBuilder } from '../core/markdown';
import type { ClaimDiagnostics } from './claimDiagnostics';
import { untrustedMarkdown } from './convert';

export function registerEvidenceHover(diagnostics: ClaimDiagnostics): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new EvidenceHoverProvider(diagnostics));
}

export class EvidenceHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: ClaimDiagnostics) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const here = this.diagnostics.findingsFor(document).filter(({ finding, diagnostic }) => finding.evidence?.length && diagnostic.range.contains(position));
    if (here.length === 0) return undefined;
    const md = new MarkdownBuilder();
    for (const { finding } of here) md.bold('Evidence').text(` for ${finding.code}:`).paragraphBreak().raw(evidenceMarkdown(finding.evidence ?? [])).paragraphBreak();
    return new vscode.Hover(untrustedMarkdown(md.toString()), here[0]!.diagnostic.range);
  }
}
