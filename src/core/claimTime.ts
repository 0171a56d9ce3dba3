/**
 * Which time a claim's sentence names, if any. A time phrase that governs the sentence dates
 * every claim in it, wherever the name stands: "In 2019, ...", "Back in 2019, ...", "During a
 * visit in 2019, ...", and periods named after a leader: "Under Biden, ...", "During Trump's first
 * term, ...", "In the first Trump administration, ...". A date inside a subordinate or relative
 * clause does not: "once the Bali talks of 2022 were over", "the ambassador who had known
 * Kissinger since 1971".
 */
import type { Claim } from './claimFinder';
import { dayRange, type PartialDate } from './dates';
import type { KnowledgeBase } from './knowledgeBase';
import { timeNearest, type TimeMention } from './sentences';
import { TokenStream } from './tokenStream';

export type ClaimTime =
  /** A point in time: the claim is judged on that date. */
  | { readonly kind: 'date'; readonly date: PartialDate }
  /** An unstated past ("For three years X, the head of Y, was ..."): the claim is historical. */
  | { readonly kind: 'past' }
  /** A period: the claim is judged on each date where the answer may change. */
  | { readonly kind: 'period'; readonly dates: readonly PartialDate[] };

export interface ClaimTimeQuery {
  readonly kb: KnowledgeBase;
  readonly prose: string;
  readonly claim: Claim;
  /** Where the claim's sentence starts (after any dateline). */
  readonly sentenceStart: number;
  /** The dates written in the sentence. */
  readonly times: readonly TimeMention[];
  readonly memoDate: PartialDate;
}

/** Only the times near a claim can date it; in a very long "sentence" (a table, a list) others are far away. */
const NEAR = 400;

export function claimTime(query: ClaimTimeQuery): ClaimTime | undefined {
  const period = leaderPeriod(query);
  if (period) return period;
  if (pastDuration(query)) return { kind: 'past' };
  const { claim, times } = query;
  const near = times.filter((time) => time.end >= claim.span.start - NEAR && time.start <= claim.span.end + NEAR && timeDatesClaim(query, time));
  const time = timeNearest(near, claim.span.start, claim.span.end);
  return time && { kind: 'date', date: time.date };
}

/** Openers after which a date starts a state that still holds rather than dating the sentence. */
const CONTINUING = new Set(['since', 'once']);
/** Words that date an event rather than start a span: "in 2023", "on 15 January 2020", "in early 2019". */
const POINT_IN_TIME =
  /\b(?:in|on|during|at|by|around|throughout|spent|spends|spend)\s+(?:(?:much|most|all|part|the\s+(?:rest|end|start|beginning|middle))\s+of\s+)?(?:(?:early|late|mid)[- ]?\s*)?(?:the\s+(?:spring|summer|autumn|fall|winter)\s+of\s+)?$/i;
