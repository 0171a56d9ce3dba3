/**
 * Reads a dataset file (JSON or YAML) into a validated Dataset, or into problems that each name
 * the file and a position in it. A problem in one file never prevents other files from loading.
 */
import { compactDataset } from './compactData';
import type * as Jsonc from 'jsonc-parser';
import type * as Yaml from 'yaml';
import type { z } from 'zod';
import { datasetSchemas, type Dataset } from './schema';
import { LineIndex, type Range } from './text';

// The parsers are required where they are used, not imported at the top: the built-in dataset
// needs neither, so a session whose only data is built in never loads them (see builtinDataset.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jsoncParser = (): typeof Jsonc => require('jsonc-parser');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yamlParser = (): typeof Yaml => require('yaml');

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

/**
 * Limits on what a dataset file may make the parsers do. A dataset is data typed by people: these
 * are far above any real file, and far below what would exhaust the stack or the memory of the
 * editor. Each one, when hit, is reported as a problem on the file, never thrown.
 */
export const DATASET_LIMITS = {
  /**
   * Characters in one text, whoever passes it in. The editor and the CLI refuse files above the
   * interlocutor.maxFileSize setting (20 MB by default) before reading them; this bound is for the
   * core itself, above the largest setting worth having (a 100,000-actor dataset is about 30 MB).
   */
  maxChars: 64 * 1024 * 1024,
  /** Nesting of arrays and objects (JSON) or sequences and mappings (YAML). Real datasets use about 6. */
  maxDepth: 64,
  /** Indentation of a YAML line, in columns: deeper block nesting costs the YAML parser dearly. */
  maxYamlIndent: 256,
  /** Nodes that YAML aliases may add in all, counting each alias as a copy of its anchor. */
  maxAliasNodes: 100_000,
} as const;

export function parseDatasetText(text: string, file: string, format: DatasetFormat = formatForFile(file)): ParsedDatasetFile {
  const lines = new LineIndex(text);
  const at = (start: number, end = start + 1): Range => lines.rangeOf(start, Math.min(Math.max(end, start), text.length));
  const fail = (problems: DatasetProblem[], locate: PathLocator = () => at(0, 0)): ParsedDatasetFile => ({ file, problems, locate });
  const problem = (message: string, start = 0, end = start): DatasetProblem => ({ file, severity: 'error', message, range: at(start, end) });

  if (text.length > DATASET_LIMITS.maxChars) {
    return fail([problem(`dataset is ${(text.length / 1048576).toFixed(1)} MB; the limit is ${DATASET_LIMITS.maxChars / 1048576} MB`)]);
  }
  const nul = text.indexOf('\u0000');
  if (nul !== -1) return fail([problem('this is not a text file (it contains a NUL byte); a dataset must be JSON or YAML text', nul, nul + 1)]);
  // Editors on Windows start UTF-8 files with a byte order mark. A space in its place keeps every
  // offset, so positions still match what the editor shows.
  const body = text.startsWith('\uFEFF') ? ` ${text.slice(1)}` : text;

  try {
    const parsed = format === 'yaml' ? parseYaml(body, file, at) : parseJson(body, file, at);
    if (parsed.problems.length > 0) return fail(parsed.problems, parsed.locate);

    const result = datasetSchemas().datasetSchema.safeParse(parsed.value, { reportInput: true });
    if (!result.success) {
      return fail(
        result.error.issues.map((issue) => ({ file, severity: 'error' as const, message: describeIssue(issue), range: parsed.locate(issuePath(issue), { key: issue.code === 'unrecognized_keys' }) })),
        parsed.locate,
      );
    }
    return { file, dataset: compactDataset(result.data), problems: [], locate: parsed.locate };
  } catch (error) {
    // The limits above keep the parsers within bounds; this is the last line of defence, so that
    // a file no limit foresaw is still one problem on that file and never a failed load.
    return fail([problem(`could not read this dataset: ${error instanceof Error ? error.message : String(error)}`)]);
  }
}

/**
 * A dataset already read as JSON (a pack, whose file was parsed and verified as a whole): only the
 * schema is checked, and problems have no position in a file.
 */
