/** Commands: Reload Datasets, Show Actor (a fuzzy quick pick that opens the actor's card) and Show Data Coverage. */
import * as vscode from 'vscode';
import { describeTenure } from '../core/actorCard';
import { completionIndexFor } from '../core/completion';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeBase } from '../core/knowledgeBase';
import { memoDateOrigin } from '../core/memoDate';
import { actorCardUri } from './actorCardDocument';
import { showDataCoverage } from './dataCoverageDocument';
import type { KnowledgeStore } from './knowledgeStore';
import { isMemo, memoDateOf, today } from './memoDates';
import { COMMAND } from './contributions';

/** The commands this file registers (their ids live in the one table, contributions.ts). */
export const COMMANDS = { reloadDatasets: COMMAND.reloadDatasets, showActor: COMMAND.showActor, showDataCoverage: COMMAND.showDataCoverage } as const;

export function registerCommands(store: KnowledgeStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.reloadDatasets, async () => {
      const knowledge = await store.reload();
      const files = new Set(knowledge.problems.map((problem) => problem.file)).size;
      const message = `Interlocutor: ${knowledge.kb.actorCount} actors loaded from ${knowledge.files.length} dataset file(s)` + (files ? `; ${knowledge.problems.length} problem(s) in ${files} file(s), see the Problems panel.` : '.');
      void (files ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
      return knowledge.kb.actorCount;
    }),
    vscode.commands.registerCommand(COMMANDS.showActor, (target?: string | ShowActorTarget) =>
      showActor(store, typeof target === 'string' ? target : (target?.actorId ?? target?.endpoint?.actorId), typeof target === 'object' ? givenDate(target) : undefined),
    ),
    vscode.commands.registerCommand(COMMANDS.showDataCoverage, () => {
      const document = vscode.window.activeTextEditor?.document;
      return showDataCoverage(isMemo(document) ? activeDate() : undefined);
    }),
  );
}

/** An actor to show; callers without an active memo (the timeline webview) pass the date they show. */
interface ShowActorTarget {
  readonly actorId?: string;
  readonly endpoint?: { readonly actorId: string };
  readonly asOf?: string;
  readonly dateLabel?: string;
}

function givenDate(target: ShowActorTarget): { date: PartialDate; label: string } | undefined {
  const parsed = typeof target.asOf === 'string' ? parsePartialDate(target.asOf) : undefined;
  return parsed?.ok ? { date: parsed.date, label: typeof target.dateLabel === 'string' ? target.dateLabel : 'the timeline' } : undefined;
}

/** The date commands work at: the active memo's (or the visible one's while a webview has the focus), or today. */
export function activeDate(): { date: PartialDate; label: string } {
  // With a webview or a preview focused there is no active editor: the memo beside it still counts.
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((candidate) => isMemo(candidate.document));
  const document = editor?.document;
  if (isMemo(document)) {
    const memo = memoDateOf(document);
    return { date: memo.date, label: memoDateOrigin(memo) };
  }
  return { date: today(), label: 'today' };
}

interface ActorItem extends vscode.QuickPickItem {
  readonly actorId: string;
}

async function showActor(store: KnowledgeStore, actorId?: string, given?: { date: PartialDate; label: string }): Promise<string | undefined> {
  const { kb } = await store.get();
  const { date, label } = given ?? activeDate();
  const chosen = typeof actorId === 'string' && kb.actor(actorId) ? actorId : await pickActor(kb, date);
  if (!chosen) return undefined;
  const uri = actorCardUri(chosen, kb.actor(chosen)!.name, date, label);
  await vscode.commands.executeCommand('markdown.showPreview', uri);
  return chosen;
}

function pickActor(kb: KnowledgeBase, date: PartialDate): Promise<string | undefined> {
  const everyone = [...kb.actors()]
    .map((actor): ActorItem => {
      const current = kb.tenuresOn(actor.id, date).filter((entry) => entry.state === 'current');
      return {
        actorId: actor.id,
        label: actor.name,
        description: current.length ? current.map(describeTenure).slice(0, 2).join('; ') : actor.aliases.slice(0, 3).join(', '),
        ...(actor.summary ? { detail: actor.summary } : {}),
      };
    })
    .sort((a, b) => a.label.localeCompare(b.label));
  const quickPick = vscode.window.createQuickPick<ActorItem>();
  quickPick.title = `Show Actor (as of ${formatPartialDate(date)})`;
  quickPick.placeholder = 'Type a name, an alias or a misspelling of either';
  quickPick.matchOnDescription = true;
  quickPick.matchOnDetail = false;
  quickPick.items = everyone;
  // VS Code's own filter needs the letters in order; the completion index adds typo-tolerant
  // matches on names and aliases ("Qin Gnag") and the holders of a post on the date ("foreign
  // min"), shown even when the built-in filter would hide them. The items keep one order: the
  // workbench names the accepted item by its position in the list it last saw, so a list
  // reordered while someone presses Enter would open the card of whoever took that position.
  const index = completionIndexFor(kb);
  quickPick.onDidChangeValue((value) => {
    const hits = new Set(value.trim() ? index.complete(value, date, 10).map((candidate) => candidate.actorId) : []);
    quickPick.items = everyone.map((item) => (hits.has(item.actorId) ? { ...item, alwaysShow: true } : item));
  });
  return new Promise((resolve) => {
    quickPick.onDidAccept(() => {
      resolve(quickPick.selectedItems[0]?.actorId);
      quickPick.hide();
    });
    quickPick.onDidHide(() => {
      resolve(undefined);
      quickPick.dispose();
    });
    quickPick.show();
  });
}
