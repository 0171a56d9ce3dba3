/** `interlocutor check [files|globs|directories]`: the editor's stale-claim checks, for CI. */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import { checkMemo } from '../core/claimChecker';
import { parsePartialDate } from '../core/dates';
import { locateEntry, type LoadedKnowledge } from '../core/datasets';
import { describeTenureEvidence, type Evidence } from '../core/evidence';
import { describeMemoDate, memoDate } from '../core/memoDate';
import { FINDING_CODES, severityConfig, severityOf, SEVERITIES, type Severity } from '../core/severity';
import { LineIndex } from '../core/text';
import { formatJson, formatSarif, formatStylish, type CheckMessage, type FileResult } from './formatters';
import { DEFAULT_MAX_FILE_MB, describeReadError, type CliIo } from './io';
import { formatProblem, InputError, loadCliKnowledge, UsageError } from './knowledge';
import { terminalSafeLine } from './terminalText';
import { memoFilesUnder } from './walk';
import { readWorkspaceSettings } from './workspaceSettings';

export function checkCommand(args: readonly string[], io: CliIo, version: string): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      dataset: { type: 'string', multiple: true },
      format: { type: 'string' },
      severity: { type: 'string', multiple: true },
      'max-warnings': { type: 'string' },
      'follow-symlinks': { type: 'boolean' },
    },
  });
  const format = values.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError('--format must be stylish, json or sarif');
  if (values['as-of'] !== undefined) {
    const parsed = parsePartialDate(values['as-of']);
    if (!parsed.ok) throw new UsageError(`--as-of: ${parsed.message}`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError('--max-warnings takes a whole number');

  const settings = readWorkspaceSettings(io);
  const fromSettings = (key: string) => settings.values[`interlocutor.${key}`];
  const overrides = new Map<string, Severity>();
  for (const entry of values.severity ?? []) {
    const [code, level] = entry.split('=');
    if (!code || !([...FINDING_CODES, 'unverified'] as readonly string[]).includes(code) || !level || !(SEVERITIES as readonly string[]).includes(level)) {
      throw new UsageError(`--severity takes CODE=LEVEL, with CODE one of ${FINDING_CODES.join(', ')} or unverified, and LEVEL one of ${SEVERITIES.join(', ')}`);
    }
    overrides.set(code, level as Severity);
  }
  const severities = severityConfig((code) => overrides.get(code) ?? fromSettings(code === 'unverified' ? 'unverifiedSeverity' : `severity.${code}`));

  const maxFileSize = fromSettings('maxFileSize');
  const maxBytes = (typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_MB) * 1024 * 1024;
  const settingsDatasets = Array.isArray(fromSettings('datasets')) ? (fromSettings('datasets') as unknown[]).filter((path): path is string => typeof path === 'string') : [];
  const knowledge = loadCliKnowledge(io, [...settingsDatasets, ...(values.dataset ?? [])], maxBytes);
  if (knowledge.problems.length > 0) {
    for (const problem of knowledge.problems) io.stderr(`${formatProblem(problem)}\n`);
    return 2;
  }

  const files = expandFiles(positionals.length > 0 ? positionals : ['.'], io, values['follow-symlinks'] === true);
  if (files.length === 0) throw new UsageError(`no Markdown files match ${positionals.join(' ') || '.'}`);
  const fallbackDate = values['as-of'] ?? (typeof fromSettings('asOf') === 'string' ? (fromSettings('asOf') as string) : undefined);

  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = io.readFile(file, maxBytes);
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${describeReadError(error)}`);
    }
    const memo = memoDate(text, { setting: fallbackDate, today: io.today });
    if (memo.problem) io.stderr(`${terminalSafeLine(`${file}${memo.problem.range ? `:${memo.problem.range.start.line + 1}:${memo.problem.range.start.character + 1}` : ''}: warning: ${memo.problem.message}; using ${describeMemoDate(memo)}`)}\n`);
    const lines = new LineIndex(text);
    const messages: CheckMessage[] = [];
    for (const finding of checkMemo(knowledge.kb, text, { date: memo.date, dateRange: memo.range })) {
      const severity = severityOf(finding, severities);
      if (severity === 'off') continue;
      const start = lines.positionAt(finding.start);
      const end = lines.positionAt(finding.end);
      messages.push({
        ruleId: finding.code,
        severity,
        message: finding.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        suggestions: finding.fixes
          .filter((fix) => fix.edits.length === 1)
          .map((fix) => ({ desc: fix.title, fix: { range: [fix.edits[0]!.start, fix.edits[0]!.end] as [number, number], text: fix.edits[0]!.newText } })),
        ...(finding.evidence && finding.evidence.length > 0 ? { evidence: finding.evidence, datasetLocations: datasetLocations(knowledge, finding.evidence) } : {}),
        ...(finding.related
          ? {
              related: finding.related.map((related) => {
                const from = lines.positionAt(related.start);
                const to = lines.positionAt(related.end);
                return { line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1, message: related.message };
              }),
            }
          : {}),
      });
    }
    results.push({ filePath: file, messages, asOf: describeMemoDate(memo) });
  }

  if (format === 'json') io.stdout(`${formatJson(results)}\n`);
  else if (format === 'sarif') io.stdout(`${formatSarif(results, io.cwd, version, severities)}\n`);
  else io.stdout(formatStylish(results, io.cwd, io.color));

  const all = results.flatMap((result) => result.messages);
  const errors = all.filter((message) => message.severity === 'error').length;
  const warnings = all.filter((message) => message.severity === 'warning').length;
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`interlocutor: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** Where the user's own datasets write the tenures a finding rests on. */
function datasetLocations(knowledge: LoadedKnowledge, evidence: readonly Evidence[]): NonNullable<CheckMessage['datasetLocations']> {
  return evidence.flatMap((item) => {
    const range = item.origin && locateEntry(knowledge, item.origin.file, item.origin.path);
    if (!item.origin || !range) return [];
    return [{ file: item.origin.file, line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1, message: `${describeTenureEvidence(item)} (${item.certainty})` }];
  });
}

/**
 * Files as given, directories as every Markdown file under them (links followed only inside the
 * directory unless --follow-symlinks, never round a cycle), globs expanded without following
 * links; sorted, unique.
 */
function expandFiles(patterns: readonly string[], io: CliIo, followLinksOutside: boolean): string[] {
  const files = new Set<string>();
  for (const pattern of patterns) {
    const absolute = isAbsolute(pattern) ? pattern : resolve(io.cwd, pattern);
    let stats: ReturnType<typeof statSync> | undefined;
    try {
      stats = statSync(absolute);
    } catch {
      stats = undefined;
    }
    if (stats?.isDirectory()) {
      const onSkippedLink = (link: string, target: string) =>
        io.stderr(`${terminalSafeLine(`interlocutor: not following ${relative(io.cwd, link) || link} -> ${target}: it leads out of ${pattern} (use --follow-symlinks to follow it)`)}\n`);
      for (const file of memoFilesUnder(absolute, { followLinksOutside, onSkippedLink })) files.add(file);
    } else if (stats) {
      // Named on the command line: read as given, and refused there if it is not a regular file.
      files.add(absolute);
    } else {
      for (const file of globSync(pattern, { cwd: io.cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] })) files.add(file);
    }
  }
  return [...files].sort();
}
