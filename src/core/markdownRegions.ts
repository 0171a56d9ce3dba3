/**
 * Which parts of a memo are prose to check, and where the author switched checks off.
 *
 * Written by hand rather than with a Markdown parser: the checker needs exact character offsets
 * for inline spans (code, link targets, comments), which markdown-it's token stream does not give,
 * and the scan has to stay linear on hostile input (a 1 MiB line of backticks). Every loop below
 * moves forward through the text; none re-scans what it has passed.
 */
import { findFrontMatter } from './memoDate';

export interface DisabledRange {
  /** Offsets of the text where checks are off. */
  readonly start: number;
  readonly end: number;
  /** Codes switched off; undefined means every code. */
  readonly codes?: ReadonlySet<string>;
}

export interface ProseView {
  /** The memo with every non-prose character replaced by a space; line breaks and offsets kept. */
  readonly prose: string;
  readonly disabled: readonly DisabledRange[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const CONTROL = /^\s*interlocutor-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export function proseView(text: string): ProseView {
  const chars = new Uint8Array(text.length); // 1 = not prose
  const blank = (start: number, end: number) => chars.fill(1, Math.max(0, start), Math.min(text.length, end));
  const disabled: DisabledRange[] = [];

  const frontMatter = findFrontMatter(text);
  if (frontMatter) blank(frontMatter.start, frontMatter.end);

  blankCodeBlocks(text, frontMatter?.end ?? 0, blank);
  blankHtmlComments(text, chars, blank, disabled);
  blankInlineCode(text, chars, blank);
  blankLinksAndUrls(text, chars, blank);

  // Unmasked runs are copied as slices; a masked run becomes spaces with its line breaks kept.
  // Linear in the memo however many runs there are (a memo of 100,000 backtick pairs).
  const parts: string[] = [];
  for (let start = 0; start < text.length; ) {
    const masked = chars.indexOf(1, start);
    if (masked === -1) {
      parts.push(start === 0 ? text : text.slice(start));
      break;
    }
    if (masked > start) parts.push(text.slice(start, masked));
    let end = chars.indexOf(0, masked);
    if (end === -1) end = text.length;
    parts.push(blankedRun(text, masked, end));
    start = end;
  }
  const prose = parts.length === 1 ? parts[0]! : parts.join('');
  return { prose, disabled };
}

/** Spaces for text[start, end), keeping its line breaks ("\r", "\n") where they are. */
function blankedRun(text: string, start: number, end: number): string {
  let run = '';
  let from = start;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code !== 0x0a && code !== 0x0d) continue;
    run += ' '.repeat(index - from) + text[index];
    from = index + 1;
  }
  return run + ' '.repeat(end - from);
}

/** Fenced code (``` or ~~~) and indented code blocks, line by line. */
function blankCodeBlocks(text: string, from: number, blank: (start: number, end: number) => void) {
  let fence: { close: RegExp } | undefined;
  let previousBlank = true;
  let previousCode = false;
  let inList = false;
  for (let lineStart = from; lineStart < text.length; ) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const isBlank = line.trim() === '';
    if (fence) {
      blank(lineStart, lineEnd);
      if (fence.close.test(line)) fence = undefined;
    } else {
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[1]![0] === '`' && line.slice(open[0].length).includes('`'))) {
        fence = { close: new RegExp(`^ {0,3}${open[1]![0] === '`' ? '`' : '~'}{${open[1]!.length},}[ \\t]*\r?$`) };
        blank(lineStart, lineEnd);
        previousCode = false;
      } else if (!isBlank && /^(?: {4}|\t)/.test(line) && (previousBlank || previousCode) && !inList) {
        blank(lineStart, lineEnd);
        previousCode = true;
      } else {
        previousCode = previousCode && isBlank;
        if (LIST_ITEM.test(line)) inList = true;
        else if (!isBlank && previousBlank && !/^[ \t]/.test(line)) inList = false;
      }
    }
    previousBlank = isBlank;
    lineStart = lineEnd + 1;
  }
}

/**
 * HTML comments, including the control comments that switch checks off and on. As in CommonMark:
 * a comment that starts a line is an HTML block, which runs to the line holding "-->" (or to the
 * end of the memo); one inside a paragraph is a comment only if "-->" closes it within the
 * paragraph, and is literal text otherwise. Every search moves forward; the next "-->" and the
 * next blank line are remembered, so a paragraph full of unclosed "<!--" is still one pass.
 */
