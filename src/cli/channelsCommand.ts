/**
 * `interlocutor channels`: the channels as of a date, as text, JSON or the timeline SVG figure, so
 * that CI can regenerate the figures a memo embeds. Output goes to stdout, or only to the -o file.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { CHANNEL_KINDS, channelTimeline, describeEvent, timelineSvg, type ChannelTimeline, type TimelineRow } from '../core/channelTimeline';
import { parsePartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeBase } from '../core/knowledgeBase';
import type { ChannelKind } from '../core/schema';
import { serializeSvg } from '../core/svg';
import { findActors } from './actorCommand';
import type { CliIo } from './io';
import { UsageError, loadCliKnowledge } from './knowledge';

export interface ChannelsCommandContext {
  readonly parseDate: (value: string | undefined, today: PartialDate) => { date: PartialDate; label: string };
  readonly reportProblems: (knowledge: ReturnType<typeof loadCliKnowledge>) => boolean;
}

const FORMATS = ['text', 'json', 'svg'] as const;
const THEMES = ['light', 'dark'] as const;

export function channelsCommand(args: readonly string[], io: CliIo, context: ChannelsCommandContext): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      'as-of': { type: 'string' },
      actor: { type: 'string' },
      country: { type: 'string' },
      kind: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      theme: { type: 'string' },
      width: { type: 'string' },
      output: { type: 'string', short: 'o' },
      dataset: { type: 'string', multiple: true },
    },
  });
  if (positionals.length > 0) throw new UsageError(`channels takes no file arguments (got "${positionals[0]}"); use -o FILE to write the output`);
  const { date, label } = context.parseDate(values['as-of'], io.today);
  const format = oneOf(values.format, FORMATS, 'text', '--format');
  const theme = oneOf(values.theme, THEMES, 'light', '--theme');
  const kind = values.kind === undefined ? undefined : oneOf<ChannelKind>(values.kind, CHANNEL_KINDS, 'official-talks', '--kind');
  const width = values.width === undefined ? undefined : Number(values.width);
  if (width !== undefined && !(Number.isInteger(width) && width >= 360 && width <= 4000)) throw new UsageError('--width must be a whole number of pixels from 360 to 4000');
  const from = optionalDate(values.from, '--from');
  const to = optionalDate(values.to, '--to');

  const knowledge = loadCliKnowledge(io, values.dataset ?? []);
  if (context.reportProblems(knowledge)) return 2;
  const actorId = values.actor === undefined ? undefined : resolveActor(knowledge.kb, values.actor, date);
  const timeline = channelTimeline(knowledge.kb, { asOf: date, actorId, country: values.country?.toUpperCase(), kind, from, to });

  let output: string;
  if (format === 'svg') output = serializeSvg(timelineSvg(timeline, { variant: theme, ...(width ? { width } : {}) }));
  else if (format === 'json') output = `${JSON.stringify(timelineJson(timeline), null, 2)}\n`;
  else output = timelineText(timeline, label);

  if (values.output !== undefined) {
    const path = resolve(io.cwd, values.output);
    try {
      io.writeFile(path, output);
    } catch (error) {
      throw new UsageError(`cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    io.stderr(`Wrote ${timeline.rows.length} channel(s) as of ${timeline.asOf} to ${path}\n`);
  } else {
    io.stdout(output);
  }
  return 0;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, option: string): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}`);
  return value as T;
}

function optionalDate(value: string | undefined, option: string): PartialDate | undefined {
  if (value === undefined) return undefined;
  const parsed = parsePartialDate(value);
  if (!parsed.ok) throw new UsageError(`${option}: ${parsed.message}`);
  return parsed.date;
}

/** An actor id, or a name or alias that names exactly one actor. */
function resolveActor(kb: KnowledgeBase, query: string, date: PartialDate): string {
  if (kb.actor(query)) return query;
  const { exact, matches } = findActors(kb, query, date);
  if (exact && matches.length === 1) return matches[0]!.actorId;
  const names = matches.map((match) => `${kb.actor(match.actorId)?.name} (${match.actorId})`);
  throw new UsageError(`--actor "${query}" is not an actor id${names.length ? `; did you mean ${names.slice(0, 5).join(', ')}?` : ''}`);
}

/** The model without layout numbers: what each channel is, its state and people on the date, its key dates. */
export function timelineJson(timeline: ChannelTimeline): unknown {
  return {
    asOf: timeline.asOf,
    horizon: timeline.horizon ?? null,
    filters: { actor: timeline.filters.actorId ?? null, country: timeline.filters.country ?? null, kind: timeline.filters.kind ?? null },
    channels: timeline.rows.map((row) => ({
      id: row.id,
      name: row.name,
      kind: row.kind,
      start: row.start ?? null,
      end: row.end ?? null,
      stateOnDate: row.state,
      summary: row.summary ?? null,
      endpoints: row.endpoints.map((endpoint) => ({ id: endpoint.actorId, name: endpoint.name, country: endpoint.country ?? null, postOnDate: endpoint.post })),
      events: row.events.map((event) => ({ date: event.date, text: event.text, verified: event.verified, note: event.note ?? null, sources: event.sources })),
    })),
  };
}

const STATE_ORDER: ReadonlyArray<[TimelineRow['state'], string]> = [
  ['active', 'Active'],
  ['dormant', 'Dormant'],
  ['closed', 'Closed'],
  ['not-started', 'Not yet begun'],
  ['unknown', 'Status unclear'],
];

export function timelineText(timeline: ChannelTimeline, dateLabel: string): string {
  const lines = [`Channels as of ${timeline.asOf} (${dateLabel})${timeline.horizon ? ` · data verified through ${timeline.horizon} at the latest` : ''}`];
  if (timeline.rows.length === 0) lines.push('', 'No channel matches.');
  for (const [state, heading] of STATE_ORDER) {
    const rows = timeline.rows.filter((row) => row.state === state);
    if (rows.length === 0) continue;
    lines.push('', `${heading} (${rows.length})`);
    for (const row of rows) {
      lines.push(`  ${row.name}`, `    ${row.kindLabel} · ${row.period}`);
      for (const endpoint of row.endpoints) lines.push(`    - ${endpoint.name}, ${endpoint.post}`);
      for (const event of row.events) lines.push(`    ${describeEvent(event).replace(': ', '  ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
