/**
 * The language knowledge the claim engine reads: honorifics, ranks, name order, country words,
 * markers, event and post verbs, title heads and synonyms. It lives in conventions.json, so a new
 * country or register needs data, not an engine change; this module only types it and turns the
 * word lists into phrase matchers once.
 */
import defaults from './conventions.json';
import { PhraseMatcher } from './phraseMatcher';
import { wordKeys } from './text';

export interface Conventions {
  readonly honorifics: readonly string[];
  readonly ranks: readonly string[];
  readonly nameSuffixes: readonly string[];
  /** Countries whose names are written family name first ("Qin Gang" is Mr Qin). */
  readonly familyNameFirstCountries: readonly string[];
  /** Words naming a country before a title ("China's", "US"), keyed as tokenised text. */
  readonly countryWords: Readonly<Record<string, string>>;
  readonly determiners: readonly string[];
  readonly organizationWords: readonly string[];
  readonly modifiers: readonly string[];
  readonly markers: { readonly former: readonly string[]; readonly past: readonly string[]; readonly future: readonly string[] };
  readonly futureAfterTitle: readonly string[];
  readonly lesserTitleWords: readonly string[];
  readonly titleSynonyms: ReadonlyArray<readonly string[]>;
  readonly titleHeads: readonly string[];
  readonly headOfWords: readonly string[];
  /** Heads written both "X secretary" and "secretary of X". */
  readonly ofHeads: readonly string[];
  readonly eventVerbs: {
    readonly endBefore: readonly string[];
    readonly endAfter: readonly string[];
    readonly endAs: readonly string[];
    readonly startBefore: readonly string[];
    readonly startAfter: readonly string[];
    readonly startAs: readonly string[];
  };
  readonly postVerbs: { readonly current: readonly string[]; readonly past: readonly string[] };
  readonly copulas: { readonly current: readonly string[]; readonly past: readonly string[] };
  readonly eraTitles: readonly string[];
  readonly eraWords: { readonly prepositions: readonly string[]; readonly terms: readonly string[]; readonly ordinals: Readonly<Record<string, number>> };
  readonly subordinators: readonly string[];
  /** Words after a title that narrow it without making it another post ("vice-premier in charge of trade"). */
  readonly titleQualifiers: readonly string[];
  readonly plurals: Readonly<Record<string, string>>;
  /** First words of an opening phrase that sets the time of its whole sentence ("In 2019, ...", "During a visit in 2019, ..."). */
  readonly timeOpeners: readonly string[];
  /** Nouns for each country, interchangeable inside a title ("ambassador to China", "ambassador to the PRC"). */
  readonly countryNouns: Readonly<Record<string, readonly string[]>>;
  /** Nouns that name a body and are written both "ministry of defence" and "defence ministry". */
  readonly bodyHeads: readonly string[];
  /** Words written with a period that does not end a sentence ("Mr.", "Gen.", "U.S."). */
  readonly abbreviations: readonly string[];
  /** Abbreviated title heads ("Sen." for senator), as token keys. */
  readonly headAbbreviations: Readonly<Record<string, string>>;
}

export const DEFAULT_CONVENTIONS: Conventions = defaults;

/** How a word before a title changes or qualifies the claim. */
export type LeadWordKind = 'determiner' | 'country' | 'modifier' | { tense: 'former' | 'past' | 'future' };

/** What a phrase right after a name (or inside a sentence) says about the post that follows. */
export type LinkKind =
  | { kind: 'copula'; tense: 'current' | 'past' }
  | { kind: 'post-verb'; tense: 'current' | 'past' }
  | { kind: 'event-end' }
  | { kind: 'event-start' };

