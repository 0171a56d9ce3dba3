/** What the CLI needs from the outside world, so tests can run it in memory. */
import { closeSync, constants, existsSync, fstatSync, openSync, readFileSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fromJsDate, type PartialDate } from '../core/dates';
import { PackStore, userPacksFolder, type PackTexts } from './packStore';
import { terminalSafe } from './terminalText';

/** The default of the interlocutor.maxFileSize setting, in megabytes. */
export const DEFAULT_MAX_FILE_MB = 20;

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Reads a regular file as UTF-8; throws UnreadableFileError for anything else or anything larger than `maxBytes`. */
  readonly readFile: (path: string, maxBytes?: number) => string;
  /** Reads all of standard input as UTF-8 (check --stdin). */
  readonly readStdin: () => string;
  /** Writes a file the user named (-o); nothing else is ever written. */
  readonly writeFile: (path: string, text: string) => void;
  readonly cwd: string;
  readonly today: PartialDate;
  /** Whether stdout is a terminal (colours, for stylish output). */
  readonly color: boolean;
  /** The environment (INTERLOCUTOR_PACKS_DIR, XDG_DATA_HOME): where `pack` keeps installed packs. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The enabled dataset packs, loaded after the built-in dataset by every command. Absent (as in
   * most tests), no pack is loaded.
   */
  readonly packs?: () => PackTexts;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    // Nothing on stderr is coloured: every control character there came from data or a path.
    stderr: (text) => process.stderr.write(terminalSafe(text)),
    readFile: (path, maxBytes) => readRegularFile(path, maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024),
    readStdin: () => readFileSync(0, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    cwd: process.cwd(),
    today: fromJsDate(new Date()),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    packs: () => new PackStore(userPacksFolder(process.env)).datasetTexts(),
  };
}

/** A file that is not one a memo or a dataset can be: the message says what it is instead. */
export class UnreadableFileError extends Error {}

/**
 * Reads a regular file, and nothing else. Opened without blocking, so a FIFO cannot hang the
 * read; checked with fstat on the open descriptor, so the file checked is the file read; refused
 * above `maxBytes`, so /dev/zero or a 50 MB dump cannot exhaust the memory.
 */
export function readRegularFile(path: string, maxBytes: number): string {
  const descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stats = fstatSync(descriptor);
    if (!stats.isFile()) throw new UnreadableFileError(`it is ${kindOf(stats)}, not a regular file`);
    if (stats.size > maxBytes) throw new UnreadableFileError(`it is ${megabytes(stats.size)} MB, over the ${megabytes(maxBytes)} MB limit (setting interlocutor.maxFileSize)`);
    const bytes = readFileSync(descriptor);
    // A file that grew after fstat is cut off by the same limit.
    if (bytes.length > maxBytes) throw new UnreadableFileError(`it grew past the ${megabytes(maxBytes)} MB limit while being read`);
    return bytes.toString('utf8');
  } finally {
    closeSync(descriptor);
  }
}

function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

function megabytes(bytes: number): string {
  const value = bytes / (1024 * 1024);
  return value >= 10 || Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1);
}

/** Why a file could not be read, in words: "no such file", "it is a directory, not a regular file". */
export function describeReadError(error: unknown): string {
  if (error instanceof UnreadableFileError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const words: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory, not a regular file', ELOOP: 'too many symbolic links' };
  return code ? (words[code] ?? code) : error instanceof Error ? error.message : String(error);
}

/**
 * `data/<name>` shipped with Interlocutor, found next to the bundle (dist/cli.js) or the
 * transpiled sources (out/src/cli) by looking up from this file's folder.
 */
export function shippedDataPath(name: string): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(__dirname, '..', 'data', name);
}

/** data/builtin.json, shipped with Interlocutor. */
export function builtinDatasetPath(): string {
  return shippedDataPath('builtin.json');
}
