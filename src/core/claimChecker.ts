/**
 * Judges claims against the datasets on a date (the sentence's own time, else the memo's) and
 * returns findings as plain data: code, message, range, and the edits that would fix each one.
 * Unknown answers (partial dates, dates past verifiedThrough) never produce a finding.
 */
import { findClaims, type Claim, type Span } from './claimFinder';
import { dayRange, formatPartialDate, type PartialDate } from './dates';
import { tenureTitle, type KnowledgeBase, type TenureOnDate } from './knowledgeBase';
import { insideSpans, isDisabled, proseView, quotationSpans } from './markdownRegions';
import { sentenceAt, sentenceStarts, timeNearest, timesIn, type TimeMention } from './sentences';
import { LineIndex } from './text';

export const CLAIM_CODES = ['stale-role', 'not-yet-in-role', 'never-held-role', 'still-in-role'] as const;
export type ClaimCode = (typeof CLAIM_CODES)[number];

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type FixKind = 'make-historical-former' | 'make-historical-then' | 'remove-marker' | 'replace-actor' | 'replace-role' | 'disable-line';

export interface Fix {
  readonly kind: FixKind;
  readonly title: string;
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
}

export interface Finding {
  readonly code: ClaimCode;
  readonly message: string;
  /** Offsets of the claim in the memo. */
  readonly start: number;
  readonly end: number;
  readonly actorId: string;
  readonly roleId: string;
  /** The date the claim was judged at, and whether the sentence named it. */
  readonly date: PartialDate;
  readonly dateFromSentence: boolean;
  readonly fixes: readonly Fix[];
}

export interface CheckOptions {
  /** The memo's date: used for every sentence that does not name its own time. */
  readonly date: PartialDate;
}

export function checkMemo(kb: KnowledgeBase, text: string, options: CheckOptions): Finding[] {
  const { prose, disabled } = proseView(text);
  const starts = sentenceStarts(prose);
  const quotations = quotationSpans(prose);
  const lines = new LineIndex(text);
  // Times are found once per sentence, however many claims it holds.
  const timesBySentence = new Map<number, TimeMention[]>();
  const findings: Finding[] = [];
  for (const claim of findClaims(kb, prose)) {
    if (insideSpans(quotations, claim.span.start)) continue;
    const [sentenceStart, sentenceEnd] = sentenceAt(starts, prose.length, claim.span.start);
    let sentenceTimes = timesBySentence.get(sentenceStart);
    if (!sentenceTimes) {
      sentenceTimes = timesIn(prose, sentenceStart, sentenceEnd);
      timesBySentence.set(sentenceStart, sentenceTimes);
    }
    const time = timeNearest(nearbyTimes(sentenceTimes, claim).filter((candidate) => timeAppliesToClaim(prose, claim, candidate, sentenceStart)), claim.span.start, claim.span.end);
    const date = time?.date ?? options.date;
    const finding = judge(kb, text, lines, claim, date, Boolean(time));
    if (finding && !isDisabled(disabled, finding.start, finding.code)) findings.push(finding);
  }
  return findings;
}

/**
 * Does a time named in the sentence set the time of the claim? One before the claim does ("In
 * 2019, Cui Tiankai, China's ambassador, ..."). One after it does only when it dates what the
 * claim's subject did ("..., met Wang Yi in 2023", "..., signed the deal on 15 January 2020"), not
 * when it starts a state that still holds ("..., is under sanctions from 2018") or belongs to a
 * span in another clause ("..., a job he held between 2015 and 2018").
 */
/** Only the times near a claim can date it; in a very long "sentence" (a table, a list) others are far away. */
function nearbyTimes(times: readonly TimeMention[], claim: Claim): TimeMention[] {
  const window = 400;
  return times.filter((time) => time.end >= claim.span.start - window && time.start <= claim.span.end + window);
}

function timeAppliesToClaim(prose: string, claim: Claim, time: { start: number; end: number }, sentenceStart: number): boolean {
  if (time.start < claim.span.end && time.end > claim.span.start) return true;
  if (time.end <= claim.span.start) {
    // Opening the sentence ("In 2019, ...", "Until 2021 ...") it dates everything after it; later
    // on, "since 2020" or "from 2018" starts someone's tenure rather than dating the sentence.
    const lead = prose.slice(sentenceStart, time.start);
    if (/^[\s>*_-]*(?:\S+\s+){0,3}$/.test(lead)) return true;
    return !/\b(?:since|from|until|till|between)\s+(?:\S+\s+){0,2}$/i.test(lead);
  }
  const between = prose.slice(claim.span.end, Math.min(time.start, claim.span.end + 400));
  if (/\b(?:is|are|am|has|have|remains?|says|will|would|can|continues?|still)\b/i.test(between)) return false;
  return POINT_IN_TIME.test(between);
}

