/**
 * The channel timeline: every channel as a bar on a time axis from the earliest start to the
 * data's horizon, coloured by kind, with its dormant stretch hatched, its key dates as ticks, the
 * memo's date as a vertical line and its endpoints labelled with the posts they held on that date.
 *
 * `channelTimeline` computes the model (plain data, also printed by the CLI as text or JSON);
 * `timelineSvg` lays it out as an SVG tree (see svg.ts) that is either serialised into a figure or
 * built into the webview's DOM. Everything from the data is text, escaped on the way out.
 */
import { channelKindLabel, channelStateLabel, countryName } from './actorCard';
import { channelPeriod, endpointNode } from './channelTree';
import { dayRange, formatPartialDate, partialDate, precisionOf, type PartialDate } from './dates';
import { tenureTitle, type ChannelState, type KnowledgeBase } from './knowledgeBase';
import { postPhrase } from './completion';
import type { Channel, ChannelKind, SourceDefinition, Verification } from './schema';
import { estimateTextWidth, fitText, svg, type SvgChild, type SvgElement } from './svg';

export const CHANNEL_KINDS: readonly ChannelKind[] = ['official-talks', 'leader-level', 'back-channel', 'informal'];

export interface TimelineFilters {
  /** Only channels with this actor at one end. */
  readonly actorId?: string | undefined;
  /** Only channels with an endpoint from this country (ISO code). */
  readonly country?: string | undefined;
  readonly kind?: ChannelKind | undefined;
}

export interface TimelineOptions extends TimelineFilters {
  /** The memo's date: states, posts and the vertical line are as of this date. */
  readonly asOf: PartialDate;
  /** The first date on the axis; by default the earliest start among the channels shown. */
  readonly from?: PartialDate | undefined;
  /** The last date on the axis; by default the data's horizon (or the memo's date, if later). */
  readonly to?: PartialDate | undefined;
}

/** A stretch of days [from, to) on the axis, in day numbers (days since 1970-01-01). */
export interface DaySpan {
  readonly from: number;
  readonly to: number;
}

export interface TimelineEndpoint {
  readonly actorId: string;
  readonly name: string;
  readonly country: string | undefined;
  /** The post held on the date ("the US treasury secretary"), or why there is none. */
  readonly post: string;
}

export interface TimelineEvent {
  readonly date: string;
  readonly text: string;
  /** true, "partial" (a source confirms it, a detail is not established) or false (not checked). */
  readonly verified: Verification;
  readonly note: string | undefined;
  readonly sources: readonly SourceDefinition[];
  /** Where the tick goes: the middle of the days the date may stand for. */
  readonly day: number;
}

export interface TimelineRow {
  readonly id: string;
  readonly name: string;
  readonly kind: ChannelKind;
  readonly kindLabel: string;
  readonly summary: string | undefined;
  /** "2016-12 to 2018", "since 2025-05-10". */
  readonly period: string;
  readonly start: string | undefined;
  readonly end: string | undefined;
  readonly state: ChannelState;
  readonly stateLabel: string;
  readonly endpoints: readonly TimelineEndpoint[];
  readonly events: readonly TimelineEvent[];
  /** The days the channel certainly ran. */
  readonly active: DaySpan | undefined;
  /** Days it may have run: the spread of a start or end known only to the month or year. */
  readonly uncertain: readonly DaySpan[];
  /** After the end of a channel that went dormant (its people still there), up to the horizon. */
  readonly dormant: DaySpan | undefined;
  /** Still open at the horizon. */
  readonly open: boolean;
}

export interface ChannelTimeline {
  readonly asOf: string;
  /** The memo's date as days on the axis (a partial date covers several). */
  readonly asOfSpan: DaySpan;
  /** The date up to which the data was checked, when the datasets say. */
  readonly horizon: string | undefined;
  readonly axis: DaySpan;
  readonly filters: TimelineFilters;
  readonly rows: readonly TimelineRow[];
  /** What the filters can be set to, from every channel loaded. */
  readonly choices: {
    readonly actors: ReadonlyArray<{ readonly id: string; readonly name: string }>;
    readonly countries: ReadonlyArray<{ readonly code: string; readonly name: string }>;
    readonly kinds: ReadonlyArray<{ readonly kind: ChannelKind; readonly label: string }>;
  };
}

