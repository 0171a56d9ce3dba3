/** Output formats for `interlocutor check`: ESLint's stylish and JSON shapes, and SARIF 2.1.0. */
import { relative } from 'node:path';
import { evidenceLine, type Evidence } from '../core/evidence';
import { CODE_DESCRIPTIONS, FINDING_CODES, type FindingCode, type Severity } from '../core/severity';
import { jsonTerminalSafe, terminalSafeLine } from './terminalText';

export interface CheckMessage {
  readonly ruleId: FindingCode;
  readonly severity: Exclude<Severity, 'off'>;
  readonly message: string;
  /** 1-based, as ESLint and SARIF count. */
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly suggestions: ReadonlyArray<{ desc: string; fix: { range: [number, number]; text: string } }>;
  /** Other places the message is about (data-horizon: the claims not judged), 1-based. */
  readonly related?: ReadonlyArray<{ line: number; column: number; endLine: number; endColumn: number; message: string }>;
  /** The tenures the verdict rests on, with their sources. */
  readonly evidence?: readonly Evidence[];
  /** Where the user's own datasets write those tenures, 1-based. */
  readonly datasetLocations?: ReadonlyArray<{ file: string; line: number; column: number; endLine: number; endColumn: number; message: string }>;
}

export interface FileResult {
  readonly filePath: string;
  readonly messages: readonly CheckMessage[];
  /** How the file's date was chosen, e.g. "2025-10-23 (front matter as_of)". */
  readonly asOf: string;
}

const eslintSeverity = (severity: CheckMessage['severity']) => (severity === 'error' ? 2 : 1);

export function formatJson(results: readonly FileResult[]): string {
  return jsonTerminalSafe(JSON.stringify(
    results.map((result) => {
      const errorCount = result.messages.filter((message) => message.severity === 'error').length;
      return {
        filePath: result.filePath,
        messages: result.messages.map((message) => ({
          ruleId: message.ruleId,
          severity: eslintSeverity(message.severity),
          message: message.message,
          line: message.line,
          column: message.column,
          endLine: message.endLine,
          endColumn: message.endColumn,
          suggestions: message.suggestions,
          ...(message.related ? { related: message.related } : {}),
          ...(message.evidence ? { evidence: message.evidence } : {}),
        })),
        errorCount,
        warningCount: result.messages.length - errorCount,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        asOf: result.asOf,
      };
    }),
    null,
    2,
  ));
}

export function formatStylish(results: readonly FileResult[], cwd: string, color: boolean): string {
  const paint = (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  let unjudged = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    lines.push('', paint('4', terminalSafeLine(relative(cwd, result.filePath) || result.filePath)) + paint('2', `  (as of ${terminalSafeLine(result.asOf)})`));
    for (const message of result.messages) {
      if (message.severity === 'error') errors++;
      else if (message.severity === 'warning') warnings++;
      else notes++;
      if (message.ruleId === 'data-horizon') unjudged += message.related?.length ?? 0;
      const level = message.severity === 'error' ? paint('31', 'error') : message.severity === 'warning' ? paint('33', 'warning') : paint('36', message.severity === 'information' ? 'info' : 'hint');
      lines.push(`  ${`${message.line}:${message.column}`.padEnd(8)} ${level.padEnd(color ? 16 : 7)}  ${terminalSafeLine(message.message)}  ${paint('2', message.ruleId)}`);
      // The evidence the verdict rests on, one short line (the first tenure it cites).
      const evidence = message.evidence?.[0];
      if (evidence) lines.push(paint('2', `  ${''.padEnd(8)} ${''.padEnd(7)}  evidence: ${terminalSafeLine(evidenceLine(evidence))}`));
    }
  }
  const total = errors + warnings + notes;
  if (total === 0) return `${paint('32', '✔')} No stale claims in ${results.length} file(s).\n`;
  lines.push('', paint(errors ? '31;1' : '33;1', `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${notes ? `, ${notes} info` : ''}) in ${results.length} file(s)`));
  // Silence past the horizon is not "checked and fine": say how much was not judged.
  if (unjudged > 0) lines.push(paint('36', `ℹ ${unjudged} claim${unjudged === 1 ? '' : 's'} about current posts not judged: the memo date is past the datasets' horizon (data-horizon)`));
  lines.push('');
  return `${lines.join('\n')}\n`;
}

const SARIF_LEVEL: Record<CheckMessage['severity'], 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(results: readonly FileResult[], cwd: string, version: string, defaults: Readonly<Record<FindingCode, Severity>>): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Interlocutor',
            version,
            rules: FINDING_CODES.map((code) => ({
              id: code,
              name: code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: CODE_DESCRIPTIONS[code] },
              defaultConfiguration: { level: defaults[code] === 'off' ? 'none' : SARIF_LEVEL[defaults[code]] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: `file://${cwd.endsWith('/') ? cwd : `${cwd}/`}` } },
        results: results.flatMap((result) =>
          result.messages.map((message) => ({
            ruleId: message.ruleId,
            ruleIndex: FINDING_CODES.indexOf(message.ruleId),
            level: SARIF_LEVEL[message.severity],
            message: { text: message.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relative(cwd, result.filePath).split('\\').join('/'), uriBaseId: 'SRCROOT' },
                  region: { startLine: message.line, startColumn: message.column, endLine: message.endLine, endColumn: message.endColumn },
                },
              },
            ],
            ...(message.evidence ? { properties: { evidence: message.evidence } } : {}),
            ...(message.datasetLocations && message.datasetLocations.length > 0
              ? {
                  relatedLocations: message.datasetLocations.map((location, index) => ({
                    id: index,
                    message: { text: location.message },
                    physicalLocation: {
                      artifactLocation: { uri: relative(cwd, location.file).split('\\').join('/'), uriBaseId: 'SRCROOT' },
                      region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: location.endColumn },
                    },
                  })),
                }
              : {}),
            ...(message.related
              ? {
                  relatedLocations: message.related.map((related, index) => ({
                    id: index,
                    message: { text: related.message },
                    physicalLocation: {
                      artifactLocation: { uri: relative(cwd, result.filePath).split('\\').join('/'), uriBaseId: 'SRCROOT' },
                      region: { startLine: related.line, startColumn: related.column, endLine: related.endLine, endColumn: related.endColumn },
                    },
                  })),
                }
              : {}),
          })),
        ),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return jsonTerminalSafe(JSON.stringify(sarif, null, 2));
}
