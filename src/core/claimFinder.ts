/**
 * Finds claims, "ACTOR is ROLE", in memo prose. Shapes (case-insensitive where prose is):
 *   appositive        Qin Gang, China's foreign minister, ...
 *   parenthesis       Qin Gang (foreign minister)
 *   relative          Qin Gang, who is foreign minister / who was ... / who served as ...
 *   predicate         Wang Yi is China's foreign minister
 *   title before      Foreign Minister Qin Gang · China's foreign minister, Qin Gang
 *   title + surname   Vice-Premier Liu · Mr Qin, the foreign minister (through the mention)
 * with historical markers (former, ex-, then, erstwhile, one-time, retired, who was, served as,
 * at the time...) and future ones (incoming, -designate, -elect) recorded on the claim.
 *
 * Everything is local to the words around a mention, found through PhraseMatcher lookups, so a
 * memo is scanned in linear time. The checker (claimChecker.ts) decides what is true.
 */
import type { Mention } from './actorIndex';
import type { KnowledgeBase } from './knowledgeBase';
import { PhraseMatcher, type PhraseMatch } from './phraseMatcher';
import { COUNTRY_WORDS } from './countries';
import { isPossessiveGap, isWordGap, tokenize, type Token } from './text';

/** How a marker changes what the claim asserts. */
export type Tense =
  /** Presented as current: "Qin Gang, foreign minister". */
  | 'current'
  /** Asserts the post is no longer held: "former", "ex-", "retired". */
  | 'former'
  /** Places the claim in an unspecified past: "then", "who was", "at the time". */
  | 'past'
  /** Looks ahead: "incoming", "-designate", "-elect". */
  | 'future';

export type ClaimShape = 'appositive' | 'parenthesis' | 'relative' | 'predicate' | 'title-before' | 'title-surname';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Claim {
  readonly shape: ClaimShape;
  /** The words naming the actor (a full mention, or a surname after a title). */
  readonly actorSpan: Span;
  readonly actorText: string;
  /** Everyone the actor words may mean. */
  readonly actorIds: readonly string[];
  /** True for "Vice-Premier Liu": the actor is whoever with that surname held the post. */
  readonly bySurname: boolean;
  /** The words of the post title ("foreign minister"), and the posts they may name. */
  readonly roleSpan: Span;
  readonly roleText: string;
  readonly roleIds: readonly string[];
  /** Countries named by words before or in the title ("China's", "US"), to narrow the posts. */
  readonly countries: readonly string[];
  /** Where "former " / "then " would go to make the claim historical. */
  readonly historicalInsertAt: number;
  readonly tense: Tense;
  readonly markerSpan?: Span;
  /** The whole claim, for the squiggle. */
  readonly span: Span;
}

type WordKind = 'determiner' | 'country' | 'modifier' | { tense: Exclude<Tense, 'current'> };

