/**
 * The Channels tree (Active / Dormant / Closed as of the active memo's date, or today) and the
 * Actors tree (by country), in Interlocutor's activity-bar container. Trees are recomputed from
 * the core when the active memo, its date or the datasets change; getChildren only reads.
 */
import * as vscode from 'vscode';
import { countryName } from '../core/actorCard';
import { actorCountries, actorEntries, channelGroups, type ChannelGroup, type ChannelNode, type EndpointNode } from '../core/channelTree';
import { formatPartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeBase } from '../core/knowledgeBase';
import { activeDate } from './commands';
import { untrustedMarkdown } from './convert';
import type { KnowledgeStore } from './knowledgeStore';
import { isMemo } from './memoDates';
import { COMMAND, CONTEXT_KEY, VIEW } from './contributions';

export const CHANNELS_VIEW = VIEW.channels;
export const ACTORS_VIEW = VIEW.actors;

export type ChannelTreeNode =
  | { readonly kind: 'group'; readonly group: ChannelGroup }
  | { readonly kind: 'channel'; readonly node: ChannelNode }
  | { readonly kind: 'endpoint'; readonly endpoint: EndpointNode; readonly channelId: string };

/** A country lists its actor ids only; names and posts are computed when it is opened (thousands of actors with packs). */
export type ActorTreeNode = { readonly kind: 'country'; readonly country: string; readonly actorIds: readonly string[] } | { readonly kind: 'actor'; readonly actorId: string; readonly name: string; readonly description: string };

export class ChannelTreeProvider implements vscode.TreeDataProvider<ChannelTreeNode> {
  private readonly changed = new vscode.EventEmitter<ChannelTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: ChannelGroup[] = [];
  /** The actor whose channels are shown, or undefined for all. */
  filterActorId: string | undefined;
  date: { date: PartialDate; label: string } | undefined;

  constructor(private readonly store: KnowledgeStore) {}

  /** Recomputes the groups for the current date and filter, then tells the tree. */
  async refresh(): Promise<void> {
    const { kb } = await this.store.get();
    this.date = activeDate();
    this.groups = channelGroups(kb, this.date.date, this.filterActorId);
    this.changed.fire(undefined);
  }

  getChildren(element?: ChannelTreeNode): ChannelTreeNode[] {
    if (!element) return this.groups.map((group) => ({ kind: 'group', group }));
    if (element.kind === 'group') return element.group.channels.map((node) => ({ kind: 'channel', node }));
    if (element.kind === 'channel') return element.node.endpoints.map((endpoint) => ({ kind: 'endpoint', endpoint, channelId: element.node.channel.id }));
    return [];
  }