/** Words that date an event rather than start a span: "in 2023", "on 15 January 2020", "in early 2019". */
const POINT_IN_TIME = /\b(?:in|on|during|at|by|around)\s+(?:(?:early|late|mid)[- ]?\s*)?(?:the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+)?$/i;

/** The posts a claim may name, narrowed by the countries its words name. */
function candidateRoles(kb: KnowledgeBase, claim: Claim): string[] {
  if (claim.countries.length === 0) return [...claim.roleIds];
  const narrowed = claim.roleIds.filter((roleId) => {
    const country = kb.role(roleId)?.country;
    return !country || claim.countries.includes(country);
  });
  return narrowed.length > 0 ? narrowed : [...claim.roleIds];
}

function judge(kb: KnowledgeBase, text: string, lines: LineIndex, claim: Claim, date: PartialDate, dateFromSentence: boolean): Finding | undefined {
  if (claim.tense === 'future') return undefined;
  const roleIds = candidateRoles(kb, claim);
  if (claim.bySurname) return judgeBySurname(kb, text, lines, claim, roleIds, date, dateFromSentence);
  // A full name shared by several people cannot be judged without knowing which one is meant.
  const actorIds = resolveByRole(kb, claim.actorIds, roleIds, date);
  if (actorIds.length !== 1) return undefined;
  return judgeActor(kb, text, lines, claim, actorIds[0]!, roleIds, date, dateFromSentence);
}

function relevantRoles(kb: KnowledgeBase, actor: { country?: string | undefined }, roleIds: readonly string[], held: readonly TenureOnDate[]): string[] {
  const heldIds = roleIds.filter((roleId) => held.some((entry) => entry.tenure.role === roleId));
  if (heldIds.length > 0) return heldIds;
  const sameCountry = roleIds.filter((roleId) => !actor.country || !kb.role(roleId)?.country || kb.role(roleId)?.country === actor.country);
  return sameCountry.length > 0 ? sameCountry : [...roleIds];
}

/** Among people sharing a name ("Mr Wang"), those the post points to: holders on the date, else those who ever held it. */
function resolveByRole(kb: KnowledgeBase, actorIds: readonly string[], roleIds: readonly string[], date: PartialDate): readonly string[] {
  if (actorIds.length <= 1) return actorIds;
  const holding = actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).some((entry) => entry.holds !== false));
  if (holding.length > 0) return holding;
  return actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).length > 0);
}

function tenuresOf(kb: KnowledgeBase, actorId: string, roleIds: readonly string[], date: PartialDate): TenureOnDate[] {
  return kb.tenuresOn(actorId, date).filter((entry) => roleIds.includes(entry.tenure.role));
}

