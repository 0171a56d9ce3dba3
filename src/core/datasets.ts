/**
 * From dataset texts to a knowledge base: parse each file, merge them in order, check the rules
 * that span files, and report every problem against its own file. Files that fail to parse are
 * left out; the rest (and the built-in data) keep working.
 */
import { parseDatasetText, type DatasetProblem, type ParsedDatasetFile } from './datasetLoader';
import { mergeDatasets } from './datasetMerge';
import { checkDatasetConsistency } from './datasetRules';
import { KnowledgeBase } from './knowledgeBase';

export interface DatasetText {
  readonly file: string;
  readonly text: string;
}

export interface LoadedKnowledge {
  readonly kb: KnowledgeBase;
  readonly files: readonly ParsedDatasetFile[];
  readonly problems: readonly DatasetProblem[];
}

export function loadKnowledge(texts: readonly DatasetText[]): LoadedKnowledge {
  return buildKnowledge(texts.map(({ file, text }) => parseDatasetText(text, file)));
}

export function buildKnowledge(files: readonly ParsedDatasetFile[]): LoadedKnowledge {
  const merged = mergeDatasets(files);
  const consistency = checkDatasetConsistency(files, merged);
  return {
    kb: new KnowledgeBase(merged),
    // Positions are resolved by now: let go of the locators and the texts they hold.
    files: files.map(({ file, dataset, problems }) => ({ file, ...(dataset ? { dataset } : {}), problems, locate: unlocated })),
    problems: [...files.flatMap((file) => file.problems), ...consistency],
  };
}

const unlocated: ParsedDatasetFile['locate'] = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

export function problemsByFile(problems: readonly DatasetProblem[]): Map<string, DatasetProblem[]> {
  const byFile = new Map<string, DatasetProblem[]>();
  for (const problem of problems) {
    const list = byFile.get(problem.file) ?? [];
    list.push(problem);
    byFile.set(problem.file, list);
  }
  return byFile;
}