function blankHtmlComments(text: string, chars: Uint8Array, blank: (start: number, end: number) => void, disabled: DisabledRange[]) {
  let openRegion: { start: number; codes?: ReadonlySet<string> } | undefined;
  const lines = lineCursor(text);
  let nextClose = -2;
  let nextBlankLine = -2;
  const closeAfter = (from: number) => {
    if (nextClose !== -1 && nextClose < from) nextClose = text.indexOf('-->', from);
    return nextClose;
  };
  const paragraphEndAfter = (from: number) => {
    if (nextBlankLine !== -1 && nextBlankLine < from) {
      BLANK_LINE.lastIndex = from;
      nextBlankLine = BLANK_LINE.exec(text)?.index ?? -1;
    }
    return nextBlankLine === -1 ? text.length : nextBlankLine;
  };
  for (let start = text.indexOf('<!--'); start !== -1; ) {
    if (chars[start] === 1) {
      start = text.indexOf('<!--', start + 4);
      continue;
    }
    const close = closeAfter(start + 4);
    const [lineStart] = lines.around(start);
    const startsBlock = /^ {0,3}$/.test(text.slice(lineStart, Math.min(start, lineStart + 4)));
    if (!startsBlock && (close === -1 || close > paragraphEndAfter(start))) {
      // "<!-- draft" inside a paragraph with no "-->" before its end: literal text.
      start = text.indexOf('<!--', start + 4);
      continue;
    }
    const end = close === -1 ? text.length : close + 3;
    blank(start, end);
    // "<!-- draft <!-- interlocutor-disable-line -->" is one comment (comments do not nest), but
    // its author meant the directive: read the text after the last opener.
    const body = text.slice(start + 4, close === -1 ? end : close);
    const inner = body.lastIndexOf('<!--');
    const control = CONTROL.exec(inner === -1 ? body : body.slice(inner + 4));
    if (control) {
      const codes = parseCodes(control[2] ?? '');
      const directive = control[1];
      if (directive === 'disable') {
        openRegion ??= { start: end, ...(codes ? { codes } : {}) };
      } else if (directive === 'enable') {
        if (openRegion) disabled.push({ start: openRegion.start, end: start, ...(openRegion.codes ? { codes: openRegion.codes } : {}) });
        openRegion = undefined;
      } else {
        const [from, to] = directive === 'disable-line' ? lines.around(start) : lines.around(lines.around(end)[1] + 1);
        disabled.push({ start: from, end: to, ...(codes ? { codes } : {}) });
      }
    }
    start = close === -1 ? -1 : text.indexOf('<!--', end);
  }
  if (openRegion) disabled.push({ start: openRegion.start, end: text.length, ...(openRegion.codes ? { codes: openRegion.codes } : {}) });
}

const BLANK_LINE = /\n[ \t]*(?:\r?\n|$)/g;

/** "stale-role, still-in-role -- why": the codes before an optional "--" description. */
function parseCodes(text: string): ReadonlySet<string> | undefined {
  const codes = text
    .split(/\s--\s|^--\s/)[0]!
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter((code) => /^[a-z]+(?:-[a-z]+)+$/.test(code));
  return codes.length > 0 ? new Set(codes) : undefined;
}

/**
 * The line around an offset. Comments come in order, so the last two lines asked for (a comment's
 * own line and the line after it) are kept: a hundred thousand comments on one line do not each
 * search back to its start.
 */
function lineCursor(text: string): { around(offset: number): [number, number] } {
  let recent: Array<[number, number]> = [];
  return {
    around(offset: number): [number, number] {
      const known = recent.find(([start, end]) => start <= offset && offset <= end);
      if (known) return known;
      const newline = text.indexOf('\n', offset);
      const line: [number, number] = [text.lastIndexOf('\n', offset - 1) + 1, newline === -1 ? text.length : newline];
      recent = [recent[recent.length - 1] ?? line, line];
      return line;
    },
  };
}

/**
 * Inline code: a run of N backticks up to the next run of exactly N. Runs are indexed by length
 * first, so finding each closer is a step forward in a list, not a search.
 */
function blankInlineCode(text: string, chars: Uint8Array, blank: (start: number, end: number) => void) {
  const runsByLength = new Map<number, number[]>();
  // Every run in text order, with its place in the list of runs of its length (three parallel
  // arrays: a line of backticks makes hundreds of thousands of runs).
  const runStarts: number[] = [];
  const runLengths: number[] = [];
  const runPlaces: number[] = [];
  for (let index = text.indexOf('`'); index !== -1; ) {
    let end = index;
    while (end < text.length && text[end] === '`') end++;
    if (chars[index] !== 1) {
      const length = end - index;
      let list = runsByLength.get(length);
      if (!list) runsByLength.set(length, (list = []));
      runStarts.push(index);
      runLengths.push(length);
      runPlaces.push(list.length);
      list.push(index);
    }
    index = text.indexOf('`', end);
  }
  // Inline code does not cross a blank line: their offsets, to ask "is there one between?" by
  // binary search rather than by scanning the text between every pair of runs.
  const blankLines: number[] = [];
  BLANK_LINE.lastIndex = 0;
  for (let match = BLANK_LINE.exec(text); match; match = BLANK_LINE.exec(text)) {
    blankLines.push(match.index);
    BLANK_LINE.lastIndex = match.index + 1;
  }
  let coveredUntil = 0;
  for (let run = 0; run < runStarts.length; run++) {
    const start = runStarts[run]!;
    const length = runLengths[run]!;
    if (start < coveredUntil) continue;
    // The next run of the same length closes it. It cannot have been used already: a closer
    // used earlier lies before coveredUntil, and so before this run.
    const closer = runsByLength.get(length)![runPlaces[run]! + 1];
    if (closer === undefined || blankLineBetween(blankLines, start, closer)) continue;
    blank(start, closer + length);
    coveredUntil = closer + length;
  }
}

