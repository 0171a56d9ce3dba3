/**
 * Judges claims against the datasets on a date (the time the sentence names, else the memo's) and
 * returns findings as plain data: code, message, range, and the edits that would fix each one.
 * Unknown answers (partial dates, dates past verifiedThrough) never produce a finding.
 */
import { findClaims, type Claim, type Span, type SurnameContext } from './claimFinder';
import { fixTitles, neverHeldMessage, notYetMessage, onDate, staleMessage, stillInRoleMessage, UNVERIFIED_NOTE, type Holders } from './claimMessages';
import { evidenceOf, firstSourceUrl, leastCertain, type Certainty, type Evidence } from './evidence';
import { claimTime, type ClaimTime } from './claimTime';
import { dayRange, formatPartialDate, type PartialDate } from './dates';
import { tenureTitle, type KnowledgeBase, type TenureOnDate } from './knowledgeBase';
import { insideSpans, quotationSpans } from './markdownRegions';
import { relativeTimesIn, sentenceAt, sentenceStarts, timesIn, type TimeMention } from './sentences';
import { LineIndex, lineEndFrom, type Range } from './text';
import { TokenStream } from './tokenStream';

export const CLAIM_CODES = ['stale-role', 'not-yet-in-role', 'never-held-role', 'still-in-role'] as const;
export type ClaimCode = (typeof CLAIM_CODES)[number];
/** Said of a whole memo: claims in it were past the datasets' horizon and not judged. */
export const HORIZON_CODE = 'data-horizon';

export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export type FixKind = 'make-historical-former' | 'make-historical-then' | 'remove-marker' | 'replace-actor' | 'replace-role' | 'disable-line' | 'open-source';

export interface Fix {
  readonly kind: FixKind;
  readonly title: string;
  /** The edits to the memo; none for "open-source", which opens `url` instead. */
  readonly edits: readonly TextEdit[];
  readonly preferred: boolean;
  /** For "open-source": the http(s) address to open. */
  readonly url?: string;
}

export interface RelatedSpan {
  readonly start: number;
  readonly end: number;
  readonly message: string;
}

export interface Finding {
  readonly code: ClaimCode | typeof HORIZON_CODE;
  readonly message: string;
  /** Offsets of the claim in the memo (for data-horizon, of the line the memo's date comes from). */
  readonly start: number;
  readonly end: number;
  /** The actor and post the verdict is about (not set on data-horizon). */
  readonly actorId?: string;
  readonly roleId?: string;
  /** Other places the finding is about: for data-horizon, the claims that were not judged. */
  readonly related?: readonly RelatedSpan[];
  /** The tenures the verdict rests on, with their sources (none on data-horizon). */
  readonly evidence?: readonly Evidence[];
  /** How sure the data is about the date the verdict rests on. */
  readonly certainty?: Certainty;
  /** The date the claim was judged at, and whether the sentence named it. */
  readonly date: PartialDate;
  readonly dateFromSentence: boolean;
  readonly fixes: readonly Fix[];
}

export interface CheckOptions {
  /** The memo's date: used for every sentence that does not name its own time. */
  readonly date: PartialDate;
  /** Where the memo's date is written (front matter, dateline), for the data-horizon notice. */
  readonly dateRange?: Range | undefined;
}

/** One claim being judged: everything the verdict and its fixes need. */
interface Judgement {
  readonly kb: KnowledgeBase;
  readonly text: string;
  readonly claim: Claim;
  readonly date: PartialDate;
  readonly dateFromSentence: boolean;
  /** Told of tenures that could not be judged because the date is past their horizon. */
  readonly pastHorizon: (entries: readonly TenureOnDate[]) => void;
}

/** The verdict on one actor and the posts the claim names. */
interface ActorVerdict {
  readonly actorId: string;
  /** The posts the claim may name, narrowed to those relevant for this actor. */
  readonly roleIds: readonly string[];
  /** The actor's tenures of those posts, seen from the date. */
  readonly held: readonly TenureOnDate[];
}

/** A claim's verdict, in the memo's offsets: its finding, or the tenures past their horizon it could not be judged on. */
export interface ClaimVerdict {
  readonly span: Span;
  readonly finding?: Finding;
  readonly pastHorizon: readonly TenureOnDate[];
}

