/**
 * Finds claims, "ACTOR is POST", in memo prose. Shapes (case-insensitive where prose is):
 *   appositive        Qin Gang, China's foreign minister, ... · Austin, the defence secretary (after "Lloyd Austin")
 *   parenthesis       Qin Gang (foreign minister)
 *   relative          Qin Gang, who is foreign minister · who has served as · who heads the Treasury
 *   predicate         Wang Yi is China's foreign minister · Bolton resigned as national security adviser
 *   title before      Foreign Minister Qin Gang · Defence Minister Admiral Dong Jun · Secretary Antony J. Blinken
 *   title + surname   Vice-Premier Liu · Secretary Raimondo · Foreign Minister Mr Wang · Secretaries Blinken and Austin
 *   list              Rubio, Bessent and Lutnick, the secretaries of state, treasury and commerce
 * with what the words around say about time: historical markers (former, then, who was, served
 * as), future ones (incoming, -elect, was named), and events that name the post held at the event
 * ("Trump fired National Security Adviser Mike Waltz", "Defence Minister Wei Fenghe was replaced").
 *
 * Everything is local to the words around a mention, found through PhraseMatcher lookups, so a
 * memo is scanned in linear time. The words themselves come from the conventions (data). The
 * checker (claimChecker.ts) decides what is true.
 */
import type { Mention } from './actorIndex';
import type { ConventionMatchers } from './conventions';
import type { KnowledgeBase } from './knowledgeBase';
import type { PhraseMatch } from './phraseMatcher';
import { TokenStream } from './tokenStream';

/** How the words around a claim place it in time. */
export type Tense =
  /** Presented as current: "Qin Gang, foreign minister". */
  | 'current'
  /** Asserts the post is no longer held: "former", "ex-", "retired". */
  | 'former'
  /** Places the claim in an unspecified past, or at an event that ended it: "then", "who was", "fired". */
  | 'past'
  /** Looks ahead, or names a post being taken up: "incoming", "-elect", "was named". */
  | 'future';

export type ClaimShape = 'appositive' | 'parenthesis' | 'relative' | 'predicate' | 'title-before' | 'title-surname' | 'list' | 'table';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface Claim {
  readonly shape: ClaimShape;
  /** The words naming the actor (a full mention, or a surname). */
  readonly actorSpan: Span;
  readonly actorText: string;
  /** Everyone the actor words may mean. */
  readonly actorIds: readonly string[];
  /** True for "Vice-Premier Liu": the actor is whoever with that surname held the post. */
  readonly bySurname: boolean;
  /** True for a bare surname resolved to the last person named in full with it ("Austin, the defence secretary"). */
  readonly byReference: boolean;
  /** The words of the post ("foreign minister", "the Treasury" after "heads"), and the posts they may name. */
  readonly roleSpan: Span;
  readonly roleText: string;
  readonly roleIds: readonly string[];
  /**
   * True when the words are only a title's head ("Secretary Raimondo", "the ambassador"): the post
   * is whichever post with that head the person held, so "never held" cannot be said of it.
   */
  readonly byHead: boolean;
  /** False when the role words are not a title a fix may replace ("the Treasury" in "who heads the Treasury"). */
  readonly roleRewritable: boolean;
  /** Countries named by words before or in the title ("China's", "US"), to narrow the posts. */
  readonly countries: readonly string[];
  /** Where "former " / "then " would go to make the claim historical. */
  readonly historicalInsertAt: number;
  readonly tense: Tense;
  readonly markerSpan?: Span;
  /** The whole claim, for the squiggle. */
  readonly span: Span;
}

/** The finder's view of one memo: its words, the knowledge base and the conventions. */
interface Finder {
  readonly kb: KnowledgeBase;
  readonly words: TokenStream;
  readonly conventions: ConventionMatchers;
}

/** A post phrase found in the text. */
interface RolePhrase {
  readonly roleIds: readonly string[];
  /** Token indexes of the phrase: [from, to). */
  readonly from: number;
  readonly to: number;
  readonly byHead: boolean;
}

interface LeadingWords {
  /** Index of the first token of the claim's leading words. */
  readonly from: number;
  readonly tense: Tense;
  readonly marker?: Span;
  readonly insertAt: number;
}

/** Everything a claim is made of, before its text and span are worked out. */
interface ClaimParts {
  readonly shape: ClaimShape;
  readonly actorSpan: Span;
  readonly actorIds: readonly string[];
  readonly bySurname: boolean;
  readonly byReference?: boolean;
  readonly role: RolePhrase;
  readonly roleRewritable?: boolean;
  readonly tense: Tense;
  readonly marker?: Span | undefined;
  /** The first token of the words that belong to the claim (leading words, or the role). */
  readonly fromToken: number;
  /** The offset where the claim ends. */
  readonly end: number;
  readonly insertAt: number;
}

/**
 * What may follow a role phrase for it to be a whole appositive: punctuation, the end of the line,
 * or a lower-case word that does not qualify the post ("of Japan", "to Tokyo" would; "in charge
 * of trade" does not).
 */
const ROLE_END = /^(?:[ \t]*(?:[,.;:!?)\]|"'\u201d\u2019\u2014\u2013]|-{2}|\r?\n|$)|[ \t]+(?!of\b|to\b|for\b)[a-z])/;

/** Phrases after a role that place it in the past: "at the time", "in Mr Trump's first term". */
const PAST_AFTER_ROLE =
  /^[^.;!?\n]{0,40}?\b((?:at the time|at that time|back then|in (?:his|her|their|(?:Mr|Ms|Mrs|President)\.? \p{Lu}[\p{L}]+['\u2019]s|\p{Lu}[\p{L}]+['\u2019]s) (?:first|second|third|previous|last|earlier|former) (?:term|administration|stint|government)|in the (?:first|second|previous|last|earlier|former) (?:\p{Lu}[\p{L}]+ )?(?:term|administration|government)|under (?:President |Mr\.? |Ms\.? )?\p{Lu}[\p{L}]+|(?:until|till|up to|through)\s+(?:(?:early|late|mid)[- ]?\s*)?(?:\p{Lu}\p{L}+\s+)?(?:\d{1,2},?\s+)?(?:19|20)\d{2}|(?:until|till)\s+(?:recently|lately|last\s+(?:week|month|year)|earlier\s+this\s+(?:week|month|year))|from\s+(?:\p{Lu}\p{L}+\s+)?(?:19|20)\d{2}\s*(?:to|until|till|through|[-\u2013])|between\s+(?:\p{Lu}\p{L}+\s+)?(?:19|20)\d{2}\s+and|(?:19|20)\d{2}\s*[-\u2013]\s*(?:19|20)?\d{2}\b))/u;

/** What may follow the body after "heads", "runs": punctuation, or a word that starts another phrase. */
const BODY_END = /^(?:[ \t]*(?:[,.;:!?)\]"'\u201d\u2019\u2014\u2013]|\r?\n|$)|[ \t]+(?:and|but|while|since|until|in|on|at|with|from|as|when|where|after|before|during|for|which|who|whose|that|is|was|has|had)\b)/;

/** "state councillor for defence": a portfolio after a post several people hold at once. */
const PORTFOLIO = /^[ \t]+for[ \t]+[\p{L}-]+(?:[ \t]+(?:and[ \t]+)?[\p{L}-]+){0,2}[ \t]*(?:[,.;:!?)\]\u2014\u2013]|$)/u;

