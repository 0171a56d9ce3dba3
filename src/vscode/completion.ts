/**
 * Completion of actor names in memo prose: by name or alias prefix, by post ("foreign min" offers
 * whoever held it on the memo's date), and with typos. Each actor comes twice: the name alone, and
 * the name with the post held on the date ("He Lifeng, China's vice-premier").
 */
import * as vscode from 'vscode';
import { renderActorCard } from '../core/actorCard';
import { completionIndexFor, typedBeforeCursor, type CompletionCandidate } from '../core/completion';
import type { PartialDate } from '../core/dates';
import { describeMemoDate, memoDateOrigin } from '../core/memoDate';
import { untrustedMarkdown } from './convert';
import type { KnowledgeStore } from './knowledgeStore';
import { memoDateOf } from './memoDates';
import { proseAt } from './proseCache';


export function registerCompletion(store: KnowledgeStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: 'markdown' }, new ActorCompletionProvider(store));
}

interface ActorItem extends vscode.CompletionItem {
  readonly actorId: string;
  readonly date: PartialDate;
  /** "2025-10-23 (front matter as_of)", for the detail line. */
  readonly dateLabel: string;
  /** "front matter as_of", for the card. */
  readonly dateOrigin: string;
}

export class ActorCompletionProvider implements vscode.CompletionItemProvider<ActorItem> {

  constructor(private readonly store: KnowledgeStore) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.CompletionList<ActorItem> | undefined> {
    const { kb } = await this.store.get();
    if (token.isCancellationRequested) return undefined;
    const offset = document.offsetAt(position);
    // No suggestions in code, front matter, comments or link targets.
    if (!proseAt(document, offset)) return undefined;
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const typed = typedBeforeCursor(line);
    if (!typed) return undefined;
    const index = completionIndexFor(kb);
    const memo = memoDateOf(document);
    const dateLabel = describeMemoDate(memo);
    const dateOrigin = memoDateOrigin(memo);

    // The longest run of typed words that starts a name or a post wins ("foreign min" over
    // "min"); failing that, the longest run with a fuzzy match ("Qin Gnag").
    const words = typed.split(/[ \t]+/);
    const suffixes = words.map((_, start) => words.slice(start).join(' '));
    const attempts = suffixes.map((query) => ({ query, candidates: index.complete(query, memo.date, 40) }));
    const chosen =
      attempts.find((attempt) => attempt.candidates.some((candidate) => candidate.how !== 'fuzzy')) ??
      attempts.find((attempt) => attempt.query.split(' ').length <= 2 && attempt.candidates.length > 0);
    if (!chosen) return undefined;
    const range = new vscode.Range(position.translate(0, -chosen.query.length), position);
    const items = chosen.candidates.flatMap((candidate, rank) => itemsFor(candidate, rank, chosen.query, range, memo.date, dateLabel, dateOrigin));
    // The list changes with every letter (fuzzy and post matches), so VS Code must ask again.
    return new vscode.CompletionList(items, true);
    return undefined;
  }

  async resolveCompletionItem(item: ActorItem): Promise<ActorItem> {
    const { kb } = await this.store.get();
    const card = renderActorCard(kb, item.actorId, item.date, { dateLabel: item.dateOrigin });
    if (card) item.documentation = untrustedMarkdown(card);
    return item;
  }
}

function itemsFor(candidate: CompletionCandidate, rank: number, query: string, range: vscode.Range, date: PartialDate, dateLabel: string, dateOrigin: string): ActorItem[] {
  const order = String(rank).padStart(4, '0');
  const detail = candidate.post ? `${candidate.nameWithPost!.slice(candidate.name.length + 2)} · as of ${dateLabel}` : `no post in the datasets · as of ${dateLabel}`;
  const why = candidate.how === 'post' ? `holds ${candidate.matched}` : candidate.matched !== candidate.name ? candidate.matched : undefined;
  const plain: ActorItem = {
    actorId: candidate.actorId,
    date,
    dateLabel,
    dateOrigin,
    label: { label: candidate.name, ...(why ? { description: why } : {}) },
    kind: vscode.CompletionItemKind.User,
    detail,
    insertText: candidate.name,
    // What was typed, so VS Code's own filter keeps fuzzy and post matches it would otherwise hide.
    filterText: query,
    sortText: `${order}a`,
    range,
  };
  if (!candidate.nameWithPost) return [plain];
  const withPost: ActorItem = {
    ...plain,
    label: { label: candidate.nameWithPost, description: 'name and post' },
    kind: vscode.CompletionItemKind.Text,
    insertText: candidate.nameWithPost,
    sortText: `${order}b`,
  };
  return [plain, withPost];
}
