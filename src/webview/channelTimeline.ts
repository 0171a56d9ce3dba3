/// <reference lib="dom" />
/**
 * The Channel Timeline webview's one script. It builds the SVG it is sent with createElementNS and
 * text nodes (never innerHTML), shows details on hover and focus with textContent, and sends the
 * filters, actor clicks and "insert figure" back to the extension. Keyboard: Tab through bars,
 * key dates and people; arrows move between rows and along a row; Enter opens a person's card;
 * Escape hides the details.
 */
import type { ChannelDetails, RenderMessage, TimelineFilterState, ToExtension } from './protocol';
import type { SvgChild } from '../core/svg';

declare function acquireVsCodeApi(): { postMessage(message: ToExtension): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const SVG_NS = 'http://www.w3.org/2000/svg';
const ALLOWED_TAGS = new Set(['svg', 'g', 'defs', 'pattern', 'title', 'desc', 'rect', 'line', 'path', 'text', 'tspan']);
const ATTRIBUTE_NAME = /^[a-zA-Z_][-a-zA-Z0-9_:.]*$/;

const container = element('timeline');
const tooltip = element('tooltip');
const status = element('status');
const actorSelect = element('filter-actor') as HTMLSelectElement;
const countrySelect = element('filter-country') as HTMLSelectElement;
const kindSelect = element('filter-kind') as HTMLSelectElement;
const fromSelect = element('filter-from') as HTMLSelectElement;
const insertButton = element('insert-figure') as HTMLButtonElement;
const clearButton = element('clear-filters') as HTMLButtonElement;

let current: RenderMessage | undefined;

function element(id: string): HTMLElement {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the webview page has no #${id}`);
  return found;
}

function post(message: ToExtension): void {
  vscode.postMessage(message);
}

/** Builds DOM from the SVG tree: elements from an allow-list, attributes by name, text as text nodes. */
function build(node: SvgChild): Node {
  if (typeof node === 'string') return document.createTextNode(node);
  if (!ALLOWED_TAGS.has(node.tag)) return document.createTextNode('');
  const created = document.createElementNS(SVG_NS, node.tag);
  for (const [name, value] of Object.entries(node.attributes)) {
    if (value === undefined || !ATTRIBUTE_NAME.test(name) || /^on/i.test(name) || /href$/i.test(name) || name === 'style') continue;
    created.setAttribute(name, String(value));
  }
  for (const child of node.children) created.appendChild(build(child));
  return created;
}

function fillSelect(select: HTMLSelectElement, allLabel: string, options: ReadonlyArray<{ value: string; label: string }>, selected: string | undefined): void {
  select.replaceChildren();
  const all = document.createElement('option');
  all.value = '';
  all.textContent = allLabel;
  select.appendChild(all);
  for (const option of options) {
    const item = document.createElement('option');
    item.value = option.value;
    item.textContent = option.label;
    select.appendChild(item);
  }
  select.value = selected && options.some((option) => option.value === selected) ? selected : '';
}

function render(message: RenderMessage): void {
  current = message;
  vscode.setState({ filters: message.filters });
  fillSelect(actorSelect, 'Everyone', message.choices.actors.map((actor) => ({ value: actor.id, label: actor.name })), message.filters.actorId);
  fillSelect(countrySelect, 'Any country', message.choices.countries.map((country) => ({ value: country.code, label: country.name })), message.filters.country);
  fillSelect(kindSelect, 'Every kind', message.choices.kinds.map((kind) => ({ value: kind.kind, label: kind.label })), message.filters.kind);
  fillSelect(fromSelect, 'Earliest start', message.choices.years.map((year) => ({ value: year, label: `From ${year}` })), message.filters.from);
  clearButton.disabled = !message.filters.actorId && !message.filters.country && !message.filters.kind && !message.filters.from;
  insertButton.disabled = !message.canInsert;
  insertButton.title = message.canInsert ? `Write figures/channels-${message.asOf}.svg next to the memo and insert it at the cursor` : 'Open a memo to insert the figure into';
  const rows = Object.keys(message.channels).length;
  status.textContent = `As of ${message.asOf} (${message.dateLabel}) · ${rows} channel${rows === 1 ? '' : 's'}${message.horizon ? ` · data verified through ${message.horizon}` : ''}`;
  const focusedKey = focusKey(document.activeElement);
  hideTooltip();
  container.replaceChildren(build(message.svg));
  reflowEndpoints();
  if (focusedKey) container.querySelector<SVGElement>(focusedKey)?.focus();
  document.body.dataset.asOf = message.asOf;
}

/** Places the people of each row with their measured widths, which the core could only estimate. */
function reflowEndpoints(): void {
  for (const row of Array.from(container.querySelectorAll<SVGGElement>('g.row'))) {
    const labels = Array.from(row.querySelectorAll<SVGTextElement>('text.endpoint'));
    let x = Number.NaN;
    let y = '';
    for (const label of labels) {
      if (label.getAttribute('y') !== y) {
        y = label.getAttribute('y') ?? '';
        x = Number(label.getAttribute('x'));
      } else {
        label.setAttribute('x', String(Math.round(x * 100) / 100));
      }
      x += label.getComputedTextLength() + 18;
    }
  }
}

function focusKey(active: Element | null): string | undefined {
  if (!(active instanceof SVGElement) || !container.contains(active)) return undefined;
  const channel = active.getAttribute('data-channel');
  const event = active.getAttribute('data-event');
  const actor = active.getAttribute('data-actor');
  if (event !== null && channel) return `[data-channel="${CSS.escape(channel)}"][data-event="${CSS.escape(event)}"]`;
  if (actor) return `[data-channel="${CSS.escape(active.closest('g.row')?.getAttribute('data-channel') ?? '')}"] [data-actor="${CSS.escape(actor)}"]`;
  if (channel) return `.bar-group[data-channel="${CSS.escape(channel)}"]`;
  return undefined;
}

// ----- details on hover and focus ---------------------------------------------------------------

function line(text: string, className?: string): HTMLElement {
  const paragraph = document.createElement('div');
  if (className) paragraph.className = className;
  paragraph.textContent = text;
  return paragraph;
}

function detailsFor(target: Element): HTMLElement[] | undefined {
  const channelId = target.closest('[data-channel]')?.getAttribute('data-channel');
  const channel: ChannelDetails | undefined = channelId ? current?.channels[channelId] : undefined;
  if (!channel) return undefined;
  const eventIndex = target.closest('[data-event]')?.getAttribute('data-event');
  const actorId = target.closest('[data-actor]')?.getAttribute('data-actor');
  if (eventIndex !== undefined && eventIndex !== null) {
    const event = channel.events[Number(eventIndex)];
    if (!event) return undefined;
    const parts = [line(`${event.date}${event.verified === false ? ' · unverified' : event.verified === 'partial' ? ' · partly verified' : ''}`, 'tooltip-date'), line(event.text, 'tooltip-title'), line(channel.name, 'tooltip-muted')];
    if (event.note) parts.push(line(event.note, 'tooltip-muted'));
    for (const source of event.sources.slice(0, 3)) parts.push(line(`Source: ${source}`, 'tooltip-source'));
    return parts;
  }
  if (actorId) {
    const endpoint = channel.endpoints.find((candidate) => candidate.actorId === actorId);
    if (!endpoint) return undefined;
    return [line(endpoint.name, 'tooltip-title'), line(`${endpoint.post} on ${current?.asOf ?? ''}`), line('Click or press Enter for the card.', 'tooltip-muted')];
  }
  const parts = [line(channel.name, 'tooltip-title'), line(`${channel.kindLabel} · ${channel.period} · ${channel.stateLabel} on ${current?.asOf ?? ''}`, 'tooltip-muted')];
  if (channel.summary) parts.push(line(channel.summary));
  for (const endpoint of channel.endpoints) parts.push(line(`${endpoint.name}, ${endpoint.post}`, 'tooltip-endpoint'));
  if (channel.events.length > 0) parts.push(line(`${channel.events.length} key date${channel.events.length === 1 ? '' : 's'}: ${channel.events[0]!.date} to ${channel.events[channel.events.length - 1]!.date}`, 'tooltip-muted'));
  return parts;
}

function interactiveTarget(target: EventTarget | null): Element | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest('[data-event], [data-actor], .bar-group') ?? undefined;
}