function portfolio(finder: Finder, role: RolePhrase, after: string): boolean {
  return PORTFOLIO.test(after) && role.roleIds.every((roleId) => finder.kb.role(roleId)?.unique === false);
}

/** "the president's son-in-law": the title qualifies another noun, it is not the actor's post. */
const POSSESSIVE_AFTER = /^['\u2019]s?\b/;

const TITLE_PREPOSITIONS = new Set(['to', 'of', 'in', 'for', 'at', 'with']);

/** Words that cannot be a given name after a surname, even in text written in capitals ("BESSENT AND"). */
const FUNCTION_WORDS = new Set(['and', 'or', 'of', 'the', 'to', 'in', 'on', 'at', 'for', 'with', 'by', 'from', 'as', 'is', 'was', 'has', 'had', 'will', 'who', 'said', 'says', 'met', 'told', 'but', 'also']);

/**
 * What bare surnames refer to across paragraphs. A memo is checked paragraph by paragraph (so an
 * edit re-checks only what it touched), yet "Austin" in one paragraph refers back to "Lloyd
 * Austin" named in an earlier one: this carries that in, and records what the paragraph read and
 * changed, so a paragraph checked before can be reused only while what it read is the same.
 */
export interface SurnameContext {
  /**
   * Per surname key, who it refers to at the start of the text: the last person named in full with
   * it, or null when it was last seen as part of another name (so it refers to no one).
   */
  readonly carried: ReadonlyMap<string, string | null>;
  /** Filled in: each carried surname the text looked up, with what it found (undefined: not carried). */
  readonly read: Map<string, string | null | undefined>;
  /** Filled in: what each surname the text named refers to at its end. */
  readonly named: Map<string, string | null>;
}

/**
 * Every claim in the prose (text with code, comments and front matter already blanked). Bare
 * surnames refer back to people named in `surnames.carried` as well as to those named in the prose.
 */
export function findClaims(kb: KnowledgeBase, prose: string, surnames?: SurnameContext): Claim[] {
  const words = new TokenStream(prose);
  const finder: Finder = { kb, words, conventions: kb.conventions };
  // A one-word alias that other people's surname too ("Li" for Li Qiang) is a bare surname: it
  // refers back to someone named in full, or to no one.
  const mentions = kb.index
    .findMentions(prose, 0, prose.length, words.tokens)
    .filter((mention) => mention.tokens.length > 1 || kb.actorsWithSurname(mention.tokens[0]!.key).every((actorId) => mention.actorIds.includes(actorId)));
  const references = surnameReferences(finder, mentions, surnames);
  const claims: Claim[] = [];
  const usedRoles = new Set<number>(); // tokens of role phrases already bound
  const mentionStarts = new Set(mentions.map((mention) => mention.start));
  const mentionEnds = new Set(mentions.map((mention) => mention.end));
  const insideMention = new Set<number>();
  for (const mention of mentions) for (const token of mention.tokens) insideMention.add(token.start);
  const bind = (claim: Claim | undefined) => {
    if (!claim) return;
    claims.push(claim);
    for (let index = words.indexAt(claim.roleSpan.start); index < words.length && words.startOf(index) < claim.roleSpan.end; index++) usedRoles.add(index);
  };

  // Lists first ("Rubio, Bessent and Lutnick, the secretaries of state, treasury and commerce"),
  // then role phrases after a mention: in "Bessent, the treasury secretary, Lutnick and Greer"
  // the title belongs to Bessent, not to Lutnick.
  const listed = new Set<Mention>();
  const byStart = new Map<number, Mention>();
  for (const name of [...mentions, ...references, ...soleSurnames(finder, insideMention)]) if (!byStart.has(name.start)) byStart.set(name.start, name);
  const names = [...byStart.values()].sort((a, b) => a.start - b.start);
  for (const claim of listClaims(finder, names, listed)) bind(claim);
  for (const claim of tableClaims(finder, mentions)) bind(claim);
  for (const mention of mentions) if (!listed.has(mention)) for (const claim of claimsAfter(finder, mention, false)) bind(claim);
  for (const reference of references) if (!listed.has(reference)) for (const claim of claimsAfter(finder, reference, true)) bind(claim);

  for (const mention of mentions) {
    const first = words.indexAt(mention.start);
    const inside = titleInsideMention(finder, mention, first);
    if (inside) {
      bind(inside);
      continue;
    }
    for (const claim of claimsBefore(finder, mention, first, usedRoles, mentionEnds)) bind(claim);
  }

  // "Vice-Premier Liu", "Secretary Raimondo": a title, then a surname that does not start a known full name.
  for (let index = 0; index < words.length; index++) {
    if (insideMention.has(words.startOf(index)) || usedRoles.has(index)) continue;
    const plural = titleCase(words, index) ? finder.kb.pluralTitleHeads.matchFrom(prose, words.tokens, index) : undefined;
    if (plural) {
      claims.push(...pluralTitleClaims(finder, plural, mentions));
      index = plural.to - 1;
      continue;
    }
    const role = rolePhraseAt(finder, index, { heads: titleCase(words, index) });
    if (!role) continue;
    if (isLesserTitle(finder, role)) {
      index = role.to - 1;
      continue;
    }
    const claim = titleSurnameClaim(finder, role, mentionStarts);
    if (claim) claims.push(claim);
    index = role.to - 1;
  }
  return claims.sort((a, b) => a.span.start - b.span.start);
}

/** A title written in title case, as titles before names are ("Secretary", not "secretary"). */
function titleCase(words: TokenStream, index: number): boolean {
  return Boolean(words.at(index)?.capitalized);
}

/**
 * The post phrase that starts at token `index`: a title or alias the datasets know, else (when
 * `heads` is set) the bare head of a title ("Secretary", "the ambassador").
 */
function rolePhraseAt(finder: Finder, index: number, options: { heads: boolean }): RolePhrase | undefined {
  const { kb, words } = finder;
  const role = kb.roleMatcher.matchFrom(words.text, words.tokens, index);
  if (role) return { roleIds: role.values, from: role.from, to: role.to, byHead: false };
  if (!options.heads) return undefined;
  const head = kb.titleHeads.matchFrom(words.text, words.tokens, index);
  return head ? { roleIds: head.values, from: head.from, to: head.to, byHead: true } : undefined;
}

/** The post phrase that ends just before token `end`. */
function rolePhraseBefore(finder: Finder, end: number, options: { heads: boolean }): RolePhrase | undefined {
  const { kb, words } = finder;
  const role = kb.roleMatcher.matchBefore(words.text, words.tokens, end);
  if (role) return { roleIds: role.values, from: role.from, to: role.to, byHead: false };
  if (!options.heads) return undefined;
  const head = kb.titleHeads.matchBefore(words.text, words.tokens, end);
  return head && titleCase(words, head.from) ? { roleIds: head.values, from: head.from, to: head.to, byHead: true } : undefined;
}

/** "Former ambassador Nicholas Burns": a bare head in lower case, after a marker that makes it a title. */
function markedHeadBefore(finder: Finder, end: number): RolePhrase | undefined {
  const { kb, words } = finder;
  const head = kb.titleHeads.matchBefore(words.text, words.tokens, end);
  if (!head || leadingWords(finder, head.from).tense === 'current') return undefined;
  return { roleIds: head.values, from: head.from, to: head.to, byHead: true };
}

/**
 * "Vice Premier of the State Council": a title right after "vice", "deputy" or "assistant" names a
 * different post (the longer title, when the datasets know it, has already matched).
 */
function isLesserTitle(finder: Finder, role: { from: number }): boolean {
  const { words, conventions } = finder;
  return conventions.lesserTitleWords.has(words.key(role.from - 1)) && words.joinedToPrevious(role.from);
}

/**
 * Determiners, country words, modifiers and markers just before a role phrase that starts at
 * token `roleFrom`, read backwards: "the former Chinese", "China's then".
 */
function leadingWords(finder: Finder, roleFrom: number): LeadingWords {
  const { words, conventions } = finder;
  let from = roleFrom;
  let tense: Tense = 'current';
  let marker: Span | undefined;
  let insertAt = words.startOf(roleFrom);
  let canInsertBefore = true;
  for (let steps = 0; steps < 5 && from > 0; steps++) {
    const match = conventions.leadWords.matchBefore(words.text, words.tokens, from);
    if (!match || (!words.joinedToPrevious(from) && !words.possessiveBefore(from))) break;
    const kind = match.values[0]!;
    if (typeof kind === 'object') {
      tense = kind.tense;
      marker = { start: words.startOf(match.from), end: words.endOf(match.to - 1) };
    }
    // "former" goes after possessives and determiners ("China's former", "the former") but
    // before adjectives ("former Chinese foreign minister").
    if (kind === 'determiner' || words.possessiveBefore(from) || typeof kind === 'object') canInsertBefore = false;
    if (canInsertBefore) insertAt = words.startOf(match.from);
    from = match.from;
  }
  return { from, tense, ...(marker ? { marker } : {}), insertAt };
}

/** The token after a possessive owner ("Mr Trump's", "the country's"), if there is one. */
function possessiveOwner(words: TokenStream, index: number): number | undefined {
  // One lower-case word: "the country's", "the party's".
  if (words.at(index) && !words.at(index)!.capitalized) return words.possessiveBefore(index + 1) ? index + 1 : undefined;
  for (let end = index; end < Math.min(words.length - 1, index + 3); end++) {
    if (!words.at(end)?.capitalized) return undefined;
    if (end > index && !words.joinedToPrevious(end)) return undefined;
    if (words.possessiveBefore(end + 1)) return end + 1;
  }
  return undefined;
}

/** A role phrase starting at token `index`, after optional leading words and possessive owners. */
function rolePhraseFrom(finder: Finder, index: number): { role: RolePhrase; lead: LeadingWords } | undefined {
  const { words, conventions } = finder;
  let position = index;
  for (let steps = 0; steps < 7 && position < words.length; steps++) {
    if (position > index && !words.joinedToPrevious(position) && !words.possessiveBefore(position)) return undefined;
    const role = rolePhraseAt(finder, position, { heads: true });
    // "the president's former senior adviser": a title with a possessive is whose post it is.
    if (role && words.possessiveBefore(role.to)) {
      position = role.to;
      continue;
    }
    if (role && !isLesserTitle(finder, role)) return { role, lead: leadingWords(finder, role.from) };
    if (role) return undefined;
    const lead = conventions.leadWords.matchFrom(words.text, words.tokens, position);
    if (lead) {
      position = lead.to;
      continue;
    }
    // Whose post it is: "Mr Trump's", "Biden's" (up to three capitalised words and a possessive).
    const owner = possessiveOwner(words, position);
    if (owner === undefined) return undefined;
    position = owner;
  }
  return undefined;
}

/** The tense a phrase right after a role (or a name) gives the claim, if it changes it. */
function tenseAfter(finder: Finder, offset: number): { tense: Tense; marker?: Span } | undefined {
  const { words, conventions } = finder;
  const text = words.text;
  const after = text.slice(offset, offset + 80);
  if (/^(?:[ \t]*[-\u2010\u2011]|[ \t]+)/.test(after)) {
    const next = words.indexAt(offset);
    if (conventions.futureAfterTitle.has(words.key(next)) && /^[ \t]*[-\u2010\u2011 ]?[ \t]*$/.test(text.slice(offset, words.startOf(next)))) return { tense: 'future' };
  }
  // "Defence Minister Wei Fenghe was replaced", "X, the national security adviser, was fired".
  const eventStart = words.indexAt(offset);
  if (words.startOf(eventStart) - offset <= 12 && /^[ \t]*,?[ \t]*\r?\n?[ \t]*$/.test(text.slice(offset, words.startOf(eventStart)))) {
    const event = conventions.eventsAfter.matchFrom(text, words.tokens, eventStart) ?? eventAfterAdverbs(finder, eventStart);
    if (event) return { tense: event.values[0] === 'end' ? 'past' : 'future' };
  }
  const past = PAST_AFTER_ROLE.exec(after);
  if (past) return { tense: 'past', marker: { start: offset + past[0].length - past[1]!.length, end: offset + past[0].length } };
  return undefined;
}

/** "State Councillor Qin Gang was also removed": an auxiliary, adverbs, then an event's participle. */
function eventAfterAdverbs(finder: Finder, at: number): PhraseMatch<'end' | 'start'> | undefined {
  const { words, conventions } = finder;
  if (!AUXILIARIES.has(words.key(at))) return undefined;
  let next = at + 1;
  if (words.key(next) === 'been') next++;
  for (let steps = 0; steps < 2 && conventions.leadWords.matchFrom(words.text, words.tokens, next)?.values[0] === 'modifier'; steps++) next++;
  return next > at + 1 ? conventions.eventParticiples.matchFrom(words.text, words.tokens, next) : undefined;
}

const AUXILIARIES = new Set(['was', 'were', 'has', 'had', 'have']);

/** "Trump fired National Security Adviser Mike Waltz", "the ouster of Foreign Minister Qin". */
function eventBefore(finder: Finder, from: number): 'end' | 'start' | undefined {
  const { words, conventions } = finder;
  // "His predecessor, Ambassador Burns": an event noun may stand before a comma.
  if (from === 0 || (!words.joinedToPrevious(from) && !/^[ \t]*,[ \t]*$/.test(words.shortGapBefore(from)))) return undefined;
  return conventions.eventsBefore.matchBefore(words.text, words.tokens, from)?.values[0];
}

function tenseOfEvent(event: 'end' | 'start' | undefined): Tense | undefined {
  return event === 'end' ? 'past' : event === 'start' ? 'future' : undefined;
}

/**
 * The claims a mention makes with the words right after it: "Qin Gang, China's foreign minister",
 * "Rubio, the secretary of state and national security adviser" (two). `byReference` when the
 * mention is a bare surname that refers back to someone named earlier.
 */
function claimsAfter(finder: Finder, mention: Mention, byReference: boolean): Claim[] {
  const { words, conventions } = finder;
  const text = words.text;
  // Emphasis closing around the name ("**Wang Shouwen**, China's ...") is not part of the sentence.
  const emphasis = /^[*_]{1,3}/.exec(text.slice(mention.end, mention.end + 3))?.[0].length ?? 0;
  const nameEnd = mention.end + emphasis;
  const next = words.indexAt(nameEnd);
  if (next >= words.length) return [];
  const gap = text.slice(nameEnd, words.startOf(next));
  if (gap.length > 8) return [];

  let shape: ClaimShape;
  let linkTense: Tense = 'current';
  let phraseIndex = next;
  let postVerb = false;
  const comma = /^[ \t]*,[ \t]*\r?\n?[ \t]*$/.test(gap);
  if (/^[ \t]*\([ \t]*$/.test(gap)) shape = 'parenthesis';
  else if (comma && words.key(next) === 'as' && words.joinedToPrevious(next + 1)) {
    // "Rubio, as secretary of state, ...": the post held while doing what the sentence says.
    shape = 'appositive';
    phraseIndex = next + 1;
  }
  else if (comma || /^[ \t]+$|^[ \t]*\r?\n[ \t]*$/.test(gap)) {
    const relative = words.key(next) === 'who';
    let linkAt = relative ? next + 1 : next;
    // "who, as US trade representative, continues ...": the post held while doing it.
    if (relative && words.key(linkAt) === 'as' && words.joinedToPrevious(linkAt + 1)) return claimsFromPhrase(finder, { mention, byReference, shape: 'relative', linkTense: 'current', phraseIndex: linkAt + 1, postVerb: false });
    // "who also runs", "who now serves as": adverbs before the verb.
    for (let steps = 0; steps < 2 && conventions.leadWords.matchFrom(text, words.tokens, linkAt)?.values[0] === 'modifier' && !conventions.links.matchFrom(text, words.tokens, linkAt); steps++) linkAt++;
    const link = conventions.links.matchFrom(text, words.tokens, linkAt);
    if (link && (relative ? words.joinedToPrevious(linkAt) : true)) {
      shape = relative ? 'relative' : 'predicate';
      const kind = link.values[0]!;
      if (kind.kind === 'copula' || kind.kind === 'post-verb') linkTense = kind.tense;
      else linkTense = kind.kind === 'event-end' ? 'past' : 'future';
      postVerb = kind.kind === 'post-verb';
      phraseIndex = link.to;
      if (!words.joinedToPrevious(phraseIndex)) return [];
    } else if (comma && !relative) shape = 'appositive';
    else return [];
  } else return [];
  return claimsFromPhrase(finder, { mention, byReference, shape, linkTense, phraseIndex, postVerb });
}

/** What links a name to the words of its post: the shape, the tense the link gives, where the post's words start. */
interface PhraseLink {
  readonly mention: Mention;
  readonly byReference: boolean;
  readonly shape: ClaimShape;
  readonly linkTense: Tense;
  readonly phraseIndex: number;
  /** "heads", "runs": the words after the link name a body, not a title. */
  readonly postVerb: boolean;
}

/** The claims made by the post words that start at `link.phraseIndex`, after a name. */
function claimsFromPhrase(finder: Finder, link: PhraseLink): Claim[] {
  const { words, kb } = finder;
  const text = words.text;
  const { mention, byReference, shape, linkTense, phraseIndex, postVerb } = link;
  let role: RolePhrase | undefined;
  let lead: LeadingWords;
  if (postVerb) {
    // "who heads the Treasury": the body names the post of its head. Adjectives may come between
    // "the" and the body ("who leads the new Department of Government Efficiency").
    let bodyAt = phraseIndex;
    let body = kb.headedBodies.matchFrom(text, words.tokens, bodyAt);
    if (!body && words.key(bodyAt) === 'the') {
      bodyAt++;
      while (!body && bodyAt < phraseIndex + 3 && finder.conventions.leadWords.matchFrom(text, words.tokens, bodyAt)?.values[0] === 'modifier') {
        bodyAt++;
        body = kb.headedBodies.matchFrom(text, words.tokens, bodyAt);
      }
    }
    if (!body) return [];
    role = { roleIds: body.values, from: body.from, to: body.to, byHead: false };
    lead = { from: body.from, tense: 'current', insertAt: words.startOf(body.from) };
  } else {
    const found = rolePhraseFrom(finder, phraseIndex);
    if (!found) return [];
    ({ role, lead } = found);
  }
  const roleEnd = words.endOf(role.to - 1);
  const after = text.slice(roleEnd, roleEnd + 80);
  // A body must be the whole object of the verb: "directs the foreign-affairs commission office" is not "foreign affairs".
  if (postVerb && !BODY_END.test(after)) return [];
  if (shape === 'parenthesis' ? !/^[^()\n]{0,40}\)/.test(after) : !(ROLE_END.test(after) || portfolio(finder, role, after)) || POSSESSIVE_AFTER.test(after)) return [];
  // The title of the next person ("Qin Gang, foreign minister Wang Yi's predecessor") is not an apposition.
  const following = words.at(role.to);
  if (following && following.capitalized && words.joinedToPrevious(role.to)) return [];
  // A bare head ("the ambassador") is a claim only where prose makes it one: an apposition or a copula.
  if (role.byHead && shape === 'parenthesis') return [];

  let tense: Tense = lead.tense !== 'current' ? lead.tense : linkTense;
  let marker = lead.marker;
  const later = tenseAfter(finder, roleEnd);
  if (later && (later.tense === 'future' || tense === 'current')) {
    tense = later.tense;
    marker = later.marker ?? marker;
  }
  const claims = [
    makeClaim(finder, {
      shape,
      actorSpan: { start: mention.start, end: mention.end },
      actorIds: mention.actorIds,
      bySurname: false,
      byReference,
      role,
      roleRewritable: !postVerb,
      tense,
      marker,
      fromToken: phraseIndex,
      end: roleEnd,
      insertAt: lead.insertAt,
    }),
  ];
  // "the secretary of state and national security adviser": a second title joined by "and".
  if (!postVerb && words.key(role.to) === 'and' && words.joinedToPrevious(role.to) && words.joinedToPrevious(role.to + 1)) {
    const second = rolePhraseFrom(finder, role.to + 1);
    const secondEnd = second ? words.endOf(second.role.to - 1) : 0;
    if (second && !second.role.byHead && ROLE_END.test(words.text.slice(secondEnd, secondEnd + 80)) && !POSSESSIVE_AFTER.test(words.text.slice(secondEnd, secondEnd + 3))) {
      claims.push(
        makeClaim(finder, {
          shape,
          actorSpan: { start: mention.start, end: mention.end },
          actorIds: mention.actorIds,
          bySurname: false,
          byReference,
          role: second.role,
          tense: second.lead.tense !== 'current' ? second.lead.tense : tense,
          marker: second.lead.marker ?? marker,
          fromToken: second.lead.from,
          end: secondEnd,
          insertAt: second.lead.insertAt,
        }),
      );
    }
  }
  return claims;
}

/**
 * "Foreign Minister Qin Gang", "the former foreign minister, Qin Gang", "Defence Minister Admiral
 * Dong Jun", and each title of "Politburo member and Vice-Premier He Lifeng".
 */
function claimsBefore(finder: Finder, mention: Mention, first: number, usedRoles: ReadonlySet<number>, mentionEnds: ReadonlySet<number>): Claim[] {
  const { words, conventions } = finder;
  if (first === 0) return [];
  // Ranks and honorifics between the title and the name ("Admiral", "Mr"), unless the word ends a
  // title itself ("Navy Commander Dong Jun").
  let nameFrom = first;
  for (let steps = 0; steps < 3 && !rolePhraseBefore(finder, nameFrom, { heads: false }); steps++) {
    const rank = conventions.honorificsAndRanks.matchBefore(words.text, words.tokens, nameFrom);
    if (!rank || !words.joinedToPrevious(nameFrom) || !words.at(rank.from)?.capitalized) break;
    nameFrom = rank.from;
  }
  const gap = words.shortGapBefore(nameFrom);
  const direct = words.joinedToPrevious(nameFrom);
  const comma = nameFrom === first && /^[ \t]*,[ \t]*\r?\n?[ \t]*$/.test(gap);
  if (!direct && !comma) return [];
  const claims: Claim[] = [];
  let end = comma ? beforeQualifier(finder, nameFrom) : nameFrom;
  for (let titles = 0; titles < 3; titles++) {
    const role = rolePhraseBefore(finder, end, { heads: direct && titles === 0 }) ?? (direct && titles === 0 ? markedHeadBefore(finder, end) : undefined);
    if (!role || usedRoles.has(role.from) || isLesserTitle(finder, role)) break;
    const lead = leadingWords(finder, role.from);
    // With a comma, the title must open its phrase ("During the talks, the foreign minister, Qin
    // Gang, ..."), not close an apposition about someone named just before ("Wang Yi, foreign
    // minister, Qin Gang and ...").
    if (comma && lead.from > 0 && /,\s*$/.test(words.shortGapBefore(lead.from)) && mentionEnds.has(words.endOf(lead.from - 1))) break;
    let tense = lead.tense;
    let marker = lead.marker;
    if (tense === 'current') {
      const event = tenseOfEvent(eventBefore(finder, lead.from));
      const later = event ? undefined : tenseAfter(finder, mention.end);
      if (event) tense = event;
      else if (later) {
        tense = later.tense;
        marker = later.marker ?? marker;
      }
    }
    claims.push(
      makeClaim(finder, {
        shape: 'title-before',
        actorSpan: { start: mention.start, end: mention.end },
        actorIds: mention.actorIds,
        bySurname: false,
        role,
        tense,
        marker,
        fromToken: lead.from,
        end: mention.end,
        insertAt: lead.insertAt,
      }),
    );
    // "Politburo member and Vice-Premier He Lifeng": another title joined by "and" before this one.
    const joiner = lead.from - 1;
    if (lead.from !== role.from || words.key(joiner) !== 'and' || !words.joinedToPrevious(role.from) || !words.joinedToPrevious(joiner)) break;
    end = joiner;
  }
  return claims;
}

/**
 * "the vice-premier in charge of trade, Liu He": the token where a qualifier after a title
 * begins, when the words just before `end` are one; else `end`.
 */
function beforeQualifier(finder: Finder, end: number): number {
  const { words, conventions } = finder;
  for (let start = end - 2; start >= Math.max(1, end - 7); start--) {
    const qualifier = conventions.titleQualifiers.matchFrom(words.text, words.tokens, start);
    if (!qualifier || qualifier.to >= end || !words.joinedToPrevious(start)) continue;
    let joined = true;
    for (let index = qualifier.to; index < end && joined; index++) joined = words.joinedToPrevious(index);
    if (joined) return start;
  }
  return end;
}

/** A mention whose own words begin with a title: "Foreign Minister Qin", "Vice-Premier Liu". */
function titleInsideMention(finder: Finder, mention: Mention, first: number): Claim | undefined {
  const { kb, words } = finder;
  const role = rolePhraseAt(finder, first, { heads: titleCase(words, first) });
  const last = first + mention.tokens.length;
  if (!role || role.to >= last || isLesserTitle(finder, role)) return undefined;
  // "President-elect Trump": a title still to come is no claim about the present.
  if (finder.conventions.futureAfterTitle.has(words.key(role.to))) return undefined;
  const surname = words.at(role.to)!;
  const named = [...new Set([...mention.actorIds, ...(role.to === last - 1 ? kb.actorsWithSurname(surname.key) : [])])];
  return surnameClaim(finder, role, { start: surname.start, end: mention.end }, named);
}

/**
 * A title bound to a surname: the claim names whoever among `named` may hold the post. A bare head
 * ("Secretary Raimondo") names only people who held a post with that head.
 */
function surnameClaim(finder: Finder, role: RolePhrase, actorSpan: Span, named: readonly string[]): Claim | undefined {
  const candidates = role.byHead ? named.filter((actorId) => heldAnyOf(finder.kb, actorId, role.roleIds)) : named;
  if (candidates.length === 0) return undefined;
  const lead = leadingWords(finder, role.from);
  const tense = lead.tense !== 'current' ? lead.tense : (tenseOfEvent(eventBefore(finder, lead.from)) ?? tenseAfter(finder, actorSpan.end)?.tense ?? 'current');
  return makeClaim(finder, {
    shape: 'title-surname',
    actorSpan,
    actorIds: candidates,
    bySurname: true,
    role,
    tense,
    marker: lead.marker,
    fromToken: lead.from,
    end: actorSpan.end,
    insertAt: lead.insertAt,
  });
}

/** "Vice-Premier Liu", "Secretary Raimondo", "Foreign Minister Mr Wang". */
function titleSurnameClaim(finder: Finder, role: RolePhrase, mentionStarts: ReadonlySet<number>): Claim | undefined {
  const { kb, words, conventions } = finder;
  let at = role.to;
  for (let steps = 0; steps < 3; steps++) {
    const rank = conventions.honorificsAndRanks.matchFrom(words.text, words.tokens, at);
    if (!rank || !words.joinedToPrevious(at) || !words.at(at)?.capitalized) break;
    at = rank.to;
  }
  const surname = words.at(at);
  const next = words.at(at + 1);
  if (
    !surname ||
    !surname.capitalized ||
    mentionStarts.has(surname.start) ||
    !words.joinedToPrevious(at) ||
    (next && next.capitalized && !FUNCTION_WORDS.has(next.key) && words.joinedToPrevious(at + 1))
  ) {
    return undefined;
  }
  return surnameClaim(finder, role, { start: surname.start, end: surname.end }, kb.actorsWithSurname(surname.key));
}

function heldAnyOf(kb: KnowledgeBase, actorId: string, roleIds: readonly string[]): boolean {
  return kb.actor(actorId)?.tenures.some((tenure) => roleIds.includes(tenure.role)) ?? false;
}

/** "Secretaries Blinken and Austin": a plural head before a list of names, one claim each. */
function pluralTitleClaims(finder: Finder, plural: PhraseMatch<string>, mentions: readonly Mention[]): Claim[] {
  const { kb, words } = finder;
  const text = words.text;
  const claims: Claim[] = [];
  let at = plural.to;
  const lead = leadingWords(finder, plural.from);
  for (let item = 0; item < 6 && at < words.length; item++) {
    if (!words.joinedToPrevious(at) && !/^[ \t]*,[ \t]*$/.test(words.shortGapBefore(at))) break;
    const start = words.startOf(at);
    const mention = mentions.find((candidate) => candidate.start === start);
    const token = words.at(at)!;
    if (!token.capitalized) break;
    const end = mention ? mention.end : token.end;
    const ids = mention ? mention.actorIds : kb.actorsWithSurname(token.key);
    const holders = ids.filter((actorId) => heldAnyOf(kb, actorId, plural.values));
    if (holders.length > 0) {
      claims.push(
        makeClaim(finder, {
          shape: 'title-surname',
          actorSpan: { start, end },
          actorIds: holders,
          bySurname: !mention,
          role: { roleIds: plural.values, from: plural.from, to: plural.to, byHead: true },
          roleRewritable: false,
          tense: lead.tense,
          marker: lead.marker,
          fromToken: lead.from,
          end,
          insertAt: lead.insertAt,
        }),
      );
    }
    at = words.indexAt(end);
    const separator = text.slice(end, words.startOf(at));
    if (words.key(at) === 'and' && /^[ \t]*,?[ \t]*$/.test(separator)) at++;
    else if (!/^[ \t]*,[ \t]*$/.test(separator)) break;
  }
  return claims.length >= 2 ? claims : [];
}

/**
 * "Rubio, Bessent and Lutnick, the secretaries of state, treasury and commerce": names in a list,
 * then a plural title whose objects are paired with the names in order. Mentions used are added
 * to `listed`.
 */
function listClaims(finder: Finder, mentions: readonly Mention[], listed: Set<Mention>): Claim[] {
  const { kb, words, conventions } = finder;
  const text = words.text;
  const claims: Claim[] = [];
  let group: Mention[] = [];
  for (let index = 0; index < mentions.length; index++) {
    const mention = mentions[index]!;
    const previous = group[group.length - 1];
    if (previous && /^(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$/.test(text.slice(previous.end, mention.start))) group.push(mention);
    else group = [mention];
    if (group.length < 2) continue;
    const nextMention = mentions[index + 1];
    if (nextMention && /^(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+)$/.test(text.slice(mention.end, nextMention.start))) continue;
    // After the last name: ", the secretaries of state, treasury and commerce".
    let at = words.indexAt(mention.end);
    if (!/^[ \t]*,[ \t]*$/.test(text.slice(mention.end, words.startOf(at)))) continue;
    const leadFrom = at;
    if (conventions.leadWords.matchFrom(text, words.tokens, at)?.values[0] === 'determiner') at++;
    const plural = kb.pluralTitleHeads.matchFrom(text, words.tokens, at);
    if (!plural) continue;
    const singular = conventions.plurals.get(plural.words.join(' '));
    if (!singular) continue;
    at = plural.to;
    const objectOf = words.key(at) === 'of';
    if (objectOf) at++;
    const items: Array<{ from: number; to: number }> = [];
    while (at < words.length && items.length < group.length) {
      let to = at;
      while (to < words.length && to - at < 4 && words.key(to) !== 'and' && (to === at || words.joinedToPrevious(to))) to++;
      if (to === at) break;
      items.push({ from: at, to });
      const gap = words.shortGapBefore(to);
      if (words.key(to) === 'and' && (/^[ \t]+$/.test(gap) || /^[ \t]*,[ \t]*$/.test(gap))) at = to + 1;
      else if (/^[ \t]*,[ \t]*$/.test(gap)) at = words.key(to) === 'and' ? to + 1 : to;
      else break;
    }
    if (items.length !== group.length) continue;
    const head = singular.split(' ');
    const roles = items.map(({ from, to }) => {
      let object = words.tokens.slice(from, to).map((token) => token.key);
      if (object[0] === 'the') object = object.slice(1);
      // An item may be a whole title of its own: "... treasury and commerce and the trade representative".
      const forms = objectOf ? [[...head, 'of', ...object], [...head, 'of', 'the', ...object], [...object, ...head], object] : [[...object, ...head], object];
      for (const form of forms) {
        const ids = kb.roleMatcher.lookupKeys(form);
        if (ids.length > 0) return ids;
      }
      return [];
    });
    if (roles.some((ids) => ids.length === 0)) continue;
    const end = words.endOf(items[items.length - 1]!.to - 1);
    group.forEach((listedMention, position) => {
      listed.add(listedMention);
      const item = items[position]!;
      claims.push(
        makeClaim(finder, {
          shape: 'list',
          actorSpan: { start: listedMention.start, end: listedMention.end },
          actorIds: listedMention.actorIds,
          bySurname: false,
          role: { roleIds: roles[position]!, from: item.from, to: item.to, byHead: false },
          roleRewritable: false,
          tense: 'current',
          fromToken: leadFrom,
          end,
          insertAt: words.startOf(plural.from),
        }),
      );
    });
    group = [];
  }
  return claims;
}

/**
 * "| Elon Musk | head of the Department of Government Efficiency |": in a Markdown table, a cell
 * that is a name and the next cell that is a post (or several, split by ";"). The post column's
 * header may make them historical ("Former post") or future ("Incoming").
 */
function tableClaims(finder: Finder, mentions: readonly Mention[]): Claim[] {
  const { words } = finder;
  const text = words.text;
  const claims: Claim[] = [];
  const byStart = new Map(mentions.map((mention) => [mention.start, mention]));
  let header: Cell[] | undefined;
  let previousRow: Cell[] | undefined;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const row = text.charCodeAt(lineStart) === 124 /* | */ || /^[ \t]{0,3}\|/.test(text.slice(lineStart, lineStart + 4)) ? tableCells(text, lineStart, lineEnd) : undefined;
    if (!row) header = previousRow = undefined;
    else if (row.every((cell) => /^:?-{2,}:?$/.test(text.slice(cell.start, cell.end)))) header = previousRow;
    else {
      if (header) {
        row.forEach((cell, column) => {
          const mention = byStart.get(cell.start);
          const post = row[column + 1];
          if (!mention || mention.end !== cell.end || !post) return;
          const tense = tenseOfHeader(text, header?.[column + 1]);
          for (const part of post.parts) claims.push(...tableCellClaim(finder, mention, part, tense));
        });
      }
      previousRow = row;
    }
    lineStart = lineEnd + 1;
  }
  return claims;
}

interface Cell {
  /** The cell's text without padding and emphasis. */
  readonly start: number;
  readonly end: number;
  /** The parts of a cell that lists several posts ("foreign minister; CFAC office director"). */
  readonly parts: ReadonlyArray<{ start: number; end: number }>;
}

function tableCells(text: string, lineStart: number, lineEnd: number): Cell[] {
  const cells: Cell[] = [];
  let cellStart = text.indexOf('|', lineStart) + 1;
  for (let bar = text.indexOf('|', cellStart); bar !== -1 && bar <= lineEnd; bar = text.indexOf('|', cellStart)) {
    const [start, end] = trimCell(text, cellStart, bar);
    const parts: Array<{ start: number; end: number }> = [];
    let partStart = start;
    for (let semicolon = text.indexOf(';', partStart); semicolon !== -1 && semicolon < end; semicolon = text.indexOf(';', partStart)) {
      const [from, to] = trimCell(text, partStart, semicolon);
      parts.push({ start: from, end: to });
      partStart = semicolon + 1;
    }
    const [from, to] = trimCell(text, partStart, end);
    parts.push({ start: from, end: to });
    cells.push({ start, end, parts });
    cellStart = bar + 1;
  }
  // A row without a closing bar: the rest of the line is the last cell.
  const [start, end] = trimCell(text, cellStart, lineEnd);
  if (end > start && !/^[\r]*$/.test(text.slice(start, end))) cells.push({ start, end, parts: [{ start, end }] });
  return cells;
}

/** [start, end) of a cell's text without spaces and emphasis markers around it. */
function trimCell(text: string, start: number, end: number): [number, number] {
  while (start < end && /[ \t*_]/.test(text[start]!)) start++;
  while (end > start && /[ \t*_\r]/.test(text[end - 1]!)) end--;
  return [start, end];
}

function tenseOfHeader(text: string, cell: Cell | undefined): Tense {
  const words = cell ? text.slice(cell.start, cell.end) : '';
  if (/\b(?:former|previous|past|then|earlier|old)\b/i.test(words)) return 'past';
  if (/\b(?:incoming|next|future|nominee|nominated|designate)\b/i.test(words)) return 'future';
  return 'current';
}

/** The post in one part of a table cell, when the whole part is that post (a parenthesis may follow). */
function tableCellClaim(finder: Finder, mention: Mention, part: { start: number; end: number }, headerTense: Tense): Claim[] {
  const { words } = finder;
  const found = rolePhraseFrom(finder, words.indexAt(part.start));
  if (!found || words.startOf(found.lead.from) < part.start) return [];
  const roleEnd = words.endOf(found.role.to - 1);
  if (roleEnd > part.end || !/^\s*(?:\([^()]*\))?\s*$/.test(words.text.slice(roleEnd, part.end))) return [];
  return [
    makeClaim(finder, {
      shape: 'table',
      actorSpan: { start: mention.start, end: mention.end },
      actorIds: mention.actorIds,
      bySurname: false,
      role: found.role,
      tense: found.lead.tense !== 'current' ? found.lead.tense : headerTense,
      marker: found.lead.marker,
      fromToken: found.lead.from,
      end: roleEnd,
      insertAt: found.lead.insertAt,
    }),
  ];
}

/**
 * Bare surnames that refer back to someone named in full earlier ("Lloyd Austin ... Austin, the
 * defence secretary, ..."): each resolves to the last person named in full with that surname.
 * A surname nobody was named with before, or that is part of a longer name, refers to no one.
 */
function surnameReferences(finder: Finder, mentions: readonly Mention[], surnames: SurnameContext | undefined): Mention[] {
  const { kb, words } = finder;
  const references: Mention[] = [];
  /**
   * Per surname, the last person named in full with it, and where another person with it was last
   * named. Those carried in were named before the text (at -1): they never make a surname ambiguous
   * within its paragraph.
   */
  const lastNamed = new Map<string, { actorId: string | undefined; at: number; otherAt: number }>();
  const lookUp = (key: string) => {
    const known = lastNamed.get(key);
    if (known || !surnames || surnames.read.has(key)) return known;
    const carried = surnames.carried.get(key);
    surnames.read.set(key, carried);
    if (carried === undefined) return undefined;
    const entry = { actorId: carried ?? undefined, at: -1, otherAt: -1 };
    lastNamed.set(key, entry);
    return entry;
  };
  let paragraphStart = 0;
  let next = 0;
  const name = (key: string, actorId: string | undefined, at: number) => {
    const previous = lastNamed.get(key);
    const otherAt = previous && previous.actorId !== actorId ? previous.at : (previous?.otherAt ?? -1);
    lastNamed.set(key, { actorId, at, otherAt });
    surnames?.named.set(key, actorId ?? null);
  };
  for (let index = 0; index < words.length; index++) {
    const token = words.at(index)!;
    if (/\n[ \t]*\r?\n/.test(words.gapBefore(index))) paragraphStart = token.start;
    const mention = mentions[next];
    if (mention && token.start >= mention.start) {
      if (mention.actorIds.length === 1 && mention.tokens.length >= 2) {
        const actorId = mention.actorIds[0]!;
        for (const word of mention.tokens) if (kb.actorsWithSurname(word.key).includes(actorId)) name(word.key, actorId, mention.start);
      }
      index = words.indexAt(mention.end) - 1;
      next++;
      continue;
    }
    if (!token.capitalized) continue;
    const named = lookUp(token.key);
    if (!named) continue;
    // Part of another name ("Wang Wentao", "Fort Austin") is not a reference, and after it the
    // surname may mean that other person.
    const partOfName =
      (words.joinedToPrevious(index) && words.at(index - 1)?.capitalized && !FUNCTION_WORDS.has(words.key(index - 1))) ||
      (words.joinedToPrevious(index + 1) && words.at(index + 1)?.capitalized && !FUNCTION_WORDS.has(words.key(index + 1)));
    if (partOfName) {
      name(token.key, undefined, token.start);
      continue;
    }
    // Two people with this surname named in the same paragraph: "Li" could be either.
    if (!named.actorId || named.otherAt >= paragraphStart) continue;
    references.push({ start: token.start, end: token.end, text: words.text.slice(token.start, token.end), entries: [], actorIds: [named.actorId], tokens: [token] });
  }
  return references;
}

/** Capitalised words that are the surname of one person only, outside any full name: list items ("Rubio, Bessent and Lutnick"). */
function soleSurnames(finder: Finder, insideMention: ReadonlySet<number>): Mention[] {
  const { kb, words } = finder;
  const found: Mention[] = [];
  for (let index = 0; index < words.length; index++) {
    const token = words.at(index)!;
    if (!token.capitalized || insideMention.has(token.start)) continue;
    const ids = kb.actorsWithSurname(token.key);
    if (ids.length !== 1) continue;
    found.push({ start: token.start, end: token.end, text: words.text.slice(token.start, token.end), entries: [], actorIds: ids, tokens: [token] });
  }
  return found;
}

function makeClaim(finder: Finder, parts: ClaimParts): Claim {
  const { words, conventions } = finder;
  const { role, actorSpan, marker } = parts;
  const roleSpan = { start: words.startOf(role.from), end: words.endOf(role.to - 1) };
  let insertAt = parts.insertAt;
  // A title written with its possessive ("China's foreign minister") takes "former" after it.
  if (insertAt === roleSpan.start && role.to - role.from > 1 && words.possessiveBefore(role.from + 1)) insertAt = words.startOf(role.from + 1);
  const firstToken = Math.min(parts.fromToken, role.from);
  const leadStart = words.startOf(firstToken);
  const start = Math.min(actorSpan.start, leadStart, marker?.start ?? Number.POSITIVE_INFINITY);
  // Whose post it is: country words before the title's first preposition ("China's ambassador",
  // "US trade representative"), not its object ("ambassador to China").
  const countries = new Set<string>();
  for (let index = firstToken; index < role.to && !TITLE_PREPOSITIONS.has(words.key(index)); index++) {
    const country = conventions.countryOfWord(words.key(index)) ?? conventions.countryOfPair(words.key(index), words.key(index + 1));
    if (country) countries.add(country);
  }
  return {
    shape: parts.shape,
    actorSpan,
    actorText: words.text.slice(actorSpan.start, actorSpan.end),
    actorIds: parts.actorIds,
    bySurname: parts.bySurname,
    byReference: parts.byReference ?? false,
    roleSpan,
    roleText: words.text.slice(roleSpan.start, roleSpan.end),
    roleIds: role.roleIds,
    byHead: role.byHead,
    roleRewritable: parts.roleRewritable ?? true,
    countries: [...countries],
    historicalInsertAt: insertAt,
    tense: parts.tense,
    ...(marker ? { markerSpan: marker } : {}),
    span: { start, end: Math.max(parts.end, roleSpan.end, marker?.end ?? 0) },
  };
}