const CLAUSE_BREAK = /[,;:\u2014\u2013(]/;
/** How far before a time its sentence's opening may be. */
const LEAD_WINDOW = 300;

/**
 * Does a time named in the sentence set the time of the claim? One opening the sentence does
 * ("In 2019, Cui Tiankai, China's ambassador, ..."), and so does one inside an opening phrase
 * that is not a subordinate clause. One after the claim does only when it dates what the claim's
 * subject did ("..., met Wang Yi in 2023"), not when it starts a state that still holds ("..., is
 * under sanctions from 2018") or sits in a relative clause ("..., who had known him since 1971").
 */
function timeDatesClaim(query: ClaimTimeQuery, time: TimeMention): boolean {
  const { prose, claim, sentenceStart, kb } = query;
  const subordinators = kb.conventions.subordinators;
  if (time.start < claim.span.end && time.end > claim.span.start) return true;
  if (time.end <= claim.span.start) {
    const toClaim = prose.slice(time.end, claim.span.start);
    // A semicolon ends the reach of what came before it: "In 2023 ... Yellen; this May ... Bessent".
    if (toClaim.includes(';')) return false;
    // Only the words just before the time are read: in a long sentence (a list, a table) a time
    // far from the start opens nothing. After a semicolon a new clause opens, with an opening
    // phrase of its own ("...; in 2008, X").
    const window = Math.max(sentenceStart, time.start - LEAD_WINDOW);
    const before = prose.slice(window, time.start);
    const semicolon = before.lastIndexOf(';');
    if (semicolon === -1 && window > sentenceStart) return false;
    const lead = before.slice(semicolon + 1);
    const leadWords = lead.match(/[\p{L}\p{N}]+/gu) ?? [];
    const first = leadWords[0]?.toLowerCase();
    if (leadWords.length <= 3) return !first || !CONTINUING.has(first);
    // The clause the time stands in: after the last comma, dash or parenthesis before it.
    let clauseStart = lead.length;
    while (clauseStart > 0 && !CLAUSE_BREAK.test(lead[clauseStart - 1]!)) clauseStart--;
    const clauseWord = /[\p{L}]+/u.exec(lead.slice(clauseStart))?.[0].toLowerCase();
    if (clauseWord && subordinators.has(clauseWord) && !(clauseStart === 0 && kb.conventions.timeOpeners.has(clauseWord))) return false;
    // An opening phrase ("During a visit to Beijing in 2019, ...") dates the whole sentence. A
    // time elsewhere dates only its own clause: "... were expelled in 2024, and the previous
    // counterpart, Defence Secretary Lloyd Austin, had ..." is not set in 2024, but "... the 2019
    // Osaka meeting, when the team was led by Robert Lighthizer" is.
    // So does a short phrase between commas that opens with a time word: "..., in Osaka in 2019, Trump was flanked by ...".
    const clauseWords = lead.slice(clauseStart).match(/[\p{L}\p{N}]+/gu) ?? [];
    const aside = clauseStart > 0 && clauseWord !== undefined && kb.conventions.timeOpeners.has(clauseWord) && clauseWords.length <= 5 && /^[^,;:\u2014\u2013(]{0,30},/.test(toClaim);
    const opening = aside || (clauseStart === 0 && first !== undefined && kb.conventions.timeOpeners.has(first));
    const whenClause = /[,\u2014\u2013(]\s*when\b/i.test(toClaim);
    if (!opening && CLAUSE_BREAK.test(toClaim) && !whenClause) return false;
    return !/\b(?:since|from|until|till|between)\s+(?:\S+\s+){0,2}$/i.test(lead);
  }
  const between = prose.slice(claim.span.end, Math.min(time.start, claim.span.end + NEAR));
  if (/\b(?:who|which|whose|whom|since|once|until|till)\b/i.test(between)) return false;
  if (/\b(?:is|are|am|has|have|remains?|says|will|would|can|continues?|still)\b/i.test(between)) return false;
  // "left Washington last month": a relative time is an adverb of its own, with no preposition.
  return time.relative === true || POINT_IN_TIME.test(between);
}

/**
 * "For three years Liu Jianchao, the head of the International Department, was ...": a duration
 * that opens the sentence, with a past-tense verb after the claim, sets it in a finished past.
 */
function pastDuration(query: ClaimTimeQuery): boolean {
  const { prose, claim, sentenceStart } = query;
  if (claim.span.start - sentenceStart > 120) return false;
  if (!DURATION_OPENER.test(prose.slice(sentenceStart, claim.span.start))) return false;
  return /^[\s,*_]*(?:was|were|had|served|led|ran|headed|remained)\b/.test(prose.slice(claim.span.end, claim.span.end + 40));
}

const DURATION_OPENER = /^[\s>*_-]*(?:for|over)\s+(?:the\s+(?:past|last|next)\s+)?(?:[\p{L}\d-]+\s+){0,2}(?:years?|months?|decades?)\b/iu;

/**
 * "Under Biden, ...", "During Trump's first term, ...", "In the first Trump administration, ...":
 * an opening phrase that names a period by the leader who held a top post then.
 */
function leaderPeriod(query: ClaimTimeQuery): ClaimTime | undefined {
  const { kb, prose, claim, sentenceStart, memoDate } = query;
  const conventions = kb.conventions;
  const end = Math.min(claim.span.start, sentenceStart + 160);
  if (end <= sentenceStart) return undefined;
  const words = new TokenStream(prose.slice(sentenceStart, end));
  const opener = conventions.eraPrepositions.matchFrom(words.text, words.tokens, 0);
  if (!opener || words.startOf(0) > 6) return undefined;
  let at = opener.to;
  if (words.key(at) === 'the') at++;
  let ordinal = conventions.conventions.eraWords.ordinals[words.key(at)];
  if (ordinal !== undefined) at++;
  // Titles and honorifics before the leader's name ("President Trump", "Mr Biden").
  for (let steps = 0; steps < 2 && (kb.roleMatcher.matchFrom(words.text, words.tokens, at) || conventions.honorificsAndRanks.matchFrom(words.text, words.tokens, at)); steps++) {
    at = (kb.roleMatcher.matchFrom(words.text, words.tokens, at) ?? conventions.honorificsAndRanks.matchFrom(words.text, words.tokens, at))!.to;
  }
  const leader = leaderAt(kb, words, at);
  if (!leader) return undefined;
  at = leader.to;
  if (ordinal === undefined) {
    ordinal = conventions.conventions.eraWords.ordinals[words.key(at)];
    if (ordinal !== undefined) at++;
  }
  const term = conventions.eraTerms.matchFrom(words.text, words.tokens, at);
  if (term) {
    ordinal ??= conventions.conventions.eraWords.ordinals[words.key(term.from)];
    at = term.to;
  }
  // A bare name names a period only after "under" or "during" ("Under Biden"); "In Washington" is a place.
  if (!term && !BARE_LEADER_OPENERS.has(opener.words.join(' '))) return undefined;
  // "Under Biden's ..." is about something of Biden's, not a period.
  const rest = words.text.slice(words.endOf(at - 1));
  if (/^['\u2019]/.test(rest)) return undefined;
  const periods = ordinal !== undefined ? leader.periods.slice(ordinal - 1, ordinal) : leader.periods;
  if (periods.length === 0) return undefined;
  return { kind: 'period', dates: sampleDates(kb, claim, periods, memoDate) };
}

const BARE_LEADER_OPENERS = new Set(['under', 'during']);

interface LeaderPeriod {
  readonly start: PartialDate;
  readonly end: PartialDate | undefined;
}

/** The leader named at token `at` (a full name or a surname), and their terms in top posts. */
function leaderAt(kb: KnowledgeBase, words: TokenStream, at: number): { to: number; periods: LeaderPeriod[] } | undefined {
  const token = words.at(at);
  // A place that shares a leader's name ("Washington") is a place.
  if (!token || !token.capitalized || kb.conventions.countryOfWord(token.key) !== undefined) return undefined;
  const eraTitles = new Set(kb.conventions.conventions.eraTitles);
  const full = kb.index.findMentions(words.text, token.start, words.endOf(at + 3)).find((mention) => mention.start === token.start);
  const ids = full ? full.actorIds : kb.actorsWithSurname(token.key);
  const to = full ? words.indexAt(full.end) : at + 1;
  const leaders = ids.map((id) => ({ id, periods: leaderPeriods(kb, id, eraTitles) })).filter((entry) => entry.periods.length > 0);
  if (leaders.length !== 1) return undefined;
  return { to, periods: leaders[0]!.periods };
}

function leaderPeriods(kb: KnowledgeBase, actorId: string, eraTitles: ReadonlySet<string>): LeaderPeriod[] {
  const periods: LeaderPeriod[] = [];
  for (const entry of kb.tenuresOn(actorId, { year: 1 })) {
    const role = entry.role;
    if (!role?.unique || !eraTitles.has(role.title) || !entry.interval.start) continue;
    periods.push({ start: entry.interval.start, end: entry.interval.end });
  }
  return periods;
}

/**
 * Dates on which to judge a claim over the periods: each period's first and last day, and the
 * start of every tenure of the claimed posts inside it, so that a post held at any point of a
 * period is seen held on at least one of them.
 */
function sampleDates(kb: KnowledgeBase, claim: Claim, periods: readonly LeaderPeriod[], memoDate: PartialDate): PartialDate[] {
  const dates: PartialDate[] = [];
  const memoDay = dayRange(memoDate).first;
  for (const period of periods) {
    const first = dayRange(period.start).first;
    const last = period.end && dayRange(period.end).last < memoDay ? dayRange(period.end).last : memoDay;
    if (first > memoDay) continue;
    dates.push(period.start);
    for (const actorId of claim.actorIds) {
      for (const entry of kb.tenuresOn(actorId, period.start)) {
        if (!claim.roleIds.includes(entry.tenure.role) || !entry.interval.start) continue;
        const start = dayRange(entry.interval.start).first;
        if (start > first && start <= last) dates.push(entry.interval.start);
      }
    }
    dates.push(period.end && dayRange(period.end).last < memoDay ? lastFullDay(period.end) : memoDate);
  }
  return dates;
}

/** The day before a tenure's end: on its end date a post has already passed to the successor. */
function lastFullDay(end: PartialDate): PartialDate {
  if (end.day === undefined) return end;
  const date = new Date(Date.UTC(end.year, (end.month ?? 1) - 1, end.day - 1));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
