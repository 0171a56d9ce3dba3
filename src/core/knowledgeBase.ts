/**
 * Everything known after loading and merging datasets, with the questions every feature asks:
 * who held which post on a date, what a channel's status was on a date, which sources back a fact.
 * Dates are always passed in; the core never reads the clock.
 */
import { ActorIndex } from './actorIndex';
import {
  dayRange,
  dayRangeOfWritten,
  intervalCovers,
  intervalEndedBy,
  intervalStartsAfter,
  partialDate,
  sortKey,
  type Interval,
  type PartialDate,
  type Truth,
} from './dates';
import type { MergedData } from './datasetMerge';
import type { Actor, Channel, Role, SourceDefinition, SourceRef, Tenure } from './schema';
import { defaultConventionMatchers, type ConventionMatchers } from './conventions';
import { describeCoverage, type DataCoverage } from './dataCoverage';
import { surnamesOf } from './names';
import { PhraseMatcher } from './phraseMatcher';
import { titleHead, titleVariants } from './titles';
import { wordKeys } from './text';
import { TokenStream } from './tokenStream';

const NO_ROLES: readonly string[] = [];

/** Where a tenure stands on a given date. */
export type TenureState = 'current' | 'former' | 'future' | 'unknown';

export interface TenureOnDate {
  readonly actor: Actor;
  readonly tenure: Tenure;
  readonly role: Role | undefined;
  readonly state: TenureState;
  /** Whether the tenure covers the date (true / false / unknown). */
  readonly holds: Truth;
  readonly interval: Interval;
  /** For an open tenure: the last date it is known to be held (its own verifiedThrough, else its dataset's). */
  readonly horizon?: PartialDate;
  /**
   * True when the tenure is open and the date is past its horizon, so the data cannot say whether
   * it is still held: the state is "unknown" for that reason, not because of a partial date.
   */
  readonly pastHorizon: boolean;
}

/** What was answered about one date, shared until another date is asked about (entries are immutable). */
interface DateAnswers {
  readonly key: string;
  readonly byActor: Map<string, TenureOnDate[]>;
  readonly byRole: Map<string, TenureOnDate[]>;
  readonly postsByActor: Map<string, readonly TenureOnDate[]>;
}

export type ChannelState = 'not-started' | 'active' | 'dormant' | 'closed' | 'unknown';

export class KnowledgeBase {
  readonly index: ActorIndex;
  private readonly channelsByActor = new Map<string, Channel[]>();
  private readonly tenuresByRole = new Map<string, Array<{ actor: Actor; tenure: Tenure }>>();
  private readonly roleBounds = new Map<string, { starts: Int32Array; ends: Int32Array }>();
  /** Post titles and aliases, and the variants rules make of them, for finding them in prose. */
  readonly roleMatcher = new PhraseMatcher<string>();
  /** The head of each title ("secretary", "ambassador"), naming every post with that head. */
  readonly titleHeads = new PhraseMatcher<string>();
  /** The same heads in the plural ("secretaries"), for "Secretaries Blinken and Austin". */
  readonly pluralTitleHeads = new PhraseMatcher<string>();
  /** What a post heads ("the Treasury" for "secretary of the Treasury"), for "who heads the Treasury". */
  readonly headedBodies = new PhraseMatcher<string>();
  private readonly actorsBySurname = new Map<string, string[]>();
  private readonly intervals = new WeakMap<Tenure, Interval>();
  private readonly namedRoles = new WeakMap<Tenure, readonly string[]>();
  private readonly impliedRoles = new Map<string, string[]>();
  private readonly chronological = new Map<string, Tenure[]>();
  private readonly channelIntervals = new WeakMap<Channel, Interval>();
  /** The actor of each open tenure. */
  private readonly tenureOwners = new WeakMap<Tenure, Actor>();
  private readonly horizons = new WeakMap<Tenure | Channel, PartialDate | null>();

