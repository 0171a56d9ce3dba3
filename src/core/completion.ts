/**
 * Completion candidates for what a user is typing: actor names and aliases by prefix first, then
 * fuzzy matches (a typo allowed), and the holders of a post on the memo's date when the typed
 * words are a post ("foreign min", "treasury sec").
 *
 * Built for tens of thousands of actors: a sorted array of normalised names answers a prefix in
 * O(log n + k), and typos are scored by edit distance over the names that share a word start with
 * the query only (fuse.js over all 10,000 actors took ~50 ms a query here, so it is not used).
 */
import { formatPartialDate, type PartialDate } from './dates';
import { tenureTitle, type KnowledgeBase, type TenureOnDate } from './knowledgeBase';
import type { Actor, Role } from './schema';
import { normalizeForMatch, tokenize } from './text';

export interface CompletionCandidate {
  readonly actorId: string;
  /** The name shown and inserted. */
  readonly name: string;
  /** What matched: the name, an alias, or a post title. */
  readonly matched: string;
  readonly how: 'prefix' | 'fuzzy' | 'post';
  /** Lower is better; callers sort by it. */
  readonly rank: number;
  /** The actor's main post on the date, if any. */
  readonly post?: TenureOnDate;
  /** "He Lifeng, China's vice-premier": the name with the post held on the date. */
  readonly nameWithPost?: string;
}

interface NameKey {
  readonly key: string;
  readonly actorId: string;
  readonly written: string;
  readonly canonical: boolean;
  /** Posts named at the start of the alias ("Foreign Minister Qin"): it fits only while one is held. */
  readonly titleRoleIds: readonly string[];
}

interface PostKey {
  readonly key: string;
  readonly roleId: string;
  readonly written: string;
}


const indexes = new WeakMap<KnowledgeBase, CompletionIndex>();

/** Names in the order localeCompare gives, with one collator made once: localeCompare makes its comparison afresh on each call, many times slower. */
const byName = new Intl.Collator().compare;

/** The posts named at the start of most aliases: none. One shared array, not one per alias. */
const NO_TITLE: readonly string[] = Object.freeze([]);

/**
 * The completion index of `kb`, built on first use and kept while `kb` lives: completion, the
 * Show Actor pick, `interlocutor actor` and `channels --actor` all search through it.
 */
export function completionIndexFor(kb: KnowledgeBase): CompletionIndex {
  let index = indexes.get(kb);
  if (!index) indexes.set(kb, (index = new CompletionIndex(kb)));
  return index;
}

/** Indexes built on first use and kept with the knowledge base they describe. */
export class CompletionIndex {
  private readonly names: NameKey[];
  private readonly posts: PostKey[];
  /** Per first two letters of a word, the names with a word starting so (indexes into `names`, ascending). */
  private readonly byWordStart = new Map<string, Uint32Array>();

  constructor(private readonly kb: KnowledgeBase) {
    const names: NameKey[] = [];
    for (const actor of kb.actors()) {
      names.push({ key: normalizeForMatch(actor.name), actorId: actor.id, written: actor.name, canonical: true, titleRoleIds: NO_TITLE });
      for (const alias of actor.aliases) {
        const tokens = tokenize(alias);
        const title = kb.roleMatcher.matchFrom(alias, tokens, 0);
        const titleRoleIds = title && title.to < tokens.length ? title.values : NO_TITLE;
        names.push({ key: normalizeForMatch(alias), actorId: actor.id, written: alias, canonical: false, titleRoleIds });
      }
    }
    names.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.names = names;
    const byWordStart = new Map<string, number[]>();
    names.forEach((entry, index) => {
      for (const token of tokenize(entry.key)) {
        const start = token.key.slice(0, 2);
        const list = byWordStart.get(start) ?? [];
        if (list[list.length - 1] !== index) list.push(index);
        byWordStart.set(start, list);
      }
    });
    // Shortest names first, so a query takes the first of a long list without sorting it ("mr"
    // starts half the aliases at 100,000 actors). Typed arrays of exactly the right length: 4
    // bytes an index, not a boxed array with spare room.
    for (const [start, list] of byWordStart) this.byWordStart.set(start, Uint32Array.from(list.sort((a, b) => names[a]!.key.length - names[b]!.key.length || a - b)));
    const posts: PostKey[] = [];
    for (const role of kb.data.roles.values()) {
      for (const title of [role.title, ...role.aliases]) posts.push({ key: normalizeForMatch(title), roleId: role.id, written: title });
    }
    posts.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.posts = posts;
  }