  getTreeItem(element: ChannelTreeNode): vscode.TreeItem {
    if (element.kind === 'group') {
      const item = new vscode.TreeItem(element.group.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${element.group.id}`;
      item.description = String(element.group.channels.length);
      item.contextValue = 'group';
      item.iconPath = new vscode.ThemeIcon(element.group.id === 'active' ? 'pulse' : element.group.id === 'dormant' ? 'debug-pause' : element.group.id === 'closed' ? 'circle-slash' : 'question');
      return item;
    }
    if (element.kind === 'channel') {
      const { channel } = element.node;
      const item = new vscode.TreeItem(channel.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `channel:${channel.id}`;
      item.description = element.node.description;
      item.contextValue = channel.sources.length > 0 ? 'channel.withSource' : 'channel';
      item.iconPath = new vscode.ThemeIcon(channel.kind === 'back-channel' ? 'eye-closed' : channel.kind === 'informal' ? 'comment-discussion' : channel.kind === 'leader-level' ? 'star-empty' : 'organization');
      const tooltip = untrustedMarkdown('');
      tooltip.appendMarkdown('**').appendText(channel.name).appendMarkdown('**\n\n').appendText(`${element.node.description}`);
      if (channel.summary) tooltip.appendMarkdown('\n\n').appendText(channel.summary);
      item.tooltip = tooltip;
      item.accessibilityInformation = { label: `${channel.name}, ${element.node.description}` };
      return item;
    }
    const item = new vscode.TreeItem(element.endpoint.name, vscode.TreeItemCollapsibleState.None);
    item.id = `endpoint:${element.channelId}:${element.endpoint.actorId}`;
    item.description = element.endpoint.description;
    item.contextValue = 'actor';
    item.iconPath = new vscode.ThemeIcon('person');
    item.command = { command: COMMAND.showActor, title: 'Show Actor', arguments: [element.endpoint.actorId] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export class ActorTreeProvider implements vscode.TreeDataProvider<ActorTreeNode> {
  private readonly changed = new vscode.EventEmitter<ActorTreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: ActorTreeNode[] = [];
  private kb: KnowledgeBase | undefined;
  private date = activeDate().date;
  /** Children of the countries opened since the last refresh. */
  private readonly children = new Map<string, ActorTreeNode[]>();

  constructor(private readonly store: KnowledgeStore) {}

  async refresh(): Promise<void> {
    const { kb } = await this.store.get();
    this.kb = kb;
    this.date = activeDate().date;
    this.children.clear();
    this.groups = actorCountries(kb, (code) => countryName(code) ?? 'Other').map((group) => ({ kind: 'country', ...group }));
    this.changed.fire(undefined);
  }

  getChildren(element?: ActorTreeNode): ActorTreeNode[] {
    if (!element) return this.groups;
    if (element.kind !== 'country' || !this.kb) return [];
    let children = this.children.get(element.country);
    if (!children) {
      children = actorEntries(this.kb, element.actorIds, this.date).map((actor) => ({ kind: 'actor', ...actor }));
      this.children.set(element.country, children);
    }
    return children;
  }

  getTreeItem(element: ActorTreeNode): vscode.TreeItem {
    if (element.kind === 'country') {
      const item = new vscode.TreeItem(element.country, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `country:${element.country}`;
      item.description = String(element.actorIds.length);
      return item;
    }
    const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
    item.id = `actor:${element.actorId}`;
    item.description = element.description;
    item.contextValue = 'actor';
    item.iconPath = new vscode.ThemeIcon('person');
    item.command = { command: COMMAND.showActor, title: 'Show Actor', arguments: [element.actorId] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The views, their refresh triggers and the commands on their items. */
export function registerChannelViews(store: KnowledgeStore): { disposable: vscode.Disposable; channels: ChannelTreeProvider } {
  const channels = new ChannelTreeProvider(store);
  const actors = new ActorTreeProvider(store);
  const channelView = vscode.window.createTreeView(CHANNELS_VIEW, { treeDataProvider: channels, showCollapseAll: true });
  const actorView = vscode.window.createTreeView(ACTORS_VIEW, { treeDataProvider: actors, showCollapseAll: true });
  let lastDate = '';

  const refresh = async () => {
    await Promise.all([channels.refresh(), actors.refresh()]);
    const date = channels.date!;
    lastDate = formatPartialDate(date.date);
    const filtered = channels.filterActorId ? (await store.get()).kb.actor(channels.filterActorId)?.name : undefined;
    channelView.description = `as of ${lastDate}${filtered ? ` · ${filtered}` : ''}`;
    actorView.description = `as of ${lastDate}`;
    // An empty message hides it (the view's message property takes no undefined).
    channelView.message = filtered && channels.getChildren().length === 0 ? `No channels with ${filtered} in the datasets.` : '';
    void vscode.commands.executeCommand('setContext', CONTEXT_KEY.channelFilter, Boolean(channels.filterActorId));
  };
  // The built-in data is there from the start: show it now, and again whenever the store changes.
  void refresh();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refreshSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 200);
  };

  const disposable = vscode.Disposable.from(
    channels,
    actors,
    channelView,
    actorView,
    store.onDidChange(() => void refresh()),
    vscode.window.onDidChangeActiveTextEditor(() => void refresh()),
    vscode.workspace.onDidChangeTextDocument((event) => {
      // Only a change of the active memo's date matters; that is cheap to test after a pause.
      if (event.document === vscode.window.activeTextEditor?.document && isMemo(event.document)) {
        if (formatPartialDate(activeDate().date) !== lastDate) refreshSoon();
      }
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('interlocutor.asOf')) void refresh();
    }),
    vscode.commands.registerCommand(COMMAND.filterChannels, async (target?: string | ChannelTreeNode) => {
      const { kb } = await store.get();
      const given = typeof target === 'string' ? target : target?.kind === 'endpoint' ? target.endpoint.actorId : undefined;
      const chosen = given ?? (await pickChannelActor(kb));
      if (!chosen) return;
      channels.filterActorId = chosen;
      await refresh();
    }),
    vscode.commands.registerCommand(COMMAND.clearChannelFilter, async () => {
      channels.filterActorId = undefined;
      await refresh();
    }),
    vscode.commands.registerCommand(COMMAND.refreshChannels, refresh),
    vscode.commands.registerCommand(COMMAND.insertReference, (node?: ChannelTreeNode | ActorTreeNode) => insertReference(node)),
    vscode.commands.registerCommand(COMMAND.openSource, async (node?: ChannelTreeNode | ActorTreeNode) => openSource(store, node)),
    vscode.commands.registerCommand(COMMAND.showActorFromTree, (node?: ChannelTreeNode | ActorTreeNode) => {
      const actorId = node?.kind === 'endpoint' ? node.endpoint.actorId : node?.kind === 'actor' ? node.actorId : undefined;
      return vscode.commands.executeCommand(COMMAND.showActor, actorId);
    }),
    { dispose: () => timer && clearTimeout(timer) },
  );
  void refresh();
  return { disposable, channels };
}

async function pickChannelActor(kb: KnowledgeBase): Promise<string | undefined> {
  const inChannels = new Set([...kb.channels()].flatMap((channel) => channel.endpoints));
  const items = [...inChannels]
    .map((actorId) => kb.actor(actorId))
    .filter((actor): actor is NonNullable<typeof actor> => Boolean(actor))
    .map((actor) => ({ label: actor.name, description: actor.aliases.slice(0, 3).join(', '), actorId: actor.id }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const picked = await vscode.window.showQuickPick(items, { title: 'Show the channels of...', placeHolder: 'Type a name', matchOnDescription: true });
  return picked?.actorId;
}

/** Inserts the channel's or actor's name at the cursor of the most recent memo editor. */
async function insertReference(node?: ChannelTreeNode | ActorTreeNode): Promise<boolean> {
  const text = node?.kind === 'channel' ? node.node.channel.name : node?.kind === 'endpoint' ? node.endpoint.name : node?.kind === 'actor' ? node.name : undefined;
  const editor = vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors.find((candidate) => isMemo(candidate.document));
  if (!text || !editor) {
    void vscode.window.showInformationMessage('Open a memo and place the cursor where the reference should go.');
    return false;
  }
  return editor.edit((edit) => {
    for (const selection of editor.selections) edit.replace(selection, text);
  });
}

async function openSource(store: KnowledgeStore, node?: ChannelTreeNode | ActorTreeNode): Promise<boolean> {
  const { kb } = await store.get();
  let refs = node?.kind === 'channel' ? node.node.channel.sources : [];
  if (node?.kind === 'endpoint' || node?.kind === 'actor') {
    const actor = kb.actor(node.kind === 'endpoint' ? node.endpoint.actorId : node.actorId);
    refs = actor ? [...actor.sources, ...actor.tenures.flatMap((tenure) => tenure.sources)] : [];
  }
  const source = kb.resolveSources(refs).find((candidate) => candidate.url && /^https?:\/\//.test(candidate.url));
  if (!source?.url) {
    void vscode.window.showInformationMessage('No web source is recorded for this item.');
    return false;
  }
  // VS Code asks before opening a link to a site the user has not trusted.
  return vscode.env.openExternal(vscode.Uri.parse(source.url));
}
