/**
 * "Interlocutor: Show Channel Timeline": a webview that draws the core's channel timeline as of the
 * last active memo's date (today without one) and redraws when that memo, its date or the
 * datasets change. The page is static; data reaches it only as a message holding the SVG tree and
 * plain-text details, which its one nonce-bearing script builds with DOM calls.
 */
import * as vscode from 'vscode';
import { channelTimeline, CHANNEL_KINDS, timelineSvg, type ChannelTimeline } from '../core/channelTimeline';
import { formatPartialDate, parsePartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeBase } from '../core/knowledgeBase';
import { memoDateOrigin } from '../core/memoDate';
import type { ChannelKind } from '../core/schema';
import type { ChannelDetails, RenderMessage, TimelineFilterState, ToExtension } from '../webview/protocol';
import type { KnowledgeStore } from './knowledgeStore';
import type { MemoTracker } from './memoTracker';
import { memoDateOf, today } from './memoDates';
import { COMMAND, VIEW } from './contributions';

export const TIMELINE_VIEW_TYPE = VIEW.channelTimelinePanel;

export const TIMELINE_COMMANDS = {
  show: COMMAND.showChannelTimeline,
} as const;

/** What the panel last drew, for tests and for the figure command (same filters). */
export interface TimelineSnapshot {
  readonly asOf: string;
  readonly dateLabel: string;
  readonly filters: TimelineFilterState;
  readonly channels: ReadonlyArray<{ readonly id: string; readonly state: string }>;
}

export class ChannelTimelinePanel implements vscode.Disposable {
  private filters: TimelineFilterState = {};
  private readonly disposables: vscode.Disposable[] = [];
  private readonly rendered = new vscode.EventEmitter<TimelineSnapshot>();
  /** Fires after every redraw sent to the webview. */
  readonly onDidRender = this.rendered.event;
  private last: TimelineSnapshot | undefined;
  private lastDate = '';
  private ready = false;
  /** The width of the webview's drawing area, as it reports it. */
  private width = 760;
  private isDisposed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposed = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposed.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly store: KnowledgeStore,
    private readonly memos: MemoTracker,
    extensionUri: vscode.Uri,
    initialFilters: TimelineFilterState = {},
  ) {
    this.filters = sanitizeFilters(initialFilters);
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = pageHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.webview.onDidReceiveMessage((message: ToExtension) => void this.receive(message)),
      panel.onDidDispose(() => this.dispose()),
      store.onDidChange(() => void this.render()),
      memos.onDidChangeMemo(() => void this.render()),
      vscode.workspace.onDidChangeTextDocument((event) => {
        // Only a change of the memo's date matters; that is cheap to test after a pause.
        if (event.document === this.memos.document) this.renderSoon();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('interlocutor.asOf')) void this.render();
      }),
    );
  }

  get snapshot(): TimelineSnapshot | undefined {
    return this.last;
  }

  get currentFilters(): TimelineFilterState {
    return this.filters;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  private renderSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const { date } = this.date();
      if (formatPartialDate(date) !== this.lastDate) void this.render();
    }, 250);
  }

  private date(): { date: PartialDate; label: string } {
    const memo = this.memos.document;
    if (memo) {
      const dated = memoDateOf(memo);
      return { date: dated.date, label: `${memoDateOrigin(dated)} in ${vscode.workspace.asRelativePath(memo.uri)}` };
    }
    return { date: today(), label: 'today, no memo open' };
  }

  /** Draws the timeline and sends it; resolves with what was drawn. */
  async render(): Promise<TimelineSnapshot | undefined> {
    const { kb } = await this.store.get();
    if (!this.ready) return undefined;
    const { date, label } = this.date();
    const from = this.filters.from ? parsePartialDate(this.filters.from) : undefined;
    const timeline = channelTimeline(kb, { asOf: date, ...this.filters, from: from?.ok ? from.date : undefined });
    this.lastDate = timeline.asOf;
    const message: RenderMessage = {
      type: 'render',
      svg: timelineSvg(timeline, { variant: 'theme', interactive: true, width: this.width }),
      asOf: timeline.asOf,
      dateLabel: label,
      horizon: timeline.horizon,
      filters: this.filters,
      choices: { ...timeline.choices, years: yearChoices(kb, timeline) },
      channels: channelDetails(timeline),
      canInsert: this.memos.document !== undefined,
    };
    await this.panel.webview.postMessage(message);
    this.panel.title = `Channel Timeline (as of ${timeline.asOf})`;
    this.last = { asOf: timeline.asOf, dateLabel: label, filters: this.filters, channels: timeline.rows.map((row) => ({ id: row.id, state: row.state })) };
    this.rendered.fire(this.last);
    return this.last;
  }

  private async receive(message: ToExtension): Promise<void> {
    switch (message?.type) {
      case 'ready':
        this.ready = true;
        this.width = drawingWidth(message.width, this.width);
        await this.render();
        return;
      case 'resize':
        this.width = drawingWidth(message.width, this.width);
        await this.render();
        return;
      case 'filter':
        this.filters = sanitizeFilters(message.filters);
        await this.render();
        return;
      case 'showActor': {
        const { kb } = await this.store.get();
        if (typeof message.actorId === 'string' && kb.actor(message.actorId)) {
          // As of the timeline's date: with the webview focused there is no active memo to read it from.
          const { date, label } = this.date();
          await vscode.commands.executeCommand(COMMAND.showActor, { actorId: message.actorId, asOf: formatPartialDate(date), dateLabel: label });
        }
        return;
      }
      case 'insertFigure':
        await vscode.commands.executeCommand(COMMAND.insertChannelTimelineFigure, { filters: this.filters });
        return;
      default:
        return;
    }
  }

  dispose(): void {
    // Disposing the panel calls back here through onDidDispose.
    if (this.isDisposed) return;
    this.isDisposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.disposables.length = 0;
    this.rendered.dispose();
    this.disposed.fire();
    this.disposed.dispose();
    this.panel.dispose();
  }
}

