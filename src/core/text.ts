import conventions from './conventions.json';

/**
 * Positions and text normalisation shared by every core feature. Positions are 0-based
 * line/character pairs, as in LSP, so a language server could sit on the core unchanged.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The end of the line holding `offset`, before its line break ("\n", "\r\n" or a lone "\r"), as LineIndex reads lines. */
export function lineEndFrom(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  return end;
}

/**
 * Converts between offsets and positions in one text, in O(log lines) per conversion. Lines end
 * at "\n", "\r\n" or a lone "\r", as in VS Code, so a position printed by the CLI is the one the
 * editor shows.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    const breaks = /\r\n?|\n/g;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) starts.push(match.index + match[0].length);
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= clamped) low = middle;
      else high = middle - 1;
    }
    return { line: low, character: clamped - this.lineStarts[low]! };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line]!;
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))]!;
  }

  /** Offset of the end of a line, before its line break. */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    const next = this.lineStarts[line + 1]!;
    return this.text[next - 1] === '\n' && this.text[next - 2] === '\r' ? next - 2 : next - 1;
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** A range as 1-based line and column, the way compilers, ESLint and SARIF print positions. */
export function formatPosition(position: Position): string {
  return `${position.line + 1}:${position.character + 1}`;
}

const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2212]/g;
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/**
 * The form used to compare names and titles: lower case, no diacritics, straight apostrophes,
 * ASCII hyphens, single spaces. "Vice-Premier  He" and "vice premier he" compare equal once
 * tokenised (see tokenize), which is what the matcher relies on.
 */
export function normalizeForMatch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface Token {
  /** Normalised text of the word (lower case, no diacritics). */
  readonly key: string;
  /** Offsets of the word in the original text. */
  readonly start: number;
  readonly end: number;
  /** True when the word begins with an upper-case letter in the original text. */
  readonly capitalized: boolean;
}

/**
 * Words are runs of letters, marks and digits; everything else separates them. A possessive "'s"
 * stays attached to its word's separator, so "Xi's" yields the word "Xi". Linear in the text.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  WORD.lastIndex = from;
  for (let match = WORD.exec(text); match && match.index < to; match = WORD.exec(text)) {
    const word = match[0];
    const start = match.index;
    // A possessive or contraction tail ("'s" after "Xi") is not a word of its own.
    if (isApostropheTail(text, start, word)) continue;
    const first = word[0]!;
    tokens.push({
      key: foldWord(word),
      start,
      end: start + word.length,
      capitalized: first !== first.toLowerCase() && first === first.toUpperCase(),
    });
  }
  return tokens;
}

function isApostropheTail(text: string, start: number, word: string): boolean {
  if (start === 0 || (word !== 's' && word !== 'S')) return false;
  const before = text[start - 1]!;
  return (before === "'" || before === '\u2019') && start >= 2 && /[\p{L}\p{N}]/u.test(text[start - 2]!);
}

/** Lower case without diacritics; ASCII fast path because almost every word in a memo is ASCII. */
export function foldWord(word: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(word)) return word.toLowerCase();
  return word.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** The words of a name or title, normalised, for building match keys. */
export function wordKeys(text: string): string[] {
  return tokenize(text).map((token) => token.key);
}

/**
 * What may separate the words of one name or title: spaces, one line break (a soft-wrapped
 * paragraph), a hyphen ("Vice-Premier"), or a period ("John L. Thornton", "U.S."). Checked on
 * short gaps only, so it cannot backtrack over long text.
 */
const WORD_GAP = /^(?:[ \t]*\r?\n?[ \t]*|[ \t]*[-\u2010\u2011][ \t]*|\.[ \t]*\r?\n?[ \t]*)$/;
const MAX_WORD_GAP = 6;

/** A possessive between two words ("China's foreign minister"): the "'s" is not a word of its own. */
export function isPossessiveGap(text: string, from: number, to: number): boolean {
  return /^['\u2019]s?(?:[ \t]+|[ \t]*\r?\n[ \t]*)$/.test(text.slice(from, Math.min(to, from + 8)));
}

export function isWordGap(text: string, from: number, to: number): boolean {
  if (to - from > MAX_WORD_GAP || !WORD_GAP.test(text.slice(from, to))) return false;
  // A period joins words only after an initial ("L." in "John L. Thornton", "U.S.") or an
  // abbreviation ("Mr. Blinken", "Gen. Li"); after a word it ends a sentence ("...around the
  // president. Jared Kushner...").
  return text[from] !== '.' || (from >= 1 && /\p{L}/u.test(text[from - 1]!) && (from < 2 || !/\p{L}/u.test(text[from - 2]!))) || isAbbreviationBefore(text, from);
}

const ABBREVIATIONS: ReadonlySet<string> = new Set(conventions.abbreviations);

/** True when the word ending at `periodIndex` is an abbreviation the conventions list ("Mr", "Gen", "U.S"). */
export function isAbbreviationBefore(text: string, periodIndex: number): boolean {
  let start = periodIndex;
  while (start > 0 && periodIndex - start < 6 && /[\p{L}.]/u.test(text[start - 1]!)) start--;
  return ABBREVIATIONS.has(text.slice(start, periodIndex).toLowerCase());
}