const DETERMINERS = ['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'your'];
/** Bodies named before a title: "the White House Indo-Pacific coordinator". */
const ORGANIZATIONS = ['white house', 'state department', 'pentagon', 'nsc', 'treasury', 'foreign ministry', 'party', 'communist party', 'ccp', 'cpc', 'state council', 'kremlin'];
const MODIFIERS = ['new', 'current', 'sitting', 'incumbent', 'now', 'acting', 'interim', 'outgoing', 'newly appointed', 'recently appointed', 'long-serving', 'longtime', 'long-time', 'veteran', 'powerful', 'influential', 'also', 'still', 'currently'];
const FORMER_MARKERS = ['former', 'ex', 'erstwhile', 'one-time', 'onetime', 'retired', 'ousted', 'sacked', 'purged', 'disgraced', 'dismissed', 'deposed', 'late', 'previous', 'past'];
const PAST_MARKERS = ['then', 'then-'];
const FUTURE_MARKERS = ['incoming', 'designate', 'nominee', 'future', 'next', 'prospective', 'would-be', 'likely', 'expected'];

function wordMatcher(): PhraseMatcher<WordKind> {
  const matcher = new PhraseMatcher<WordKind>();
  for (const word of DETERMINERS) matcher.add(word, 'determiner');
  for (const word of Object.keys(COUNTRY_WORDS)) matcher.add(word, 'country');
  for (const word of MODIFIERS) matcher.add(word, 'modifier');
  for (const word of ORGANIZATIONS) matcher.add(word, 'modifier');
  for (const word of FORMER_MARKERS) matcher.add(word, { tense: 'former' });
  for (const word of PAST_MARKERS) matcher.add(word, { tense: 'past' });
  for (const word of FUTURE_MARKERS) matcher.add(word, { tense: 'future' });
  return matcher;
}

const LEAD_WORDS = wordMatcher();

/** Text right after a mention that introduces a role phrase, and the tense it implies. */
const AFTER_MENTION: Array<{ pattern: RegExp; shape: ClaimShape; tense: Tense }> = [
  { pattern: /^[ \t]*,?[ \t]*\r?\n?[ \t]*who(?:[ \t]+|\r?\n)(?:is|remains|serves as|has been|is now|is still|is currently)(?:[ \t]+|\r?\n)/, shape: 'relative', tense: 'current' },
  { pattern: /^[ \t]*,?[ \t]*\r?\n?[ \t]*who(?:[ \t]+|\r?\n)(?:was|had been|served as|became|was then|was once|once served as|used to be)(?:[ \t]+|\r?\n)/, shape: 'relative', tense: 'past' },
  { pattern: /^[ \t]*,[ \t]*\r?\n?[ \t]*/, shape: 'appositive', tense: 'current' },
  { pattern: /^[ \t]*\([ \t]*/, shape: 'parenthesis', tense: 'current' },
  { pattern: /^[ \t]+(?:is|remains|serves as|has been)(?:[ \t]+|\r?\n)/, shape: 'predicate', tense: 'current' },
  { pattern: /^[ \t]+(?:was|had been|served as|used to be|was once|once served as)(?:[ \t]+|\r?\n)/, shape: 'predicate', tense: 'past' },
];

/**
 * What may follow a role phrase for it to be a whole appositive: punctuation, the end of the line,
 * or a lower-case word that does not qualify the post ("of Japan", "to Tokyo" would).
 */
const ROLE_END = /^(?:[ \t]*(?:[,.;:!?)\]|"'\u201d\u2019\u2014\u2013]|-{2}|\r?\n|$)|[ \t]+(?!of\b|to\b|for\b|in charge\b)[a-z])/;

/** Phrases after a role that place it in the past: "at the time", "in Mr Trump's first term". */
const PAST_AFTER_ROLE =
  /^[^.;!?\n]{0,40}?\b((?:at the time|at that time|back then|in (?:his|her|their|(?:Mr|Ms|Mrs|President)\.? \p{Lu}[\p{L}]+['\u2019]s|\p{Lu}[\p{L}]+['\u2019]s) (?:first|second|third|previous|last|earlier|former) (?:term|administration|stint|government)|in the (?:first|second|previous|last|earlier|former) (?:\p{Lu}[\p{L}]+ )?(?:term|administration|government)|under (?:President |Mr\.? |Ms\.? )?\p{Lu}[\p{L}]+))/u;

/** "the president's son-in-law": the title qualifies another noun, it is not the actor's post. */
const POSSESSIVE_AFTER = /^['\u2019]s?\b/;

/** "-elect", "-designate" or "nominee" right after the title: not yet in post. */
const FUTURE_AFTER_ROLE = /^(?:[ \t]*[-\u2010\u2011](?:elect|designate)\b|[ \t]+(?:nominee|designate|pick|candidate)\b)/i;

export interface ClaimSearch {
  readonly prose: string;
  readonly tokens: readonly Token[];
  readonly mentions: readonly Mention[];
}

/** Every claim in the prose (text with code, comments and front matter already blanked). */
export function findClaims(kb: KnowledgeBase, prose: string): Claim[] {
  const tokens = tokenize(prose);
  const mentions = kb.index.findMentions(prose, 0, prose.length, tokens);
  const roles = kb.roleMatcher;
  const tokenAt = tokenIndexer(tokens);
  const claims: Claim[] = [];
  const usedRoles = new Set<number>(); // role phrases already bound, by the index of their first token
  const mentionStarts = new Set(mentions.map((mention) => mention.start));
  const mentionEnds = new Set(mentions.map((mention) => mention.end));
  const insideMention = new Set<number>();
  for (const mention of mentions) for (const token of mention.tokens) insideMention.add(token.start);

  // Role phrases after a mention bind first: in "Bessent, the treasury secretary, Lutnick and
  // Greer" the title belongs to Bessent, not to Lutnick.
  for (const mention of mentions) {
    const claim = claimAfter(kb, prose, tokens, tokenAt, mention);
    if (claim) {
      claims.push(claim);
      usedRoles.add(tokenAt(claim.roleSpan.start));
    }
  }

  for (const mention of mentions) {
    const first = tokenAt(mention.start);
    const inside = titleInsideMention(kb, prose, tokens, mention, first);
    if (inside) {
      claims.push(inside);
      continue;
    }
    const before = claimBefore(prose, tokens, roles, first, mention, usedRoles, mentionEnds);
    if (before) {
      claims.push(before);
      usedRoles.add(tokenAt(before.roleSpan.start));
    }
  }

  // "Vice-Premier Liu": a title, then a surname that is not the start of a known full name.
  for (let index = 0; index < tokens.length; index++) {
    if (insideMention.has(tokens[index]!.start) || usedRoles.has(index)) continue;
    const role = roles.matchFrom(prose, tokens, index);
    if (!role) continue;
    if (isLesserTitle(prose, tokens, role)) {
      index = role.to - 1;
      continue;
    }
    const surname = tokens[role.to];
    const next = tokens[role.to + 1];
    if (
      surname &&
      surname.capitalized &&
      !mentionStarts.has(surname.start) &&
      isWordGap(prose, tokens[role.to - 1]!.end, surname.start) &&
      !(next && next.capitalized && !FUNCTION_WORDS.has(next.key) && isWordGap(prose, surname.end, next.start))
    ) {
      const candidates = kb.actorsWithSurname(surname.key);
      if (candidates.length > 0) {
        const lead = leadingWords(prose, tokens, role.from);
        claims.push(
          makeClaim('title-surname', prose, { start: surname.start, end: surname.end }, candidates, true, tokens, role, lead.tense, lead.marker, lead.from, surname.end, lead.insertAt),
        );
      }
    }
    index = role.to - 1;
  }
  return claims.sort((a, b) => a.span.start - b.span.start);
}

/**
 * "Vice Premier of the State Council": a title right after "vice", "deputy" or "assistant" names a
 * different post (the longer title, when the datasets know it, has already matched).
 */
function isLesserTitle(prose: string, tokens: readonly Token[], role: PhraseMatch<string>): boolean {
  const previous = tokens[role.from - 1];
  return Boolean(previous && LESSER.has(previous.key) && isWordGap(prose, previous.end, tokens[role.from]!.start));
}

/** Words that cannot be a given name after a surname, even in text written in capitals ("BESSENT AND"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'the', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'has', 'had', 'will', 'who', 'said', 'says', 'met', 'told', 'but', 'also']);

const LESSER = new Set(['vice', 'deputy', 'assistant', 'under', 'associate']);

/** Maps a character offset at the start of a token to the token's index. */
function tokenIndexer(tokens: readonly Token[]): (offset: number) => number {
  return (offset) => {
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (tokens[middle]!.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

interface LeadingWords {
  /** Index of the first token of the claim's leading words. */
  readonly from: number;
  readonly tense: Tense;
  readonly marker?: { start: number; end: number };
  readonly insertAt: number;
}

/**
 * Determiners, country words, modifiers and markers just before a role phrase that starts at
 * token `roleFrom`, read backwards: "the former Chinese", "China's then".
 */
function leadingWords(prose: string, tokens: readonly Token[], roleFrom: number): LeadingWords {
  let from = roleFrom;
  let tense: Tense = 'current';
  let marker: { start: number; end: number } | undefined;
  let insertAt = tokens[roleFrom]!.start;
  let canInsertBefore = true;
  for (let steps = 0; steps < 5 && from > 0; steps++) {
    const match = LEAD_WORDS.matchBefore(prose, tokens, from);
    if (!match || (!isWordGap(prose, tokens[match.to - 1]!.end, tokens[from]!.start) && !isPossessiveGap(prose, tokens[match.to - 1]!.end, tokens[from]!.start))) break;
    const kind = match.values[0]!;
    if (typeof kind === 'object') {
      tense = kind.tense;
      marker = { start: tokens[match.from]!.start, end: tokens[match.to - 1]!.end };
    }
    // "former" goes after possessives and determiners ("China's former", "the former") but
    // before adjectives ("former Chinese foreign minister").
    const possessive = isPossessiveGap(prose, tokens[match.to - 1]!.end, tokens[from]!.start);
    if (kind === 'determiner' || possessive || typeof kind === 'object') canInsertBefore = false;
    if (canInsertBefore) insertAt = tokens[match.from]!.start;
    from = match.from;
  }
  return { from, tense, ...(marker ? { marker } : {}), insertAt };
}

/** The token after a possessive name of up to three capitalised words ("Mr Trump's"), if there is one. */
function possessiveOwner(prose: string, tokens: readonly Token[], index: number): number | undefined {
  for (let end = index; end < Math.min(tokens.length - 1, index + 3); end++) {
    if (!tokens[end]!.capitalized) return undefined;
    if (end > index && !isWordGap(prose, tokens[end - 1]!.end, tokens[end]!.start)) return undefined;
    if (isPossessiveGap(prose, tokens[end]!.end, tokens[end + 1]!.start)) return end + 1;
  }
  return undefined;
}

/** A role phrase starting at token `index`, after optional leading words. */
function rolePhraseFrom(prose: string, tokens: readonly Token[], roles: PhraseMatcher<string>, index: number): { role: PhraseMatch<string>; lead: LeadingWords } | undefined {
  let position = index;
  for (let steps = 0; steps < 6 && position < tokens.length; steps++) {
    if (position > index && !isWordGap(prose, tokens[position - 1]!.end, tokens[position]!.start) && !isPossessiveGap(prose, tokens[position - 1]!.end, tokens[position]!.start)) return undefined;
    const role = roles.matchFrom(prose, tokens, position);
    if (role && !isLesserTitle(prose, tokens, role)) return { role, lead: leadingWords(prose, tokens, role.from) };
    if (role) return undefined;
    const lead = LEAD_WORDS.matchFrom(prose, tokens, position);
    if (lead) {
      position = lead.to;
      continue;
    }
    // Whose post it is: "Mr Trump's", "Biden's" (up to three capitalised words and a possessive).
    const owner = possessiveOwner(prose, tokens, position);
    if (owner === undefined) return undefined;
    position = owner;
  }
  return undefined;
}

function claimAfter(kb: KnowledgeBase, prose: string, tokens: readonly Token[], tokenAt: (offset: number) => number, mention: Mention): Claim | undefined {
  // Emphasis closing around the name ("**Wang Shouwen**, China's ...") is not part of the sentence.
  const emphasis = /^[*_]{1,3}/.exec(prose.slice(mention.end, mention.end + 3))?.[0].length ?? 0;
  const rest = prose.slice(mention.end + emphasis, mention.end + emphasis + 60);
  for (const { pattern, shape, tense } of AFTER_MENTION) {
    const separator = pattern.exec(rest);
    if (!separator) continue;
    const phraseStart = mention.end + emphasis + separator[0].length;
    const index = tokenAt(phraseStart);
    if (index >= tokens.length || tokens[index]!.start !== phraseStart) return undefined;
    const found = rolePhraseFrom(prose, tokens, kb.roleMatcher, index);
    if (!found) return undefined;
    const { role, lead } = found;
    const roleEnd = tokens[role.to - 1]!.end;
    const after = prose.slice(roleEnd, roleEnd + 80);
    if (shape === 'parenthesis' ? !/^[^()\n]{0,40}\)/.test(after) : !ROLE_END.test(after) || POSSESSIVE_AFTER.test(after)) return undefined;
    // The title of the next person ("Qin Gang, foreign minister Wang Yi's predecessor") is not an apposition.
    const next = tokens[role.to];
    if (next && next.capitalized && isWordGap(prose, roleEnd, next.start)) return undefined;
    let claimTense: Tense = lead.tense !== 'current' ? lead.tense : tense;
    let marker = lead.marker;
    if (FUTURE_AFTER_ROLE.test(after)) claimTense = 'future';
    else if (claimTense === 'current') {
      const past = PAST_AFTER_ROLE.exec(after);
      if (past) {
        claimTense = 'past';
        marker = { start: roleEnd + past[0].length - past[1]!.length, end: roleEnd + past[0].length };
      }
    }
    return makeClaim(shape, prose, { start: mention.start, end: mention.end }, mention.actorIds, false, tokens, role, claimTense, marker, index, roleEnd, lead.insertAt);
  }
  return undefined;
}

/** "Foreign Minister Qin Gang", "the former foreign minister, Qin Gang". */
function claimBefore(prose: string, tokens: readonly Token[], roles: PhraseMatcher<string>, first: number, mention: Mention, usedRoles: ReadonlySet<number>, mentionEnds: ReadonlySet<number>): Claim | undefined {
  if (first === 0) return undefined;
  const previous = tokens[first - 1]!;
  const gap = prose.slice(previous.end, mention.start);
  const direct = isWordGap(prose, previous.end, mention.start);
  const comma = /^[ \t]*,[ \t]*\r?\n?[ \t]*$/.test(gap);
  if (!direct && !comma) return undefined;
  const role = roles.matchBefore(prose, tokens, first);
  if (!role || usedRoles.has(role.from) || isLesserTitle(prose, tokens, role)) return undefined;
  const lead = leadingWords(prose, tokens, role.from);
  // With a comma, the title must open its phrase ("During the talks, the foreign minister, Qin
  // Gang, ..."), not close an apposition about someone named just before ("Wang Yi, foreign
  // minister, Qin Gang and ...").
  if (comma && lead.from > 0) {
    const before = prose.slice(tokens[lead.from - 1]!.end, tokens[lead.from]!.start);
    if (/,\s*$/.test(before) && mentionEnds.has(tokens[lead.from - 1]!.end)) return undefined;
  }
  const after = prose.slice(mention.end, mention.end + 80);
  let tense = lead.tense;
  if (tense === 'current' && PAST_AFTER_ROLE.test(after.replace(/^[ \t]*,/, ''))) tense = 'past';
  return makeClaim('title-before', prose, { start: mention.start, end: mention.end }, mention.actorIds, false, tokens, role, tense, lead.marker, lead.from, mention.end, lead.insertAt);
}

/** A mention whose own words begin with a title: "Foreign Minister Qin", "Vice-Premier Liu". */
function titleInsideMention(kb: KnowledgeBase, prose: string, tokens: readonly Token[], mention: Mention, first: number): Claim | undefined {
  const role = kb.roleMatcher.matchFrom(prose, tokens, first);
  const last = first + mention.tokens.length;
  if (!role || role.to >= last || isLesserTitle(prose, tokens, role)) return undefined;
  // "President-elect Trump": a title still to come is no claim about the present.
  if (FUTURE_AFTER_ROLE.test(prose.slice(tokens[role.to - 1]!.end, tokens[role.to - 1]!.end + 20))) return undefined;
  const surname = tokens[role.to]!;
  const lead = leadingWords(prose, tokens, role.from);
  const candidates = [...new Set([...mention.actorIds, ...(role.to === last - 1 ? kb.actorsWithSurname(surname.key) : [])])];
  return makeClaim('title-surname', prose, { start: surname.start, end: mention.end }, candidates, true, tokens, role, lead.tense, lead.marker, lead.from, mention.end, lead.insertAt);
}

function makeClaim(
  shape: ClaimShape,
  prose: string,
  actorSpan: Span,
  actorIds: readonly string[],
  bySurname: boolean,
  tokens: readonly Token[],
  role: PhraseMatch<string>,
  tense: Tense,
  marker: Span | undefined,
  fromToken: number,
  end: number,
  insertAt: number,
): Claim {
  const roleSpan = { start: tokens[role.from]!.start, end: tokens[role.to - 1]!.end };
  // A title written with its possessive ("China's foreign minister") takes "former" after it.
  if (insertAt === roleSpan.start && role.to - role.from > 1 && isPossessiveGap(prose, tokens[role.from]!.end, tokens[role.from + 1]!.start)) {
    insertAt = tokens[role.from + 1]!.start;
  }
  const leadStart = tokens[Math.min(fromToken, role.from)]!.start;
  const start = Math.min(actorSpan.start, leadStart, marker?.start ?? Number.POSITIVE_INFINITY);
  const countries = new Set<string>();
  const words = tokens.slice(Math.min(fromToken, role.from), role.to).map((token) => token.key);
  words.forEach((word, index) => {
    const country = COUNTRY_WORDS[word] ?? COUNTRY_WORDS[`${word} ${words[index + 1] ?? ''}`];
    if (country) countries.add(country);
  });
  return {
    shape,
    actorSpan,
    actorText: prose.slice(actorSpan.start, actorSpan.end),
    actorIds,
    bySurname,
    roleSpan,
    roleText: prose.slice(roleSpan.start, roleSpan.end),
    roleIds: role.values,
    countries: [...countries],
    historicalInsertAt: insertAt,
    tense,
    ...(marker ? { markerSpan: marker } : {}),
    span: { start, end: Math.max(end, roleSpan.end, marker?.end ?? 0) },
  };
}
