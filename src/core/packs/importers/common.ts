/** What every importer shares: the options a run gets, and small helpers for compact datasets. */
import type { DatasetInput } from '../../schema';
import type { Pack } from '../manifest';
import { dayRange, isBefore, partialDate } from '../../dates';

type ActorInput = NonNullable<DatasetInput['actors']>[number];
type RoleInput = NonNullable<DatasetInput['roles']>[number];
export type TenureInput = NonNullable<ActorInput['tenures']>[number];
export type { ActorInput, RoleInput };

export interface ImportOptions {
  /** The date of the source snapshot (YYYY-MM-DD): ends after it are scheduled, not facts. */
  readonly snapshotDate: string;
  /** The snapshot's git commit, recorded in the manifest. */
  readonly commit?: string | undefined;
}

/** A pack, and what the importer skipped in the source (broken references), for the user to see. */
export interface ImportResult {
  readonly pack: Pack;
  readonly warnings: readonly string[];
}

/** The version of the importers' output format; bump when a pack built from the same files changes. */
export const IMPORTER_VERSION = '1.0.0';

/** Lower-case id words: "Speaker of the House" → "speaker-of-the-house". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Adds names to a list once each (case-sensitive, trimmed), never the actor's own name. */
export function addAliases(list: string[], own: string, ...names: Array<string | undefined>): void {
  for (const raw of names) {
    const name = raw?.replace(/\s+/g, ' ').trim();
    if (name && name !== own && !list.includes(name)) list.push(name);
  }
}

/** Fills {placeholders}; a template whose placeholder has no value yields undefined. */
export function fill(template: string, values: Readonly<Record<string, string | undefined>>): string | undefined {
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') missing = true;
    return value ?? '';
  });
  return missing ? undefined : text.replace(/\s+/g, ' ').trim();
}

/** An actor or role with empty lists and default values left out, so packs stay small. */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    if (Array.isArray(item) && item.length === 0) continue;
    out[key] = item;
  }
  return out as T;
}

/**
 * True when two tenures of the same post overlap the way the dataset rules judge it (datasetRules):
 * one certainly begins before the other ends, and an open tenure runs on. Such a post has several
 * holders at once and cannot be `unique`.
 */
export function hasOverlap(spans: ReadonlyArray<{ start?: string | undefined; end?: string | null }>): boolean {
  const dated = spans.flatMap((span) => (span.start ? [{ start: partialDate(span.start), end: span.end ? partialDate(span.end) : undefined }] : []));
  dated.sort((a, b) => dayRange(a.start).first - dayRange(b.start).first);
  let latest: (typeof dated)[number] | undefined;
  for (const span of dated) {
    if (latest && (!latest.end || isBefore(span.start, latest.end) === true)) return true;
    if (!latest || !span.end || (latest.end && dayRange(span.end).last > dayRange(latest.end).last)) latest = span;
  }
  return false;
}

/**
 * A tenure's dates as the source gives them, unless the end falls before the start (a typo in
 * the source): then the end is unknown, the tenure is verified only through its start, and a
 * warning names the record. Nothing is guessed.
 */
export function checkedSpan(start: string | undefined, end: string | undefined, record: string, warnings: string[]): Pick<TenureInput, 'start' | 'end' | 'verifiedThrough' | 'verified' | 'note'> {
  if (start && end && dayRange(partialDate(start)).first > dayRange(partialDate(end)).last) {
    warnings.push(`${record}: ends (${end}) before it starts (${start}); imported with an unknown end`);
    return { start, verifiedThrough: start, verified: 'partial', note: `the source gives the end as ${end}, before the start; the end is unknown` };
  }
  return { start, end };
}

/** Shortest prefix length (at least `min`) at which the given hex ids stay distinct. */
export function shortIdLength(ids: Iterable<string>, min = 6): number {
  const all = [...new Set([...ids].map((id) => id.replace(/-/g, '')))];
  for (let length = min; length < 32; length++) {
    if (new Set(all.map((id) => id.slice(0, length))).size === all.length) return length;
  }
  return 32;
}