/** One paragraph of a memo: its text and its prose view (same length), and where it starts in the memo. */
export interface Paragraph {
  readonly text: string;
  readonly prose: string;
  readonly start: number;
}

export interface ParagraphContext {
  readonly date: PartialDate;
  /** Where the memo's dateline ends (0 if none): its own date and stray years date nothing. */
  readonly datelineEnd: number;
  /** Bare surnames naming people from earlier paragraphs; filled in with what this one read and named. */
  readonly surnames: SurnameContext;
}

/**
 * The verdicts on the claims of one paragraph, before comments that switch checks off are applied
 * (they are the memo's, see memoCheck.ts). Sentences, quotations and times never cross a blank
 * line, so a paragraph is judged on its own words and the surnames carried into it.
 */
export function checkParagraph(kb: KnowledgeBase, paragraph: Paragraph, context: ParagraphContext): ClaimVerdict[] {
  const { text, prose, start: offset } = paragraph;
  const starts = sentenceStarts(prose);
  const quotations = quotationSpans(prose);
  const datelineEnd = context.datelineEnd - offset;
  // Times are found once per sentence, however many claims it holds.
  const timesBySentence = new Map<number, TimeMention[]>();
  const verdicts: ClaimVerdict[] = [];
  for (const claim of findClaims(kb, prose, context.surnames)) {
    if (insideSpans(quotations, claim.span.start)) continue;
    const [sentenceStart, sentenceEnd] = sentenceAt(starts, prose.length, claim.span.start);
    const from = Math.max(sentenceStart, Math.min(datelineEnd, claim.span.start));
    let sentenceTimes = timesBySentence.get(from);
    if (!sentenceTimes) {
      sentenceTimes = [...timesIn(prose, from, sentenceEnd), ...relativeTimesIn(prose, from, sentenceEnd, context.date)];
      timesBySentence.set(from, sentenceTimes);
    }
    const time = claimTime({ kb, prose, claim, sentenceStart: from, times: sentenceTimes, memoDate: context.date });
    let past: readonly TenureOnDate[] = [];
    const finding = judgeInTime({ kb, text, claim, time, memoDate: context.date, pastHorizon: (entries) => (past = entries) });
    if (!finding && past.length === 0) continue;
    verdicts.push(shiftVerdict(finding ? { span: claim.span, finding, pastHorizon: past } : { span: claim.span, pastHorizon: past }, offset));
  }
  return verdicts;
}

/** A verdict moved by `by` characters, with its finding: from a paragraph's offsets to the memo's, or for a paragraph that moved. */
export function shiftVerdict(verdict: ClaimVerdict, by: number): ClaimVerdict {
  if (by === 0) return verdict;
  const span = { start: verdict.span.start + by, end: verdict.span.end + by };
  return verdict.finding ? { ...verdict, span, finding: shiftFinding(verdict.finding, by) } : { ...verdict, span };
}

/** A finding moved by `by` characters, with its fixes. */
function shiftFinding(finding: Finding, by: number): Finding {
  const shift = <T extends { start: number; end: number }>(span: T): T => ({ ...span, start: span.start + by, end: span.end + by });
  return {
    ...finding,
    start: finding.start + by,
    end: finding.end + by,
    fixes: finding.fixes.map((fix) => (fix.edits.length === 0 ? fix : { ...fix, edits: fix.edits.map(shift) })),
    ...(finding.related ? { related: finding.related.map(shift) } : {}),
  };
}

/**
 * One notice for the memo when claims in it could not be judged because its date is past the
 * datasets' horizon: "This memo is dated 2027-01-01; the datasets are verified through 2026-01 for
 * these posts. 2 claims about current posts were not judged." It stands on the line the date comes
 * from and lists the claims.
 */
