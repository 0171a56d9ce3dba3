/**
 * The edit that sets a memo's date in its front matter: replace the value of an existing as-of
 * key, add `as_of` to existing front matter, or add front matter. One edit, so one undo.
 */
import * as YAML from 'yaml';
import { formatPartialDate, type PartialDate } from './dates';
import { AS_OF_KEYS, findFrontMatter } from './memoDate';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export function setAsOfEdit(text: string, date: PartialDate): TextEdit {
  const value = formatPartialDate(date);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = findFrontMatter(text);
  if (!block) {
    const bom = text.startsWith('\uFEFF') ? 1 : 0;
    return { start: bom, end: bom, newText: `---${eol}as_of: ${value}${eol}---${eol}${eol}` };
  }
  const yamlText = text.slice(block.contentStart, block.contentEnd);
  const document = YAML.parseDocument(yamlText);
  if (YAML.isMap(document.contents)) {
    // The key in force: the first of as_of, as-of, asOf that is present; "date" is left alone
    // when it exists, because it often means something else (the writing date) to its author.
    for (const key of AS_OF_KEYS.filter((candidate) => candidate !== 'date')) {
      const pair = document.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === key);
      if (!pair) continue;
      if (YAML.isScalar(pair.value) && pair.value.range && pair.value.value !== null && String(pair.value.value) !== '') {
        return { start: block.contentStart + pair.value.range[0], end: block.contentStart + pair.value.range[1], newText: value };
      }
      if (YAML.isScalar(pair.key) && pair.key.range) {
        // "as_of:" with no value: write the value after the colon.
        const keyEnd = block.contentStart + pair.key.range[1];
        const colon = text.indexOf(':', keyEnd);
        return { start: colon + 1, end: colon + 1, newText: ` ${value}` };
      }
    }
  }
  // Add the key as the last line of the front matter.
  return { start: block.contentEnd, end: block.contentEnd, newText: `as_of: ${value}${eol}` };
}