function judgeActor(kb: KnowledgeBase, text: string, lines: LineIndex, claim: Claim, actorId: string, candidateRoleIds: string[], date: PartialDate, dateFromSentence: boolean): Finding | undefined {
  const actor = kb.actor(actorId)!;
  const held = tenuresOf(kb, actorId, candidateRoleIds, date);
  // "president" names two posts; the one that matters is the one this person held, else the one of their country.
  const roleIds = relevantRoles(kb, actor, candidateRoleIds, held);
  const on = onDate(date);
  const roleTitle = kb.role(roleIds[0]!)?.title ?? claim.roleText;
  const base = { actorId, date, dateFromSentence, start: claim.span.start, end: claim.span.end };

  if (held.length === 0) {
    if (!neverHeldIsKnowable(kb, actorId, roleIds, claim, date)) return undefined;
    const now = kb.currentPosts(actorId, date);
    const message =
      `${actor.name} never held the post of ${roleTitle} in the datasets.` +
      (now.length ? ` ${capitalize(on)} ${actor.name} is ${joinNames(now.slice(0, 2).map(postTitle))}.` : '') +
      holderSentence(kb, roleIds, date);
    return { ...base, code: 'never-held-role', roleId: roleIds[0]!, message, fixes: fixesFor(kb, text, lines, claim, 'never-held-role', actorId, roleIds, date) };
  }
  if (held.some((entry) => entry.holds === 'unknown')) return undefined;
  const holding = held.find((entry) => entry.holds === true);

  if (claim.tense === 'former') {
    if (holding) {
      const marker = claim.markerSpan ? text.slice(claim.markerSpan.start, claim.markerSpan.end) : 'former';
      const message = `${actor.name} still holds the post of ${postTitle(holding)} ${on} (since ${holding.tenure.start ?? 'an unknown date'}), so "${marker}" is wrong on this date.`;
      return { ...base, code: 'still-in-role', roleId: holding.tenure.role, message, fixes: fixesFor(kb, text, lines, claim, 'still-in-role', actorId, roleIds, date) };
    }
    if (held.every((entry) => entry.state === 'future')) return notYet(kb, text, lines, claim, actorId, roleIds, held, date, base);
    return undefined;
  }
  if (claim.tense === 'past') {
    // "then foreign minister" places the post at some earlier time: wrong only if it had not begun.
    return held.every((entry) => entry.state === 'future') ? notYet(kb, text, lines, claim, actorId, roleIds, held, date, base) : undefined;
  }
  if (holding) return undefined;
  if (held.every((entry) => entry.state === 'future')) return notYet(kb, text, lines, claim, actorId, roleIds, held, date, base);
  const last = [...held].reverse().find((entry) => entry.state === 'former')!;
  const again = held.find((entry) => entry.state === 'future');
  const message =
    `${actor.name} left the post of ${postTitle(last)} on ${last.tenure.end}` +
    (again ? ` and took it up again on ${again.tenure.start}` : '') +
    `;${holderSentence(kb, roleIds, date).replace(/^ (On|In) /, (_, word: string) => ` ${word.toLowerCase()} `)}`;
  return { ...base, code: 'stale-role', roleId: last.tenure.role, message: tidy(message), fixes: fixesFor(kb, text, lines, claim, 'stale-role', actorId, roleIds, date) };
}

function notYet(kb: KnowledgeBase, text: string, lines: LineIndex, claim: Claim, actorId: string, roleIds: string[], held: readonly TenureOnDate[], date: PartialDate, base: Omit<Finding, 'code' | 'roleId' | 'message' | 'fixes'>): Finding {
  const first = held[0]!;
  const actor = kb.actor(actorId)!;
  const message = tidy(`${actor.name} became ${postTitle(first)} only on ${first.tenure.start ?? 'a later date'};${holderSentence(kb, roleIds, date).replace(/^ (On|In) /, (_, word: string) => ` ${word.toLowerCase()} `)}`);
  return { ...base, code: 'not-yet-in-role', roleId: first.tenure.role, message, fixes: fixesFor(kb, text, lines, claim, 'not-yet-in-role', actorId, roleIds, date) };
}

/** "Vice-Premier Liu": fine when anyone of that surname held the post on the date. */
function judgeBySurname(kb: KnowledgeBase, text: string, lines: LineIndex, claim: Claim, roleIds: string[], date: PartialDate, dateFromSentence: boolean): Finding | undefined {
  const holders = claim.actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).length > 0);
  // A surname only one person in the datasets has ("Commerce Secretary Bessent") names that person.
  if (holders.length === 0 && claim.actorIds.length === 1) return judgeActor(kb, text, lines, { ...claim, bySurname: false }, claim.actorIds[0]!, roleIds, date, dateFromSentence);
  if (holders.length === 0) return undefined;
  if (holders.some((actorId) => tenuresOf(kb, actorId, roleIds, date).some((entry) => entry.holds !== false))) return undefined;
  // Only when the datasets know who did hold a one-holder post then: otherwise the title may
  // name someone the datasets do not have ("Premier Li" in 2019 is Li Keqiang).
  const known = roleIds.some((roleId) => kb.role(roleId)?.unique && kb.holdersOn(roleId, date).some((entry) => entry.holds === true));
  if (!known) return undefined;
  // The one they most likely mean: the holder closest in time.
  const byDistance = holders
    .map((actorId) => ({ actorId, distance: Math.min(...tenuresOf(kb, actorId, roleIds, date).map((entry) => distanceInDays(entry, date))) }))
    .sort((a, b) => a.distance - b.distance);
  return judgeActor(kb, text, lines, { ...claim, bySurname: false }, byDistance[0]!.actorId, roleIds, date, dateFromSentence);
}

