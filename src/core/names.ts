/**
 * How people are called in prose: the surname a title or honorific goes with ("Mr Qin",
 * "Secretary Raimondo"), from the person's name, their honorific aliases and the name order of
 * their country, which the conventions give ("Qin Gang" is family name first, "Gina Raimondo" is
 * not).
 */
import type { ConventionMatchers } from './conventions';
import type { Actor } from './schema';
import { tokenize } from './text';

/** The surnames a person goes by, as token keys. */
export function surnamesOf(actor: Actor, conventions: ConventionMatchers): string[] {
  const surnames = new Set<string>();
  for (const alias of actor.aliases) {
    const tokens = tokenize(alias);
    const honorific = conventions.honorificsAndRanks.matchFrom(alias, tokens, 0);
    // "Mr Qin": an honorific and one word.
    if (honorific && honorific.values.includes('honorific') && honorific.to === tokens.length - 1) surnames.add(tokens[tokens.length - 1]!.key);
  }
  const words = withoutSuffix(tokenize(actor.name), conventions);
  if (words.length >= 2) {
    const familyFirst = actor.country !== undefined && conventions.familyNameFirst.has(actor.country);
    surnames.add((familyFirst ? words[0] : words[words.length - 1])!.key);
  }
  return [...surnames];
}

/** A name's words without a trailing "Jr." or "III". */
function withoutSuffix<T extends { key: string }>(words: readonly T[], conventions: ConventionMatchers): readonly T[] {
  return words.length > 2 && conventions.nameSuffixes.has(words[words.length - 1]!.key) ? words.slice(0, -1) : words;
}