  constructor(
    readonly data: MergedData,
    readonly conventions: ConventionMatchers = defaultConventionMatchers(),
  ) {
    this.index = new ActorIndex(data.actors.values(), conventions.nameSuffixes);
    for (const channel of data.channels.values()) {
      for (const endpoint of channel.endpoints) {
        const list = this.channelsByActor.get(endpoint) ?? [];
        list.push(channel);
        this.channelsByActor.set(endpoint, list);
      }
    }
    // Each post's tenures, with the day numbers holdersOn compares before reading any tenure: made
    // here, in one hot loop, because made on first use they cost the first completion of a post
    // with thousands of holders 4 ms a post.
    const bounds = new Map<string, { starts: number[]; ends: number[] }>();
    for (const actor of data.actors.values()) {
      for (const tenure of actor.tenures) {
        const list = this.tenuresByRole.get(tenure.role) ?? [];
        list.push({ actor, tenure });
        this.tenuresByRole.set(tenure.role, list);
        const roleBounds = bounds.get(tenure.role) ?? { starts: [], ends: [] };
        roleBounds.starts.push(tenure.start ? dayRangeOfWritten(tenure.start).first : -0x7fffffff);
        roleBounds.ends.push(tenure.end ? dayRangeOfWritten(tenure.end).last : 0x7fffffff);
        bounds.set(tenure.role, roleBounds);
        // Only an open tenure needs its owner (for its dataset's horizon); most have ended.
        if (!tenure.end) this.tenureOwners.set(tenure, actor);
      }
    }
    for (const [roleId, { starts, ends }] of bounds) this.roleBounds.set(roleId, { starts: Int32Array.from(starts), ends: Int32Array.from(ends) });
    // Plurals and abbreviations by the head they stand for, once for every title.
    const pluralsOfHead = new Map<string, string[]>();
    for (const [plural, singular] of this.conventions.plurals) pluralsOfHead.set(singular, [...(pluralsOfHead.get(singular) ?? []), plural]);
    const abbreviationsOfHead = new Map<string, string[]>();
    for (const [abbreviation, full] of Object.entries(this.conventions.conventions.headAbbreviations)) abbreviationsOfHead.set(full, [...(abbreviationsOfHead.get(full) ?? []), abbreviation]);
    for (const role of data.roles.values()) this.indexRoleTitles(role, pluralsOfHead, abbreviationsOfHead);
    this.indexHeadedOrganizations(data.roles.values());
    this.indexImpliedRoles(data.roles.values());
    for (const actor of data.actors.values()) {
      if (actor.kind !== 'person') continue;
      for (const surname of surnamesOf(actor, conventions)) {
        const ids = this.actorsBySurname.get(surname) ?? [];
        if (!ids.includes(actor.id)) ids.push(actor.id);
        this.actorsBySurname.set(surname, ids);
      }
    }
  }

  /** Every way the post's title is written, its head, and the body it heads, into the matchers. */
  private indexRoleTitles(role: Role, pluralsOfHead: ReadonlyMap<string, readonly string[]>, abbreviationsOfHead: ReadonlyMap<string, readonly string[]>): void {
    const { conventions } = this.conventions;
    const isCountryWord = (word: string) => this.conventions.countryOfWord(word) !== undefined;
    for (const title of [role.title, ...role.aliases]) {
      for (const words of titleVariants(title, conventions)) {
        this.roleMatcher.addKeys(words, role.id);
        // "China's ambassador to the United States" is also written without the country when the
        // person makes it plain ("Cui Tiankai, the former ambassador to the United States").
        const bare = this.withoutLeadingCountry(words, role.country);
        if (bare) this.roleMatcher.addKeys(bare, role.id);
        const head = titleHead(words, conventions, isCountryWord);
        if (head) {
          this.titleHeads.add(head, role.id);
          for (const abbreviation of abbreviationsOfHead.get(head) ?? []) this.titleHeads.add(abbreviation, role.id);
          for (const plural of pluralsOfHead.get(head) ?? []) this.pluralTitleHeads.add(plural, role.id);
        }
        // "head of the International Department" heads "the International Department".
        if (words.length >= 3 && words[1] === 'of' && conventions.headOfWords.includes(words[0]!) && role.unique) {
          const body = words[2] === 'the' ? words.slice(3) : words.slice(2);
          if (body.length > 0 && body.length <= 5) {
            this.headedBodies.addKeys(body, role.id);
            this.headedBodies.addKeys(['the', ...body], role.id);
          }
        }
      }
    }
  }