export function parseDatasetValue(value: unknown, file: string): ParsedDatasetFile {
  const start = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const locate: PathLocator = () => start;
  const result = datasetSchemas().datasetSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    return { file, problems: result.error.issues.map((issue) => ({ file, severity: 'error' as const, message: describeIssue(issue), range: start })), locate };
  }
  return { file, dataset: compactDataset(result.data), problems: [], locate };
}

interface RawParse {
  value: unknown;
  problems: DatasetProblem[];
  locate: PathLocator;
}

/**
 * The deepest nesting of brackets outside strings, and where it first passes the limit. A scan of
 * the characters, so that it runs before any recursive parser can overflow the stack.
 */
function jsonTooDeep(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === 0x5c) index++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) {
      inString = true;
    } else if (code === 0x5b || code === 0x7b) {
      if (++depth > DATASET_LIMITS.maxDepth) return index;
    } else if (code === 0x5d || code === 0x7d) {
      depth--;
    }
  }
  return undefined;
}

function parseJson(text: string, file: string, at: (start: number, end?: number) => Range): RawParse {
  const jsonc = jsoncParser();
  const deep = jsonTooDeep(text);
  if (deep !== undefined) {
    return { value: undefined, problems: [{ file, severity: 'error', message: `nested more than ${DATASET_LIMITS.maxDepth} levels deep; a dataset needs about 6`, range: at(deep) }], locate: () => at(0, 0) };
  }
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
  let tree: Jsonc.Node | undefined;
  let errors: Jsonc.ParseError[] = [];
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
      const node = jsonc.findNodeAtLocation(root, path.slice(0, depth) as Jsonc.JSONPath);
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
  if (valid) return { value, problems: duplicateJsonKeys(text, file, at), locate };
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

/**
 * JSON.parse keeps the last of two equal keys without a word; the YAML loader refuses them. Both
 * formats report them, at the second key. One streaming pass, no tree.
 */
function duplicateJsonKeys(text: string, file: string, at: (start: number, end?: number) => Range): DatasetProblem[] {
  const jsonc = jsoncParser();
  const problems: DatasetProblem[] = [];
  const open: Array<Set<string> | undefined> = [];
  jsonc.visit(text, {
    onObjectBegin: () => void open.push(new Set()),
    onObjectEnd: () => void open.pop(),
    onArrayBegin: () => void open.push(undefined),
    onArrayEnd: () => void open.pop(),
    onObjectProperty: (property, offset, length) => {
      const keys = open[open.length - 1];
      if (!keys) return;
      if (keys.has(property)) problems.push({ file, severity: 'error', message: `duplicate key "${property}": JSON would silently keep only the last one`, range: at(offset, offset + length) });
      keys.add(property);
    },
  });
  return problems;
}

function describeJsonError(code: Jsonc.ParseErrorCode): string {
  const jsonc = jsoncParser();
  const text = jsonc.printParseErrorCode(code);
  return text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A line indented past the YAML limit (see DATASET_LIMITS.maxYamlIndent), if any. */
function yamlTooIndented(text: string): number | undefined {
  for (let lineStart = 0; lineStart < text.length; ) {
    let index = lineStart;
    while (index < text.length && (text.charCodeAt(index) === 0x20 || text.charCodeAt(index) === 0x09)) index++;
    if (index - lineStart > DATASET_LIMITS.maxYamlIndent) return index;
    const newline = text.indexOf('\n', index);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return undefined;
}

function parseYaml(text: string, file: string, at: (start: number, end?: number) => Range): RawParse {
  const YAML = yamlParser();
  const problemAt = (message: string, start: number, end = start + 1): RawParse => ({ value: undefined, problems: [{ file, severity: 'error', message, range: at(start, end) }], locate: () => at(start, end) });
  const indented = yamlTooIndented(text);
  if (indented !== undefined) return problemAt(`indented more than ${DATASET_LIMITS.maxYamlIndent} columns; a dataset needs a few levels`, indented);
  const flowDeep = jsonTooDeep(text.replace(/#[^\n]*/g, (comment) => ' '.repeat(comment.length)));
  if (flowDeep !== undefined) return problemAt(`nested more than ${DATASET_LIMITS.maxDepth} levels deep; a dataset needs about 6`, flowDeep);

  // Duplicate keys are checked below with a set per mapping: the parser's own check is quadratic
  // (70 s for a mapping of 100,000 keys).
  const document = YAML.parseDocument(text, { prettyErrors: false, uniqueKeys: false, strict: true });
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
  if (problems.length > 0) return { value: undefined, problems, locate };
  const structure = checkYamlStructure(document);
  if (structure) return { value: undefined, problems: [{ file, severity: 'error', message: structure.message, range: at(structure.range[0], structure.range[1]) }], locate };
  // Aliases were measured above: expand them without the parser's own budget, which refuses a
  // legitimate file that reuses one anchor a hundred times.
  return { value: yearsAsText(document.toJS({ maxAliasCount: -1 })), problems: [], locate };
}

interface StructureProblem {
  readonly message: string;
  readonly range: readonly [number, number];
}

/**
 * One walk over the YAML tree, with an explicit stack: duplicate keys, nesting depth, aliases
 * that point at nothing or at a node that contains them, and the size that aliases expand to
 * (a "billion laughs" file is a few lines that expand to billions of nodes).
 */
function checkYamlStructure(document: Yaml.Document): StructureProblem | undefined {
  const YAML = yamlParser();
  const rangeOf = (node: unknown): readonly [number, number] => (YAML.isNode(node) && node.range ? [node.range[0], node.range[1]] : [0, 0]);
  const anchors = new Map<string, Yaml.Node>();
  /** Nodes each anchored node expands to, once known. */
  const expanded = new Map<Yaml.Node, number>();
  let aliasNodes = 0;

  // Sizes of anchored nodes, computed in document order (an alias refers to an anchor before it).
  const sizeOf = (root: Yaml.Node, rootDepth: number): number | StructureProblem => {
    let size = 0;
    const stack: Array<{ node: unknown; depth: number }> = [{ node: root, depth: rootDepth }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (depth > DATASET_LIMITS.maxDepth) return { message: `nested more than ${DATASET_LIMITS.maxDepth} levels deep; a dataset needs about 6`, range: rangeOf(node) };
      if (YAML.isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) return { message: `alias *${node.source} refers to no anchor &${node.source} before it`, range: rangeOf(node) };
        const known = expanded.get(target);
        if (known === undefined) return { message: `alias *${node.source} is inside the node it refers to, so it would never end`, range: rangeOf(node) };
        size += known;
        aliasNodes += known;
        if (aliasNodes > DATASET_LIMITS.maxAliasNodes) {
          return { message: `aliases expand to more than ${DATASET_LIMITS.maxAliasNodes.toLocaleString('en')} nodes; this looks like an alias bomb, not a dataset`, range: rangeOf(node) };
        }
        continue;
      }
      size++;
      if (node !== root && YAML.isNode(node) && node.anchor) {
        // A nested anchor: measure it on its own first, so aliases after it know its size.
        const nested = measure(node, depth);
        if (typeof nested !== 'number') return nested;
        size += nested - 1;
        continue;
      }
      if (YAML.isMap(node)) {
        const keys = new Set<string>();
        for (const pair of node.items) {
          if (YAML.isScalar(pair.key)) {
            const key = String(pair.key.value);
            if (keys.has(key)) return { message: `duplicate key "${key}" in this mapping`, range: rangeOf(pair.key) };
            keys.add(key);
          }
          stack.push({ node: pair.key, depth: depth + 1 }, { node: pair.value, depth: depth + 1 });
        }
        // The stack pops the last pushed first: reverse this mapping's entries, so that the walk
        // meets anchors in document order, before the aliases that follow them.
        reverseTop(stack, node.items.length * 2);
      } else if (YAML.isSeq(node)) {
        for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
        reverseTop(stack, node.items.length);
      }
    }
    return size;
  };
  const measure = (node: Yaml.Node, depth: number): number | StructureProblem => {
    const anchor = node.anchor;
    if (anchor) anchors.set(anchor, node);
    const size = sizeOf(node, depth);
    if (typeof size === 'number') expanded.set(node, size);
    return size;
  };

  const root = document.contents;
  if (!root) return undefined;
  const result = measure(root, 1);
  return typeof result === 'number' ? undefined : result;
}

/** Reverses the last `count` entries of a stack in place. */
function reverseTop<T>(stack: T[], count: number): void {
  for (let low = stack.length - count, high = stack.length - 1; low < high; low++, high--) {
    const swap = stack[low]!;
    stack[low] = stack[high]!;
    stack[high] = swap;
  }
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
