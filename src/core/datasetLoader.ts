/**
 * Reads a dataset file (JSON or YAML) into a validated Dataset, or into problems that each name
 * the file and a position in it. A problem in one file never prevents other files from loading.
 */
import * as jsonc from 'jsonc-parser';
import * as YAML from 'yaml';
import type { z } from 'zod';
import { datasetSchema, type Dataset } from './schema';
import { LineIndex, type Range } from './text';

export type DatasetPath = ReadonlyArray<string | number>;

export interface DatasetProblem {
  readonly file: string;
  readonly message: string;
  readonly range: Range;
  /** Dataset problems are errors except where a rule says the data is merely suspicious. */
  readonly severity: 'error' | 'warning';
}

/**
 * Finds the text range of a value (or of the nearest existing ancestor) by its path in the file.
 * With `key`, the range of the property's name rather than its value (for unknown fields).
 */
export type PathLocator = (path: DatasetPath, options?: { key?: boolean }) => Range;

export interface ParsedDatasetFile {
  readonly file: string;
  /** Present when the file parsed and matched the schema. */
  readonly dataset?: Dataset;
  readonly problems: DatasetProblem[];
  readonly locate: PathLocator;
}

export type DatasetFormat = 'json' | 'yaml';

export function formatForFile(file: string): DatasetFormat {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'json';
}

/** Files larger than this are refused before parsing: a dataset is data typed by people, not a dump. */
export const MAX_DATASET_BYTES = 32 * 1024 * 1024;

export function parseDatasetText(text: string, file: string, format: DatasetFormat = formatForFile(file)): ParsedDatasetFile {
  const lines = new LineIndex(text);
  const at = (start: number, end = start + 1): Range => lines.rangeOf(start, Math.min(Math.max(end, start), text.length));
  const fail = (problems: DatasetProblem[], locate: PathLocator = () => at(0, 0)): ParsedDatasetFile => ({ file, problems, locate });

  if (text.length > MAX_DATASET_BYTES) {
    return fail([{ file, severity: 'error', message: `dataset is ${Math.round(text.length / 1048576)} MB; the limit is ${MAX_DATASET_BYTES / 1048576} MB`, range: at(0, 0) }]);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    return fail([{ file, severity: 'error', message: 'this is not a text file (it contains a NUL byte); a dataset must be JSON or YAML text', range: at(nul) }]);
  }

  const parsed = format === 'yaml' ? parseYaml(text, file, at) : parseJson(text, file, at);
  if (parsed.problems.length > 0) return fail(parsed.problems, parsed.locate);

  const result = datasetSchema.safeParse(parsed.value, { reportInput: true });
  if (!result.success) {
    return fail(
      result.error.issues.map((issue) => ({ file, severity: 'error' as const, message: describeIssue(issue), range: parsed.locate(issuePath(issue), { key: issue.code === 'unrecognized_keys' }) })),
      parsed.locate,
    );
  }
  return { file, dataset: result.data, problems: [], locate: parsed.locate };
}

interface RawParse {
  value: unknown;
  problems: DatasetProblem[];
  locate: PathLocator;
}