  /**
   * "who heads USTR", "who runs the Department of the Treasury": an organisation names the post
   * that heads it, which is the one-holder post of that organisation with the shortest title and
   * no "vice" or "deputy" (the secretary of state, not the director of policy planning).
   */
  private indexHeadedOrganizations(roles: Iterable<Role>): void {
    const { conventions } = this.conventions;
    const byOrganization = new Map<string, Role[]>();
    for (const role of roles) {
      if (!role.organization || !role.unique || role.organization.includes('/')) continue;
      const words = wordKeys(role.title);
      if (words.some((word) => conventions.lesserTitleWords.includes(word))) continue;
      byOrganization.set(role.organization, [...(byOrganization.get(role.organization) ?? []), role]);
    }
    for (const [organization, candidates] of byOrganization) {
      const sorted = candidates.sort((a, b) => wordKeys(a.title).length - wordKeys(b.title).length);
      const head = sorted[0]!;
      if (sorted.length > 1 && wordKeys(sorted[1]!.title).length === wordKeys(head.title).length) continue;
      const acronyms = /\(([^)]*)\)/.exec(organization)?.[1]?.split(/[,/]/) ?? [];
      const name = organization.replace(/\([^)]*\)/g, '').trim();
      for (const written of [name, ...acronyms]) {
        const words = wordKeys(written);
        if (words.length === 0) continue;
        const bare = this.withoutLeadingCountry(words, head.country) ?? words;
        for (const variant of [words, bare, ...bodyWordOrders(bare, conventions.bodyHeads)]) {
          this.headedBodies.addKeys(variant, head.id);
          this.headedBodies.addKeys(['the', ...variant], head.id);
        }
      }
    }
  }

  /** The title's words without leading words naming the post's own country, if it has them. */
  private withoutLeadingCountry(words: readonly string[], country: string | undefined): string[] | undefined {
    if (!country) return undefined;
    for (const length of [3, 2, 1]) {
      if (words.length <= length) continue;
      if (this.conventions.countryOf(words.slice(0, length)) === country) return words.slice(length);
    }
    return undefined;
  }

  /** Broader posts a post is a kind of: an executive vice-premier is a vice-premier. */
  rolesImpliedBy(roleId: string): readonly string[] {
    return this.impliedRoles.get(roleId) ?? NO_ROLES;
  }

  /**
   * A post whose title is another post's title with one or two qualifying words in front
   * ("executive vice-premier", "vice-premier") is a kind of that post; a lesser word ("vice
   * foreign minister") or a preposition ("chief of staff to the US trade representative") makes
   * it a different one.
   */
  private indexImpliedRoles(roles: Iterable<Role>): void {
    const { conventions } = this.conventions;
    const list = [...roles].map((role) => ({ role, words: wordKeys(role.title) }));
    const byTitle = new Map<string, Role[]>();
    for (const { role, words } of list) byTitle.set(words.join(' '), [...(byTitle.get(words.join(' ')) ?? []), role]);
    const imply = (role: Role, broader: Role) => {
      if (broader.id === role.id || broader.country !== role.country) return;
      const implied = this.impliedRoles.get(role.id) ?? [];
      if (!implied.includes(broader.id)) this.impliedRoles.set(role.id, [...implied, broader.id]);
    };
    for (const { role } of list) {
      // A seat whose aliases include a post several people hold ("senator from Florida", also
      // written "senator") is one of those posts.
      for (const alias of role.aliases) for (const broader of byTitle.get(wordKeys(alias).join(' ')) ?? []) if (!broader.unique) imply(role, broader);
    }
    for (const { role, words } of list) {
      for (const prefix of [1, 2]) {
        if (words.length <= prefix) continue;
        const qualifiers = words.slice(0, prefix);
        if (qualifiers.some((word) => conventions.lesserTitleWords.includes(word) || ['of', 'to', 'for', 'the', 'and', 'at', 'in'].includes(word))) continue;
        for (const broader of byTitle.get(words.slice(prefix).join(' ')) ?? []) imply(role, broader);
      }
    }
  }

  /**
   * The posts a tenure's own title names besides its post ("China international trade
   * representative and vice-minister of commerce" also names the vice-ministership), found once.
   */
  rolesNamedIn(tenure: Tenure): readonly string[] {
    if (!tenure.title) return NO_ROLES;
    let named = this.namedRoles.get(tenure);
    if (!named) {
      const words = new TokenStream(tenure.title);
      const found = new Set<string>();
      // Only posts of the same country: "co-president (president and co-COO)" at a bank is no presidency.
      const country = this.data.roles.get(tenure.role)?.country;
      for (let index = 0; index < words.length; index++) {
        // A post the title names as held starts it or follows "and", ";" or ","; after "to" or
        // "of" it is someone else's ("chief of staff to the US trade representative").
        if (index > 0 && !/[;,/(]|\band\b/.test(words.gapBefore(index)) && words.key(index - 1) !== 'and') continue;
        const match = this.roleMatcher.matchFrom(words.text, words.tokens, index);
        if (!match) continue;
        // Only a title that names one post: "US senator" is every seat at once.
        if (match.values.filter((roleId) => roleId !== tenure.role).length !== 1) {
          index = match.to - 1;
          continue;
        }
        for (const roleId of match.values) if (roleId !== tenure.role && country && this.data.roles.get(roleId)?.country === country) found.add(roleId);
        index = match.to - 1;
      }
      named = [...found];
      this.namedRoles.set(tenure, named);
    }
    return named;
  }

  /** People who go by this surname ("liu" → Liu He, Liu Guozhong, Liu Jianchao...). */
  actorsWithSurname(surnameKey: string): readonly string[] {
    return this.actorsBySurname.get(surnameKey) ?? [];
  }

  static empty(): KnowledgeBase {
    const empty = new Map();
    return new KnowledgeBase({
      roles: empty,
      actors: empty,
      channels: empty,
      sources: empty,
      roleOrigins: empty,
      actorOrigins: empty,
      channelOrigins: empty,
      sourceOrigins: empty,
      datasetNames: [],
      datasets: [],
    });
  }

  get actorCount(): number {
    return this.data.actors.size;
  }

  actor(id: string): Actor | undefined {
    return this.data.actors.get(id);
  }

  role(id: string): Role | undefined {
    return this.data.roles.get(id);
  }

  channel(id: string): Channel | undefined {
    return this.data.channels.get(id);
  }

  actors(): Iterable<Actor> {
    return this.data.actors.values();
  }

  channels(): Iterable<Channel> {
    return this.data.channels.values();
  }

  /** Posts whose title or an alias is written exactly this way ("foreign minister", "USTR"). */
  rolesTitled(text: string): Role[] {
    return this.roleMatcher.lookup(text).map((id) => this.data.roles.get(id)!).filter(Boolean);
  }

  /** The default horizon of the dataset the actor comes from: open tenures without their own use it. */
  verifiedThrough(actorId: string): PartialDate | undefined {
    return this.data.actorOrigins.get(actorId)?.verifiedThrough;
  }

  /**
   * The last date on which an open tenure is known to be held: its own verifiedThrough, else its
   * dataset's. Undefined for a tenure that has ended (its end date says everything) and for open
   * tenures in a dataset without a horizon (they are taken as still running).
   */
  horizonOf(tenure: Tenure): PartialDate | undefined {
    if (tenure.end) return undefined;
    let horizon = this.horizons.get(tenure);
    if (horizon === undefined) {
      const owner = this.tenureOwners.get(tenure);
      horizon = tenure.verifiedThrough ? partialDate(tenure.verifiedThrough) : (owner ? this.verifiedThrough(owner.id) : undefined) ?? null;
      this.horizons.set(tenure, horizon);
    }
    return horizon ?? undefined;
  }

  /**
   * Whether a post is known to be held on a date: the one question every feature asks (cards,
   * completion by post, the Channels and Actors views, the claim checker through tenuresOn and
   * holdersOn). An open tenure is current only up to its horizon; after it, it is "unknown".
   */
  tenureOnDate(actor: Actor, tenure: Tenure, date: PartialDate): TenureOnDate {
    const interval = this.intervalOfTenure(tenure);
    const horizon = this.horizonOf(tenure);
    const holds = intervalCovers(interval, date, horizon);
    let state: TenureState;
    if (holds === true) state = 'current';
    else if (intervalEndedBy(interval, date) === true) state = 'former';
    else if (intervalStartsAfter(interval, date) === true) state = 'future';
    else state = 'unknown';
    const pastHorizon = horizon !== undefined && dayRange(date).last > dayRange(horizon).last && intervalStartsAfter(interval, date) !== true;
    return { actor, tenure, role: this.data.roles.get(tenure.role), state, holds, interval, ...(horizon ? { horizon } : {}), pastHorizon };
  }

  /** The actor's tenures seen from a date, in chronological order. */
  tenuresOn(actorId: string, date: PartialDate): TenureOnDate[] {
    const actor = this.data.actors.get(actorId);
    if (!actor) return [];
    // A memo's claims ask about the same people on the same date again and again: answer once per date.
    const seen = this.onDate(date);
    const cached = seen.byActor.get(actorId);
    if (cached) return cached;
    let sorted = this.chronological.get(actorId);
    if (!sorted) {
      sorted = [...actor.tenures].sort((a, b) => sortKey(this.intervalOfTenure(a).start) - sortKey(this.intervalOfTenure(b).start));
      this.chronological.set(actorId, sorted);
    }
    const entries = sorted.map((tenure) => this.tenureOnDate(actor, tenure, date));
    seen.byActor.set(actorId, entries);
    return entries;
  }

  /** Answers for the last date asked about (entries are immutable, so they can be shared). */
  private dateAnswers: DateAnswers = { key: '', byActor: new Map(), byRole: new Map(), postsByActor: new Map() };

  private onDate(date: PartialDate): DateAnswers {
    const key = `${date.year}-${date.month ?? ''}-${date.day ?? ''}`;
    if (this.dateAnswers.key !== key) this.dateAnswers = { key, byActor: new Map(), byRole: new Map(), postsByActor: new Map() };
    return this.dateAnswers;
  }

  /** Tenure dates parsed once: the checker asks about the same tenures for every claim. */
  private intervalOfTenure(tenure: Tenure): Interval {
    let interval = this.intervals.get(tenure);
    if (!interval) {
      interval = intervalOf(tenure);
      this.intervals.set(tenure, interval);
    }
    return interval;
  }

  /**
   * The posts the actor certainly held on the date, main post first. Dataset authors list an
   * actor's main office first ("vice-premier" before "lead for economic affairs with the US"), so
   * the order of the tenures in the file is the order of importance; acting posts come last.
   */
  currentPosts(actorId: string, date: PartialDate): readonly TenureOnDate[] {
    const actor = this.data.actors.get(actorId);
    if (!actor) return [];
    // Completion asks for the posts of every name it offers, at every key typed: once per date.
    const seen = this.onDate(date);
    const cached = seen.postsByActor.get(actorId);
    if (cached) return cached;
    const held = this.tenuresOn(actorId, date).filter((entry) => entry.holds === true);
    if (held.length > 1) held.sort((a, b) => Number(a.tenure.acting) - Number(b.tenure.acting) || actor.tenures.indexOf(a.tenure) - actor.tenures.indexOf(b.tenure));
    seen.postsByActor.set(actorId, held);
    return held;
  }

  /**
   * The first of currentPosts, worked out afresh and not kept: for completion, which asks about
   * fifty people at every key typed, mostly once each. Keeping every answer made each minor
   * garbage collection copy them (2 to 4 ms, the p99 of a completion); unkept, they die young.
   */
  mainPostOn(actorId: string, date: PartialDate): TenureOnDate | undefined {
    const actor = this.data.actors.get(actorId);
    if (!actor) return undefined;
    const cached = this.onDate(date).postsByActor.get(actorId);
    if (cached) return cached[0];
    let best: TenureOnDate | undefined;
    for (const tenure of actor.tenures) {
      // Tenures are in the file's order of importance; a non-acting post beats an acting one.
      if (best && (tenure.acting || !best.tenure.acting)) continue;
      const entry = this.tenureOnDate(actor, tenure, date);
      if (entry.holds === true) best = entry;
    }
    return best;
  }

  /** Everyone whose tenure of the post covers the date (holds true) or may (holds unknown). */
  holdersOn(roleId: string, date: PartialDate): TenureOnDate[] {
    const seen = this.onDate(date);
    const cached = seen.byRole.get(roleId);
    if (cached) return cached;
    const tenures = this.tenuresByRole.get(roleId) ?? [];
    const bounds = this.boundsOfRole(roleId);
    const { first, last } = dayRange(date);
    const holders: TenureOnDate[] = [];
    for (let index = 0; index < tenures.length; index++) {
      // Tenures that began after the date or ended by it (as intervalCovers reads them) are skipped unread.
      if (bounds.starts[index]! > last || bounds.ends[index]! <= first) continue;
      const { actor, tenure } = tenures[index]!;
      const entry = this.tenureOnDate(actor, tenure, date);
      if (entry.holds !== false) holders.push(entry);
    }
    seen.byRole.set(roleId, holders);
    return holders;
  }

  /**
   * For each tenure of a post (in tenuresByRole order), the earliest day it may have begun and the
   * last day it may have run to, as day numbers (dayRange), widened to the whole month or year a
   * partial date names (unknown start: the smallest number; open end: the largest). A post held by
   * thousands (a synthetic governor at 100,000 actors, "member of Parliament") is answered on a
   * new date by comparing numbers, not by working out every tenure's state.
   */
  private boundsOfRole(roleId: string): { starts: Int32Array; ends: Int32Array } {
    return this.roleBounds.get(roleId) ?? NO_BOUNDS;
  }

  /** Every tenure of a post, in chronological order. */
  tenuresOfRole(roleId: string): ReadonlyArray<{ actor: Actor; tenure: Tenure }> {
    return this.tenuresByRole.get(roleId) ?? [];
  }

  channelsOf(actorId: string): readonly Channel[] {
    return this.channelsByActor.get(actorId) ?? [];
  }

  /**
   * The last date on which an active or dormant channel's status was confirmed: its own
   * verifiedThrough, else its dataset's. Undefined for a closed channel (closed is final).
   */
  channelHorizon(channel: Channel): PartialDate | undefined {
    if (channel.end && channel.endStatus === 'closed') return undefined;
    let horizon = this.horizons.get(channel);
    if (horizon === undefined) {
      horizon = channel.verifiedThrough ? partialDate(channel.verifiedThrough) : this.data.channelOrigins.get(channel.id)?.verifiedThrough ?? null;
      this.horizons.set(channel, horizon);
    }
    return horizon ?? undefined;
  }

  /** Whether the date is past the channel's horizon, so its status on that date is unknown. */
  channelPastHorizon(channel: Channel, date: PartialDate): boolean {
    const horizon = this.channelHorizon(channel);
    return horizon !== undefined && dayRange(date).last > dayRange(horizon).last;
  }

  channelState(channel: Channel, date: PartialDate): ChannelState {
    let interval = this.channelIntervals.get(channel);
    if (!interval) {
      interval = intervalOf(channel);
      this.channelIntervals.set(channel, interval);
    }
    if (interval.start && intervalStartsAfter(interval, date) === true) return 'not-started';
    if (interval.end) {
      const ended = intervalEndedBy(interval, date);
      if (ended === true) return this.channelPastHorizon(channel, date) ? 'unknown' : channel.endStatus;
      if (ended === 'unknown') return 'unknown';
    }
    if (interval.start && dayRange(date).first < dayRange(interval.start).last) return 'unknown';
    return this.channelPastHorizon(channel, date) ? 'unknown' : 'active';
  }

  /** What is loaded: per dataset, its counts, horizons, licence and how many tenures stay unverified. */
  coverage(): DataCoverage {
    return describeCoverage(this.data.datasets);
  }

  /** How many open tenures in effect the data still vouches for on a date, and how many are past their horizon. */
  openTenuresOn(date: PartialDate): { readonly open: number; readonly pastHorizon: number } {
    let open = 0;
    let pastHorizon = 0;
    for (const actor of this.data.actors.values()) {
      for (const tenure of actor.tenures) {
        if (tenure.end) continue;
        open++;
        if (this.tenureOnDate(actor, tenure, date).pastHorizon) pastHorizon++;
      }
    }
    return { open, pastHorizon };
  }

  /** Sources cited by reference or in place, resolved and without duplicates. */
  resolveSources(refs: readonly SourceRef[]): SourceDefinition[] {
    const resolved: SourceDefinition[] = [];
    for (const ref of refs) {
      const source = typeof ref === 'string' ? this.data.sources.get(ref) : ref;
      if (source && !resolved.some((existing) => sameSource(existing, source))) resolved.push(source);
    }
    return resolved;
  }
}

