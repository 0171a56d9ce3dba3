/**
 * The words of every finding, each message built once from its parts. Messages say what is wrong
 * and what is true: "Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the
 * foreign minister is Wang Yi."
 */
import { formatPartialDate, type PartialDate } from './dates';
import type { TenureOnDate } from './knowledgeBase';

/** Who held a post on the judged date, when the datasets say. */
export interface Holders {
  readonly title: string;
  readonly names: readonly string[];
  /** The tenures behind the names, for the finding's evidence. */
  readonly entries: readonly TenureOnDate[];
  /** True when the post has one holder at a time (a plural title is used otherwise). */
  readonly unique: boolean;
}

/** "on 2025-10-23" for a day, "in 2023-03" or "in 2019" for a month or a year. */
export function onDate(date: PartialDate): string {
  return `${date.day !== undefined ? 'on' : 'in'} ${formatPartialDate(date)}`;
}

/** "on 2025-10-23 the foreign minister is Wang Yi", or undefined when nobody is known. */
function holderClause(date: PartialDate, holders: Holders | undefined): string | undefined {
  if (!holders || holders.names.length === 0) return undefined;
  const shown = holders.names.slice(0, 4);
  const several = holders.names.length > 1;
  const title = several && !holders.unique ? pluralTitle(holders.title) : holders.title;
  return `${onDate(date)} the ${title} ${several ? 'are' : 'is'} ${joinNames(shown)}${holders.names.length > 4 ? ' and others' : ''}`;
}

/** "Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the foreign minister is Wang Yi." */
export function staleMessage(parts: { actor: string; post: string; endedOn: string | undefined; resumedOn?: string | undefined; date: PartialDate; holders?: Holders | undefined }): string {
  const left = `${parts.actor} left the post of ${parts.post} on ${parts.endedOn ?? 'an unknown date'}${parts.resumedOn ? ` and took it up again on ${parts.resumedOn}` : ''}`;
  return sentence(left, holderClause(parts.date, parts.holders));
}

/** "Qin Gang became foreign minister only on 2022-12-30; in 2019 the foreign minister is Wang Yi." */
export function notYetMessage(parts: { actor: string; post: string; startedOn: string | undefined; date: PartialDate; holders?: Holders | undefined }): string {
  return sentence(`${parts.actor} became ${parts.post} only on ${parts.startedOn ?? 'a later date'}`, holderClause(parts.date, parts.holders));
}

/** "Scott Bessent never held the post of commerce secretary in the datasets. On ... Scott Bessent is treasury secretary. On ... the commerce secretary is Howard Lutnick." */
export function neverHeldMessage(parts: { actor: string; post: string; currentPosts: readonly string[]; date: PartialDate; holders?: Holders | undefined }): string {
  let message = `${parts.actor} never held the post of ${parts.post} in the datasets.`;
  if (parts.currentPosts.length > 0) message += ` ${capitalize(onDate(parts.date))} ${parts.actor} is ${joinNames(parts.currentPosts.slice(0, 2))}.`;
  const holders = holderClause(parts.date, parts.holders);
  return holders ? `${message} ${capitalize(holders)}.` : message;
}

/** "Wang Yi still holds the post of foreign minister on 2025-10-23 (since 2023-07-25), so "former" is wrong on this date." */
export function stillInRoleMessage(parts: { actor: string; post: string; since: string | undefined; date: PartialDate; marker: string }): string {
  return `${parts.actor} still holds the post of ${parts.post} ${onDate(parts.date)} (since ${parts.since ?? 'an unknown date'}), so "${parts.marker}" is wrong on this date.`;
}

/** Said after the message when the date a finding rests on was not checked against a source. */
export const UNVERIFIED_NOTE = ' The date this rests on is unverified in the datasets (not checked against a source).';

/** Fix titles. */
export const fixTitles = {
  removeMarker: (marker: string) => `Remove "${marker}"`,
  makeHistorical: (word: 'former' | 'then') => `Make it historical: "${word}"`,
  replaceActor: (name: string, post: string, date: PartialDate) => `Replace with ${name}, the ${post} ${onDate(date)}`,
  replacePost: (title: string, date: PartialDate) => `Replace the post with "${title}", held ${onDate(date)}`,
  disableLine: (code: string) => `Disable ${code} for this line`,
  openSource: (title: string) => `Open source: ${title.length > 60 ? `${title.slice(0, 57)}...` : title}`,
};

function sentence(main: string, clause: string | undefined): string {
  return clause ? `${main}; ${clause}.` : `${main}.`;
}

function capitalize(text: string): string {
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}

function pluralTitle(title: string): string {
  return title.endsWith('s') ? title : `${title}s`;
}

export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