/** Days from the date to the nearer edge of the tenure (first days of partial dates). */
function distanceInDays(entry: TenureOnDate, date: PartialDate): number {
  const day = dayRange(date).first;
  const { start, end } = entry.interval;
  return Math.min(start ? Math.abs(day - dayRange(start).first) : Infinity, end ? Math.abs(day - dayRange(end).first) : Infinity);
}

/**
 * Datasets are not exhaustive, so "never held" is only said where the data can back it: for a
 * claim presented as current, the post has one holder and the datasets know who held it then;
 * for a historical claim, the person's own record is in the datasets and is from the post's country.
 */
function neverHeldIsKnowable(kb: KnowledgeBase, actorId: string, roleIds: readonly string[], claim: Claim, date: PartialDate): boolean {
  const actor = kb.actor(actorId);
  if (!actor || actor.tenures.length === 0) return false;
  const busyThen = kb.tenuresOn(actorId, date).some((entry) => entry.holds === true);
  const uniqueRoles = roleIds.filter((roleId) => kb.role(roleId)?.unique);
  if (uniqueRoles.length === 0) {
    // A post several people hold at once (vice-premier): the datasets list some holders, not all, so
    // only say "never" of someone whose post on the date is known, and never of memberships, which
    // overlap other posts (a Standing Committee member is also a Politburo member).
    return claim.tense === 'current' && busyThen && roleIds.some((roleId) => !MEMBERSHIP.test(kb.role(roleId)?.title ?? ''));
  }
  // Presented as current: the datasets must know who held the post then, or what this person held then.
  if (claim.tense === 'current') {
    return busyThen || uniqueRoles.some((roleId) => kb.holdersOn(roleId, date).some((entry) => entry.holds === true));
  }
  return uniqueRoles.some((roleId) => {
    const country = kb.role(roleId)?.country;
    return !country || !actor.country || country === actor.country;
  }) && uniqueRoles.some((roleId) => kb.holdersOn(roleId, date).length > 0 || kb.tenuresOfRole(roleId).length > 0);
}

const MEMBERSHIP = /\b(?:member|deputy|delegate|fellow|professor|adviser|advisor|senator|representative|congress(?:man|woman))\b/i;


/** The post's own title in messages ("foreign minister"), not a tenure's note-like title. */
function postTitle(entry: TenureOnDate): string {
  return entry.role?.title ?? tenureTitle(entry);
}

/** " On 2025-10-23 the foreign minister is Wang Yi." or nothing when the datasets do not say. */
function holderSentence(kb: KnowledgeBase, roleIds: readonly string[], date: PartialDate): string {
  for (const roleId of roleIds) {
    const role = kb.role(roleId);
    const holders = kb.holdersOn(roleId, date).filter((entry) => entry.holds === true);
    if (!role || holders.length === 0) continue;
    const names = [...new Set(holders.map((entry) => entry.actor.name))];
    const verb = names.length > 1 ? 'are' : 'is';
    const title = names.length > 1 && !role.unique ? pluralTitle(role.title) : role.title;
    return ` ${capitalize(onDate(date))} the ${title} ${verb} ${joinNames(names.slice(0, 4))}${names.length > 4 ? ' and others' : ''}.`;
  }
  return '';
}

/** "on 2025-10-23" for a day, "in 2023-03" or "in 2019" for a month or a year. */
function onDate(date: PartialDate): string {
  return `${date.day !== undefined ? 'on' : 'in'} ${formatPartialDate(date)}`;
}

function capitalize(text: string): string {
  return text ? `${text[0]!.toUpperCase()}${text.slice(1)}` : text;
}

