/**
 * Partial dates ("2023", "2023-03", "2023-03-01") and three-valued comparisons between them.
 *
 * A partial date stands for every day it could be: "2023-03" is any day from 2023-03-01 to
 * 2023-03-31. Comparisons therefore answer true, false or "unknown", and callers must never
 * treat "unknown" as a finding.
 */

export type Truth = true | false | 'unknown';

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** A day number (days since 1970-01-01, UTC) for the first and last day a partial date covers. */
export interface DayRange {
  readonly first: number;
  readonly last: number;
}

const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * Days since 1970-01-01 for a day of the proleptic Gregorian calendar, by arithmetic (the
 * "days from civil" algorithm): no Date object, which cost more than the rest of a tenure's
 * verdict, and right for every year (Date.UTC reads years 0-99 as 1900-1999, so "0090" would
 * have become 1990). Month 1-12; a day past the month's end runs on into the next month.
 */
function dayNumber(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export type DateParseResult = { ok: true; date: PartialDate } | { ok: false; message: string };

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD", rejecting impossible dates such as 2023-02-30. */
export function parsePartialDate(text: string): DateParseResult {
  const match = PARTIAL_DATE_PATTERN.exec(text.trim());
  if (!match) {
    return { ok: false, message: `"${text}" is not a date: write YYYY, YYYY-MM or YYYY-MM-DD` };
  }
  const year = Number(match[1]);
  if (match[2] === undefined) return { ok: true, date: { year } };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { ok: false, message: `"${text}" has no month ${match[2]}` };
  if (match[3] === undefined) return { ok: true, date: { year, month } };
  const day = Number(match[3]);
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return { ok: false, message: `"${text}" is not a real date: ${year}-${match[2]} has ${lastDay} days` };
  }
  return { ok: true, date: { year, month, day } };
}

/** Like parsePartialDate, for values already validated (dataset fields): throws on bad input. */
export function partialDate(text: string): PartialDate {
  const result = parsePartialDate(text);
  if (!result.ok) throw new Error(result.message);
  return result.date;
}

export function isValidPartialDate(text: string): boolean {
  return parsePartialDate(text).ok;
}

export function precisionOf(date: PartialDate): Precision {
  if (date.day !== undefined) return 'day';
  if (date.month !== undefined) return 'month';
  return 'year';
}

export function formatPartialDate(date: PartialDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  let text = String(date.year).padStart(4, '0');
  if (date.month !== undefined) text += `-${pad(date.month)}`;
  if (date.day !== undefined) text += `-${pad(date.day)}`;
  return text;
}

/** Ranges are asked for again and again for the same tenure dates: compute each once. */
const dayRanges = new WeakMap<PartialDate, DayRange>();

export function dayRange(date: PartialDate): DayRange {
  let range = dayRanges.get(date);
  if (!range) {
    range = computeDayRange(date);
    dayRanges.set(date, range);
  }
  return range;
}

/**
 * The days a dataset date ("2019", "2019-03", "2019-03-05") may mean, worked out afresh rather
 * than cached: for one pass over every tenure, where a cache entry per date would only be garbage.
 */
export function dayRangeOfWritten(written: string): DayRange {
  return computeDayRange(partialDate(written));
}

function computeDayRange(date: PartialDate): DayRange {
  if (date.month === undefined) {
    return { first: dayNumber(date.year, 1, 1), last: dayNumber(date.year, 12, 31) };
  }
  if (date.day === undefined) {
    return { first: dayNumber(date.year, date.month, 1), last: dayNumber(date.year, date.month, daysInMonth(date.year, date.month)) };
  }
  const day = dayNumber(date.year, date.month, date.day);
  return { first: day, last: day };
}

/** The calendar date of a JavaScript Date in UTC, for callers outside the core that own the clock. */
export function fromJsDate(value: Date): PartialDate {
  return { year: value.getUTCFullYear(), month: value.getUTCMonth() + 1, day: value.getUTCDate() };
}

/** Is every day of `a` strictly before every day of `b`? */
export function isBefore(a: PartialDate, b: PartialDate): Truth {
  const left = dayRange(a);
  const right = dayRange(b);
  if (left.last < right.first) return true;
  if (left.first >= right.last) return false;
  return 'unknown';
}

/** Is every day of `a` on or after every day of `b`? */
export function isOnOrAfter(a: PartialDate, b: PartialDate): Truth {
  return not(isBefore(a, b));
}

export function not(value: Truth): Truth {
  return value === 'unknown' ? 'unknown' : !value;
}

export function and(...values: Truth[]): Truth {
  if (values.some((value) => value === false)) return false;
  if (values.some((value) => value === 'unknown')) return 'unknown';
  return true;
}

export function or(...values: Truth[]): Truth {
  if (values.some((value) => value === true)) return true;
  if (values.some((value) => value === 'unknown')) return 'unknown';
  return false;
}

export interface Interval {
  /** Inclusive; undefined means not known (the interval may have begun at any time). */
  readonly start?: PartialDate;
  /** Exclusive: the day someone left a post is the first day they no longer hold it. Undefined means open. */
  readonly end?: PartialDate;
}

/**
 * Does the interval cover the whole of `date`?
 * An unknown start answers "unknown" unless the interval had already ended. An open end counts as
 * still running only up to `verifiedThrough`, the date up to which the data was checked.
 */
export function intervalCovers(interval: Interval, date: PartialDate, verifiedThrough?: PartialDate): Truth {
  const started: Truth = interval.start ? isOnOrAfterAll(date, interval.start) : 'unknown';
  let notEnded: Truth;
  if (interval.end) {
    notEnded = isBefore(date, interval.end);
  } else if (verifiedThrough) {
    notEnded = dayRange(date).last <= dayRange(verifiedThrough).last ? true : 'unknown';
  } else {
    notEnded = true;
  }
  return and(started, notEnded);
}

/** Is every day of `date` on or after every day of `start`? Days inside a shared month are unknown. */
function isOnOrAfterAll(date: PartialDate, start: PartialDate): Truth {
  const day = dayRange(date);
  const begin = dayRange(start);
  if (day.first >= begin.last) return true;
  if (day.last < begin.first) return false;
  return 'unknown';
}

/** Has the interval ended by `date` (every day of `date` on or after the end)? */
export function intervalEndedBy(interval: Interval, date: PartialDate): Truth {
  if (!interval.end) return false;
  return isOnOrAfterAll(date, interval.end);
}

/** Does the interval start after `date` (every day of `date` before the start)? */
export function intervalStartsAfter(interval: Interval, date: PartialDate): Truth {
  if (!interval.start) return 'unknown';
  return isBefore(date, interval.start);
}

/** A stable sort key: earliest day covered (unknown dates sort first). */
export function sortKey(date: PartialDate | undefined): number {
  return date ? dayRange(date).first : Number.NEGATIVE_INFINITY;
}
