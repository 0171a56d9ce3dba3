/**
 * Finds actors by name in running text: an exact map from normalised name words to actors, so
 * that a name resolves in O(1) per word and a whole memo is scanned in linear time with no fuzzy
 * search per word. What a user types (completion, the Show Actor pick, the CLI) is searched by
 * prefix and typo in completion.ts.
 */
import type { Actor } from './schema';
import { isWordGap, tokenize, wordKeys, type Token } from './text';

export interface NameEntry {
  readonly actorId: string;
  /** The name or alias as written in the dataset. */
  readonly written: string;
  /** Shared by every entry written with the same words. */
  readonly words: readonly string[];
  /**
   * Which words start with a capital letter in the dataset, as a bit mask (bit i for word i; names
   * have at most MAX_NAME_WORDS): text must capitalise them too. A number, not an array, because
   * an index of 100,000 actors holds a quarter of a million entries.
   */
  readonly capitals: number;
  readonly isCanonical: boolean;
}

export interface Mention {
  /** Offsets in the scanned text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Every name entry written this way; several actors may share an alias ("Mr Wang"). */
  readonly entries: readonly NameEntry[];
  readonly actorIds: readonly string[];
  /** The words of the mention, for callers that reason about titles inside it. */
  readonly tokens: readonly Token[];
}

/** Longest alias we try to match, in words: "Chinese lead person for China-US economic and trade affairs" is not a name. */
const MAX_NAME_WORDS = 7;


export class ActorIndex {
  private readonly byKey = new Map<string, NameEntry[]>();
  /** For each first word, the word counts of names that begin with it, longest first. */
  private readonly lengthsByFirstWord = new Map<string, number[]>();
  /** While the index is built: one string per distinct word key, shared by every name with it. */
  private words: Map<string, string> | undefined = new Map();

  /**
   * @param nameSuffixes words that may follow a full name without being part of it in the
   *   dataset ("Jr", "III"), as token keys.
   */
  constructor(
    actors: Iterable<Actor>,
    private readonly nameSuffixes: ReadonlySet<string> = new Set(),
  ) {
    for (const actor of actors) {
      this.addName(actor.id, actor.name, true);
      for (const alias of actor.aliases) this.addName(actor.id, alias, false);
      // "Michael R. Pompeo" for "Michael Richard Pompeo": a full legal name is also written as
      // its first and last names, around whatever middle initials the text adds.
      if (actor.kind === 'person') for (const written of [actor.name, ...actor.aliases]) this.addFirstAndLast(actor.id, written);
    }
    for (const lengths of this.lengthsByFirstWord.values()) lengths.sort((a, b) => b - a);
    this.words = undefined;
  }

  private addFirstAndLast(actorId: string, written: string) {
    const tokens = tokenize(written);
    const last = tokens.length > 3 && this.nameSuffixes.has(tokens[tokens.length - 1]!.key) ? tokens.length - 2 : tokens.length - 1;
    if (last < 2 || !tokens.slice(0, last + 1).every((token) => token.capitalized)) return;
    this.addName(actorId, `${written.slice(tokens[0]!.start, tokens[0]!.end)} ${written.slice(tokens[last]!.start, tokens[last]!.end)}`, false);
  }

  private addName(actorId: string, written: string, isCanonical: boolean) {
    const tokens = tokenize(written);
    if (tokens.length === 0 || tokens.length > MAX_NAME_WORDS) return;
    const key = tokens.map((token) => token.key).join(' ');
    const entries = this.byKey.get(key) ?? [];
    if (entries.some((entry) => entry.actorId === actorId)) return;
    const words = entries[0]?.words ?? tokens.map((token) => this.sharedWord(token.key));
    let capitals = 0;
    tokens.forEach((token, index) => (capitals |= token.capitalized ? 1 << index : 0));
    entries.push({ actorId, written, words, capitals, isCanonical });
    this.byKey.set(key, entries);
    const lengths = this.lengthsByFirstWord.get(words[0]!) ?? [];
    if (!lengths.includes(words.length)) lengths.push(words.length);
    this.lengthsByFirstWord.set(words[0]!, lengths);
  }

  private sharedWord(word: string): string {
    const known = this.words?.get(word);
    if (known !== undefined) return known;
    this.words?.set(word, word);
    return word;
  }

  /** Actors written exactly this way (case and diacritics aside). */
  lookup(name: string): readonly NameEntry[] {
    return this.byKey.get(wordKeys(name).join(' ')) ?? [];
  }

  /**
   * Every actor name in `text[from, to)`, longest match first, left to right, non-overlapping.
   * Linear in the text: one map lookup per word, plus one per known name length for the few
   * words that begin a name.
   */
  findMentions(text: string, from = 0, to = text.length, tokens: readonly Token[] = tokenize(text, from, to)): Mention[] {
    const mentions: Mention[] = [];
    for (let index = 0; index < tokens.length; ) {
      const found = this.longestAt(text, tokens, index);
      if (!found) {
        index += 1;
        continue;
      }
      // "Foreign Minister Qin Gang": the alias "Foreign Minister Qin" must not swallow the start of
      // the full name; when a name starting inside this match reaches further, the title is left
      // to the claim finder and the full name wins.
      const end = index + found.tokens.length;
      let overtaken = false;
      for (let inner = index + 1; inner < end; inner++) {
        const later = this.longestAt(text, tokens, inner);
        if (later && inner + later.tokens.length > end) {
          index = inner;
          overtaken = true;
          break;
        }
      }
      if (overtaken) continue;
      mentions.push(found);
      index = end;
    }
    return mentions;
  }

