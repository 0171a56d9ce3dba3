/**
 * The built-in dataset, as the extension and the CLI use it at run time. It was parsed, validated
 * against the schema and checked for consistency when the extension was built (scripts/build.mjs
 * fails the build on any problem), and put into each bundle as compact JSON text with every default
 * filled in. Using it therefore costs one JSON.parse: no file to find or read (so it works the same
 * in a browser, where the workspace file system is the only file access), and no zod, YAML or
 * JSON-position parser.
 */
import type { ParsedDatasetFile } from './datasetLoader';
import type { Dataset } from './schema';

/** Replaced by the build (esbuild `define`) with the normalised dataset's JSON text. */
declare const INTERLOCUTOR_BUILTIN_DATASET: string | undefined;

const atStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * The built-in dataset as a parsed file named `file` (the path or URI shown for it). Each call
 * parses afresh, so that no two knowledge bases share objects.
 */
export function builtinDatasetFile(file: string): ParsedDatasetFile {
  if (typeof INTERLOCUTOR_BUILTIN_DATASET !== 'string') {
    throw new Error('this build has no built-in dataset: build with scripts/build.mjs, which embeds it');
  }
  const dataset = JSON.parse(INTERLOCUTOR_BUILTIN_DATASET) as Dataset;
  return { file, dataset, problems: [], locate: () => atStart };
}