function parseJson(text: string, file: string, at: (start: number, end?: number) => Range): RawParse {
  // JSON.parse first: fast and light. The position tree (jsonc-parser) is built only when a
  // position is needed, for a syntax error or a problem to report; at 100,000 actors it would
  // otherwise cost hundreds of megabytes for nothing.
  let value: unknown;
  let valid = true;
  try {
    value = JSON.parse(text);
  } catch {
    valid = false;
  }
  let tree: jsonc.Node | undefined;
  let errors: jsonc.ParseError[] = [];
  const treeOf = () => {
    if (!tree) {
      errors = [];
      tree = jsonc.parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    }
    return tree;
  };
  const locate: PathLocator = (path, options) => {
    const root = treeOf();
    if (!root) return at(0, 0);
    for (let depth = path.length; depth >= 0; depth--) {
      const node = jsonc.findNodeAtLocation(root, path.slice(0, depth) as jsonc.JSONPath);
      if (!node) continue;
      const isScalar = node.type !== 'object' && node.type !== 'array';
      if (depth === path.length && isScalar && !options?.key) return at(node.offset, node.offset + node.length);
      // A container, or the nearest ancestor of a missing field: point at its key, which is what
      // the user reads as "this field", or at its opening bracket when it has no key.
      const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
      return key ? at(key.offset, key.offset + key.length) : at(node.offset, node.offset + 1);
    }
    return at(0, 0);
  };
  if (valid) return { value, problems: [], locate };
  treeOf();
  const problems: DatasetProblem[] = errors.map((error) => ({
    file,
    severity: 'error',
    message: `invalid JSON: ${describeJsonError(error.error)}`,
    range: at(error.offset, error.offset + Math.max(1, error.length)),
  }));
  if (problems.length === 0) problems.push({ file, severity: 'error', message: 'invalid JSON', range: at(0, 0) });
  return { value: undefined, problems, locate };
}

function describeJsonError(code: jsonc.ParseErrorCode): string {
  const text = jsonc.printParseErrorCode(code);
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function parseYaml(text: string, file: string, at: (start: number, end?: number) => Range): RawParse {
  const document = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: DatasetProblem[] = [...document.errors, ...document.warnings.filter((warning) => warning.code !== 'TAG_RESOLVE_FAILED')].map(
    (error) => ({
      file,
      severity: 'error',
      message: `invalid YAML: ${error.message.split('\n')[0]}`,
      range: at(error.pos[0], error.pos[1]),
    }),
  );
  const locate: PathLocator = (path, options) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const prefix = path.slice(0, depth);
      const parent = depth > 0 ? document.getIn(prefix.slice(0, -1), true) : undefined;
      // Prefer the key of a mapping entry: it is what the user reads as "this field".
      if (depth > 0 && YAML.isMap(parent)) {
        const pair = parent.items.find((item) => YAML.isScalar(item.key) && item.key.value === prefix[depth - 1]);
        const keyNode = pair?.key;
        if (YAML.isNode(keyNode) && keyNode.range) {
          if (depth === path.length && !options?.key && YAML.isScalar(pair?.value) && pair.value.range) return at(pair.value.range[0], pair.value.range[1]);
          return at(keyNode.range[0], keyNode.range[1]);
        }
        continue;
      }
      const node = depth === 0 ? document.contents : document.getIn(prefix, true);
      if (YAML.isNode(node) && node.range) {
        const [start, end] = node.range;
        return YAML.isScalar(node) ? at(start, end) : at(start, start + 1);
      }
    }
    return at(0, 0);
  };
  return { value: problems.length === 0 ? yearsAsText(document.toJS({ maxAliasCount: 100 })) : undefined, problems, locate };
}

const DATE_FIELDS = new Set(['start', 'end', 'verifiedThrough']);

/**
 * YAML reads `start: 2023` as the number 2023; the writer means the year. Date fields holding a
 * whole number become text, so YAML users need not quote years (JSON users write strings anyway).
 */
function yearsAsText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(yearsAsText);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, DATE_FIELDS.has(key) && Number.isInteger(field) ? String(field) : yearsAsText(field)]),
  );
}

function issuePath(issue: z.core.$ZodIssue): DatasetPath {
  const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) return [...path, issue.keys[0]!];
  return path;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = describePath(issuePath(issue));
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'invalid_type':
      if (issue.input === undefined) return `${where}: required field is missing`;
      return `${where}: expected ${issue.expected}, found ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `${where}: must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      return `${where}: must be a source id or a source object with a title`;
    default:
      return `${where}: ${issue.message}`;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

/** "actors[3].tenures[0].start": the path as a reader of the file would write it. */
export function describePath(path: DatasetPath): string {
  if (path.length === 0) return 'dataset';
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}