  private longestAt(text: string, tokens: readonly Token[], index: number): Mention | undefined {
    const lengths = this.lengthsByFirstWord.get(tokens[index]!.key);
    if (!lengths) return undefined;
    const found = this.matchAt(text, tokens, index, lengths) ?? this.matchSkippingInitials(text, tokens, index, lengths);
    return found && this.withSuffix(text, tokens, index + found.tokens.length, found);
  }

  /**
   * "Antony J. Blinken", "Robert E. Lighthizer": a full name with middle initials the dataset
   * does not write. Initials are single capitals followed by a period, after the first word.
   */
  private matchSkippingInitials(text: string, tokens: readonly Token[], index: number, lengths: readonly number[]): Mention | undefined {
    const kept: Token[] = [tokens[index]!];
    const keptIndexes = [index];
    let skipped = false;
    for (let next = index + 1; next < tokens.length && kept.length < (lengths[0] ?? 0) && next - index <= MAX_NAME_WORDS + 2; next++) {
      if (!isWordGap(text, tokens[next - 1]!.end, tokens[next]!.start)) break;
      const token = tokens[next]!;
      if (token.capitalized && token.end - token.start === 1 && text[token.end] === '.') {
        skipped = true;
        continue;
      }
      kept.push(token);
      keptIndexes.push(next);
    }
    if (!skipped) return undefined;
    const found = this.matchAt(text, kept, 0, lengths.filter((length) => length >= 2), true);
    if (!found) return undefined;
    const lastIndex = keptIndexes[found.tokens.length - 1]!;
    const end = tokens[lastIndex]!.end;
    return { ...found, end, text: text.slice(found.start, end), tokens: tokens.slice(index, lastIndex + 1) };
  }

  /** "Robert E. Lighthizer Jr.": a generational suffix after a full name belongs to it. */
  private withSuffix(text: string, tokens: readonly Token[], nextIndex: number, mention: Mention): Mention {
    if (mention.tokens.length < 2 || this.nameSuffixes.size === 0) return mention;
    const next = tokens[nextIndex];
    if (!next || !next.capitalized || !this.nameSuffixes.has(next.key)) return mention;
    if (!/^,?[ \t]?$/.test(text.slice(mention.end, next.start))) return mention;
    const end = text[next.end] === '.' ? next.end + 1 : next.end;
    return { ...mention, end, text: text.slice(mention.start, end), tokens: [...mention.tokens, next] };
  }

  /** `gapsChecked` when the caller has already checked what separates the words. */
  private matchAt(text: string, tokens: readonly Token[], index: number, lengths: readonly number[], gapsChecked = false): Mention | undefined {
    for (const length of lengths) {
      if (index + length > tokens.length) continue;
      const span = tokens.slice(index, index + length);
      if (!gapsChecked && !gapsAllowed(text, span)) continue;
      const entries = this.byKey.get(span.map((token) => token.key).join(' '));
      if (!entries) continue;
      const matching = entries.filter((entry) => capitalisationMatches(entry, span));
      if (matching.length === 0) continue;
      const start = span[0]!.start;
      const end = span[span.length - 1]!.end;
      return {
        start,
        end,
        text: text.slice(start, end),
        entries: matching,
        actorIds: [...new Set(matching.map((entry) => entry.actorId))],
        tokens: span,
      };
    }
    return undefined;
  }

  /** The mention that covers `offset`, scanning only the text around it. */
  mentionAt(text: string, offset: number, window = 200): Mention | undefined {
    const from = expandToWordBoundary(text, Math.max(0, offset - window), -1);
    const to = expandToWordBoundary(text, Math.min(text.length, offset + window), 1);
    return this.findMentions(text, from, to).find((mention) => mention.start <= offset && offset <= mention.end);
  }
}

function gapsAllowed(text: string, span: readonly Token[]): boolean {
  for (let index = 1; index < span.length; index++) {
    if (!isWordGap(text, span[index - 1]!.end, span[index]!.start)) return false;
  }
  return true;
}

/** "He Lifeng" must not match "he lifeng"'s pronoun-like "he": capitals in the name are required. */
function capitalisationMatches(entry: NameEntry, span: readonly Token[]): boolean {
  for (let index = 0; index < span.length; index++) if (entry.capitals & (1 << index) && !span[index]!.capitalized) return false;
  return true;
}

function expandToWordBoundary(text: string, offset: number, direction: -1 | 1): number {
  let position = offset;
  while (position > 0 && position < text.length && /[\p{L}\p{N}]/u.test(text[position]!)) position += direction;
  return position;
}