export function channelTimeline(kb: KnowledgeBase, options: TimelineOptions): ChannelTimeline {
  const all = [...kb.channels()];
  const shown = all.filter((channel) => matchesFilters(kb, channel, options));
  const horizon = dataHorizon(kb);
  const asOfRange = dayRange(options.asOf);
  const asOfSpan = { from: asOfRange.first, to: asOfRange.last + 1 };

  const starts = shown.flatMap((channel) => [channel.start, ...channel.events.map((event) => event.date)]).filter((date): date is string => Boolean(date));
  const earliest = starts.length > 0 ? Math.min(...starts.map((date) => dayRange(partialDate(date)).first)) : asOfSpan.from;
  const latestData = Math.max(
    ...shown.flatMap((channel) => [channel.start, channel.end ?? undefined, ...channel.events.map((event) => event.date)]).filter((date): date is string => Boolean(date)).map((date) => dayRange(partialDate(date)).last + 1),
    asOfSpan.from,
  );
  const horizonEnd = horizon ? dayRange(horizon).last + 1 : latestData;
  const axisFrom = options.from ? dayRange(options.from).first : startOfYear(earliest);
  const axisTo = options.to ? dayRange(options.to).last + 1 : Math.max(horizonEnd, asOfSpan.to, latestData);
  const axis = axisTo > axisFrom ? { from: axisFrom, to: axisTo } : { from: axisFrom, to: axisFrom + 365 };

  const rows = shown
    .map((channel) => timelineRow(kb, channel, options.asOf, axis.from, Math.max(horizonEnd, axis.from)))
    // A range chosen by the user leaves out the channels that fall wholly outside it.
    .filter((row) => rowExtent(row).to > axis.from && rowExtent(row).from < axis.to)
    .sort((a, b) => (a.active?.from ?? a.uncertain[0]?.from ?? 0) - (b.active?.from ?? b.uncertain[0]?.from ?? 0) || a.name.localeCompare(b.name));

  const actorIds = new Set(all.flatMap((channel) => channel.endpoints));
  const countries = new Set([...actorIds].map((id) => kb.actor(id)?.country).filter((code): code is string => Boolean(code)));
  return {
    asOf: formatPartialDate(options.asOf),
    asOfSpan,
    horizon: horizon ? formatPartialDate(horizon) : undefined,
    axis,
    filters: { actorId: options.actorId, country: options.country, kind: options.kind },
    rows,
    choices: {
      actors: [...actorIds].map((id) => ({ id, name: kb.actor(id)?.name ?? id })).sort((a, b) => a.name.localeCompare(b.name)),
      countries: [...countries].map((code) => ({ code, name: countryName(code) ?? code })).sort((a, b) => a.name.localeCompare(b.name)),
      kinds: CHANNEL_KINDS.filter((kind) => all.some((channel) => channel.kind === kind)).map((kind) => ({ kind, label: channelKindLabel(kind) })),
    },
  };
}

function matchesFilters(kb: KnowledgeBase, channel: Channel, filters: TimelineFilters): boolean {
  if (filters.actorId && !channel.endpoints.includes(filters.actorId)) return false;
  if (filters.kind && channel.kind !== filters.kind) return false;
  if (filters.country) {
    const wanted = filters.country.toUpperCase();
    if (!channel.endpoints.some((id) => kb.actor(id)?.country?.toUpperCase() === wanted)) return false;
  }
  return true;
}

/** The latest horizon among the channels: their own `verifiedThrough`, else their dataset's. */
function dataHorizon(kb: KnowledgeBase): PartialDate | undefined {
  let latest: PartialDate | undefined;
  for (const channel of kb.channels()) {
    const date = kb.channelHorizon(channel) ?? kb.data.channelOrigins.get(channel.id)?.verifiedThrough;
    if (date && (!latest || dayRange(date).last > dayRange(latest).last)) latest = date;
  }
  return latest;
}

function startOfYear(day: number): number {
  return dayRange({ year: dateOfDay(day).getUTCFullYear() }).first;
}

function dateOfDay(day: number): Date {
  return new Date(day * 86_400_000);
}