function sameSource(a: SourceDefinition, b: SourceDefinition): boolean {
  return (a.id !== undefined && a.id === b.id) || (a.url !== undefined && a.url === b.url) || a.title === b.title;
}

/**
 * "Ministry of National Defence" is also "the national defence ministry" and "the defence
 * ministry"; "Department of the Treasury" is "the Treasury Department".
 */
function bodyWordOrders(words: readonly string[], bodyHeads: readonly string[]): string[][] {
  if (words.length < 3 || words[1] !== 'of' || !bodyHeads.includes(words[0]!)) return [];
  const object = words[2] === 'the' ? words.slice(3) : words.slice(2);
  if (object.length === 0 || object.length > 3) return [];
  const orders = [[...object, words[0]!]];
  if (object.length >= 2) orders.push([object[object.length - 1]!, words[0]!]);
  return orders;
}

const NO_BOUNDS = { starts: new Int32Array(0), ends: new Int32Array(0) };

export function intervalOf(entry: { start?: string | undefined; end?: string | null | undefined }): Interval {
  return {
    ...(entry.start ? { start: partialDate(entry.start) } : {}),
    ...(entry.end ? { end: partialDate(entry.end) } : {}),
  };
}

/** The words a tenure is called by in prose: its specific title when given, else its post's. */
export function tenureTitle(entry: { tenure: Tenure; role: Role | undefined }): string {
  return entry.tenure.title ?? entry.role?.title ?? entry.tenure.role;
}