function pluralTitle(title: string): string {
  return title.endsWith('s') ? title : `${title}s`;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function tidy(message: string): string {
  return message.replace(/;$/, '.').replace(/;\s*$/, '.').replace(/;(?=[^ ])/, '; ');
}

// ---------------------------------------------------------------------------------------------
// Fixes: each is one edit the user chooses; none is applied without them.

function fixesFor(kb: KnowledgeBase, text: string, lines: LineIndex, claim: Claim, code: ClaimCode, actorId: string, roleIds: readonly string[], date: PartialDate): Fix[] {
  const fixes: Fix[] = [];
  const on = onDate(date);
  const atSentenceStart = /(^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, claim.historicalInsertAt - 40), claim.historicalInsertAt));
  const insertWord = (word: string) => (atSentenceStart ? `${word[0]!.toUpperCase()}${word.slice(1)} ` : `${word} `);

  if (code === 'still-in-role' && claim.markerSpan) {
    fixes.push({ kind: 'remove-marker', title: `Remove "${text.slice(claim.markerSpan.start, claim.markerSpan.end)}"`, edits: [removal(text, claim.markerSpan)], preferred: true });
  }
  if (code === 'stale-role') {
    fixes.push({ kind: 'make-historical-former', title: 'Make it historical: "former"', edits: [{ start: claim.historicalInsertAt, end: claim.historicalInsertAt, newText: insertWord('former') }], preferred: true });
    fixes.push({ kind: 'make-historical-then', title: 'Make it historical: "then"', edits: [{ start: claim.historicalInsertAt, end: claim.historicalInsertAt, newText: insertWord('then') }], preferred: false });
  }
  if (code !== 'still-in-role') {
    const holder = soleHolder(kb, roleIds, date);
    if (holder && holder.actor.id !== actorId) {
      fixes.push({ kind: 'replace-actor', title: `Replace with ${holder.actor.name}, the ${postTitle(holder)} ${on}`, edits: [{ ...claim.actorSpan, newText: holder.actor.name }], preferred: code !== 'stale-role' });
    }
    // Offer the post the person held instead only when it is an office, not a membership.
    const now = kb.currentPosts(actorId, date).find((entry) => entry.role?.unique) ?? kb.currentPosts(actorId, date).find((entry) => !MEMBERSHIP.test(entry.role?.title ?? ''));
    if (now) {
      const title = matchCase(postTitle(now), claim.roleText);
      fixes.push({ kind: 'replace-role', title: `Replace the post with "${title}", held ${on}`, edits: [{ ...claim.roleSpan, newText: title }], preferred: code !== 'stale-role' && !fixes.some((fix) => fix.preferred) });
    }
  }
  const end = lines.lineEnd(lines.positionAt(claim.span.end).line);
  fixes.push({ kind: 'disable-line', title: `Disable ${code} for this line`, edits: [{ start: end, end, newText: ` <!-- interlocutor-disable-line ${code} -->` }], preferred: false });
  return fixes;
}

function soleHolder(kb: KnowledgeBase, roleIds: readonly string[], date: PartialDate): TenureOnDate | undefined {
  for (const roleId of roleIds) {
    if (!kb.role(roleId)?.unique) continue;
    const holders = kb.holdersOn(roleId, date).filter((entry) => entry.holds === true && !entry.tenure.acting);
    if (holders.length === 1) return holders[0];
    const acting = kb.holdersOn(roleId, date).filter((entry) => entry.holds === true);
    if (acting.length === 1) return acting[0];
  }
  return undefined;
}

/** Deletes a marker with the space or hyphen after it: "former Wang Yi" → "Wang Yi". */
function removal(text: string, span: Span): TextEdit {
  let end = span.end;
  while (end < text.length && /[ \t\-\u2010\u2011]/.test(text[end]!)) end++;
  // Keep the capital of a sentence-initial marker on the word that now starts the sentence.
  const marker = text.slice(span.start, span.end);
  if (/^\p{Lu}/u.test(marker) && end < text.length && /\p{Ll}/u.test(text[end]!)) {
    return { start: span.start, end: end + 1, newText: text[end]!.toUpperCase() };
  }
  return { start: span.start, end, newText: '' };
}

/** Title Case when the original was written that way ("Commerce Secretary" → "Treasury Secretary"). */
function matchCase(title: string, original: string): string {
  const words = original.split(/\s+/);
  const titleCase = words.length > 0 && words.every((word) => /^[\p{Lu}\d]/u.test(word) || ['of', 'the', 'to', 'for', 'and'].includes(word));
  if (!titleCase) return title;
  return title.replace(/(^|[\s-])(\p{Ll})/gu, (whole, lead: string, letter: string, offset: number) => {
    const word = title.slice(offset + lead.length).split(/[\s-]/)[0]!;
    return ['of', 'the', 'to', 'for', 'and'].includes(word) && offset > 0 ? whole : `${lead}${letter.toUpperCase()}`;
  });
}