  private scratchArrays: { counts: Uint8Array; touched: Uint32Array } | undefined;

  /** Per name, how many of the query's word starts it shares, and which names were counted. */
  private scratch(): { counts: Uint8Array; touched: Uint32Array } {
    return (this.scratchArrays ??= { counts: new Uint8Array(this.names.length), touched: new Uint32Array(this.names.length) });
  }

  /** Candidates for `typed`, best first, at most `limit`. */
  complete(typed: string, date: PartialDate, limit = 50): CompletionCandidate[] {
    const query = normalizeForMatch(typed);
    if (query.length === 0) return [];
    // Candidates are ranked first; the post on the date and the "Name, post" label are made only
    // for the few that are returned.
    const found = new Map<string, { candidate: Omit<CompletionCandidate, 'post' | 'nameWithPost' | 'name'>; actor: Actor }>();
    const add = (candidate: Omit<CompletionCandidate, 'post' | 'nameWithPost' | 'name'>) => {
      const existing = found.get(candidate.actorId);
      if (existing && existing.candidate.rank <= candidate.rank) return;
      const actor = existing?.actor ?? this.kb.actor(candidate.actorId);
      if (actor) found.set(candidate.actorId, { candidate, actor });
    };

    // 1. Names and aliases that start with what was typed: the best matches, shortest first.
    for (const entry of this.prefixRange(this.names, query, limit * 4)) {
      if (!this.titleFits(entry, date)) continue;
      add({ actorId: entry.actorId, matched: entry.written, how: 'prefix', rank: (entry.canonical ? 0 : 0.1) + entry.key.length / 1000 });
    }
    // 2. Posts that start with what was typed: whoever held them on the date.
    // Every holder of one post ranks the same and the list ends sorted by name, so only the first
    // `limit` holders by name can be shown: a post with thousands of holders costs no more.
    for (const post of this.prefixRange(this.posts, query, 50)) {
      for (const holder of this.holdersByName(post.roleId, date).slice(0, limit)) {
        add({ actorId: holder.actor.id, matched: post.written, how: 'post', rank: 1 + post.key.length / 1000 });
      }
    }
    // 3. A word of a name starting with what was typed ("Lifeng"), then typos, from a narrowed set.
    if (found.size < limit) {
      for (const candidate of this.fuzzy(query, limit, date)) add(candidate);
    }
    return [...found.values()]
      .sort((a, b) => a.candidate.rank - b.candidate.rank || byName(a.actor.name, b.actor.name))
      .slice(0, limit)
      .map(({ candidate, actor }) => ({ ...candidate, name: actor.name, ...postOnDate(this.kb, actor, date) }));
  }

  private holdersOnDate: { date: string; byRole: Map<string, readonly TenureOnDate[]> } = { date: '', byRole: new Map() };

  /** Who certainly held the post on the date, sorted by name as candidates are; kept for the last date asked about. */
  private holdersByName(roleId: string, date: PartialDate): readonly TenureOnDate[] {
    const key = formatPartialDate(date);
    if (this.holdersOnDate.date !== key) this.holdersOnDate = { date: key, byRole: new Map() };
    let holders = this.holdersOnDate.byRole.get(roleId);
    if (!holders) {
      holders = this.kb.holdersOn(roleId, date).filter((holder) => holder.holds === true).sort((a, b) => byName(a.actor.name, b.actor.name));
      this.holdersOnDate.byRole.set(roleId, holders);
    }
    return holders;
  }

  /** "Foreign Minister Qin" is offered only on dates when Qin Gang was foreign minister. */
  private titleFits(entry: NameKey, date: PartialDate): boolean {
    return entry.titleRoleIds.length === 0 || this.kb.currentPosts(entry.actorId, date).some((post) => entry.titleRoleIds.includes(post.tenure.role));
  }

