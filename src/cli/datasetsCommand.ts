/**
 * `interlocutor datasets [--dataset FILE]... [--format text|json]`: what is loaded for memos in the
 * working directory (the built-in dataset, packs, the workspace's dataset files, the datasets named
 * in .vscode/settings.json, then --dataset files, as `check` loads them), with each dataset's
 * counts, horizons, licence and how many tenures stay unverified.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderCoverageJson, renderCoverageText } from '../core/dataCoverage';
import type { CliIo } from './io';
import { formatProblem, loadCliKnowledge, UsageError } from './knowledge';
import { datasetFilesOf, workspaceConfigFor } from './workspaceConfig';

export function datasetsCommand(args: readonly string[], io: CliIo): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { dataset: { type: 'string', multiple: true }, format: { type: 'string' } },
  });
  if (positionals.length > 0) throw new UsageError(`datasets takes no file names (use --dataset FILE): ${positionals.join(' ')}`);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError('--format must be one of text, json');
  const config = workspaceConfigFor(io.cwd, io);
  const knowledge = loadCliKnowledge(io, datasetFilesOf(config, (values.dataset ?? []).map((path) => resolve(io.cwd, path))));
  // A broken file is reported and left out; the coverage of the others is still worth showing.
  for (const problem of knowledge.problems) io.stderr(`${formatProblem(problem)}\n`);
  const coverage = knowledge.kb.coverage();
  io.stdout(format === 'json' ? renderCoverageJson(coverage) : renderCoverageText(coverage));
  return knowledge.problems.length > 0 ? 2 : 0;
}