export function horizonNotice(text: string, options: CheckOptions, unjudged: readonly ClaimVerdict[]): Finding | undefined {
  if (unjudged.length === 0) return undefined;
  const lines = new LineIndex(text);
  const counts = new Map<string, number>();
  for (const { pastHorizon } of unjudged) for (const entry of pastHorizon) if (entry.horizon) counts.set(formatPartialDate(entry.horizon), (counts.get(formatPartialDate(entry.horizon)) ?? 0) + 1);
  const usual = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const claims = unjudged.length === 1 ? '1 claim about a current post was' : `${unjudged.length} claims about current posts were`;
  const message = `This memo is dated ${formatPartialDate(options.date)}; the datasets are verified through ${usual ?? 'an earlier date'} for ${counts.size > 1 ? 'most of these posts' : 'these posts'}. ${claims} not judged.`;
  const line = options.dateRange?.start.line ?? 0;
  const start = lines.lineStart(line);
  const related = unjudged.map(({ span, pastHorizon }) => {
    const entry = pastHorizon[0]!;
    const post = entry.role?.title ?? tenureTitle(entry);
    return { start: span.start, end: span.end, message: `Not judged: ${entry.actor.name}'s post of ${post} is verified only through ${entry.horizon ? formatPartialDate(entry.horizon) : 'an earlier date'}.` };
  });
  return { code: HORIZON_CODE, message, start, end: Math.max(start, lines.lineEnd(line)), date: options.date, dateFromSentence: false, fixes: [], related };
}

/**
 * A claim dated by a point in time is judged on that date. One dated by a period ("Under Biden")
 * is fine if it holds at any point of it: it is judged on each date where the answer may change,
 * and reported (on the first of them) only when it is wrong on all of them.
 */
interface TimedClaim {
  readonly kb: KnowledgeBase;
  readonly text: string;
  readonly claim: Claim;
  readonly time: ClaimTime | undefined;
  readonly memoDate: PartialDate;
  readonly pastHorizon: (entries: readonly TenureOnDate[]) => void;
}

function judgeInTime(timed: TimedClaim): Finding | undefined {
  const { time, memoDate, ...rest } = timed;
  // "former" speaks from the time of writing, whatever time the sentence is set in: "former
  // Commerce Secretary Gina Raimondo visited Beijing in 2023" is right in 2025.
  if (!time || rest.claim.tense === 'former') return judge({ ...rest, date: memoDate, dateFromSentence: false });
  if (time.kind === 'past') return judge({ ...rest, claim: { ...rest.claim, tense: rest.claim.tense === 'current' ? 'past' : rest.claim.tense }, date: memoDate, dateFromSentence: true });
  if (time.kind === 'date') return judge({ ...rest, date: time.date, dateFromSentence: true });
  let first: Finding | undefined;
  for (const date of time.dates) {
    const finding = judge({ ...rest, date, dateFromSentence: true });
    if (!finding) return undefined;
    first ??= finding;
  }
  return first;
}

/**
 * The posts a claim may name, narrowed by the countries its words name. When they name a country
 * none of the posts belongs to ("America's top trade negotiator" where the datasets know only
 * China's), the post is one the datasets do not have: none.
 */
function candidateRoles(kb: KnowledgeBase, claim: Claim): string[] {
  if (claim.countries.length === 0) return [...claim.roleIds];
  return claim.roleIds.filter((roleId) => {
    const country = kb.role(roleId)?.country;
    return !country || claim.countries.includes(country);
  });
}

function judge(judgement: Judgement): Finding | undefined {
  const { kb, claim, date } = judgement;
  if (claim.tense === 'future') return undefined;
  const roleIds = candidateRoles(kb, claim);
  if (roleIds.length === 0) return undefined;
  if (claim.bySurname) return judgeBySurname(judgement, roleIds);
  // A full name shared by several people cannot be judged without knowing which one is meant.
  const actorIds = resolveByRole(kb, claim.actorIds, roleIds, date);
  if (actorIds.length !== 1) return undefined;
  return judgeActor(judgement, actorIds[0]!, roleIds);
}

/** Among people sharing a name ("Mr Wang"), those the post points to: holders on the date, else those who ever held it. */
function resolveByRole(kb: KnowledgeBase, actorIds: readonly string[], roleIds: readonly string[], date: PartialDate): readonly string[] {
  if (actorIds.length <= 1) return actorIds;
  const holding = actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).some((entry) => entry.holds !== false));
  if (holding.length > 0) return holding;
  return actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).length > 0);
}

/**
 * The actor's tenures of these posts, including tenures whose own title names one of them ("China
 * international trade representative and vice-minister of commerce" is also a vice-ministership).
 */
