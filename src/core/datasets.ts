/**
 * From dataset texts to a knowledge base: parse each file, merge them in order, check the rules
 * that span files, and report every problem against its own file. Files that fail to parse are
 * left out; the rest (and the built-in data) keep working.
 */
import { builtinDatasetFile } from './builtinDataset';
import { parseDatasetText, parseDatasetValue, type DatasetProblem, type ParsedDatasetFile } from './datasetLoader';
import { mergeDatasets } from './datasetMerge';
import { checkDatasetConsistency } from './datasetRules';
import { conventionMatchersWith } from './conventions';
import { KnowledgeBase } from './knowledgeBase';
import type { Range } from './text';

export interface DatasetText {
  readonly file: string;
  readonly text: string;
  /** The same dataset already read from JSON (a pack): used instead of parsing `text` again, without positions. */
  readonly value?: unknown;
}

export interface LoadedKnowledge {
  readonly kb: KnowledgeBase;
  readonly files: readonly ParsedDatasetFile[];
  readonly problems: readonly DatasetProblem[];
}

export interface KnowledgeOptions {
  /**
   * Files whose entries findings may point into (the user's own datasets): their locators are
   * kept. Others let go of theirs, and of the texts they hold, once problems are positioned.
   */
  readonly keepPositions?: (file: string) => boolean;
}

export function loadKnowledge(texts: readonly DatasetText[], options: KnowledgeOptions = {}): LoadedKnowledge {
  return buildKnowledge(
    texts.map(({ file, text, value }) => (value === undefined ? parseDatasetText(text, file) : parseDatasetValue(value, file))),
    options,
  );
}

/**
 * The built-in dataset (checked when the extension was built: no validation here) under the name
 * `builtinFile`, then the user's dataset texts in order. Positions are kept for the user's files
 * only, since findings point into those (relatedInformation, SARIF relatedLocations).
 */
export function loadKnowledgeOverBuiltin(builtinFile: string, texts: readonly DatasetText[], options: KnowledgeOptions = {}): LoadedKnowledge {
  return buildKnowledge(
    [builtinDatasetFile(builtinFile), ...texts.map(({ file, text, value }) => (value === undefined ? parseDatasetText(text, file) : parseDatasetValue(value, file)))],
    { keepPositions: (file) => file !== builtinFile && (options.keepPositions?.(file) ?? true) },
  );
}

export function buildKnowledge(files: readonly ParsedDatasetFile[], options: KnowledgeOptions = {}): LoadedKnowledge {
  const merged = mergeDatasets(files);
  const consistency = checkDatasetConsistency(files, merged);
  return {
    // Each dataset's conventions (a UK pack's "British", "Sir", "MP") add to the defaults, in load order.
    kb: new KnowledgeBase(merged, conventionMatchersWith(merged.datasets.flatMap(({ dataset }) => (dataset.conventions ? [dataset.conventions] : [])))),
    files: files.map(({ file, dataset, problems, locate }) => ({ file, ...(dataset ? { dataset } : {}), problems, locate: options.keepPositions?.(file) ? locate : unlocated })),
    problems: [...files.flatMap((file) => file.problems), ...consistency],
  };
}

/** Where an entry is written in a file whose positions were kept, else undefined. */
export function locateEntry(knowledge: LoadedKnowledge, file: string, path: ReadonlyArray<string | number>): Range | undefined {
  const parsed = knowledge.files.find((candidate) => candidate.file === file);
  if (!parsed || parsed.locate === unlocated) return undefined;
  return parsed.locate(path);
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