function timelineRow(kb: KnowledgeBase, channel: Channel, asOf: PartialDate, axisFrom: number, axisEnd: number): TimelineRow {
  // An open or dormant channel is drawn up to its own horizon: after it, its status is not known.
  const ownHorizon = kb.channelHorizon(channel);
  const horizonEnd = ownHorizon ? Math.min(axisEnd, dayRange(ownHorizon).last + 1) : axisEnd;
  const start = channel.start ? dayRange(partialDate(channel.start)) : undefined;
  const end = channel.end ? dayRange(partialDate(channel.end)) : undefined;
  const uncertain: DaySpan[] = [];
  // A partial start may be any day of its month or year: certain from its last day on. A partial
  // end is the first day out, so the channel certainly ran until its first day.
  const certainFrom = start ? start.last : undefined;
  const certainTo = end ? end.first : horizonEnd;
  let active: DaySpan | undefined;
  if (certainFrom !== undefined && certainFrom < certainTo) {
    active = { from: certainFrom, to: certainTo };
    if (start && start.first < start.last) uncertain.push({ from: start.first, to: start.last });
    if (end && end.first < end.last) uncertain.push({ from: end.first, to: end.last + 1 });
  } else if (start) {
    // Start and end within the same month or year: all that is known is the stretch they share.
    uncertain.push({ from: start.first, to: Math.max(end ? end.last + 1 : horizonEnd, start.first + 1) });
  } else {
    // No known start: drawn from the left edge of the axis.
    active = { from: Math.min(axisFrom, certainTo), to: certainTo };
  }
  const lastDay = end ? end.last + 1 : undefined;
  const dormant = channel.end && channel.endStatus === 'dormant' && lastDay !== undefined && lastDay < horizonEnd ? { from: lastDay, to: horizonEnd } : undefined;
  const state = kb.channelState(channel, asOf);
  return {
    id: channel.id,
    name: channel.name,
    kind: channel.kind,
    kindLabel: channelKindLabel(channel.kind),
    summary: channel.summary,
    period: channelPeriod(channel),
    start: channel.start,
    end: channel.end ?? undefined,
    state,
    stateLabel: channelStateLabel(state),
    endpoints: channel.endpoints.map((actorId) => ({ actorId, name: kb.actor(actorId)?.name ?? actorId, country: kb.actor(actorId)?.country, post: postOnDate(kb, actorId, asOf) })),
    events: channel.events
      .map((event) => {
        const range = dayRange(partialDate(event.date));
        return { date: event.date, text: event.text, verified: event.verified, note: event.note, sources: kb.resolveSources(event.sources), day: (range.first + range.last + 1) / 2 };
      })
      .sort((a, b) => a.day - b.day),
    active,
    uncertain,
    dormant,
    open: !channel.end,
  };
}

/** The post held on the date; past the data's horizon, the post that may still be held, said so. */
function postOnDate(kb: KnowledgeBase, actorId: string, asOf: PartialDate): string {
  const node = endpointNode(kb, actorId, asOf);
  if (kb.currentPosts(actorId, asOf).length > 0 || !kb.actor(actorId)) return node.description;
  // Dataset authors list an actor's main post first, as currentPosts assumes.
  const order = kb.actor(actorId)!.tenures;
  const possible = kb
    .tenuresOn(actorId, asOf)
    .filter((entry) => entry.holds === 'unknown' && entry.state === 'unknown')
    .sort((a, b) => Number(a.tenure.acting) - Number(b.tenure.acting) || order.indexOf(a.tenure) - order.indexOf(b.tenure))[0];
  return possible ? `${postPhrase(possible.role, tenureTitle(possible))} (not confirmed on this date)` : node.description;
}

function rowExtent(row: TimelineRow): DaySpan {
  const spans = [row.active, row.dormant, ...row.uncertain].filter((span): span is DaySpan => Boolean(span));
  const days = [...spans.flatMap((span) => [span.from, span.to]), ...row.events.map((event) => event.day)];
  return { from: Math.min(...days), to: Math.max(...days) };
}

