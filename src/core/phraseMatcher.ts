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

/** A word trie: each node holds the phrases that end there. */
interface TrieNode<T> {
  readonly next: Map<string, TrieNode<T>>;
  values: T[] | undefined;
}

function trieNode<T>(): TrieNode<T> {
  return { next: new Map(), values: undefined };
}

/**
 * Phrases in two word tries, one read forwards from the first word and one backwards from the
 * last: matching walks the text's words down a trie, so it builds no strings and allocates
 * nothing until it finds a phrase (the claim finder asks at almost every word of a memo).
 */
export class PhraseMatcher<T> {
  private readonly forward = trieNode<T>();
  private readonly backward = trieNode<T>();

  add(phrase: string, value: T): void {
    this.addKeys(tokenize(phrase).map((token) => token.key), value);
  }

  /** Adds a phrase already split into token keys ("vice", "premier"). */
  addKeys(words: readonly string[], value: T): void {
    for (const variant of spellings(words)) this.addWords(variant, value);
  }

  private addWords(words: readonly string[], value: T): void {
    if (words.length === 0) return;
    for (const [root, order] of [
      [this.forward, words],
      [this.backward, [...words].reverse()],
    ] as const) {
      let node: TrieNode<T> = root;
      for (const word of order) {
        let child = node.next.get(word);
        if (!child) {
          child = trieNode<T>();
          node.next.set(word, child);
        }
        node = child;
      }
      node.values ??= [];
      if (!node.values.includes(value)) node.values.push(value);
    }
  }

  /** The longest phrase that starts at token `index`. */
  matchFrom(text: string, tokens: readonly Token[], index: number): PhraseMatch<T> | undefined {
    let node = index >= 0 && index < tokens.length ? this.forward.next.get(tokens[index]!.key) : undefined;
    let found: { values: T[]; to: number } | undefined;
    for (let at = index; node; ) {
      if (node.values) found = { values: node.values, to: at + 1 };
      at++;
      if (at >= tokens.length || !isPhraseGap(text, tokens[at - 1]!.end, tokens[at]!.start)) break;
      node = node.next.get(tokens[at]!.key);
    }
    return found && { values: found.values, from: index, to: found.to, words: keysOf(tokens, index, found.to) };
  }

  /** The longest phrase that ends just before token `end` (exclusive). */
  matchBefore(text: string, tokens: readonly Token[], end: number): PhraseMatch<T> | undefined {
    let node = end > 0 && end <= tokens.length ? this.backward.next.get(tokens[end - 1]!.key) : undefined;
    let found: { values: T[]; from: number } | undefined;
    for (let at = end - 1; node; ) {
      if (node.values) found = { values: node.values, from: at };
      at--;
      if (at < 0 || !isPhraseGap(text, tokens[at]!.end, tokens[at + 1]!.start)) break;
      node = node.next.get(tokens[at]!.key);
    }
    return found && { values: found.values, from: found.from, to: end, words: keysOf(tokens, found.from, end) };
  }

  /** Every value whose phrase is exactly these words. */
  lookup(phrase: string): readonly T[] {
    return this.lookupKeys(tokenize(phrase).map((token) => token.key));
  }

  /** Every value whose phrase is exactly these token keys. */
  lookupKeys(words: readonly string[]): readonly T[] {
    let node: TrieNode<T> | undefined = this.forward;
    for (const word of words) {
      node = node.next.get(word);
      if (!node) return [];
    }
    return node.values ?? [];
  }
}

function keysOf(tokens: readonly Token[], from: number, to: number): string[] {
  const words: string[] = [];
  for (let index = from; index < to; index++) words.push(tokens[index]!.key);
  return words;
}

/** Between words of a title, also a possessive: "China's foreign minister" (the "'s" is not a word). */
function isPhraseGap(text: string, from: number, to: number): boolean {
  return isWordGap(text, from, to) || isPossessiveGap(text, from, to);
}

/** "US" is also written "U.S.", which tokenises as two words. */
function spellings(words: readonly string[]): string[][] {
  const index = words.indexOf('us');
  if (index === -1) return [[...words]];
  return [[...words], [...words.slice(0, index), 'u', 's', ...words.slice(index + 1)]];
}
