/**
 * The memo's own date ("as of"), against which every check is made. It comes from, in order: the
 * front matter (`as_of`, `as-of`, `asOf`, then `date`), the `interlocutor.asOf` setting, a
 * dateline at the top of the memo ("23 October 2025" on a line of its own), then today, which
 * the caller passes in (the core never reads the clock).
 */
import type * as Yaml from 'yaml';
import { formatPartialDate, parsePartialDate, type PartialDate } from './dates';
import { LineIndex, type Range } from './text';

export const AS_OF_KEYS = ['as_of', 'as-of', 'asOf', 'date'] as const;

export interface FrontMatter {
  /** Offsets of the whole block, fences included. */
  readonly start: number;
  readonly end: number;
  /** Offsets of the YAML between the fences. */
  readonly contentStart: number;
  readonly contentEnd: number;
}

/** A YAML front-matter block: "---" on the first line, closed by "---" or "..." on a line of its own. */
export function findFrontMatter(text: string): FrontMatter | undefined {
  const opening = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!opening) return undefined;
  const contentStart = opening[0].length;
  const closing = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/gm;
  closing.lastIndex = contentStart;
  // An empty block ("---\n---") closes on the line right after the opening fence.
  const match = closing.exec(text);
  if (!match) return undefined;
  return { start: 0, end: match.index + match[0].length, contentStart, contentEnd: match.index };
}

export type AsOfSource = 'front matter' | 'setting' | 'dateline' | 'today';

export interface MemoDate {
  readonly date: PartialDate;
  readonly source: AsOfSource;
  /** The front-matter key the date came from (as_of, date...). */
  readonly key?: string;
  /** Where the date is written, when it comes from the front matter. */
  readonly range?: Range;
  /** A date that was written but could not be used, with the reason; the next source was used. */
  readonly problem?: { readonly message: string; readonly range?: Range };
}

export interface MemoDateOptions {
  /** The `interlocutor.asOf` setting, if any. */
  readonly setting?: string | undefined;
  /** Today's date, from the caller's clock. */
  readonly today: PartialDate;
}