/** The text to show for an event: "2025-05-10: Geneva (10-11 May) (unverified)". */
export function describeEvent(event: TimelineEvent): string {
  return `${event.date}: ${event.text}${event.verified === false ? ' (unverified)' : event.verified === 'partial' ? ' (partly verified)' : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Layout

export type TimelineVariant = 'light' | 'dark' | 'theme';

export interface TimelineSvgOptions {
  /** light and dark carry their own colours (figures); theme leaves colours to the host's CSS. */
  readonly variant?: TimelineVariant;
  /** Width in px; 700 suits a memo column. */
  readonly width?: number;
  /** Adds focus order, ARIA roles and data-* attributes for the webview; figures get <title>s instead. */
  readonly interactive?: boolean;
  /** The first line; defaults to "Channels between governments, as of DATE". */
  readonly title?: string;
}

const FONT = 'system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif';
const MARGIN = 16;
const NAME_SIZE = 12;
const LABEL_SIZE = 10.5;
const LINE = 14;
const BAR_HEIGHT = 10;

const PALETTES: Readonly<Record<'light' | 'dark', Readonly<Record<string, string>>>> = {
  light: {
    background: '#ffffff', text: '#1f2328', muted: '#57606a', grid: '#d0d7de', zebra: '#f6f8fa', memo: '#cf222e', horizon: '#6e7781',
    'official-talks': '#1f6feb', 'leader-level': '#bc4c00', 'back-channel': '#8250df', informal: '#1a7f37',
  },
  dark: {
    background: '#1e1e1e', text: '#e6edf3', muted: '#9da7b3', grid: '#3d444d', zebra: '#262a30', memo: '#ff7b72', horizon: '#8b949e',
    'official-talks': '#58a6ff', 'leader-level': '#f0883e', 'back-channel': '#bc8cff', informal: '#3fb950',
  },
};

/** The stylesheet of a standalone figure. The webview styles the same classes from theme variables. */
export function timelineStylesheet(variant: 'light' | 'dark'): string {
  const colour = PALETTES[variant];
  const kinds = CHANNEL_KINDS.map((kind) => `.k-${kind}{fill:${colour[kind]};stroke:${colour[kind]}}`).join('');
  return (
    `text{font-family:${FONT};fill:${colour.text}}.background{fill:${colour.background}}.muted{fill:${colour.muted}}` +
    `.grid{stroke:${colour.grid};stroke-width:1}.zebra{fill:${colour.zebra}}.memo-line{stroke:${colour.memo};stroke-width:2}.memo-band{fill:${colour.memo};fill-opacity:.15}` +
    `.memo-label{fill:${colour.memo};font-weight:600}.horizon-line{stroke:${colour.horizon};stroke-width:1;stroke-dasharray:4 3}` +
    `${kinds}.bar{stroke:none}.uncertain{fill-opacity:.4;stroke:none}.dormant-bg{fill-opacity:.16;stroke:none}.hatch-line{stroke-width:2;stroke-opacity:.75;fill:none}` +
    `.dormant-frame{fill:none;stroke-width:1;stroke-opacity:.6}.tick{stroke:${colour.text};stroke-width:1.5}.tick.unverified{stroke-dasharray:2 2}.tick-hit{fill:transparent;stroke:none}` +
    `.name{font-weight:600}.endpoint-name{font-weight:600}.title{font-weight:700}`
  );
}

interface Layout {
  readonly x: (day: number) => number;
  readonly left: number;
  readonly right: number;
}

/** Lays the timeline out as SVG. */
export function timelineSvg(timeline: ChannelTimeline, options: TimelineSvgOptions = {}): SvgElement {
  const width = Math.max(360, options.width ?? 700);
  const variant = options.variant ?? 'light';
  const interactive = options.interactive ?? false;
  const left = MARGIN;
  const right = width - MARGIN;
  const scale = (right - left) / (timeline.axis.to - timeline.axis.from);
  const layout: Layout = { left, right, x: (day) => left + (Math.min(Math.max(day, timeline.axis.from), timeline.axis.to) - timeline.axis.from) * scale };

  const title = options.title ?? `Channels between governments, as of ${timeline.asOf}`;
  const subtitle = [
    `${timeline.rows.length} channel${timeline.rows.length === 1 ? '' : 's'}`,
    timeline.horizon ? `data verified through ${timeline.horizon} at the latest` : undefined,
    filterPhrase(timeline) ? `only ${filterPhrase(timeline)}` : undefined,
  ]
    .filter(Boolean)
    .join(' · ');

  const axisY = 66;
  const top = axisY + 8;
  const rows: SvgElement[] = [];
  let y = top;
  timeline.rows.forEach((row, index) => {
    const drawn = rowSvg(row, index, y, layout, timeline, interactive);
    rows.push(drawn.element);
    y += drawn.height;
  });
  if (timeline.rows.length === 0) {
    rows.push(svg('text', { x: left, y: y + 20, class: 'muted', 'font-size': NAME_SIZE }, 'No channel matches the filters.'));
    y += 32;
  }
  const bottom = y;
  const legend = legendSvg(bottom + 26, layout, timeline);
  const height = Math.ceil(legend.bottom + 12);

  const defs = svg(
    'defs',
    {},
    variant !== 'theme' && svg('style', {}, timelineStylesheet(variant)),
    ...CHANNEL_KINDS.map((kind) =>
      svg(
        'pattern',
        { id: `hatch-${kind}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        svg('rect', { width: 6, height: 6, class: `k-${kind} dormant-bg` }),
        svg('line', { x1: 0, y1: 0, x2: 0, y2: 6, class: `k-${kind} hatch-line` }),
      ),
    ),
  );

  return svg(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: interactive ? 'group' : 'img',
      'aria-labelledby': 'timeline-title timeline-desc',
      class: `channel-timeline variant-${variant}`,
      'font-family': FONT,
    },
    svg('title', { id: 'timeline-title' }, title),
    svg('desc', { id: 'timeline-desc' }, `${subtitle}. One row per channel: a bar from its start to its end, coloured by kind; hatched where dormant; ticks mark key dates; the vertical line marks ${timeline.asOf}.`),
    defs,
    variant !== 'theme' && svg('rect', { class: 'background', x: 0, y: 0, width, height }),
    svg('text', { x: left, y: 22, class: 'title', 'font-size': 15 }, fitText(title, right - left, 15, true)),
    svg('text', { x: left, y: 40, class: 'muted', 'font-size': 11 }, fitText(subtitle, right - left, 11)),
    axisSvg(timeline, layout, axisY, bottom),
    svg('g', { class: 'rows', role: interactive ? 'list' : undefined }, ...rows),
    horizonSvg(timeline, layout, axisY, bottom),
    memoDateSvg(timeline, layout, axisY, bottom),
    legend.element,
  );
}

