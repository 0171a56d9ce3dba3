/**
 * The edit that sets a memo's date in its front matter: replace the value of an existing as-of
 * key, add `as_of` to existing front matter, or add front matter. One edit, so one undo.
 *
 * Front matter that cannot be edited safely (invalid YAML, a list or text instead of keys, flow
 * style, an as_of that holds a list) is refused with the reason, and nothing is written: the
 * user's text is never changed into something they did not ask for.
 */
import type * as Yaml from 'yaml';

// Required on first use (Set Memo Date), not when the extension starts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yamlParser = (): typeof Yaml => require('yaml');
import { formatPartialDate, type PartialDate } from './dates';
import { AS_OF_KEYS, findFrontMatter, scalarText } from './memoDate';
import { LineIndex } from './text';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type AsOfEditResult = { readonly ok: true; readonly edit: TextEdit } | { readonly ok: false; readonly reason: string };

export function setAsOfEdit(text: string, date: PartialDate): AsOfEditResult {
  const YAML = yamlParser();
  const value = formatPartialDate(date);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = findFrontMatter(text);
  if (!block) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    return { ok: true, edit: { start: bom, end: bom, newText: `---${eol}as_of: ${value}${eol}---${eol}${eol}` } };
  }
  const yamlText = text.slice(block.contentStart, block.contentEnd);
  const document = YAML.parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false });
  const refuse = (reason: string): AsOfEditResult => ({ ok: false, reason: `The memo date was not set: ${reason}. Nothing was changed.` });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = new LineIndex(text).positionAt(block.contentStart + error.pos[0]).line + 1;
    return refuse(`the front matter is not valid YAML (line ${line}: ${error.message.split('\n')[0]}); fix it first`);
  }
  const contents = document.contents;
  if (contents !== null && !YAML.isMap(contents)) {
    const what = YAML.isSeq(contents) ? 'a list' : 'a single value';
    return refuse(`the front matter is ${what}, not "key: value" lines, so there is no place for as_of in it`);
  }
  const relative = (edit: TextEdit): TextEdit => ({ start: block.contentStart + edit.start, end: block.contentStart + edit.end, newText: edit.newText });
  let edit: TextEdit | undefined;
  if (YAML.isMap(contents)) {
    if (contents.flow) return refuse('the front matter is written in flow style ({ ... }); write as_of into it by hand');
    // The key in force: the first of as_of, as-of, asOf that is present; "date" is left alone
    // when it exists, because it often means something else (the writing date) to its author.
    for (const key of AS_OF_KEYS.filter((candidate) => candidate !== 'date')) {
      const pair = contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === key);
      if (!pair) continue;
      const node = pair.value;
      if (node !== null && !YAML.isScalar(node)) {
        const what = YAML.isSeq(node) ? 'a list' : YAML.isMap(node) ? 'a mapping' : 'an alias';
        return refuse(`"${key}" holds ${what}, not a date; replace it with one date by hand`);
      }
      if (YAML.isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) {
        return refuse(`"${key}" is a block of text (| or >), not a date; replace it with one date by hand`);
      }
      if (YAML.isScalar(node) && node.range && node.range[1] > node.range[0]) {
        edit = { start: node.range[0], end: node.range[1], newText: value };
      } else if (YAML.isScalar(pair.key) && pair.key.range) {
        // "as_of:" with no value: write the value after the colon.
        const colon = yamlText.indexOf(':', pair.key.range[1]);
        edit = { start: colon + 1, end: colon + 1, newText: ` ${value}` };
      }
      break;
    }
  }
  // Otherwise add the key as the last line of the front matter.
  edit ??= { start: yamlText.length, end: yamlText.length, newText: `as_of: ${value}${eol}` };
  // The edit must leave the same YAML with only the date changed; anything else is refused.
  const after = yamlText.slice(0, edit.start) + edit.newText + yamlText.slice(edit.end);
  if (!changesOnlyTheDate(document, after, value)) return refuse('the front matter is laid out in a way this command cannot edit safely; write as_of into it by hand');
  return { ok: true, edit: relative(edit) };
}

function changesOnlyTheDate(before: Yaml.Document, afterText: string, value: string): boolean {
  const YAML = yamlParser();
  const after = YAML.parseDocument(afterText, { uniqueKeys: false, prettyErrors: false });
  if (after.errors.length > 0 || !YAML.isMap(after.contents)) return false;
  const strip = (json: unknown) => {
    if (json === null || typeof json !== 'object' || Array.isArray(json)) return json;
    const copy: Record<string, unknown> = { ...(json as Record<string, unknown>) };
    for (const key of AS_OF_KEYS) if (key !== 'date') delete copy[key];
    return JSON.stringify(copy);
  };
  const written = AS_OF_KEYS.filter((key) => key !== 'date').map((key) => after.get(key, true)).find((found) => found !== undefined);
  try {
    // The parser's own alias budget stays on: front matter comes with memos from anywhere.
    return YAML.isScalar(written) && scalarText(written) === value && strip(before.toJS() ?? {}) === strip(after.toJS());
  } catch {
    return false;
  }
}