function showTooltip(target: Element): void {
  const parts = detailsFor(target);
  if (!parts) return hideTooltip();
  tooltip.replaceChildren(...parts);
  tooltip.hidden = false;
  const box = target.getBoundingClientRect();
  const width = tooltip.offsetWidth;
  const left = Math.min(Math.max(8, box.left + box.width / 2 - width / 2), window.innerWidth - width - 8);
  const below = box.bottom + 8 + tooltip.offsetHeight < window.innerHeight;
  tooltip.style.left = `${Math.round(left + window.scrollX)}px`;
  tooltip.style.top = `${Math.round((below ? box.bottom + 8 : box.top - tooltip.offsetHeight - 8) + window.scrollY)}px`;
  target.setAttribute('aria-describedby', 'tooltip');
}

function hideTooltip(): void {
  tooltip.hidden = true;
  tooltip.replaceChildren();
}

container.addEventListener('pointerover', (event) => {
  const target = interactiveTarget(event.target);
  if (target) showTooltip(target);
});
container.addEventListener('pointerout', (event) => {
  const leaving = interactiveTarget(event.target);
  const entering = interactiveTarget(event.relatedTarget);
  if (leaving && leaving !== entering && document.activeElement !== leaving) hideTooltip();
});
container.addEventListener('focusin', (event) => {
  const target = interactiveTarget(event.target);
  if (target) showTooltip(target);
});
container.addEventListener('focusout', () => hideTooltip());

