/**
 * Read-only documents that hold an actor card, so that "Show Actor" can open it in VS Code's own
 * Markdown preview. The URI says which actor and which date: interlocutor-card:/Qin Gang.md?...
 */
import * as vscode from 'vscode';
import { renderActorCard } from '../core/actorCard';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeStore } from './knowledgeStore';
import { registerLiveDataDocuments } from './liveDataDocuments';

export const CARD_SCHEME = 'interlocutor-card';

export function actorCardUri(actorId: string, name: string, date: PartialDate, dateLabel: string): vscode.Uri {
  const query = new URLSearchParams({ actor: actorId, asOf: formatPartialDate(date), label: dateLabel });
  return vscode.Uri.from({ scheme: CARD_SCHEME, path: `/${name.replace(/[\\/]/g, '-')} (as of ${formatPartialDate(date)}).md`, query: query.toString() });
}

export function registerActorCardDocuments(store: KnowledgeStore): vscode.Disposable {
  return registerLiveDataDocuments(store, CARD_SCHEME, (kb, query) => {
    const parsed = parsePartialDate(query.get('asOf') ?? '');
    const actorId = query.get('actor') ?? '';
    if (!parsed.ok || !kb.actor(actorId)) return `The actor "${actorId}" is not in the loaded datasets.`;
    return renderActorCard(kb, actorId, parsed.date, { dateLabel: query.get('label') ?? '', timelineLimit: 100, sourceLimit: 100, formerLimit: 100 }) ?? '';
  });
}
