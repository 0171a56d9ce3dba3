/**
 * `interlocutor check [files|globs|directories]`: the editor's stale-claim checks, for CI. Each
 * memo is judged with what the editor would load for it (workspaceConfig.ts): the workspace
 * datasets, the settings in .vscode/settings.json and installed packs, found from the memo's
 * folder up to its workspace root, so CI and the author's screen agree.
 */
import { statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { globSync } from 'tinyglobby';
import { checkMemo } from '../core/memoCheck';
import { formatPartialDate, parsePartialDate } from '../core/dates';
import { locateEntry, type LoadedKnowledge } from '../core/datasets';
import { describeTenureEvidence, type Evidence } from '../core/evidence';
import { describeMemoDate, memoDate, memoDateOrigin, type MemoDate } from '../core/memoDate';
import { FINDING_CODES, severityConfig, severityOf, SEVERITIES, type Severity, type SeverityConfig } from '../core/severity';
import { LineIndex } from '../core/text';
import { formatCompact, formatJson, formatSarif, formatStylish, type CheckMessage, type FileResult } from './formatters';
import { IgnoreRules } from './ignoreFile';
import { builtinDatasetPath, DEFAULT_MAX_FILE_MB, describeReadError, type CliIo } from './io';
import { formatProblem, InputError, loadCliKnowledge, UsageError } from './knowledge';
import { terminalSafe, terminalSafeLine } from './terminalText';
import { memoFilesUnder } from './walk';
import { datasetFilesOf, workspaceConfigFor, type WorkspaceConfig } from './workspaceConfig';

export const CHECK_USAGE = `Usage: interlocutor check [FILE|DIR|GLOB]... [options]

Find stale claims ("Qin Gang, foreign minister" in a 2025 memo) in Markdown memos. Each memo is
checked as of its own date (front matter as_of, as-of, asOf or date; then interlocutor.asOf;
then a dateline; then today), with what the editor loads for it: the datasets of its workspace
(*.interlocutor.json|yaml|yml and .interlocutor/*), the interlocutor.* settings of the
workspace's .vscode/settings.json, and installed packs. The workspace root is the nearest folder
above the memo that holds .vscode/ or .git/.

Options:
  --as-of DATE               Date for memos without one in their front matter (over interlocutor.asOf)
  --dataset FILE             Load a further dataset file (repeatable), after the workspace's
  --severity CODE=LEVEL      Override a code's severity (repeatable); LEVEL: ${SEVERITIES.join(', ')}
  --format FORMAT            stylish (default), compact, json or sarif
  -o, --output-file FILE     Write the report to FILE instead of standard output
  --quiet                    Report errors only
  --max-warnings N           Exit 1 when there are more than N warnings
  --stdin                    Check the memo read from standard input
  --stdin-filename PATH      The path standard input stands for (its workspace, and the name shown)
  --ignore-pattern PATTERN   Skip files matching PATTERN, in .gitignore syntax (repeatable);
                             the workspace root's .interlocutorignore is read as well
  --print-config FILE        Print what applies to FILE (its date and where it came from, the
                             datasets with their horizons, the severities), and check nothing
  --follow-symlinks          Follow links that lead out of a directory given
  --debug                    Print the stack of an internal error
  -h, --help                 Show this help

Exit codes: 0 nothing at error severity, 1 findings at error severity (or over --max-warnings),
2 a usage, dataset or internal error.
`;

const FORMATS = ['stylish', 'compact', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions {
  readonly asOf: string | undefined;
  readonly datasets: readonly string[];
  readonly overrides: ReadonlyMap<string, Severity>;
}

/** What applies to the memos of one workspace: its configuration, knowledge, severities. */
interface WorkspaceJudge {
  readonly config: WorkspaceConfig;
  readonly knowledge: LoadedKnowledge;
  readonly severities: SeverityConfig;
  readonly maxBytes: number;
  readonly fallbackDate: string | undefined;
  readonly datasetFiles: readonly string[];
}

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
      stdin: { type: 'boolean' },
      'stdin-filename': { type: 'string' },
      quiet: { type: 'boolean' },
      'output-file': { type: 'string', short: 'o' },
      'ignore-pattern': { type: 'string', multiple: true },
      'print-config': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(CHECK_USAGE);
    return 0;
  }
  const format = parseCheckFormat(values.format);
  if (values['as-of'] !== undefined) {
    const parsed = parsePartialDate(values['as-of']);
    if (!parsed.ok) throw new UsageError(`--as-of: ${parsed.message}`);
  }
  const maxWarnings = values['max-warnings'] === undefined ? undefined : Number(values['max-warnings']);
  if (maxWarnings !== undefined && (!Number.isInteger(maxWarnings) || maxWarnings < 0)) throw new UsageError('--max-warnings takes a whole number');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new UsageError('--stdin-filename goes with --stdin');
  if (values.stdin && positionals.length > 0) throw new UsageError('--stdin checks standard input: give no files with it');

  const overrides = new Map<string, Severity>();
  for (const entry of values.severity ?? []) {
    const [code, level] = entry.split('=');
    if (!code || !([...FINDING_CODES, 'unverified'] as readonly string[]).includes(code) || !level || !(SEVERITIES as readonly string[]).includes(level)) {
      throw new UsageError(`--severity takes CODE=LEVEL, with CODE one of ${FINDING_CODES.join(', ')} or unverified, and LEVEL one of ${SEVERITIES.join(', ')}`);
    }
    overrides.set(code, level as Severity);
  }
  const options: CheckOptions = { asOf: values['as-of'], datasets: (values.dataset ?? []).map((path) => resolve(io.cwd, path)), overrides };
  const judges = new Map<string, WorkspaceJudge>();
  const judgeFor = (file: string): WorkspaceJudge | undefined => {
    const config = workspaceConfigFor(dirname(file), io);
    const cached = judges.get(config.root);
    if (cached) return cached;
    const judge = makeJudge(config, options, io);
    if (!judge) return undefined;
    judges.set(config.root, judge);
    return judge;
  };

  if (values['print-config'] !== undefined) return printConfig(resolve(io.cwd, values['print-config']), judgeFor, format, io);

  const ignore = new IgnoreRules(io, values['ignore-pattern'] ?? []);
  const inputs: Array<{ file: string; text: string | undefined }> = [];
  if (values.stdin) {
    const name = values['stdin-filename'] === undefined ? undefined : resolve(io.cwd, values['stdin-filename']);
    inputs.push({ file: name ?? resolve(io.cwd, '<stdin>'), text: io.readStdin() });
  } else {
    const named = positionals.length > 0 ? positionals : ['.'];
    const { files, explicit } = expandFiles(named, io, values['follow-symlinks'] === true);
    const kept = files.filter((file) => {
      if (!ignore.ignores(file)) return true;
      // Named one by one, an ignored file is worth a word: the user expected it checked.
      if (explicit.has(file)) io.stderr(`${terminalSafeLine(`${relative(io.cwd, file) || file}: warning: not checked, it matches an ignore pattern (.interlocutorignore or --ignore-pattern)`)}\n`);
      return false;
    });
    if (files.length === 0) throw new UsageError(`no Markdown files match ${positionals.join(' ') || '.'}`);
    for (const file of kept) inputs.push({ file, text: undefined });
  }

  const results: FileResult[] = [];
  let lastSeverities: SeverityConfig | undefined;
  for (const input of inputs) {
    const judge = judgeFor(input.file);
    if (!judge) return 2;
    lastSeverities = judge.severities;
    let text = input.text;
    if (text === undefined) {
      try {
        text = io.readFile(input.file, judge.maxBytes);
      } catch (error) {
        throw new InputError(`cannot read ${input.file}: ${describeReadError(error)}`);
      }
    }
    const memo = memoDate(text, { setting: judge.fallbackDate, today: io.today });
    if (memo.problem) io.stderr(`${terminalSafeLine(`${input.file}${memo.problem.range ? `:${memo.problem.range.start.line + 1}:${memo.problem.range.start.character + 1}` : ''}: warning: ${memo.problem.message}; using ${describeMemoDate(memo)}`)}\n`);
    const messages = checkText(text, memo, judge).filter((message) => !values.quiet || message.severity === 'error');
    results.push({ filePath: input.file, messages, asOf: describeMemoDate(memo) });
  }

  const report =
    format === 'json'
      ? `${formatJson(results)}\n`
      : format === 'sarif'
        ? `${formatSarif(results, io.cwd, version, lastSeverities ?? severityConfig(() => undefined))}\n`
        : format === 'compact'
          ? formatCompact(results, io.cwd)
          : formatStylish(results, io.cwd, io.color && values['output-file'] === undefined);
  if (values['output-file'] !== undefined) {
    const target = resolve(io.cwd, values['output-file']);
    try {
      io.writeFile(target, report);
    } catch (error) {
      throw new InputError(`cannot write ${target}: ${describeReadError(error)}`);
    }
  } else io.stdout(report);

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

function parseCheckFormat(value: string | undefined): Format {
  const format = value ?? 'stylish';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  return format as Format;
}

/** Loads what a workspace's memos are judged with; undefined (after reporting) when a dataset is broken. */
function makeJudge(config: WorkspaceConfig, options: CheckOptions, io: CliIo): WorkspaceJudge | undefined {
  const fromSettings = (key: string) => config.settings.values[`interlocutor.${key}`];
  const severities = severityConfig((code) => options.overrides.get(code) ?? fromSettings(code === 'unverified' ? 'unverifiedSeverity' : `severity.${code}`));
  const maxFileSize = fromSettings('maxFileSize');
  const maxBytes = (typeof maxFileSize === 'number' && maxFileSize > 0 ? maxFileSize : DEFAULT_MAX_FILE_MB) * 1024 * 1024;
  const datasetFiles = datasetFilesOf(config, options.datasets);
  const knowledge = loadCliKnowledge(io, datasetFiles, maxBytes);
  if (knowledge.problems.length > 0) {
    for (const problem of knowledge.problems) io.stderr(`${formatProblem(problem)}\n`);
    return undefined;
  }
  const setting = fromSettings('asOf');
  const fallbackDate = options.asOf ?? (typeof setting === 'string' && setting.trim() ? setting.trim() : undefined);
  return { config, knowledge, severities, maxBytes, fallbackDate, datasetFiles: [builtinDatasetPath(), ...datasetFiles] };
}

/** The findings of one memo, as the editor shows them (severity from the settings, off dropped). */
function checkText(text: string, memo: MemoDate, judge: WorkspaceJudge): CheckMessage[] {
  const lines = new LineIndex(text);
  const messages: CheckMessage[] = [];
  for (const finding of checkMemo(judge.knowledge.kb, text, { date: memo.date, dateRange: memo.range })) {
    const severity = severityOf(finding, judge.severities);
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
      suggestions: finding.fixes.flatMap((fix) => {
        const [edit] = fix.edits;
        return fix.edits.length === 1 && edit ? [{ desc: fix.title, fix: { range: [edit.start, edit.end] as [number, number], text: edit.newText } }] : [];
      }),
      ...(finding.evidence && finding.evidence.length > 0 ? { evidence: finding.evidence, datasetLocations: datasetLocations(judge.knowledge, finding.evidence) } : {}),
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
  return messages;
}

/** `--print-config FILE`: what applies to a memo, as text or (with --format json) JSON. */
function printConfig(file: string, judgeFor: (file: string) => WorkspaceJudge | undefined, format: Format, io: CliIo): number {
  const judge = judgeFor(file);
  if (!judge) return 2;
  let text = '';
  try {
    text = io.readFile(file, judge.maxBytes);
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${describeReadError(error)}`);
  }
  const memo = memoDate(text, { setting: judge.fallbackDate, today: io.today });
  const coverage = judge.knowledge.kb.coverage().datasets;
  const datasets = judge.datasetFiles.map((path) => {
    const entry = coverage.find((dataset) => dataset.file === path);
    const kind = path === builtinDatasetPath() ? 'built-in' : judge.config.packs.includes(path) ? 'pack' : judge.config.workspaceDatasets.includes(path) ? 'workspace' : judge.config.settingsDatasets.includes(path) ? 'setting interlocutor.datasets' : '--dataset';
    return { file: path, kind, name: entry?.name ?? null, verifiedThrough: entry?.verifiedThrough ?? null };
  });
  const severities = Object.fromEntries([...FINDING_CODES.map((code) => [code, judge.severities[code]] as const), ['unverified', judge.severities.unverified] as const]);
  const config = {
    file,
    asOf: { date: formatPartialDate(memo.date), source: memoDateOrigin(memo), ...(memo.problem ? { problem: memo.problem.message } : {}) },
    workspaceRoot: judge.config.rootFound ? judge.config.root : null,
    settingsFile: judge.config.settings.file ?? null,
    datasets,
    severities,
  };
  if (format === 'json') {
    io.stdout(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  const lines = [
    `Memo:       ${shownPath(io.cwd, file)}`,
    `As of:      ${describeMemoDate(memo)}${memo.problem ? ` (${memo.problem.message})` : ''}`,
    `Workspace:  ${judge.config.rootFound ? judge.config.root : `${judge.config.root} (no .vscode/ or .git/ above the memo: its datasets and settings are read from here)`}`,
    `Settings:   ${judge.config.settings.file ?? 'none'}`,
    'Datasets, in load order (later replaces earlier by id):',
    ...datasets.map((dataset) => `  ${dataset.kind.padEnd(29)} ${shownPath(io.cwd, dataset.file)}  horizon ${dataset.verifiedThrough ?? 'none (open posts taken as still held)'}`),
    'Severities:',
    ...FINDING_CODES.map((code) => `  ${code.padEnd(29)} ${judge.severities[code]}`),
    `  ${'unverified (most it may say)'.padEnd(29)} ${judge.severities.unverified}`,
  ];
  io.stdout(`${terminalSafe(lines.join('\n'))}\n`);
  return 0;
}

/** A path relative to the working directory when it lies inside it, else absolute. */
function shownPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
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
 * links; sorted, unique. `explicit` holds the files named one by one.
 */
function expandFiles(patterns: readonly string[], io: CliIo, followLinksOutside: boolean): { files: string[]; explicit: Set<string> } {
  const files = new Set<string>();
  const explicit = new Set<string>();
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
      explicit.add(absolute);
    } else {
      for (const file of globSync(pattern, { cwd: io.cwd, absolute: true, followSymbolicLinks: false, ignore: ['**/node_modules/**', '**/.git/**'] })) files.add(file);
    }
  }
  return { files: [...files].sort(), explicit };
}
