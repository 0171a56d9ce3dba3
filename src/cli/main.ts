/**
 * The command line: the same checks and lookups as the editor, for terminals and CI.
 *   interlocutor actor QUERY [--as-of DATE] [--format text|json] [--dataset FILE]...
 *   interlocutor channels [--as-of DATE] [--actor ID] [--format text|json|svg] [-o FILE]
 *   interlocutor validate FILE...
 *   interlocutor datasets [--dataset FILE]... [--format text|json]
 *   interlocutor check [FILE|DIR|GLOB]... (see checkCommand.ts for its options)
 *   interlocutor import <congress|ifg|pocom|wikidata> SOURCE... -o PACK [--snapshot-date D] [--commit SHA]
 *   interlocutor pack list|install|remove|enable|disable
 * Exit codes: 0 success, 1 findings at error severity (or no actor found), 2 usage, dataset or
 * internal errors.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import type { DatasetProblem } from '../core/datasetLoader';
import { parsePartialDate, type PartialDate } from '../core/dates';
import { actorJson, actorText, findActors } from './actorCommand';
import { channelsCommand } from './channelsCommand';
import { CHECK_USAGE, checkCommand } from './checkCommand';
import { datasetsCommand } from './datasetsCommand';
import { importCommand } from './importCommand';
import { packCommand } from './packCommand';
import { processIo, type CliIo } from './io';
import { InputError, UsageError, formatProblem, loadCliKnowledge } from './knowledge';
import { jsonTerminalSafe, terminalSafe, terminalSafeLine } from './terminalText';

export const COMMAND_USAGE = {
  check: CHECK_USAGE,
  actor: `Usage: interlocutor actor QUERY [--as-of DATE] [--format text|json] [--dataset FILE]...
Show what is known about an actor (fuzzy name lookup) as of a date (default today).
`,
  channels: `Usage: interlocutor channels [--as-of DATE] [--actor ID] [--country CC] [--kind KIND] [--from DATE] [--to DATE]
                             [--format text|json|svg] [--theme light|dark] [--width PX] [-o FILE] [--dataset FILE]...
The channels between governments as of a date: their status, the posts of the people at either
end, and key dates; svg draws the timeline figure. -o writes to FILE, nothing else.
`,
  validate: `Usage: interlocutor validate FILE...
Check dataset files against the schema and the consistency rules. Exit 2 when any has a problem.
`,
  datasets: `Usage: interlocutor datasets [--dataset FILE]... [--format text|json]
List the loaded datasets (built-in, the workspace's, the ones named in .vscode/settings.json, then
--dataset files, as check loads them): counts, horizons (how far open posts were verified),
licence, and how many tenures stay unverified.
`,
} as const;

export const USAGE = `Usage:
  interlocutor check [FILE|DIR|GLOB]... [--as-of DATE] [--dataset FILE]... [--format stylish|compact|json|sarif]
                     [--severity CODE=LEVEL]... [--max-warnings N] [--quiet] [-o FILE] [--stdin [--stdin-filename PATH]]
                     [--ignore-pattern PATTERN]... [--print-config FILE]
      Find stale claims ("Qin Gang, foreign minister" in a 2025 memo) in Markdown memos, with what
      the editor loads for each memo (its workspace's datasets, settings and packs).
  interlocutor actor QUERY [--as-of DATE] [--format text|json] [--dataset FILE]...
      Show what is known about an actor (fuzzy name lookup) as of a date (default today).
  interlocutor channels [--as-of DATE] [--actor ID] [--format text|json|svg] [-o FILE] ...
      The channels between governments as of a date, or the timeline figure (svg).
  interlocutor validate FILE...
      Check dataset files against the schema and the consistency rules.
  interlocutor datasets [--dataset FILE]... [--format text|json]
      List the loaded datasets: counts, horizons, licence, unverified tenures.
  interlocutor import <congress|ifg|pocom|wikidata> SOURCE... -o PACK [--snapshot-date YYYY-MM-DD] [--commit SHA]
                     [--results FILE | --endpoint URL] [--positions FILE]
      Build a dataset pack from a snapshot of an open source (files or folders); wikidata imports
      saved SPARQL JSON results (--results) or runs data/wikidata/positions.rq (--endpoint).
  interlocutor pack list [--format text|json]
  interlocutor pack install FILE|URL
  interlocutor pack remove ID | pack enable ID | pack disable ID
      Dataset packs (every member of Congress, UK ministers...): list them with their counts,
      licence, attribution and whether they are enabled; install one from a file or an https
      URL (its checksum is verified); remove, enable or disable one. Enabled packs load after
      the built-in dataset in every command.
  interlocutor COMMAND --help | interlocutor --help | --version
Exit codes: 0 nothing at error severity, 1 findings at error severity, 2 a usage, dataset or
internal error. Add --debug to any command to print the stack of an internal error.
`;

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** The exit code; a promise only for commands that wait on the network (import wikidata --endpoint). */
export function runCli(args: readonly string[], io: CliIo): number | Promise<number> {
  const debug = args.includes('--debug');
  const argv = args.filter((arg) => arg !== '--debug');
  try {
    const [command, ...rest] = argv;
    // `interlocutor COMMAND --help` shows that command's options and exits 0, as ESLint does.
    if (command !== undefined && command in COMMAND_USAGE && (rest.includes('--help') || rest.includes('-h'))) {
      io.stdout(COMMAND_USAGE[command as keyof typeof COMMAND_USAGE]);
      return EXIT_OK;
    }
    switch (command) {
      case 'check':
        return checkCommand(rest, io, VERSION);
      case 'actor':
        return actorCommand(rest, io);
      case 'channels':
        return channelsCommand(rest, io, { parseDate: parseDateOption, reportProblems: (knowledge) => reportDatasetProblems(knowledge.problems, io) });
      case 'validate':
        return validateCommand(rest, io);
      case 'datasets':
        return datasetsCommand(rest, io);
      case 'import':
        return importCommand(rest, io);
      case 'pack':
        return packCommand(rest, io).catch((error: unknown) => reportError(error, io, debug));
      case '--version':
      case '-v':
        io.stdout(`${VERSION}\n`);
        return EXIT_OK;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return reportError(error, io, debug);
  }
}

/** A usage or input error in one line (with the usage text where it helps); anything else as an internal error. */
function reportError(error: unknown, io: CliIo, debug: boolean): number {
  if (error instanceof UsageError || isParseArgsError(error)) {
    io.stderr(`interlocutor: ${terminalSafeLine((error as Error).message)}\n${error instanceof InputError ? '' : `\n${USAGE}`}`);
    return EXIT_USAGE;
  }
  // A bug, not the user's input: one line and exit 2, never a stack trace on a user's screen
  // or exit 1 (which CI reads as "findings").
  io.stderr(`interlocutor: internal error: ${terminalSafeLine(error instanceof Error ? error.message : String(error))}${debug ? '' : ' (run again with --debug for details)'}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${terminalSafe(error.stack)}\n`);
  return EXIT_USAGE;
}

declare const INTERLOCUTOR_VERSION: string | undefined;
const VERSION = typeof INTERLOCUTOR_VERSION === 'string' ? INTERLOCUTOR_VERSION : 'development';

function isParseArgsError(error: unknown): boolean {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS');
}

function parseDateOption(value: string | undefined, today: PartialDate): { date: PartialDate; label: string } {
  if (value === undefined) return { date: today, label: 'today' };
  const parsed = parsePartialDate(value);
  if (!parsed.ok) throw new UsageError(`--as-of: ${parsed.message}`);
  return { date: parsed.date, label: '--as-of' };
}

function parseFormat<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--format must be one of ${allowed.join(', ')}`);
  return value as T;
}

function actorCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, format: { type: 'string' }, dataset: { type: 'string', multiple: true } },
  });
  const query = positionals.join(' ').trim();
  if (!query) throw new UsageError('actor needs a name to look up');
  const { date, label } = parseDateOption(values['as-of'], io.today);
  const format = parseFormat(values.format, ['text', 'json'] as const, 'text');
  const knowledge = loadCliKnowledge(io, values.dataset ?? []);
  if (reportDatasetProblems(knowledge.problems, io)) return EXIT_USAGE;
  const { exact, matches } = findActors(knowledge.kb, query, date);
  if (matches.length === 0) {
    io.stderr(`interlocutor: no actor matches "${terminalSafeLine(query)}"\n`);
    return EXIT_FINDINGS;
  }
  // An exact alias shared by several people ("Mr Wang") lists them all; a fuzzy query shows the best.
  const shown = exact ? matches : matches.slice(0, 1);
  if (format === 'json') {
    const cards = shown.map((match) => actorJson(knowledge.kb, match.actorId, date));
    io.stdout(`${jsonTerminalSafe(JSON.stringify(cards.length === 1 ? cards[0] : cards, null, 2))}\n`);
  } else {
    io.stdout(`${terminalSafe(shown.map((match) => actorText(knowledge.kb, match.actorId, date, label)).join('\n\n---\n\n'))}\n`);
    const others = matches.filter((match) => !shown.includes(match));
    if (others.length > 0) io.stderr(`Also close: ${terminalSafeLine(others.map((match) => knowledge.kb.actor(match.actorId)?.name).join(', '))}\n`);
  }
  return EXIT_OK;
}

function validateCommand(args: readonly string[], io: CliIo): number {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true, options: {} });
  if (positionals.length === 0) throw new UsageError('validate needs at least one dataset file');
  const files = positionals.map((path) => resolve(io.cwd, path));
  const knowledge = loadCliKnowledge(io, files);
  if (reportDatasetProblems(knowledge.problems, io)) {
    io.stderr(`${knowledge.problems.length} problem(s) in ${new Set(knowledge.problems.map((problem) => problem.file)).size} file(s)\n`);
    return EXIT_USAGE;
  }
  io.stdout(`${files.length} dataset file(s) valid: ${knowledge.kb.actorCount} actors in all\n`);
  return EXIT_OK;
}

/** Prints dataset problems as file:line:column messages; true when there were any. */
function reportDatasetProblems(problems: readonly DatasetProblem[], io: CliIo): boolean {
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  return problems.length > 0;
}

if (require.main === module) {
  const internalError = (error: unknown) => {
    // Only an error in printing itself can get here (runCli catches everything else).
    process.stderr.write(`interlocutor: internal error: ${terminalSafeLine(String(error))}\n`);
    process.exitCode = EXIT_USAGE;
  };
  try {
    void Promise.resolve(runCli(process.argv.slice(2), processIo())).then((code) => {
      process.exitCode = code;
    }, internalError);
  } catch (error) {
    internalError(error);
  }
}