/** "with He Lifeng, involving China, official talks", or undefined without filters. */
export function filterPhrase(timeline: ChannelTimeline): string | undefined {
  const parts: string[] = [];
  const { actorId, country, kind } = timeline.filters;
  if (actorId) parts.push(`with ${timeline.choices.actors.find((actor) => actor.id === actorId)?.name ?? actorId}`);
  if (country) parts.push(`involving ${countryName(country) ?? country}`);
  if (kind) parts.push(channelKindLabel(kind));
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** Year (or month) labels and grid lines, spaced so labels never collide. */
function axisSvg(timeline: ChannelTimeline, layout: Layout, axisY: number, bottom: number): SvgElement {
  const pxPerMonth = ((layout.right - layout.left) / (timeline.axis.to - timeline.axis.from)) * 30.44;
  const steps = [1, 2, 3, 6, 12, 24, 60, 120, 240];
  const step = steps.find((months) => months * pxPerMonth >= (months >= 12 ? 40 : 52)) ?? 240;
  const first = dateOfDay(timeline.axis.from);
  let year = first.getUTCFullYear();
  let month = first.getUTCMonth() + 1;
  if (step >= 12) {
    const years = step / 12;
    if (month !== 1 || year % years !== 0) year = Math.ceil((year + (month === 1 ? 0 : 1)) / years) * years;
    month = 1;
  } else {
    month = Math.ceil((month - 1) / step) * step + 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  const marks: SvgChild[] = [];
  for (;;) {
    const day = dayRange({ year, month, day: 1 }).first;
    if (day > timeline.axis.to) break;
    const x = layout.x(day);
    marks.push(svg('line', { class: 'grid', x1: x, y1: axisY + 4, x2: x, y2: bottom }));
    const label = step >= 12 ? String(year) : formatPartialDate({ year, month });
    const labelWidth = estimateTextWidth(label, 10.5);
    if (x - labelWidth / 2 >= layout.left - 4 && x + labelWidth / 2 <= layout.right + 4) {
      marks.push(svg('text', { x, y: axisY, 'text-anchor': 'middle', class: 'muted axis-label', 'font-size': 10.5 }, label));
    }
    month += step;
    while (month > 12) {
      month -= 12;
      year += 1;
    }
  }
  return svg('g', { class: 'axis', 'aria-hidden': 'true' }, ...marks);
}

function rowSvg(row: TimelineRow, index: number, y: number, layout: Layout, timeline: ChannelTimeline, interactive: boolean): { element: SvgElement; height: number } {
  const width = layout.right - layout.left;
  const meta = ` · ${row.kindLabel}, ${row.period} · ${row.stateLabel}`;
  const nameWidth = Math.max(width * 0.5, width - estimateTextWidth(meta, LABEL_SIZE));
  const name = fitText(row.name, nameWidth, NAME_SIZE, true);
  const metaShown = fitText(meta, width - estimateTextWidth(name, NAME_SIZE, true), LABEL_SIZE);
  const barY = y + 21;
  const labels = endpointLabels(row, layout, barY + BAR_HEIGHT + 16, interactive);
  const height = 21 + BAR_HEIGHT + 10 + labels.lines * LINE + 6;

  const bar = barSvg(row, layout, barY, timeline, interactive);
  const accessibleName = `${row.name}: ${row.kindLabel}, ${row.period}, ${row.stateLabel} on ${timeline.asOf}`;
  return {
    height,
    element: svg(
      'g',
      {
        class: `row state-${row.state} kind-${row.kind}`,
        'data-channel': row.id,
        'data-state': row.state,
        role: interactive ? 'listitem' : undefined,
        'aria-label': interactive ? accessibleName : undefined,
      },
      index % 2 === 0 && svg('rect', { class: 'zebra', x: layout.left - 6, y, width: width + 12, height }),
      svg(
        'text',
        { x: layout.left, y: y + 15, 'font-size': NAME_SIZE },
        svg('tspan', { class: 'name' }, name),
        svg('tspan', { class: 'muted', 'font-size': LABEL_SIZE }, metaShown),
      ),
      bar,
      ...labels.elements,
    ),
  };
}

function barSvg(row: TimelineRow, layout: Layout, barY: number, timeline: ChannelTimeline, interactive: boolean): SvgElement {
  const kindClass = `k-${row.kind}`;
  const parts: SvgChild[] = [];
  const span = (from: number, to: number) => {
    const x1 = layout.x(from);
    // A channel of a few days still shows as a bar.
    const x2 = Math.max(layout.x(to), x1 + 3);
    return { x: x1, width: x2 - x1 };
  };
  if (row.dormant) {
    const { x, width } = span(row.dormant.from, row.dormant.to);
    parts.push(svg('rect', { class: 'dormant', x, y: barY, width, height: BAR_HEIGHT, fill: `url(#hatch-${row.kind})` }));
    parts.push(svg('rect', { class: `${kindClass} dormant-frame`, x, y: barY + 0.5, width, height: BAR_HEIGHT - 1 }));
  }
  for (const uncertain of row.uncertain) {
    const { x, width } = span(uncertain.from, uncertain.to);
    parts.push(svg('rect', { class: `${kindClass} uncertain`, x, y: barY, width, height: BAR_HEIGHT }));
  }
  if (row.active) {
    const { x, width } = span(row.active.from, row.active.to);
    parts.push(svg('rect', { class: `${kindClass} bar`, 'data-from': dayLabel(row.active.from), 'data-to': dayLabel(row.active.to), x, y: barY, width, height: BAR_HEIGHT, rx: 2 }));
    if (row.open && row.active.to >= timeline.axis.from) {
      const end = x + width;
      parts.push(svg('path', { class: `${kindClass} open-end`, d: `M${round(end + 1)} ${barY - 1}l6 ${BAR_HEIGHT / 2 + 1}l-6 ${BAR_HEIGHT / 2 + 1}z` }));
    }
  }
  const hit = barHit(row, layout, barY);
  const barGroup = svg(
    'g',
    {
      class: 'bar-group',
      'data-channel': row.id,
      tabindex: interactive ? 0 : undefined,
      role: interactive ? 'img' : undefined,
      'aria-label': interactive ? `${row.name}: ${row.kindLabel}, ${row.period}; ${row.stateLabel} on ${timeline.asOf}. ${row.events.length} key date${row.events.length === 1 ? '' : 's'}.` : undefined,
    },
    !interactive && svg('title', {}, `${row.name} (${row.kindLabel}, ${row.period}): ${row.stateLabel} on ${timeline.asOf}${row.summary ? `. ${row.summary}` : ''}`),
    svg('rect', { class: 'tick-hit', ...hit }),
    ...parts,
  );
  const shown = row.events.map((event, eventIndex) => ({ event, eventIndex, x: layout.x(event.day) })).filter(({ event }) => event.day >= timeline.axis.from && event.day <= timeline.axis.to);
  const ticks = shown.map(({ event, eventIndex, x }, index) => {
      // Hover areas of close ticks split the distance between them rather than overlap.
      const previous = shown[index - 1]?.x;
      const next = shown[index + 1]?.x;
      const hitFrom = Math.max(x - 4, previous === undefined ? x - 4 : Math.min(x - 1, (previous + x) / 2));
      const hitTo = Math.min(x + 4, next === undefined ? x + 4 : Math.max(x + 1, (x + next) / 2));
      return svg(
        'g',
        {
          class: `tick-group${event.verified ? '' : ' unverified'}`,
          'data-channel': row.id,
          'data-event': eventIndex,
          tabindex: interactive ? 0 : undefined,
          role: interactive ? 'img' : undefined,
          'aria-label': interactive ? `${row.name}, ${describeEvent(event)}` : undefined,
        },
        !interactive && svg('title', {}, describeEvent(event)),
        svg('rect', { class: 'tick-hit', x: round(hitFrom), y: barY - 6, width: round(hitTo - hitFrom), height: BAR_HEIGHT + 12 }),
        svg('line', { class: `tick${event.verified ? '' : ' unverified'}`, x1: x, y1: barY - 4, x2: x, y2: barY + BAR_HEIGHT + 4 }),
      );
    });
  return svg('g', { class: 'timeline-bar' }, barGroup, ...ticks);
}

/** The area a pointer may hover to reach a bar: the whole drawn extent, at least 8 px wide. */
function barHit(row: TimelineRow, layout: Layout, barY: number): { x: number; y: number; width: number; height: number } {
  const spans = [row.active, row.dormant, ...row.uncertain].filter((span): span is DaySpan => Boolean(span));
  const from = Math.min(...spans.map((span) => layout.x(span.from)));
  const to = Math.max(...spans.map((span) => layout.x(span.to)));
  const width = Math.max(to - from, 8);
  return { x: round(from - (width - (to - from)) / 2), y: barY - 2, width: round(width), height: BAR_HEIGHT + 4 };
}

function dayLabel(day: number): string {
  return dateOfDay(day).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Endpoint labels ("Scott Bessent, the US treasury secretary"), flowing onto more lines as needed. */
function endpointLabels(row: TimelineRow, layout: Layout, firstBaseline: number, interactive: boolean): { elements: SvgElement[]; lines: number } {
  const width = layout.right - layout.left;
  const gap = 18;
  const elements: SvgElement[] = [];
  let x = layout.left;
  let line = 0;
  for (const endpoint of row.endpoints) {
    const nameWidth = estimateTextWidth(endpoint.name, LABEL_SIZE, true);
    const postText = `, ${endpoint.post}`;
    let post = postText;
    let total = nameWidth + estimateTextWidth(post, LABEL_SIZE);
    if (x > layout.left && x + total > layout.right) {
      line += 1;
      x = layout.left;
    }
    if (total > width) {
      post = fitText(postText, width - nameWidth, LABEL_SIZE);
      total = width;
    }
    elements.push(
      svg(
        'text',
        {
          class: 'endpoint',
          x: round(x),
          y: firstBaseline + line * LINE,
          'font-size': LABEL_SIZE,
          'data-actor': endpoint.actorId,
          tabindex: interactive ? 0 : undefined,
          role: interactive ? 'link' : undefined,
          'aria-label': interactive ? `${endpoint.name}${postText}: show the actor's card` : undefined,
        },
        svg('tspan', { class: 'endpoint-name' }, endpoint.name),
        svg('tspan', { class: 'muted endpoint-post' }, post),
      ),
    );
    x += total + gap;
  }
  return { elements, lines: line + 1 };
}

function horizonSvg(timeline: ChannelTimeline, layout: Layout, axisY: number, bottom: number): SvgElement | undefined {
  if (!timeline.horizon) return undefined;
  const day = dayRange(partialDate(timeline.horizon)).last + 1;
  if (day < timeline.axis.from || day > timeline.axis.to) return undefined;
  const x = layout.x(day);
  const label = `data to ${timeline.horizon}`;
  const nearRight = x + estimateTextWidth(label, 10) / 2 > layout.right;
  return svg(
    'g',
    { class: 'horizon' },
    svg('line', { class: 'horizon-line', x1: x, y1: axisY + 4, x2: x, y2: bottom + 4 }),
    svg('text', { x, y: bottom + 15, 'text-anchor': nearRight ? 'end' : 'middle', class: 'muted', 'font-size': 10 }, label),
  );
}

function memoDateSvg(timeline: ChannelTimeline, layout: Layout, axisY: number, bottom: number): SvgElement | undefined {
  const { from, to } = timeline.asOfSpan;
  if (to < timeline.axis.from || from > timeline.axis.to) return undefined;
  const x1 = layout.x(from);
  const x2 = layout.x(to);
  const middle = (x1 + x2) / 2;
  const label = timeline.asOf;
  const half = estimateTextWidth(label, 10.5, true) / 2;
  const anchor = middle + half > layout.right ? 'end' : middle - half < layout.left ? 'start' : 'middle';
  const precise = precisionOf(partialDate(timeline.asOf)) === 'day' || x2 - x1 < 2;
  return svg(
    'g',
    { class: 'memo-date', 'data-date': timeline.asOf },
    !precise && svg('rect', { class: 'memo-band', x: x1, y: axisY + 4, width: x2 - x1, height: bottom - axisY - 4 }),
    svg('line', { class: 'memo-line', x1: middle, y1: axisY + 4, x2: middle, y2: bottom }),
    svg('text', { x: anchor === 'end' ? Math.min(middle + 3, layout.right) : anchor === 'start' ? Math.max(middle - 3, layout.left) : middle, y: 53, 'text-anchor': anchor, class: 'memo-label', 'font-size': 10.5 }, label),
  );
}

function legendSvg(y: number, layout: Layout, timeline: ChannelTimeline): { element: SvgElement; bottom: number } {
  const items: Array<{ swatch: (x: number, y: number) => SvgElement[]; label: string }> = [
    ...timeline.choices.kinds.map(({ kind, label }) => ({ label, swatch: (x: number, top: number) => [svg('rect', { class: `k-${kind} bar`, x, y: top, width: 18, height: BAR_HEIGHT, rx: 2 })] })),
    {
      label: 'dormant',
      swatch: (x: number, top: number) => [
        svg('rect', { class: 'dormant', x, y: top, width: 18, height: BAR_HEIGHT, fill: 'url(#hatch-official-talks)' }),
        svg('rect', { class: 'k-official-talks dormant-frame', x, y: top + 0.5, width: 18, height: BAR_HEIGHT - 1 }),
      ],
    },
    { label: 'date known to the month or year', swatch: (x: number, top: number) => [svg('rect', { class: 'k-official-talks uncertain', x, y: top, width: 18, height: BAR_HEIGHT })] },
    { label: 'key date', swatch: (x: number, top: number) => [svg('line', { class: 'tick', x1: x + 9, y1: top - 3, x2: x + 9, y2: top + BAR_HEIGHT + 3 })] },
    { label: `memo date (${timeline.asOf})`, swatch: (x: number, top: number) => [svg('line', { class: 'memo-line', x1: x + 9, y1: top - 3, x2: x + 9, y2: top + BAR_HEIGHT + 3 })] },
  ];
  const children: SvgElement[] = [];
  let x = layout.left;
  let line = 0;
  for (const item of items) {
    const width = 24 + estimateTextWidth(item.label, 10.5) + 16;
    if (x > layout.left && x + width > layout.right) {
      line += 1;
      x = layout.left;
    }
    const top = y + line * 18;
    children.push(...item.swatch(x, top), svg('text', { x: x + 24, y: top + 9, class: 'muted', 'font-size': 10.5 }, item.label));
    x += width;
  }
  return { element: svg('g', { class: 'legend', 'aria-hidden': 'true' }, ...children), bottom: y + line * 18 + BAR_HEIGHT + 4 };
}
