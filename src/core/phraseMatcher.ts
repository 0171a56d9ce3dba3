/**
 * Matches known multi-word phrases (post titles, country words, markers) against tokenised text,
 * forwards from a word or backwards from a word, longest phrase first. Lookups are keyed by the
 * first (or last) word, so scanning a memo costs one map lookup per word: no regular expression
 * over the phrase list, no backtracking.
 */
import { isPossessiveGap, isWordGap, tokenize, type Token } from './text';

export interface PhraseMatch<T> {
  readonly values: readonly T[];
  /** Index of the first and one past the last matched token. */
  readonly from: number;
  readonly to: number;
  readonly words: readonly string[];
}

export class PhraseMatcher<T> {
  private readonly byKey = new Map<string, T[]>();
  private readonly lengthsByFirst = new Map<string, number[]>();
  private readonly lengthsByLast = new Map<string, number[]>();
  private maxLength = 0;

  add(phrase: string, value: T): void {
    this.addKeys(tokenize(phrase).map((token) => token.key), value);
  }

  /** Adds a phrase already split into token keys ("vice", "premier"). */
  addKeys(words: readonly string[], value: T): void {
    for (const variant of spellings(words)) this.addWords(variant, value);
  }

  private addWords(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    const key = words.join(' ');
    const values = this.byKey.get(key) ?? [];
    if (!values.includes(value)) values.push(value);
    this.byKey.set(key, values);
    remember(this.lengthsByFirst, words[0]!, words.length);
    remember(this.lengthsByLast, words[words.length - 1]!, words.length);
    this.maxLength = Math.max(this.maxLength, words.length);
  }

  /** The longest phrase that starts at token `index`. */
  matchFrom(text: string, tokens: readonly Token[], index: number): PhraseMatch<T> | undefined {
    const lengths = index < tokens.length ? this.lengthsByFirst.get(tokens[index]!.key) : undefined;
    if (!lengths) return undefined;
    for (const length of lengths) {
      const match = this.tryRange(text, tokens, index, index + length);
      if (match) return match;
    }
    return undefined;
  }

  /** The longest phrase that ends just before token `end` (exclusive). */
  matchBefore(text: string, tokens: readonly Token[], end: number): PhraseMatch<T> | undefined {
    const lengths = end > 0 ? this.lengthsByLast.get(tokens[end - 1]!.key) : undefined;
    if (!lengths) return undefined;
    for (const length of lengths) {
      const match = this.tryRange(text, tokens, end - length, end);
      if (match) return match;
    }
    return undefined;
  }

  private tryRange(text: string, tokens: readonly Token[], from: number, to: number): PhraseMatch<T> | undefined {
    if (from < 0 || to > tokens.length) return undefined;
    const words: string[] = [];
    for (let index = from; index < to; index++) {
      if (index > from && !isPhraseGap(text, tokens[index - 1]!.end, tokens[index]!.start)) return undefined;
      words.push(tokens[index]!.key);
    }
    const values = this.byKey.get(words.join(' '));
    return values ? { values, from, to, words } : undefined;
  }

  /** Every value whose phrase is exactly these words. */
  lookup(phrase: string): readonly T[] {
    return this.lookupKeys(tokenize(phrase).map((token) => token.key));
  }

  /** Every value whose phrase is exactly these token keys. */
  lookupKeys(words: readonly string[]): readonly T[] {
    return this.byKey.get(words.join(' ')) ?? [];
  }
}

/** Between words of a title, also a possessive: "China's foreign minister" (the "'s" is not a word). */
function isPhraseGap(text: string, from: number, to: number): boolean {
  return isWordGap(text, from, to) || isPossessiveGap(text, from, to);
}

function remember(map: Map<string, number[]>, word: string, length: number) {
  const lengths = map.get(word) ?? [];
  if (!lengths.includes(length)) {
    lengths.push(length);
    lengths.sort((a, b) => b - a);
  }
  map.set(word, lengths);
}

/** "US" is also written "U.S.", which tokenises as two words. */
function spellings(words: readonly string[]): string[][] {
  const index = words.indexOf('us');
  if (index === -1) return [[...words]];
  return [[...words], [...words.slice(0, index), 'u', 's', ...words.slice(index + 1)]];
}
