/** Output formats for `interlocutor check`: ESLint's stylish and JSON shapes, a compact one-line-a-finding form, and SARIF 2.1.0. */
import { posix, win32 } from 'node:path';
import type * as Sarif from 'sarif';
import { evidenceLine, type Evidence } from '../core/evidence';
import { CODE_DESCRIPTIONS, codeHelpUri, FINDING_CODES, REPOSITORY_URL, type FindingCode, type Severity } from '../core/severity';
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
    lines.push('', paint('4', terminalSafeLine(displayPath(cwd, result.filePath))) + paint('2', `  (as of ${terminalSafeLine(result.asOf)})`));
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

/** Windows paths ("C:\\memos\\a.md", "\\\\server\\share") are handled as such on any platform, so SARIF made anywhere is valid. */
function isWindowsPath(path: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

function pathApi(path: string): typeof posix {
  return isWindowsPath(path) ? win32 : posix;
}

/** A path relative to the working directory when it lies inside it, else as given. */
function displayPath(cwd: string, file: string): string {
  const rel = pathApi(cwd).relative(cwd, file);
  return rel === '' || rel.startsWith('..') || pathApi(rel).isAbsolute(rel) ? file : rel;
}

/**
 * A `file:` URI for an absolute path, as RFC 8089 and SARIF want it: `file:///C:/memos/a%20b.md`
 * for a drive path, `file://server/share/a.md` for a UNC path, `file:///home/a.md` otherwise; each
 * segment percent-encoded. A directory ends in a slash (SARIF's uriBaseId values must).
 */
export function fileUri(path: string, directory = false): string {
  const encode = (segments: readonly string[]) => segments.map((segment) => encodeURIComponent(segment)).join('/');
  let uri: string;
  if (/^[a-zA-Z]:[\\/]/.test(path)) {
    const [drive = '', ...rest] = path.replace(/\\/g, '/').split('/');
    uri = `file:///${drive.toUpperCase()}/${encode(rest)}`;
  } else if (path.startsWith('\\\\')) {
    const [host, ...rest] = path.slice(2).split('\\');
    uri = `file://${host ?? ''}/${encode(rest)}`;
  } else {
    uri = `file://${encode(path.split('/')).replace(/^(?!\/)/, '/')}`;
  }
  return directory && !uri.endsWith('/') ? `${uri}/` : uri;
}

/** A file's location for SARIF: relative to SRCROOT (the working directory) when inside it, else an absolute URI. */
function artifactLocation(cwd: string, file: string): Sarif.ArtifactLocation {
  const api = pathApi(cwd);
  const rel = api.relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || api.isAbsolute(rel)) return { uri: fileUri(file) };
  return { uri: rel.split(api.sep).map((segment) => encodeURIComponent(segment)).join('/'), uriBaseId: 'SRCROOT' };
}

export function formatSarif(results: readonly FileResult[], cwd: string, version: string, defaults: Readonly<Record<FindingCode, Severity>>): string {
  const rules: Sarif.ReportingDescriptor[] = FINDING_CODES.map((code) => ({
    id: code,
    name: code.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase()),
    shortDescription: { text: CODE_DESCRIPTIONS[code] },
    helpUri: codeHelpUri(code),
    defaultConfiguration: { level: defaults[code] === 'off' ? 'none' : SARIF_LEVEL[defaults[code]] },
  }));
  const region = (where: { line: number; column: number; endLine: number; endColumn: number }): Sarif.Region => ({ startLine: where.line, startColumn: where.column, endLine: where.endLine, endColumn: where.endColumn });
  const sarifResults: Sarif.Result[] = results.flatMap((result) =>
    result.messages.map((message): Sarif.Result => {
      const related: Sarif.Location[] = [
        ...(message.datasetLocations ?? []).map((location) => ({ message: { text: location.message }, physicalLocation: { artifactLocation: artifactLocation(cwd, location.file), region: region(location) } })),
        ...(message.related ?? []).map((item) => ({ message: { text: item.message }, physicalLocation: { artifactLocation: artifactLocation(cwd, result.filePath), region: region(item) } })),
      ];
      return {
        ruleId: message.ruleId,
        ruleIndex: FINDING_CODES.indexOf(message.ruleId),
        level: SARIF_LEVEL[message.severity],
        message: { text: message.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(cwd, result.filePath), region: region(message) } }],
        ...(message.evidence ? { properties: { evidence: message.evidence } } : {}),
        ...(related.length > 0 ? { relatedLocations: related.map((location, index) => ({ id: index, ...location })) } : {}),
      };
    }),
  );
  const sarif: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Interlocutor', version, informationUri: REPOSITORY_URL, rules } },
        originalUriBaseIds: { SRCROOT: { uri: fileUri(cwd, true) } },
        results: sarifResults,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return jsonTerminalSafe(JSON.stringify(sarif, null, 2));
}

const COMPACT_LEVEL: Record<CheckMessage['severity'], string> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/**
 * One line a finding, `file:line:col: severity message [code]`, the shape editors' problem
 * matchers ($interlocutor), grep and CI annotations read.
 */
export function formatCompact(results: readonly FileResult[], cwd: string): string {
  const lines = results.flatMap((result) =>
    result.messages.map((message) => terminalSafeLine(`${displayPath(cwd, result.filePath)}:${message.line}:${message.column}: ${COMPACT_LEVEL[message.severity]} ${message.message} [${message.ruleId}]`)),
  );
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
