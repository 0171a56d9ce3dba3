/** Hover cards on actor names, rendered for the memo's own date. */
import * as vscode from 'vscode';
import { actorCardModel, describeTenure, renderActorCard } from '../core/actorCard';
import { MarkdownBuilder } from '../core/markdown';
import { describeMemoDate, memoDateOrigin } from '../core/memoDate';
import { resolveMention } from '../core/mentionResolution';
import { untrustedMarkdown } from './convert';
import type { KnowledgeStore } from './knowledgeStore';
import { memoDateOf } from './memoDates';

export function registerHover(store: KnowledgeStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: 'markdown' }, new ActorHoverProvider(store));
}

export class ActorHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: KnowledgeStore) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const { kb } = await this.store.get();
    if (token.isCancellationRequested) return undefined;
    const text = document.getText();
    const mention = kb.index.mentionAt(text, document.offsetAt(position));
    if (!mention) return undefined;
    const memo = memoDateOf(document);
    const dateLabel = memoDateOrigin(memo);
    const resolution = resolveMention(kb, mention, memo.date);
    const range = new vscode.Range(document.positionAt(mention.start), document.positionAt(mention.end));
    const [first, ...others] = resolution.actorIds;
    if (!first) return undefined;
    if (!resolution.ambiguous) {
      const card = renderActorCard(kb, first, memo.date, { dateLabel });
      return card ? new vscode.Hover(untrustedMarkdown(card), range) : undefined;
    }
    // Several people go by this name on this date: list them, each with what they held then.
    const md = new MarkdownBuilder().text(`"${mention.text}" may refer to ${resolution.actorIds.length} people on ${describeMemoDate(memo)}:`).paragraphBreak();
    for (const actorId of [first, ...others]) {
      const model = actorCardModel(kb, actorId, memo.date);
      if (!model) continue;
      md.bullet().bold(model.name).text(model.current.length ? `: ${model.current.map(describeTenure).join('; ')}` : model.summary ? `: ${model.summary}` : '').raw('\n');
    }
    return new vscode.Hover(untrustedMarkdown(md.toString()), range);
  }
}