function drawingWidth(reported: unknown, fallback: number): number {
  return typeof reported === 'number' && Number.isFinite(reported) && reported > 0 ? Math.round(Math.min(Math.max(reported, 480), 1600)) : fallback;
}

/** Only known keys with well-formed values survive a message or a restored state. */
export function sanitizeFilters(value: unknown): TimelineFilterState {
  if (!value || typeof value !== 'object') return {};
  const raw = value as Record<string, unknown>;
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] ? (raw[key] as string) : undefined);
  const kind = text('kind');
  const from = text('from');
  return {
    actorId: text('actorId'),
    country: text('country')?.toUpperCase(),
    kind: kind && (CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKind) : undefined,
    from: from && /^\d{4}$/.test(from) ? from : undefined,
  };
}

function channelDetails(timeline: ChannelTimeline): Record<string, ChannelDetails> {
  const details: Record<string, ChannelDetails> = {};
  for (const row of timeline.rows) {
    details[row.id] = {
      name: row.name,
      kindLabel: row.kindLabel,
      period: row.period,
      stateLabel: row.stateLabel,
      summary: row.summary,
      endpoints: row.endpoints.map((endpoint) => ({ actorId: endpoint.actorId, name: endpoint.name, post: endpoint.post })),
      events: row.events.map((event) => ({ date: event.date, text: event.text, verified: event.verified, note: event.note, sources: event.sources.map((source) => source.title) })),
    };
  }
  return details;
}

/** The years the axis may start from: each year from the earliest start to the memo's year. */
function yearChoices(kb: KnowledgeBase, timeline: ChannelTimeline): string[] {
  const starts = [...kb.channels()].map((channel) => channel.start).filter((start): start is string => Boolean(start));
  const first = Math.min(...starts.map((start) => Number(start.slice(0, 4))));
  const last = new Date((timeline.axis.to - 1) * 86_400_000).getUTCFullYear();
  const years: string[] = [];
  for (let year = Number.isFinite(first) ? first + 1 : last; year <= last; year++) years.push(String(year));
  return years;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** The static page: no data in it, one script under a fresh nonce, and a policy that allows nothing else. */
export function pageHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = randomNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'channelTimeline.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'channelTimeline.css'));
  const policy = [`default-src 'none'`, `style-src ${webview.cspSource}`, `font-src ${webview.cspSource}`, `img-src ${webview.cspSource}`, `script-src 'nonce-${nonce}'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Channel Timeline</title>
</head>
<body>
<header role="toolbar" aria-label="Timeline filters">
  <label>Person <select id="filter-actor"></select></label>
  <label>Country <select id="filter-country"></select></label>
  <label>Kind <select id="filter-kind"></select></label>
  <label>Axis <select id="filter-from"></select></label>
  <button id="clear-filters" class="secondary" type="button">Clear filters</button>
  <button id="insert-figure" type="button">Insert figure in memo</button>
</header>
<p id="status" role="status" aria-live="polite"></p>
<main id="timeline" aria-label="Channel timeline. Tab or arrow keys move between channels, key dates and people; Enter on a person opens their card."></main>
<div id="tooltip" role="tooltip" hidden></div>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
}

/** The command, the Channels view's title button, and restoring the panel after a reload. */
export function registerChannelTimeline(
  store: KnowledgeStore,
  memos: MemoTracker,
  extensionUri: vscode.Uri,
): { disposable: vscode.Disposable; current(): ChannelTimelinePanel | undefined; onDidRender: vscode.Event<TimelineSnapshot> } {
  let current: ChannelTimelinePanel | undefined;
  const rendered = new vscode.EventEmitter<TimelineSnapshot>();
  const adopt = (panel: vscode.WebviewPanel, filters?: TimelineFilterState) => {
    current?.dispose();
    const created = new ChannelTimelinePanel(panel, store, memos, extensionUri, filters);
    created.onDidRender((snapshot) => rendered.fire(snapshot));
    created.onDidDispose(() => {
      if (current === created) current = undefined;
    });
    current = created;
    return created;
  };
  const show = async (): Promise<TimelineSnapshot | undefined> => {
    if (current) {
      current.reveal();
      return current.render();
    }
    const panel = vscode.window.createWebviewPanel(TIMELINE_VIEW_TYPE, 'Channel Timeline', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, { ...webviewOptions(extensionUri), retainContextWhenHidden: false });
    const created = adopt(panel);
    return new Promise((resolve) => {
      const listener = created.onDidRender((snapshot) => {
        listener.dispose();
        resolve(snapshot);
      });
      created.onDidDispose(() => resolve(undefined));
    });
  };
  return {
    disposable: vscode.Disposable.from(
      vscode.commands.registerCommand(TIMELINE_COMMANDS.show, show),
      vscode.window.registerWebviewPanelSerializer(TIMELINE_VIEW_TYPE, {
        async deserializeWebviewPanel(panel, state: unknown) {
          adopt(panel, sanitizeFilters((state as { filters?: unknown } | undefined)?.filters));
        },
      }),
      { dispose: () => current?.dispose() },
      rendered,
    ),
    current: () => current,
    onDidRender: rendered.event,
  };
}

/** 16 random bytes in base64, from Web Crypto: the same in the Node and the web-worker extension hosts. */
function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