  private prefixRange<T extends { key: string }>(sorted: readonly T[], prefix: string, max: number): T[] {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]!.key < prefix) low = middle + 1;
      else high = middle;
    }
    const result: T[] = [];
    for (let index = low; index < sorted.length && result.length < max && sorted[index]!.key.startsWith(prefix); index++) result.push(sorted[index]!);
    return result;
  }

  private fuzzy(query: string, limit: number, date: PartialDate): Array<Omit<CompletionCandidate, 'post' | 'nameWithPost' | 'name'>> {
    const words = tokenize(query).map((token) => token.key);
    // The first eight word starts: a name has fewer words, and counts per name stay within a byte.
    const starts = [...new Set(words.filter((word) => word.length >= 2).map((word) => word.slice(0, 2)))].slice(0, 8);
    if (starts.length === 0) return [];
    // What was typed is the start of a word or name, with a typo or two: score each narrowed name by
    // the edit distance from the query to the start of its words. Written by hand rather than with
    // fuse.js, which builds an index per query: the benchmark measured its p99 at 8 ms for 10,000
    // actors and 24 ms for 100,000, against the 2 and 5 ms a completion may take.
    const allowed = query.length <= 4 ? 1 : 2;
    const scored: Array<{ entry: NameKey; distance: number }> = [];
    const score = (index: number) => {
      const entry = this.names[index]!;
      const distance = prefixDistance(query, entry.key, allowed);
      if (distance <= allowed) scored.push({ entry, distance });
    };
    if (starts.length === 1) {
      // One word start: its names, shortest first, at most FUZZY_POOL of them.
      const names = this.byWordStart.get(starts[0]!);
      if (names) for (let at = 0; at < names.length && at < FUZZY_POOL; at++) score(names[at]!);
    } else {
      // Several: names sharing the most word starts with the query first ("Ma Haix": names with an
      // "ma" and an "ha" word), then fewer, only while too few fit. With common syllables ("mr"
      // starts half the aliases at 100,000 actors) tens of thousands of names share one start, so
      // they are counted in typed arrays kept between queries: no allocation per name.
      const { counts, touched } = this.scratch();
      let touchedCount = 0;
      for (const start of starts) {
        for (const index of this.byWordStart.get(start) ?? []) {
          if (counts[index] === 0) touched[touchedCount++] = index;
          counts[index]!++;
        }
      }
      let budget = FUZZY_POOL;
      for (let shared = starts.length; shared >= 1 && scored.length < limit && budget > 0; shared--) {
        for (let at = 0; at < touchedCount && budget > 0; at++) {
          if (counts[touched[at]!] !== shared) continue;
          budget--;
          score(touched[at]!);
        }
      }
      for (let at = 0; at < touchedCount; at++) counts[touched[at]!] = 0;
    }
    scored.sort((a, b) => a.distance - b.distance || a.entry.key.length - b.entry.key.length);
    return scored
      .slice(0, limit * 2)
      .filter(({ entry }) => this.titleFits(entry, date))
      .map(({ entry, distance }) => ({ actorId: entry.actorId, matched: entry.written, how: 'fuzzy' as const, rank: 2 + distance / 10 + entry.key.length / 10000 }));
  }
}

/**
 * The smallest edit distance (insertions, deletions, substitutions and swaps of neighbours)
 * between `query` and the start of `key` or of one of its words, or `bound + 1` when above
 * `bound`. Linear in the key for a short query.
 */
export function prefixDistance(query: string, key: string, bound: number): number {
  let best = bound + 1;
  for (let start = 0; start < key.length && best > 0; start = key.indexOf(' ', start) + 1 || key.length) {
    best = Math.min(best, startDistance(query, key, start, bound));
    if (key.indexOf(' ', start) === -1) break;
  }
  return best;
}

/** Rows of the distance table, reused across calls: completion must not allocate per name. */
const rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** Per character code (mod 128), how many more times the query has it than the key's window: scratch for lettersMissing. */
const letterCounts = new Int32Array(128);

/**
 * A lower bound on the edits between `query` and the `width` characters of `key` from `start`:
 * each query letter the window lacks needs an edit of its own. Cheaper than the distance table,
 * and most names scored for a typo fail it (codes are folded mod 128, which only lowers the bound).
 */
function lettersMissing(query: string, key: string, start: number, width: number): number {
  for (let index = 0; index < query.length; index++) letterCounts[query.charCodeAt(index) & 127]!++;
  for (let index = start; index < start + width; index++) letterCounts[key.charCodeAt(index) & 127]!--;
  let missing = 0;
  for (let index = 0; index < query.length; index++) {
    const code = query.charCodeAt(index) & 127;
    if (letterCounts[code]! > 0) missing += letterCounts[code]!;
    letterCounts[code] = 0;
  }
  for (let index = start; index < start + width; index++) letterCounts[key.charCodeAt(index) & 127] = 0;
  return missing;
}

