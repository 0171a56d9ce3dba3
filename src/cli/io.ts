/** What the CLI needs from the outside world, so tests can run it in memory. */
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fromJsDate, type PartialDate } from '../core/dates';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readFile: (path: string) => string;
  /** Writes a file the user named (-o); nothing else is ever written. */
  readonly writeFile: (path: string, text: string) => void;
  readonly cwd: string;
  readonly today: PartialDate;
  /** Whether stdout is a terminal (colours, for stylish output). */
  readonly color: boolean;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    cwd: process.cwd(),
    today: fromJsDate(new Date()),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
  };
}

/** data/builtin.json next to the bundle (dist/cli.js) or the transpiled sources (out/src/cli). */
export function builtinDatasetPath(): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'data', 'builtin.json');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(__dirname, '..', 'data', 'builtin.json');
}
