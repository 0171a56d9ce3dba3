/** Words that name a country in front of a title ("China's foreign minister", "US trade representative"). */
export const COUNTRY_WORDS: Readonly<Record<string, string>> = {
  china: 'CN',
  chinese: 'CN',
  beijing: 'CN',
  prc: 'CN',
  "people's republic of china": 'CN',
  america: 'US',
  american: 'US',
  us: 'US',
  'u s': 'US',
  'united states': 'US',
  washington: 'US',
  'the us': 'US',
  'the united states': 'US',
};

/** Phrases as tokenised keys (possessive "'s" dropped): "people republic of china". */
export function countryOfWords(words: readonly string[]): string | undefined {
  return COUNTRY_WORDS[words.join(' ')] ?? COUNTRY_WORDS[words.join(' ').replace(/^people /, "people's ")];
}
