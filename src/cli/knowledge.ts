/** Loads the built-in dataset and the user's --dataset files for a CLI command. */
import { resolve } from 'node:path';
import type { DatasetProblem } from '../core/datasetLoader';
import { loadKnowledgeOverBuiltin, type DatasetText, type LoadedKnowledge } from '../core/datasets';
import { formatPosition } from '../core/text';
import { builtinDatasetPath, describeReadError, type CliIo } from './io';
import { terminalSafeLine } from './terminalText';

export class UsageError extends Error {}

/** A file that cannot be read or used: the message says which and why; the usage text would not help. */
export class InputError extends UsageError {}

export function loadCliKnowledge(io: CliIo, datasetPaths: readonly string[], maxBytes?: number): LoadedKnowledge {
  // Packs load right after the built-in dataset (src/core/packs/registry.ts has the order); the
  // built-in data is in the bundle, checked when it was built: named by its file, never read.
  const packs = io.packs?.();
  const texts: DatasetText[] = [...(packs?.texts ?? [])];
  for (const path of datasetPaths.map((path) => resolve(io.cwd, path))) {
    let text: string;
    try {
      text = io.readFile(path, maxBytes);
    } catch (error) {
      throw new InputError(`cannot read dataset ${path}: ${describeReadError(error)}`);
    }
    texts.push({ file: path, text });
  }
  const packFiles = new Set(packs?.texts.map((pack) => pack.file));
  // Findings may point into the user's own datasets (SARIF relatedLocations): keep their positions.
  const knowledge = loadKnowledgeOverBuiltin(builtinDatasetPath(), texts, { keepPositions: (file) => !packFiles.has(file) });
  return packs && packs.problems.length > 0 ? { ...knowledge, problems: [...knowledge.problems, ...packs.problems] } : knowledge;
}

/** "file:3:14: error: message", the shape editors and CI logs turn into links. Data in it is made terminal-safe. */
export function formatProblem(problem: DatasetProblem): string {
  return terminalSafeLine(`${problem.file}:${formatPosition(problem.range.start)}: ${problem.severity}: ${problem.message}`);
}
