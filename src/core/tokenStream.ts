/**
 * The words of one text with the questions the claim engine asks about them: which word starts
 * at an offset, and whether two neighbouring words belong to one phrase. One object travels
 * through the finder instead of a text and its tokens passed side by side.
 */
import { isPossessiveGap, isWordGap, tokenize, type Token } from './text';

export class TokenStream {
  readonly tokens: readonly Token[];

  constructor(
    readonly text: string,
    tokens?: readonly Token[],
  ) {
    this.tokens = tokens ?? tokenize(text);
  }

  get length(): number {
    return this.tokens.length;
  }

  at(index: number): Token | undefined {
    return index >= 0 ? this.tokens[index] : undefined;
  }

  /** The key of the word at `index`, or '' outside the text. */
  key(index: number): string {
    return this.at(index)?.key ?? '';
  }

  /** Index of the first word that starts at or after `offset` (binary search). */
  indexAt(offset: number): number {
    let low = 0;
    let high = this.tokens.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.tokens[middle]!.start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** True when words `index - 1` and `index` are written as one phrase ("Vice-Premier", "John L. Thornton"). */
  joinedToPrevious(index: number): boolean {
    const previous = this.at(index - 1);
    const current = this.at(index);
    return Boolean(previous && current && isWordGap(this.text, previous.end, current.start));
  }

  /** True when a possessive separates words `index - 1` and `index` ("China's foreign"). */
  possessiveBefore(index: number): boolean {
    const previous = this.at(index - 1);
    const current = this.at(index);
    return Boolean(previous && current && isPossessiveGap(this.text, previous.end, current.start));
  }

  /** The characters between word `index - 1` and word `index`. */
  gapBefore(index: number): string {
    const previous = this.at(index - 1);
    const current = this.at(index);
    if (!current) return previous ? this.text.slice(previous.end, previous.end + 80) : '';
    return this.text.slice(previous ? previous.end : Math.max(0, current.start - 80), current.start);
  }

  /**
   * The characters between word `index - 1` and word `index` when they are few (punctuation and a
   * space or two), else ''. Patterns over a gap are only ever tested on a short one, so a run of
   * 30,000 spaces costs nothing.
   */
  shortGapBefore(index: number, max = 12): string {
    const previous = this.at(index - 1);
    const current = this.at(index);
    if (!previous || !current || current.start - previous.end > max) return '';
    return this.text.slice(previous.end, current.start);
  }

  /** The offset where word `index` starts (or the text's end). */
  startOf(index: number): number {
    return this.at(index)?.start ?? this.text.length;
  }

  /** The offset where word `index` ends. */
  endOf(index: number): number {
    return this.at(index)?.end ?? this.text.length;
  }

  /** True when word `index` is a single capital letter followed by a period: an initial ("J."). */
  isInitial(index: number): boolean {
    const token = this.at(index);
    return Boolean(token && token.capitalized && token.end - token.start === 1 && this.text[token.end] === '.');
  }
}