function tenuresOf(kb: KnowledgeBase, actorId: string, roleIds: readonly string[], date: PartialDate): TenureOnDate[] {
  // A past or later tenure of a broader post the claimed post is a kind of counts too: "senator"
  // for "the senator from Florida", when a dataset records only the broader post. A broader post
  // held on the date does not: a sitting vice-premier is not thereby the executive vice-premier.
  const broader = new Set(roleIds.flatMap((roleId) => kb.rolesImpliedBy(roleId)));
  return kb.tenuresOn(actorId, date).filter(
    (entry) => (broader.has(entry.tenure.role) && (entry.state === 'former' || entry.state === 'future')) || postsOf(kb, entry).some((roleId) => roleIds.includes(roleId)),
  );
}

/** The posts a tenure holds: its own, the broader posts it is a kind of, and those its title names. */
function postsOf(kb: KnowledgeBase, entry: TenureOnDate): string[] {
  return [entry.tenure.role, ...kb.rolesImpliedBy(entry.tenure.role), ...kb.rolesNamedIn(entry.tenure)];
}

/** "president" names two posts; the ones that matter are those this person held, else those of their country. */
function verdictFor(judgement: Judgement, actorId: string, candidateRoleIds: readonly string[]): ActorVerdict | undefined {
  const { kb, claim, date } = judgement;
  const actor = kb.actor(actorId);
  if (!actor) return undefined;
  const held = tenuresOf(kb, actorId, candidateRoleIds, date);
  const heldIds = candidateRoleIds.filter((roleId) => held.some((entry) => postsOf(kb, entry).includes(roleId)));
  if (heldIds.length > 0) return { actorId, roleIds: heldIds, held };
  // Held only as the broader post the claimed one is a kind of ("senator" for "the senator from
  // Florida"): that post is the one to speak of.
  if (held.length > 0) return { actorId, roleIds: [...new Set(held.map((entry) => entry.tenure.role))], held };
  // A bare head ("the ambassador") names only the posts with that head this person held.
  if (claim.byHead) return undefined;
  const sameCountry = candidateRoleIds.filter((roleId) => !actor.country || !kb.role(roleId)?.country || kb.role(roleId)?.country === actor.country);
  return { actorId, roleIds: sameCountry.length > 0 ? sameCountry : candidateRoleIds, held };
}

function judgeActor(judgement: Judgement, actorId: string, candidateRoleIds: readonly string[]): Finding | undefined {
  const { kb, claim, date } = judgement;
  const verdict = verdictFor(judgement, actorId, candidateRoleIds);
  if (!verdict) return undefined;
  const { held, roleIds } = verdict;
  const actor = kb.actor(actorId)!;
  const base = { actorId, date, dateFromSentence: judgement.dateFromSentence, start: claim.span.start, end: claim.span.end };

  if (held.length === 0) {
    if (!neverHeldIsKnowable(judgement, actorId, roleIds)) return undefined;
    const ownPosts = kb.currentPosts(actorId, date);
    const holders = holdersOn(kb, roleIds, date);
    const message = neverHeldMessage({ actor: actor.name, post: kb.role(roleIds[0]!)?.title ?? claim.roleText, currentPosts: ownPosts.map(postTitle), date, holders });
    // "Never held" rests on who did hold the post then: those tenures are the claim's evidence.
    return finish(judgement, verdict, { ...base, code: 'never-held-role', roleId: roleIds[0]!, message }, holders?.entries ?? [], [], ownPosts);
  }
  const allFuture = held.every((entry) => entry.state === 'future');
  // "then foreign minister", "fired National Security Adviser X": the post at some earlier time,
  // or at the event; wrong only if it had not begun, whatever is known of the present.
  if (claim.tense === 'past') return allFuture ? notYet(judgement, verdict, base) : undefined;
  const unknown = held.filter((entry) => entry.holds === 'unknown');
  if (unknown.length > 0) {
    if (unknown.every((entry) => entry.pastHorizon)) judgement.pastHorizon(unknown);
    return undefined;
  }
  const holding = held.find((entry) => entry.holds === true);

  if (claim.tense === 'former') {
    if (holding) {
      const marker = claim.markerSpan ? judgement.text.slice(claim.markerSpan.start, claim.markerSpan.end) : 'former';
      const message = stillInRoleMessage({ actor: actor.name, post: postTitle(holding), since: holding.tenure.start, date, marker });
      return finish(judgement, verdict, { ...base, code: 'still-in-role', roleId: holding.tenure.role, message }, [holding], [], []);
    }
    return allFuture ? notYet(judgement, verdict, base) : undefined;
  }
  if (holding) return undefined;
  if (allFuture) return notYet(judgement, verdict, base);
  const last = [...held].reverse().find((entry) => entry.state === 'former');
  if (!last) return undefined;
  const again = held.find((entry) => entry.state === 'future' && entry.tenure.role === last.tenure.role);
  // "Ambassador Xie Feng" between his posts in Jakarta and Washington: the title anticipates the
  // later post (an anachronism) rather than recalling the earlier one.
  const next = held.find((entry) => entry.state === 'future');
  if (!again && next && next.tenure.role !== last.tenure.role) return notYet(judgement, verdict, base, next);
  const holders = holdersOn(kb, roleIds, date);
  const message = staleMessage({ actor: actor.name, post: postTitle(last), endedOn: last.tenure.end ?? undefined, resumedOn: again?.tenure.start, date, holders });
  return finish(judgement, verdict, { ...base, code: 'stale-role', roleId: last.tenure.role, message }, [last], holders?.entries ?? [], []);
}