/** The conventions compiled into matchers, built once per knowledge base. */
export class ConventionMatchers {
  readonly leadWords = new PhraseMatcher<LeadWordKind>();
  readonly honorificsAndRanks = new PhraseMatcher<'honorific' | 'rank'>();
  readonly nameSuffixes: ReadonlySet<string>;
  readonly familyNameFirst: ReadonlySet<string>;
  readonly lesserTitleWords: ReadonlySet<string>;
  readonly futureAfterTitle: ReadonlySet<string>;
  readonly subordinators: ReadonlySet<string>;
  readonly timeOpeners: ReadonlySet<string>;
  /** "who heads", "was named", "resigned as": the link between a name and a post. */
  readonly links = new PhraseMatcher<LinkKind>();
  /** Event words before a title ("fired", "the ouster of") and after a name ("was replaced"). */
  readonly eventsBefore = new PhraseMatcher<'end' | 'start'>();
  readonly eventsAfter = new PhraseMatcher<'end' | 'start'>();
  /** The participles of those events ("removed" in "was also removed"), for when adverbs intervene. */
  readonly eventParticiples = new PhraseMatcher<'end' | 'start'>();
  readonly eraPrepositions = new PhraseMatcher<true>();
  readonly eraTerms = new PhraseMatcher<true>();
  readonly countries: PhraseMatcher<string>;
  readonly titleQualifiers = new PhraseMatcher<true>();
  /** First words of country names written in two words ("united", "the"). */
  private readonly twoWordCountries: ReadonlySet<string>;
  readonly plurals: ReadonlyMap<string, string>;

  constructor(readonly conventions: Conventions) {
    const { markers } = conventions;
    for (const word of conventions.determiners) this.leadWords.add(word, 'determiner');
    this.countries = new PhraseMatcher<string>();
    for (const [words, country] of Object.entries(conventions.countryWords)) {
      this.leadWords.add(words, 'country');
      this.countries.add(words, country);
    }
    for (const word of [...conventions.modifiers, ...conventions.organizationWords]) this.leadWords.add(word, 'modifier');
    for (const word of markers.former) this.leadWords.add(word, { tense: 'former' });
    for (const word of markers.past) this.leadWords.add(word, { tense: 'past' });
    for (const word of markers.future) this.leadWords.add(word, { tense: 'future' });
    for (const word of conventions.honorifics) this.honorificsAndRanks.add(word, 'honorific');
    for (const word of conventions.ranks) this.honorificsAndRanks.add(word, 'rank');
    this.nameSuffixes = new Set(conventions.nameSuffixes);
    this.familyNameFirst = new Set(conventions.familyNameFirstCountries);
    this.lesserTitleWords = new Set(conventions.lesserTitleWords);
    this.futureAfterTitle = new Set(conventions.futureAfterTitle);
    this.subordinators = new Set(conventions.subordinators);
    this.timeOpeners = new Set(conventions.timeOpeners);
    for (const phrase of conventions.copulas.current) this.links.add(phrase, { kind: 'copula', tense: 'current' });
    for (const phrase of conventions.copulas.past) this.links.add(phrase, { kind: 'copula', tense: 'past' });
    for (const phrase of conventions.postVerbs.current) this.links.add(phrase, { kind: 'post-verb', tense: 'current' });
    for (const phrase of conventions.postVerbs.past) this.links.add(phrase, { kind: 'post-verb', tense: 'past' });
    for (const phrase of conventions.eventVerbs.endAs) this.links.add(phrase, { kind: 'event-end' });
    for (const phrase of conventions.eventVerbs.startAs) this.links.add(phrase, { kind: 'event-start' });
    for (const phrase of conventions.eventVerbs.endBefore) this.eventsBefore.add(phrase, 'end');
    for (const phrase of conventions.eventVerbs.startBefore) this.eventsBefore.add(phrase, 'start');
    for (const phrase of conventions.eventVerbs.endAfter) this.eventsAfter.add(phrase, 'end');
    for (const phrase of conventions.eventVerbs.startAfter) this.eventsAfter.add(phrase, 'start');
    for (const [kind, phrases] of [['end', conventions.eventVerbs.endAfter], ['start', conventions.eventVerbs.startAfter]] as const) {
      for (const phrase of phrases) {
        const participle = /^(?:was|were|has been|had been)\s+(.+)$/.exec(phrase)?.[1];
        if (participle) this.eventParticiples.add(participle, kind);
      }
    }
    for (const phrase of conventions.eraWords.prepositions) this.eraPrepositions.add(phrase, true);
    for (const phrase of conventions.eraWords.terms) this.eraTerms.add(phrase, true);
    for (const phrase of conventions.titleQualifiers) this.titleQualifiers.add(phrase, true);
    this.twoWordCountries = new Set(Object.keys(conventions.countryWords).filter((words) => words.split(' ').length === 2).map((words) => words.split(' ')[0]!));
    this.plurals = new Map(Object.entries(conventions.plurals).map(([plural, singular]) => [wordKeys(plural).join(' '), wordKeys(singular).join(' ')]));
  }

