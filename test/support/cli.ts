/** Runs the CLI in-process with a captured terminal, for the unit suites. */
import { readFileSync, writeFileSync } from 'node:fs';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { partialDate } from '../../src/core/dates';

export interface CliRun {
  /** A promise for the commands that run asynchronously (import, pack install). */
  code: ReturnType<typeof runCli>;
  stdout: string;
  stderr: string;
}

/** Real files in `cwd`, today 2025-10-23, no colour; `io` replaces any of those. */
export function runCliCaptured(args: string[], cwd: string, io: Partial<CliIo> = {}): CliRun {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    readFile: (path) => readFileSync(path, 'utf8'),
    readStdin: () => '',
    writeFile: (path, text) => writeFileSync(path, text),
    cwd,
    today: partialDate('2025-10-23'),
    color: false,
    ...io,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}