function notYet(judgement: Judgement, verdict: ActorVerdict, base: Omit<Finding, 'code' | 'roleId' | 'message' | 'fixes'>, first: TenureOnDate = verdict.held[0]!): Finding {
  const { kb, date } = judgement;
  const holders = holdersOn(kb, verdict.roleIds, date);
  const message = notYetMessage({ actor: kb.actor(verdict.actorId)!.name, post: postTitle(first), startedOn: first.tenure.start, date, holders });
  return finish(judgement, verdict, { ...base, code: 'not-yet-in-role', roleId: first.tenure.role, message }, [first], holders?.entries ?? [], []);
}

type Verdict = Omit<Finding, 'fixes' | 'evidence' | 'certainty'> & { readonly code: ClaimCode };

/**
 * The finding with its evidence: the tenures the verdict rests on (`claimed`), the holders on the
 * date, and the actor's own posts then. A verdict resting on an unverified date says so.
 */
function finish(judgement: Judgement, verdict: ActorVerdict, found: Verdict, claimed: readonly TenureOnDate[], holders: readonly TenureOnDate[], ownPosts: readonly TenureOnDate[]): Finding {
  const { kb } = judgement;
  const evidence = [
    ...claimed.map((entry) => evidenceOf(kb, entry, 'claimed')),
    ...holders.filter((entry) => !claimed.includes(entry)).map((entry) => evidenceOf(kb, entry, 'holder')),
    ...ownPosts.map((entry) => evidenceOf(kb, entry, 'own-post')),
  ];
  const certainty = leastCertain(evidence);
  const message = certainty === 'unverified' ? `${found.message}${UNVERIFIED_NOTE}` : found.message;
  const url = firstSourceUrl(evidence);
  const source = url ? evidence.flatMap((item) => item.sources).find((candidate) => candidate.url === url) : undefined;
  const fixes = fixesFor(judgement, found.code, verdict);
  if (url && source) fixes.push({ kind: 'open-source', title: fixTitles.openSource(source.title), edits: [], preferred: false, url });
  return { ...found, message, evidence, certainty, fixes };
}