// ----- actions and keyboard ---------------------------------------------------------------------

function openActor(target: Element): boolean {
  const actorId = target.closest('[data-actor]')?.getAttribute('data-actor');
  if (!actorId) return false;
  post({ type: 'showActor', actorId });
  return true;
}

container.addEventListener('click', (event) => {
  if (event.target instanceof Element) openActor(event.target);
});

function focusables(): SVGElement[] {
  return Array.from(container.querySelectorAll<SVGElement>('[tabindex="0"]'));
}

container.addEventListener('keydown', (event) => {
  const target = event.target instanceof SVGElement ? event.target : undefined;
  if (!target) return;
  if (event.key === 'Escape') {
    hideTooltip();
    return;
  }
  if ((event.key === 'Enter' || event.key === ' ') && openActor(target)) {
    event.preventDefault();
    return;
  }
  const row = target.closest('g.row');
  if (!row) return;
  let next: SVGElement | null | undefined;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    const bars = Array.from(container.querySelectorAll<SVGElement>('.bar-group'));
    const index = bars.findIndex((bar) => row.contains(bar));
    next = bars[index + (event.key === 'ArrowDown' ? 1 : -1)];
  } else if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
    const inRow = focusables().filter((candidate) => row.contains(candidate));
    next = inRow[inRow.indexOf(target) + (event.key === 'ArrowRight' ? 1 : -1)];
  } else if (event.key === 'Home' || event.key === 'End') {
    const bars = Array.from(container.querySelectorAll<SVGElement>('.bar-group'));
    next = event.key === 'Home' ? bars[0] : bars[bars.length - 1];
  }
  if (next) {
    event.preventDefault();
    next.focus();
    next.scrollIntoView({ block: 'nearest' });
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideTooltip();
});

function filters(): TimelineFilterState {
  return {
    actorId: actorSelect.value || undefined,
    country: countrySelect.value || undefined,
    kind: (kindSelect.value || undefined) as TimelineFilterState['kind'],
    from: fromSelect.value || undefined,
  };
}

for (const select of [actorSelect, countrySelect, kindSelect, fromSelect]) {
  select.addEventListener('change', () => post({ type: 'filter', filters: filters() }));
}
clearButton.addEventListener('click', () => post({ type: 'filter', filters: {} }));
insertButton.addEventListener('click', () => post({ type: 'insertFigure' }));

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data as Partial<RenderMessage> | undefined;
  if (message?.type === 'render' && message.svg && typeof message.svg === 'object') render(message as RenderMessage);
});

// The timeline is laid out for the panel's width, so that its text keeps its size.
let laidOutWidth = container.clientWidth;
let resizeTimer: ReturnType<typeof setTimeout> | undefined;
new ResizeObserver(() => {
  if (resizeTimer) clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const width = container.clientWidth;
    if (Math.abs(width - laidOutWidth) >= 24) {
      laidOutWidth = width;
      post({ type: 'resize', width });
    }
  }, 150);
}).observe(container);

post({ type: 'ready', width: laidOutWidth });