/** Optimal-string-alignment distance from `query` to any prefix of `key` read from `start`. */
function startDistance(query: string, key: string, start: number, bound: number): number {
  const width = Math.min(key.length - start, query.length + bound, 62);
  if (query.length > 62) return bound + 1;
  if (lettersMissing(query, key, start, width) > bound) return bound + 1;
  let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
  for (let column = 0; column <= width; column++) previous[column] = column;
  for (let row = 1; row <= query.length; row++) {
    current[0] = row;
    let rowBest = row;
    const letter = query.charCodeAt(row - 1);
    for (let column = 1; column <= width; column++) {
      const cost = letter === key.charCodeAt(start + column - 1) ? 0 : 1;
      let value = Math.min(previous[column]! + 1, current[column - 1]! + 1, previous[column - 1]! + cost);
      if (row > 1 && column > 1 && letter === key.charCodeAt(start + column - 2) && query.charCodeAt(row - 2) === key.charCodeAt(start + column - 1)) value = Math.min(value, beforePrevious[column - 2]! + 1);
      current[column] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > bound) return bound + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  // What was typed is a prefix: the best match may end anywhere in the key.
  let best = bound + 1;
  for (let column = 0; column <= width; column++) if (previous[column]! < best) best = previous[column]!;
  return best;
}

/** At most this many names are scored for typos in one query. */
const FUZZY_POOL = 2000;

/** The actor's most prominent post on the date, and "Name, China's vice-premier" built from it. */
function postOnDate(kb: KnowledgeBase, actor: Actor, date: PartialDate): { post?: TenureOnDate; nameWithPost?: string } {
  const post = kb.mainPostOn(actor.id, date);
  if (!post) return {};
  return { post, nameWithPost: `${actor.name}, ${postPhrase(post.role, tenureTitle(post))}` };
}

/** The post as written after a name: "China's vice-premier", "the US treasury secretary". */
export function postPhrase(role: Role | undefined, fallback: string): string {
  if (!role) return fallback;
  if (COUNTRY_IN_TITLE.test(role.title)) return role.title;
  // The curated alias that names the country ("China's vice-premier", "US treasury secretary").
  const alias = COUNTRY_FIRST.map((pattern) => role.aliases.find((candidate) => pattern.test(candidate))).find(Boolean);
  if (!alias) return role.title;
  return /^(US|U\.S\.)\s/.test(alias) ? `the ${alias}` : alias;
}

const COUNTRY_IN_TITLE = /\b(China|Chinese|US|U\.S\.|American|America|United States)\b/;
/** Possessives read best after a name ("He Lifeng, China's vice-premier"), then "US", then adjectives. */
const COUNTRY_FIRST = [/^(China's|America's)\s/, /^(US|U\.S\.)\s/, /^(Chinese|American)\s/];

/** At most this much of the line before the cursor is read: four words of a name or a post fit easily. */
const TYPED_WINDOW = 160;
/** The words before the cursor that may be the start of a name or a post: up to four words. */
const TYPED = /(?:[\p{L}\p{M}][\p{L}\p{M}'\u2019.-]*[ \t]+){0,3}[\p{L}\p{M}][\p{L}\p{M}'\u2019.-]*$/u;

/**
 * What the user is typing: up to four words before the cursor, or undefined. The pattern is
 * anchored at the end, so the engine tries it from every start: on the whole line, a 40,000-letter
 * word (a URL, base64) took seconds, quadratic in its length. Reading only a short window keeps it
 * constant; a word cut by the window is not a name, so it is dropped.
 */
export function typedBeforeCursor(lineBeforeCursor: string): string | undefined {
  if (lineBeforeCursor.length <= TYPED_WINDOW) return TYPED.exec(lineBeforeCursor)?.[0];
  const window = lineBeforeCursor.slice(-TYPED_WINDOW);
  const firstBreak = window.search(/[ \t]/);
  return firstBreak === -1 ? undefined : TYPED.exec(window.slice(firstBreak))?.[0];
}