export function memoDate(text: string, options: MemoDateOptions): MemoDate {
  let problem: MemoDate['problem'];
  const fromFrontMatter = frontMatterDate(text);
  if (fromFrontMatter?.ok) return fromFrontMatter.value;
  if (fromFrontMatter && !fromFrontMatter.ok) problem = fromFrontMatter.problem;

  const setting = options.setting?.trim();
  if (setting) {
    const parsed = parsePartialDate(setting);
    if (parsed.ok) return { date: parsed.date, source: 'setting', ...(problem ? { problem } : {}) };
    problem ??= { message: `the interlocutor.asOf setting ${parsed.message}` };
  }
  const dateline = datelineDate(text);
  if (dateline) return { ...dateline, source: 'dateline', ...(problem ? { problem } : {}) };
  return { date: options.today, source: 'today', ...(problem ? { problem } : {}) };
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/**
 * A line near the top of a memo that is only a date, perhaps labelled ("Date: 23 October 2025",
 * "*October 23rd 2025*", "2025-10-23"): how memos without front matter usually say when they
 * were written.
 */
const DATELINE = new RegExp(
  `^[ \\t>#*_]*(?:(?:date|dated|as of|as at|updated|written|prepared)[ \\t]*:?[ \\t]*)?[*_]*` +
    `(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH},?[ \\t]+(\\d{4})|${MONTH}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4}))` +
    `[*_]*[ \\t]*$`,
  'i',
);

/**
 * A wire dateline: a place, then the date, then a dash or an agency, and the story may go on on
 * the same line ("WASHINGTON, March 14, 2024 —", "Beijing, 9 May 2025 (Reuters) -",
 * "LONDON — June 3, 2025 — ..."), or a place and a date alone on the line ("Washington,
 * 2 April 2024"). Years after the date on the dateline ("June 3, 2024, 2021") belong to it: they
 * date nothing.
 */
const PLACE = `(?:\\p{Lu}[\\p{L}.'\u2019-]*(?:[ \\t]+\\p{Lu}[\\p{L}.'\u2019-]*){0,3}[ \\t]*(?:,|\u2014|\u2013|-{1,2})[ \\t]*)`;
const DATE = `(?:(\\d{4})-(\\d{2})-(\\d{2})|(\\d{1,2})(?:st|nd|rd|th)?[ \\t]+${MONTH},?[ \\t]+(\\d{4})|${MONTH}[ \\t]+(\\d{1,2})(?:st|nd|rd|th)?,?[ \\t]+(\\d{4}))`;
const PLACE_DATELINE = new RegExp(
  `^[ \\t>#*_]*(?:${PLACE}${DATE}(?:,?[ \\t]*\\d{4}\\b)*[ \\t]*(?:\\([^()\\n]{1,40}\\)[ \\t]*)?(?:[\u2014\u2013:]|-{1,2}|$)|${DATE}(?:,?[ \\t]*\\d{4}\\b)*[ \\t]*(?:\\([^()\\n]{1,40}\\)[ \\t]*)?(?:\u2014|\u2013|-{1,2})[ \\t]*(?=\\p{L}))`,
  'u',
);

export interface Dateline {
  readonly date: PartialDate;
  /** Offsets of the dateline's own words (place, date, agency, dash), not the prose after them. */
  readonly start: number;
  readonly end: number;
  readonly range: Range;
}

/** The dateline at the top of a memo (after any front matter), if it has one. */
export function findDateline(text: string): Dateline | undefined {
  const block = findFrontMatter(text);
  const from = block ? block.end : 0;
  const head = text.slice(from, from + 2000);
  const lines = head.split('\n').slice(0, 12);
  let offset = from;
  for (const line of lines) {
    // Exported documents often wrap the dateline in HTML (<span style=...>October 23rd 2025</span>).
    const plain = line.replace(/\r$/, '');
    const onlyDate = DATELINE.exec(plain.replace(/<[^>\n]{0,200}>/g, ''));
    const match = onlyDate ?? PLACE_DATELINE.exec(plain);
    if (match) {
      // Nine groups per date (ISO; day month year; month day year); the place dateline has two alternatives.
      const groups = onlyDate || match.slice(1, 10).some((group) => group !== undefined) ? match.slice(1, 10) : match.slice(10, 19);
      const [year, month, day] = groups[0]
        ? [groups[0], groups[1]!, groups[2]!]
        : groups[4]
          ? [groups[5]!, String(monthNumber(groups[4])), groups[3]!]
          : [groups[8]!, String(monthNumber(groups[6]!)), groups[7]!];
      const parsed = parsePartialDate(`${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`);
      if (parsed.ok) {
        const end = offset + (onlyDate ? plain.length : match[0].length);
        const lineIndex = new LineIndex(text);
        return { date: parsed.date, start: offset, end, range: lineIndex.rangeOf(offset, offset + plain.length) };
      }
    }
    offset += line.length + 1;
  }
  return undefined;
}

function datelineDate(text: string): { date: PartialDate; range: Range } | undefined {
  const dateline = findDateline(text);
  return dateline && { date: dateline.date, range: dateline.range };
}

function monthNumber(name: string): number {
  return MONTH_NAMES.findIndex((month) => month.startsWith(name.slice(0, 3).toLowerCase())) + 1;
}

type FrontMatterDate = { ok: true; value: MemoDate } | { ok: false; problem: { message: string; range?: Range } };

function frontMatterDate(text: string): FrontMatterDate | undefined {
  const block = findFrontMatter(text);
  if (!block) return undefined;
  // Required here, on the first memo with front matter: nothing else at start-up needs a YAML parser.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof Yaml;
  const yamlText = text.slice(block.contentStart, block.contentEnd);
  // uniqueKeys off: the parser's duplicate check is quadratic (seconds on a 1 MB front matter),
  // and the first as-of key wins anyway.
  const document = YAML.parseDocument(yamlText, { prettyErrors: false, uniqueKeys: false });
  const lines = new LineIndex(text);
  const rangeIn = (range: readonly [number, number, ...number[]] | undefined): Range | undefined =>
    range ? lines.rangeOf(block.contentStart + range[0], block.contentStart + range[1]) : undefined;
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    return { ok: false, problem: { message: `front matter is not valid YAML: ${error.message.split('\n')[0]}`, range: rangeIn(error.pos) ?? lines.rangeOf(0, 3) } };
  }
  if (!YAML.isMap(document.contents)) return undefined;
  for (const key of AS_OF_KEYS) {
    const pair = document.contents.items.find((item) => YAML.isScalar(item.key) && item.key.value === key);
    if (!pair) continue;
    const valueNode = pair.value;
    const keyRange = YAML.isScalar(pair.key) ? rangeIn(pair.key.range ?? undefined) : undefined;
    const written = YAML.isScalar(valueNode) ? scalarText(valueNode) : '';
    const range = (YAML.isScalar(valueNode) ? rangeIn(valueNode.range ?? undefined) : undefined) ?? keyRange;
    const parsed = parsePartialDate(written);
    if (parsed.ok) return { ok: true, value: { date: parsed.date, source: 'front matter', key, ...(range ? { range } : {}) } };
    return { ok: false, problem: { message: `front matter "${key}": ${written ? parsed.message : 'no date given'}`, ...(range ? { range } : {}) } };
  }
  return undefined;
}

/**
 * A date as the author wrote it. YAML reads `as_of: 0090` as the number 90, which would lose the
 * year's digits: a number keeps its source text.
 */
export function scalarText(node: Yaml.Scalar): string {
  const raw = node.value;
  if (raw instanceof Date) return formatPartialDate({ year: raw.getUTCFullYear(), month: raw.getUTCMonth() + 1, day: raw.getUTCDate() });
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'number' && typeof node.source === 'string') return node.source;
  return String(raw);
}

/** "front matter as_of": where a memo's date came from, as cards and the status bar say it. */
export function memoDateOrigin(memo: MemoDate): string {
  if (memo.source === 'front matter') return `front matter ${memo.key ?? ''}`.trim();
  return memo.source === 'setting' ? 'setting interlocutor.asOf' : memo.source;
}

/** "2025-10-23 (front matter as_of)". */
export function describeMemoDate(memo: MemoDate): string {
  return `${formatPartialDate(memo.date)} (${memoDateOrigin(memo)})`;
}
