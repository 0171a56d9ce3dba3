/** Loads the built-in dataset and the user's --dataset files for a CLI command. */
import { resolve } from 'node:path';
import type { DatasetProblem } from '../core/datasetLoader';
import { loadKnowledge, type DatasetText, type LoadedKnowledge } from '../core/datasets';
import { formatPosition } from '../core/text';
import { builtinDatasetPath, type CliIo } from './io';

export class UsageError extends Error {}

export function loadCliKnowledge(io: CliIo, datasetPaths: readonly string[]): LoadedKnowledge {
  const texts: DatasetText[] = [];
  for (const path of [builtinDatasetPath(), ...datasetPaths.map((path) => resolve(io.cwd, path))]) {
    let text: string;
    try {
      text = io.readFile(path);
    } catch (error) {
      throw new UsageError(`cannot read dataset ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    texts.push({ file: path, text });
  }
  // Findings may point into the user's own datasets (SARIF relatedLocations): keep their positions.
  return loadKnowledge(texts, { keepPositions: (file) => file !== builtinDatasetPath() });
}

/** "file:3:14: error: message", the shape editors and CI logs turn into links. */
export function formatProblem(problem: DatasetProblem): string {
  return `${problem.file}:${formatPosition(problem.range.start)}: ${problem.severity}: ${problem.message}`;
}