  /** The country one word names ("chinese" → CN), with no string built. */
  countryOfWord(word: string): string | undefined {
    return this.conventions.countryWords[word];
  }

  /** The country two words name together ("united states" → US). */
  countryOfPair(first: string, second: string): string | undefined {
    return second && this.twoWordCountries.has(first) ? this.conventions.countryWords[`${first} ${second}`] : undefined;
  }

  /** The country a run of tokenised words names ("people's republic of china" → CN), if any. */
  countryOf(words: readonly string[]): string | undefined {
    const key = words.join(' ');
    return this.conventions.countryWords[key] ?? this.conventions.countryWords[key.replace(/^people /, "people's ")];
  }
}

let defaultMatchers: ConventionMatchers | undefined;

/** The default conventions' matchers, built on first use and shared. */
export function defaultConventionMatchers(): ConventionMatchers {
  defaultMatchers ??= new ConventionMatchers(DEFAULT_CONVENTIONS);
  return defaultMatchers;
}

/** What a dataset may add to the conventions (the schema's `conventions` object). */
export interface ConventionsAddition {
  readonly honorifics?: readonly string[] | undefined;
  readonly ranks?: readonly string[] | undefined;
  readonly nameSuffixes?: readonly string[] | undefined;
  readonly familyNameFirstCountries?: readonly string[] | undefined;
  readonly countryWords?: Readonly<Record<string, string>> | undefined;
  readonly organizationWords?: readonly string[] | undefined;
  readonly abbreviations?: readonly string[] | undefined;
}

/**
 * The conventions with each dataset's additions, in order: lists gain the words they lack, written
 * as tokenised keys ("Britain's" → "britain", "U.K." → "u k") as the defaults are; a later
 * dataset's country word replaces an earlier one's code. Nothing is removed.
 */
export function mergeConventions(base: Conventions, additions: readonly ConventionsAddition[]): Conventions {
  if (additions.length === 0) return base;
  const key = (text: string) => wordKeys(text).join(' ');
  const union = (list: readonly string[], more: ReadonlyArray<readonly string[] | undefined>, normalise: (text: string) => string = key) => {
    const result = [...list];
    for (const words of more) for (const word of words ?? []) {
      const normalised = normalise(word);
      if (normalised && !result.includes(normalised)) result.push(normalised);
    }
    return result;
  };
  const countryWords: Record<string, string> = { ...base.countryWords };
  for (const addition of additions) for (const [words, code] of Object.entries(addition.countryWords ?? {})) if (key(words)) countryWords[key(words)] = code.toUpperCase();
  return {
    ...base,
    honorifics: union(base.honorifics, additions.map((addition) => addition.honorifics)),
    ranks: union(base.ranks, additions.map((addition) => addition.ranks)),
    nameSuffixes: union(base.nameSuffixes, additions.map((addition) => addition.nameSuffixes)),
    familyNameFirstCountries: union(base.familyNameFirstCountries, additions.map((addition) => addition.familyNameFirstCountries), (code) => code.toUpperCase()),
    countryWords,
    organizationWords: union(base.organizationWords, additions.map((addition) => addition.organizationWords)),
    abbreviations: union(base.abbreviations, additions.map((addition) => addition.abbreviations)),
  };
}

/** The matchers for the defaults with these additions: the shared default matchers when there are none. */
export function conventionMatchersWith(additions: readonly ConventionsAddition[]): ConventionMatchers {
  return additions.length === 0 ? defaultConventionMatchers() : new ConventionMatchers(mergeConventions(DEFAULT_CONVENTIONS, additions));
}
