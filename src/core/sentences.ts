/**
 * Sentences, and the time a sentence names for itself ("In 2019, ...", "In March 2023 ...",
 * "Until 2021 ..."), so that a claim inside it is judged at that time instead of the memo's date.
 */
import type { PartialDate } from './dates';
import { isAbbreviationBefore } from './text';

/**
 * Offsets where sentences begin, found in one pass: after ".", "!" or "?" followed by a space and
 * a capital, digit or quote (unless the word before is an abbreviation such as "Mr." or "U.S."),
 * after a blank line, and at headings, list items and table rows.
 */
export function sentenceStarts(prose: string): number[] {
  const starts = [0];
  const boundary = /([.!?]["'\u201d\u2019)]?)(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=["'\u201c\u2018(]?[\p{Lu}\d])|\n[ \t]*\n|\n(?=[ \t]*(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|\|))|\|/gu;
  for (let match = boundary.exec(prose); match; match = boundary.exec(prose)) {
    if (match[1] && isAbbreviation(prose, match.index)) continue;
    starts.push(match.index + match[0].length);
  }
  return starts;
}

function isAbbreviation(text: string, periodIndex: number): boolean {
  if (text[periodIndex] !== '.') return false;
  // A single capital letter is an initial ("John L. Thornton").
  return isAbbreviationBefore(text, periodIndex) || (periodIndex >= 1 && /\p{Lu}/u.test(text[periodIndex - 1]!) && (periodIndex < 2 || !/[\p{L}.]/u.test(text[periodIndex - 2]!)));
}

/** The [start, end) of the sentence around `offset`, given the starts from sentenceStarts. */
export function sentenceAt(starts: readonly number[], textLength: number, offset: number): [number, number] {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return [starts[low]!, low + 1 < starts.length ? starts[low + 1]! : textLength];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface TimeMention {
  readonly start: number;
  readonly end: number;
  readonly date: PartialDate;
  /** True for times given relative to the memo's date ("last month"). */
  readonly relative?: boolean;
}

/**
 * Years in a sentence, with a month or day when one is attached: "2019", "March 2023",
 * "5 March 2023", "March 5, 2023", "2023-03-05", "2023-24". Numbers that are amounts ("$2020",
 * "2020 tonnes" is rare enough to accept) are not years.
 */
const TIME = /(?<![\w$£€.,-])(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?(?:(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?:(\d{1,2})(?:st|nd|rd|th)?,?\s+)?)?((?:19|20)\d{2})(?:-(\d{2})(?:-(\d{2}))?)?(?![\w%]|\.\d|,\d)/g;

export function timesIn(prose: string, start: number, end: number): TimeMention[] {
  const found: TimeMention[] = [];
  const sentence = prose.slice(start, end);
  TIME.lastIndex = 0;
  for (let match = TIME.exec(sentence); match; match = TIME.exec(sentence)) {
    const year = Number(match[4]);
    let month: number | undefined;
    let day: number | undefined;
    if (match[5] !== undefined && match[6] !== undefined) {
      // A full ISO date. "2011-12" alone is more often a span of years than a month, so it counts as a year.
      month = Number(match[5]);
      day = Number(match[6]);
    } else if (match[2]) {
      month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase()) + 1;
      const dayText = match[1] ?? match[3];
      if (dayText !== undefined) day = Number(dayText);
    }
    if (month !== undefined && (month < 1 || month > 12)) month = undefined;
    if (month === undefined || (day !== undefined && (day < 1 || day > 31))) day = undefined;
    const date: PartialDate = month ? (day ? { year, month, day } : { year, month }) : { year };
    found.push({ start: start + match.index, end: start + match.index + match[0].length, date });
  }
  return found;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

/**
 * Times a sentence names relative to the memo's date: "last year", "earlier this year", "last
 * month", "two years ago", "in March" (the March nearest the memo's date). Written
 * against a memo dated 2025-11-01, "last year" is 2024.
 */
const RELATIVE_TIME =
  /\b(?:(last|this|next|earlier this|later this)\s+(year|month)|(\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(years?|months?)\s+ago|(?:in|since|by|until|during|last|this|early|late|mid)[- ]\s*(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b(?![ \t]*,?[ \t]*\d))/gi;

export function relativeTimesIn(prose: string, start: number, end: number, memoDate: PartialDate): TimeMention[] {
  const found: TimeMention[] = [];
  const sentence = prose.slice(start, end);
  RELATIVE_TIME.lastIndex = 0;
  for (let match = RELATIVE_TIME.exec(sentence); match; match = RELATIVE_TIME.exec(sentence)) {
    const date = relativeDate(match, memoDate);
    if (date) found.push({ start: start + match.index, end: start + match.index + match[0].length, date, relative: true });
  }
  return found;
}

function relativeDate(match: RegExpExecArray, memo: PartialDate): PartialDate | undefined {
  const [, which, unit, count, agoUnit, monthName] = match;
  if (which && unit) {
    const shift = which.toLowerCase() === 'last' ? -1 : which.toLowerCase() === 'next' ? 1 : 0;
    if (unit.toLowerCase() === 'year') return { year: memo.year + shift };
    if (memo.month === undefined) return undefined;
    const months = memo.year * 12 + (memo.month - 1) + shift;
    return { year: Math.floor(months / 12), month: (months % 12) + 1 };
  }
  if (count && agoUnit) {
    const n = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
    if (/^year/i.test(agoUnit)) return { year: memo.year - n };
    if (memo.month === undefined) return undefined;
    const months = memo.year * 12 + (memo.month - 1) - n;
    return { year: Math.floor(months / 12), month: (months % 12) + 1 };
  }
  if (monthName) {
    const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
    if (month < 1 || memo.month === undefined) return undefined;
    // The nearest such month: "in March" in a memo of November is this March, "(early July)" in
    // one of June is the coming July.
    const memoMonths = memo.year * 12 + memo.month;
    const year = [memo.year - 1, memo.year, memo.year + 1].reduce((best, candidate) => (Math.abs(candidate * 12 + month - memoMonths) < Math.abs(best * 12 + month - memoMonths) ? candidate : best));
    return { year, month };
  }
  return undefined;
}

/** The time named closest to a claim within its sentence, if any. */
export function timeNearest(times: readonly TimeMention[], claimStart: number, claimEnd: number): TimeMention | undefined {
  let best: TimeMention | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const time of times) {
    const distance = time.end <= claimStart ? claimStart - time.end : time.start >= claimEnd ? time.start - claimEnd : 0;
    if (distance < bestDistance) {
      best = time;
      bestDistance = distance;
    }
  }
  return best;
}