/** "Vice-Premier Liu", "Secretary Raimondo": fine when anyone of that surname held the post on the date. */
function judgeBySurname(judgement: Judgement, roleIds: string[]): Finding | undefined {
  const { kb, claim, date } = judgement;
  const holders = claim.actorIds.filter((actorId) => tenuresOf(kb, actorId, roleIds, date).length > 0);
  const asNamed = { ...judgement, claim: { ...claim, bySurname: false } };
  // A surname only one person in the datasets has ("Commerce Secretary Bessent") names that person,
  // and so does "Former Foreign Minister Wang" when only one Wang ever held the post.
  if (holders.length === 0 && claim.actorIds.length === 1) return judgeActor(asNamed, claim.actorIds[0]!, roleIds);
  if (holders.length === 1 && claim.tense === 'former') return judgeActor(asNamed, holders[0]!, roleIds);
  if (holders.length === 0) return undefined;
  const open = holders.flatMap((actorId) => tenuresOf(kb, actorId, roleIds, date).filter((entry) => entry.holds !== false));
  if (open.length > 0) {
    // "Foreign Minister Wang" past the horizon is as undecided as "Wang Yi, foreign minister".
    if (open.every((entry) => entry.holds === 'unknown' && entry.pastHorizon)) judgement.pastHorizon(open);
    return undefined;
  }
  // The one they most likely mean: the holder closest in time.
  const byDistance = holders
    .map((actorId) => ({ actorId, distance: Math.min(...tenuresOf(kb, actorId, roleIds, date).map((entry) => distanceInDays(entry, date))) }))
    .sort((a, b) => a.distance - b.distance);
  // When one person with the surname ever held the post, the title names them ("National Security
  // Adviser Sullivan" among all the Sullivans in Congress). Otherwise, or when their tenure is
  // still to come, only when the datasets know who did hold a one-holder post then: the title may
  // name someone the datasets do not have ("Premier Li" in 2019 is Li Keqiang, not Li Qiang).
  const onlyLater = holders.length === 1 && tenuresOf(kb, holders[0]!, roleIds, date).every((entry) => entry.state === 'future');
  if (holders.length > 1 || (claim.actorIds.length > 1 && onlyLater)) {
    const known = roleIds.some((roleId) => kb.role(roleId)?.unique && kb.holdersOn(roleId, date).some((entry) => entry.holds === true));
    if (!known) return undefined;
  }
  return judgeActor(asNamed, byDistance[0]!.actorId, roleIds);
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
function neverHeldIsKnowable(judgement: Judgement, actorId: string, roleIds: readonly string[]): boolean {
  const { kb, claim, date } = judgement;
  const actor = kb.actor(actorId);
  // A bare head never says which post it means, and a bare surname may mean someone the datasets do not have.
  if (!actor || actor.tenures.length === 0 || claim.byHead || claim.byReference) return false;
  const busyThen = kb.tenuresOn(actorId, date).some((entry) => entry.holds === true);
  // "Sen. Marco Rubio" names every Senate seat; a sitting senator recorded only as "senator" holds
  // one of them. Only a claim naming one post ("executive vice-premier") can be "never held".
  if (roleIds.length > 1) {
    const broader = new Set(roleIds.flatMap((roleId) => kb.rolesImpliedBy(roleId)));
    if (kb.tenuresOn(actorId, date).some((entry) => entry.holds !== false && broader.has(entry.tenure.role))) return false;
  }
  const uniqueRoles = roleIds.filter((roleId) => kb.role(roleId)?.unique);
  if (uniqueRoles.length === 0) {
    // A post several people hold at once (vice-premier): the datasets list some holders, not all, so
    // only say "never" of someone whose post on the date is known, and never of memberships, which
    // overlap other posts (a Standing Committee member is also a Politburo member).
    return claim.tense === 'current' && busyThen && roleIds.some((roleId) => !isMembership(kb.role(roleId)?.title ?? ''));
  }
  // Presented as current: the datasets must know who held the post then, or what this person held
  // then, or the post is another country's (a Chinese official is never a US secretary).
  if (claim.tense === 'current') {
    const foreign = actor.country !== undefined && uniqueRoles.every((roleId) => {
      const country = kb.role(roleId)?.country;
      return country !== undefined && country !== actor.country;
    });
    return foreign || busyThen || uniqueRoles.some((roleId) => kb.holdersOn(roleId, date).some((entry) => entry.holds === true));
  }
  return (
    uniqueRoles.some((roleId) => {
      const country = kb.role(roleId)?.country;
      return !country || !actor.country || country === actor.country;
    }) && uniqueRoles.some((roleId) => kb.holdersOn(roleId, date).length > 0 || kb.tenuresOfRole(roleId).length > 0)
  );
}

const MEMBERSHIP = /\b(?:member|deputy|delegate|fellow|professor|adviser|advisor|senator|representative|congress(?:man|woman))\b/i;

/** A seat among many (Politburo member, senator) rather than an office. */
function isMembership(title: string): boolean {
  return MEMBERSHIP.test(title);
}

/** The post's own title in messages ("foreign minister"), not a tenure's note-like title. */
function postTitle(entry: TenureOnDate): string {
  return entry.role?.title ?? tenureTitle(entry);
}

/** Who held the first of these posts that the datasets know a holder of on the date. */
function holdersOn(kb: KnowledgeBase, roleIds: readonly string[], date: PartialDate): Holders | undefined {
  for (const roleId of roleIds) {
    const role = kb.role(roleId);
    const holders = kb.holdersOn(roleId, date).filter((entry) => entry.holds === true);
    if (!role || holders.length === 0) continue;
    return { title: role.title, names: [...new Set(holders.map((entry) => entry.actor.name))], unique: role.unique, entries: holders };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Fixes: each is one edit the user chooses; none is applied without them.

function fixesFor(judgement: Judgement, code: ClaimCode, verdict: ActorVerdict): Fix[] {
  const { kb, text, claim, date } = judgement;
  const fixes: Fix[] = [];
  const atSentenceStart = /(^|[.!?]\s+|\n\s*)$/.test(text.slice(Math.max(0, claim.historicalInsertAt - 40), claim.historicalInsertAt));
  const insertWord = (word: string) => (atSentenceStart ? `${word[0]!.toUpperCase()}${word.slice(1)} ` : `${word} `);

  if (code === 'still-in-role' && claim.markerSpan) {
    fixes.push({ kind: 'remove-marker', title: fixTitles.removeMarker(text.slice(claim.markerSpan.start, claim.markerSpan.end)), edits: [removal(text, claim.markerSpan)], preferred: true });
  }
  if (code === 'stale-role') {
    fixes.push({ kind: 'make-historical-former', title: fixTitles.makeHistorical('former'), edits: [{ start: claim.historicalInsertAt, end: claim.historicalInsertAt, newText: insertWord('former') }], preferred: true });
    fixes.push({ kind: 'make-historical-then', title: fixTitles.makeHistorical('then'), edits: [{ start: claim.historicalInsertAt, end: claim.historicalInsertAt, newText: insertWord('then') }], preferred: false });
  }
  if (code !== 'still-in-role') {
    const holder = soleHolder(kb, verdict.roleIds, date);
    if (holder && holder.actor.id !== verdict.actorId) {
      fixes.push({ kind: 'replace-actor', title: fixTitles.replaceActor(holder.actor.name, postTitle(holder), date), edits: [{ ...claim.actorSpan, newText: holder.actor.name }], preferred: code !== 'stale-role' });
    }
    // Offer the post the person held instead only when it is an office, not a membership, and
    // only where the claim's words are a title ("who heads the Treasury" is not).
    const posts = kb.currentPosts(verdict.actorId, date);
    // A title that names another post ("chief of staff to the US trade representative") would be
    // read as a claim about that post: not offered.
    const offered = posts.filter((entry) => !namesAnotherPost(kb, postTitle(entry), entry.tenure.role));
    const now = offered.find((entry) => entry.role?.unique) ?? offered.find((entry) => !isMembership(entry.role?.title ?? ''));
    if (now && claim.roleRewritable) {
      const title = matchCase(postTitle(now), claim.roleText);
      fixes.push({ kind: 'replace-role', title: fixTitles.replacePost(title, date), edits: [{ ...claim.roleSpan, newText: title }], preferred: code !== 'stale-role' && !fixes.some((fix) => fix.preferred) });
    }
  }
  // The comment goes on the line where the claim starts: that line is what the check reads.
  const end = lineEndFrom(text, claim.span.start);
  fixes.push({ kind: 'disable-line', title: fixTitles.disableLine(code), edits: [{ start: end, end, newText: ` <!-- interlocutor-disable-line ${code} -->` }], preferred: false });
  return fixes;
}

/** True when a post's title contains another post's title after its first word. */
function namesAnotherPost(kb: KnowledgeBase, title: string, roleId: string): boolean {
  const words = new TokenStream(title);
  for (let index = 1; index < words.length; index++) {
    const match = kb.roleMatcher.matchFrom(words.text, words.tokens, index);
    if (match && match.values.some((other) => other !== roleId)) return true;
  }
  return false;
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

export { onDate };