/** Is there a blank line (by the offset of its leading line break) between two offsets? */
function blankLineBetween(blankLines: readonly number[], from: number, to: number): boolean {
  let low = 0;
  let high = blankLines.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (blankLines[middle]! < from) low = middle + 1;
    else high = middle;
  }
  return low < blankLines.length && blankLines[low]! < to;
}

const LINK_TARGET = /\]\(([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)/g;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S+.*$/gm;
const AUTOLINK = /<(?:https?|mailto|ftp):[^\s<>]*>|\bhttps?:\/\/[^\s<>()]*[^\s<>().,;:!?'"]/g;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?\/?>/g;

/** Link destinations, reference definitions, autolinks, bare URLs and HTML tags. */
function blankLinksAndUrls(text: string, chars: Uint8Array, blank: (start: number, end: number) => void) {
  for (const pattern of [LINK_TARGET, REFERENCE_DEFINITION, AUTOLINK, HTML_TAG]) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (chars[match.index] === 1) continue;
      // Keep the "]" of a link: the link text before it is prose.
      blank(match.index + (pattern === LINK_TARGET ? 1 : 0), match.index + match[0].length);
    }
  }
}

/** Is a finding at `offset` with `code` switched off by a control comment? */
export function isDisabled(disabled: readonly DisabledRange[], offset: number, code: string): boolean {
  if (disabled.length < 16) return disabled.some((range) => covers(range, offset, code));
  let index = disabledIndexes.get(disabled);
  if (!index) {
    index = indexDisabled(disabled);
    disabledIndexes.set(disabled, index);
  }
  // The ranges are sorted by start and made disjoint: the only candidate is the last one that
  // starts at or before the offset.
  for (const ranges of index) {
    let low = 0;
    let high = ranges.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (ranges[middle]!.start <= offset) low = middle + 1;
      else high = middle;
    }
    const candidate = ranges[low - 1];
    if (candidate && covers(candidate, offset, code)) return true;
  }
  return false;
}

function covers(range: DisabledRange, offset: number, code: string): boolean {
  return range.start <= offset && offset <= range.end && (!range.codes || range.codes.has(code));
}

/**
 * A memo may hold a hundred thousand disable-line comments, and every claim asks about its
 * offset: an index per list of ranges (kept while the list lives) answers in O(log n).
 */
const disabledIndexes = new WeakMap<readonly DisabledRange[], DisabledRange[][]>();

/**
 * Lists of disjoint ranges, sorted by start. Ranges with the same bounds (several comments about
 * one line) merge, joining their codes. The control comments make line ranges and regions, each
 * disjoint among themselves, so this yields two or three lists; any other overlap opens a new one.
 */
function indexDisabled(disabled: readonly DisabledRange[]): DisabledRange[][] {
  const sorted = [...disabled].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: DisabledRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && last.start === range.start && last.end === range.end) {
      const codes = !last.codes || !range.codes ? undefined : new Set([...last.codes, ...range.codes]);
      merged[merged.length - 1] = { start: last.start, end: last.end, ...(codes ? { codes } : {}) };
    } else {
      merged.push(range);
    }
  }
  const lists: DisabledRange[][] = [];
  for (const range of merged) {
    const list = lists.find((candidate) => candidate[candidate.length - 1]!.end < range.start);
    if (list) list.push(range);
    else lists.push([range]);
  }
  return lists;
}

/**
 * Spans of quoted speech ("..." or \u201c...\u201d) within paragraphs. A claim inside a quotation
 * is the speaker's words on the day they spoke, not the memo's own statement, so it is not judged.
 * One pass; an unbalanced quote ends at the paragraph's end.
 */
export function quotationSpans(prose: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let open = -1;
  let curly = false;
  const pattern = /["\u201c\u201d]|\n[ \t]*\n/g;
  for (let match = pattern.exec(prose); match; match = pattern.exec(prose)) {
    const mark = match[0];
    if (mark.startsWith('\n')) {
      open = -1;
      continue;
    }
    if (open === -1) {
      if (mark !== '\u201d') {
        open = match.index;
        curly = mark === '\u201c';
      }
    } else if ((curly && mark === '\u201d') || (!curly && mark === '"')) {
      spans.push([open, match.index + 1]);
      open = -1;
    }
  }
  return spans;
}

/** Is `offset` inside one of the sorted spans? */
export function insideSpans(spans: ReadonlyArray<[number, number]>, offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spans[middle]!;
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return true;
  }
  return false;
}
