/**
 * The actor card shown on hover (and by the "Show Actor" command and the CLI): who the actor is,
 * what they held on the memo's date, a short timeline, their channels and sources. Rendered to
 * escaped Markdown by MarkdownBuilder; plain text for the terminal is derived from the same model.
 */
import { dayRange, formatPartialDate, partialDate, type PartialDate } from './dates';
import { tenureTitle, type ChannelState, type KnowledgeBase, type TenureOnDate } from './knowledgeBase';
import { sameOffice } from './datasetMerge';
import { MarkdownBuilder } from './markdown';
import type { Channel, DatedEvent, SourceDefinition, Verification } from './schema';

export interface ActorCardOptions {
  /** How the date was chosen, e.g. "front matter as_of"; shown next to the date. */
  readonly dateLabel?: string;
  /** How many timeline entries to show before "and N earlier". */
  readonly timelineLimit?: number;
  /** How many former posts to name before "and N more". */
  readonly formerLimit?: number;
  readonly sourceLimit?: number;
  /** How many events up to the date to show, most recent last. */
  readonly eventLimit?: number;
}

const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** "CN" → "China"; an unknown code is shown as written. */
export function countryName(code: string | undefined): string | undefined {
  if (!code) return undefined;
  try {
    return REGION_NAMES.of(code.toUpperCase());
  } catch {
    return code.toUpperCase();
  }
}

export function formatInterval(entry: { tenure: { start?: string | undefined; end?: string | null | undefined } }): string {
  const start = entry.tenure.start ?? '?';
  return entry.tenure.end ? `${start} to ${entry.tenure.end}` : `since ${start}`;
}

const CHANNEL_KIND_LABEL: Readonly<Record<Channel['kind'], string>> = {
  'official-talks': 'official talks',
  'back-channel': 'back channel',
  'leader-level': 'leader-level',
  informal: 'informal',
};

export function channelKindLabel(kind: Channel['kind']): string {
  return CHANNEL_KIND_LABEL[kind];
}

const CHANNEL_STATE_LABEL: Readonly<Record<ChannelState, string>> = {
  'not-started': 'not yet begun',
  active: 'active',
  dormant: 'dormant',
  closed: 'closed',
  unknown: 'status unclear on this date',
};

export function channelStateLabel(state: ChannelState): string {
  return CHANNEL_STATE_LABEL[state];
}

/**
 * A channel's status on a date in words; past the channel's horizon it says so rather than
 * "unclear", so that "not checked" never reads like "checked and fine".
 */
export function channelStatusText(kb: KnowledgeBase, channel: Channel, date: PartialDate): string {
  const state = kb.channelState(channel, date);
  const horizon = kb.channelHorizon(channel);
  if (state === 'unknown' && horizon && kb.channelPastHorizon(channel, date)) return `status not verified after ${formatPartialDate(horizon)}`;
  return channelStateLabel(state);
}

/** "partly verified" / "unverified" for facts that are not fully checked against their sources. */
export function verificationLabel(verified: Verification): string | undefined {
  if (verified === 'partial') return 'partly verified';
  return verified ? undefined : 'unverified';
}

/**
 * One line about a tenure on a date: "foreign minister (2022-12-30 to 2023-07-25, removed)". An
 * open tenure says how far it was checked: "checked to 2026-03" while it holds, "not verified after
 * 2026-03" once the date is past its horizon.
 */
export function describeTenure(entry: TenureOnDate): string {
  // A current post is described as the memo's author saw it: since when, not until when.
  const details = [entry.state === 'current' ? `since ${entry.tenure.start ?? '?'}` : formatInterval(entry)];
  if (entry.tenure.acting) details.push('acting');
  if (entry.state === 'former' && entry.tenure.endReason) details.push(entry.tenure.endReason);
  if (entry.horizon && entry.pastHorizon) details.push(`not verified after ${formatPartialDate(entry.horizon)}`);
  else if (entry.horizon && entry.state === 'current') details.push(`checked to ${formatPartialDate(entry.horizon)}`);
  const verification = verificationLabel(entry.tenure.verified);
  if (verification) details.push(verification);
  return `${tenureTitle(entry)} (${details.join(', ')})`;
}

export interface ActorCardModel {
  readonly name: string;
  readonly nativeName?: string;
  readonly country?: string;
  readonly summary?: string;
  readonly date: string;
  readonly dateLabel?: string;
  readonly current: readonly TenureOnDate[];
  readonly unknown: readonly TenureOnDate[];
  readonly former: readonly TenureOnDate[];
  readonly moreFormer: number;
  readonly future: readonly TenureOnDate[];
  readonly timeline: readonly TenureOnDate[];
  readonly earlierCount: number;
  readonly channels: ReadonlyArray<{ channel: Channel; state: ChannelState; status: string }>;
  /** Events on or before the date, oldest first. */
  readonly events: readonly DatedEvent[];
  readonly earlierEvents: number;
  readonly sources: readonly SourceDefinition[];
  readonly moreSources: number;
  /** What the actor is on the date, beside the post: the body the post belongs to and the party ("US Senate · Democrat"). */
  readonly affiliation?: string;
  /** The credit lines of the datasets the actor comes from (a pack's attribution). */
  readonly attributions: readonly string[];
}

export function actorCardModel(kb: KnowledgeBase, actorId: string, date: PartialDate, options: ActorCardOptions = {}): ActorCardModel | undefined {
  const actor = kb.actor(actorId);
  if (!actor) return undefined;
  const tenures = distinctOffices(kb.tenuresOn(actorId, date));
  const timelineLimit = options.timelineLimit ?? 6;
  const sourceLimit = options.sourceLimit ?? 4;
  const formerLimit = options.formerLimit ?? 4;
  const former = tenures.filter((entry) => entry.state === 'former').sort(byProminence);
  const allSources = kb.resolveSources([...actor.sources, ...[...tenures].reverse().flatMap((entry) => entry.tenure.sources)]);
  const country = countryName(actor.country);
  const eventLimit = options.eventLimit ?? 3;
  const lastDay = dayRange(date).last;
  const events = actor.events.filter((event) => dayRange(partialDate(event.date)).first <= lastDay);
  const current = distinctOffices(kb.currentPosts(actorId, date));
  const affiliation = affiliationOf(current[0] ?? former[0]);
  return {
    name: actor.name,
    ...(actor.nativeName ? { nativeName: actor.nativeName } : {}),
    ...(country ? { country } : {}),
    ...(affiliation ? { affiliation } : {}),
    attributions: attributionsOf(kb, actorId),
    ...(actor.summary ? { summary: actor.summary } : {}),
    date: formatPartialDate(date),
    ...(options.dateLabel ? { dateLabel: options.dateLabel } : {}),
    current,
    unknown: tenures.filter((entry) => entry.state === 'unknown'),
    former: former.slice(0, formerLimit),
    moreFormer: Math.max(0, former.length - formerLimit),
    future: tenures.filter((entry) => entry.state === 'future'),
    timeline: tenures.slice(-timelineLimit),
    earlierCount: Math.max(0, tenures.length - timelineLimit),
    channels: kb.channelsOf(actorId).map((channel) => ({ channel, state: kb.channelState(channel, date), status: channelStatusText(kb, channel, date) })),
    events: events.slice(-eventLimit),
    earlierEvents: Math.max(0, events.length - eventLimit),
    sources: allSources.slice(0, sourceLimit),
    moreSources: Math.max(0, allSources.length - sourceLimit),
  };
}

/** One entry per spell in an office: a person folded from two datasets may hold it under two post ids. */
function distinctOffices(entries: readonly TenureOnDate[]): TenureOnDate[] {
  return entries.filter((entry, index) => !entries.slice(0, index).some((earlier) => sameOffice(earlier, entry)));
}

/** The body of the post and the party the holder sat for: "US Senate · Democrat", "Home Office". */
function affiliationOf(entry: TenureOnDate | undefined): string | undefined {
  if (!entry) return undefined;
  const parts = [entry.role?.organization, entry.tenure.party].filter((part): part is string => Boolean(part));
  return parts.length > 0 ? [...new Set(parts)].join(' · ') : undefined;
}

/** The attribution of each dataset the actor's record comes from, once each. */
export function attributionsOf(kb: KnowledgeBase, actorId: string): string[] {
  const files = kb.data.actorFiles?.get(actorId) ?? [kb.data.actorOrigins.get(actorId)?.file];
  // A record folded from several datasets names each; one without an attribution by its name.
  const attributions = files.map((file) => {
    const dataset = kb.data.datasets.find((loaded) => loaded.file === file)?.dataset;
    return dataset?.attribution ?? (files.length > 1 ? dataset?.name : undefined);
  });
  return [...new Set(attributions.filter((text): text is string => Boolean(text)))];
}

/** "2026-02-13: Met Rubio at the Munich Security Conference (partly verified)" */
export function describeEvent(event: DatedEvent): string {
  const verification = verificationLabel(event.verified);
  return `${event.date}: ${event.text}${verification ? ` (${verification})` : ''}`;
}

/**
 * Offices with one holder (minister, ambassador) before memberships, then the most recent first
 * (by end for former posts, by start for current ones).
 */
function byProminence(a: TenureOnDate, b: TenureOnDate): number {
  const unique = Number(b.role?.unique ?? false) - Number(a.role?.unique ?? false);
  if (unique !== 0) return unique;
  const recency = (entry: TenureOnDate) => entry.tenure.end ?? entry.tenure.start ?? '';
  return recency(b).localeCompare(recency(a));
}

export function renderActorCard(kb: KnowledgeBase, actorId: string, date: PartialDate, options: ActorCardOptions = {}): string | undefined {
  const model = actorCardModel(kb, actorId, date, options);
  if (!model) return undefined;
  const md = new MarkdownBuilder();
  md.bold(model.name);
  if (model.nativeName) md.text(` (${model.nativeName})`);
  if (model.country) md.text(` · ${model.country}`);
  if (model.affiliation) md.text(` · ${model.affiliation}`);
  md.paragraphBreak();
  if (model.summary) md.text(model.summary).paragraphBreak();

  md.bold(`As of ${model.date}`);
  if (model.dateLabel) md.text(` (${model.dateLabel})`);
  md.text(': ');
  if (model.current.length > 0) {
    md.text(model.current.map(describeTenure).join('; '));
  } else {
    md.text('no current post in the datasets');
  }
  md.paragraphBreak();
  if (model.unknown.length > 0) {
    md.italic('Not known on this date:').text(' ' + model.unknown.map(describeTenure).join('; '));
    md.paragraphBreak();
  }
  if (model.former.length > 0) {
    md.italic('Former:').text(' ' + model.former.map(describeTenure).join('; '));
    if (model.moreFormer > 0) md.text(`; and ${model.moreFormer} more`);
    md.paragraphBreak();
  }
  if (model.future.length > 0) md.italic('Later:').text(' ' + model.future.map(describeTenure).join('; ')).paragraphBreak();

  if (model.timeline.length > 0) {
    md.bold('Timeline').paragraphBreak();
    if (model.earlierCount > 0) md.bullet().text(`… ${model.earlierCount} earlier`).raw('\n');
    for (const entry of model.timeline) md.bullet().text(`${formatInterval(entry)}: ${tenureTitle(entry)}${entry.tenure.acting ? ' (acting)' : ''}`).raw('\n');
    md.paragraphBreak();
  }

  if (model.channels.length > 0) {
    md.bold('Channels').paragraphBreak();
    for (const { channel, status } of model.channels) {
      md.bullet().text(`${channel.name} · ${channelKindLabel(channel.kind)} · ${channel.start ?? '?'}${channel.end ? ` to ${channel.end}` : ''} · ${status}`).raw('\n');
    }
    md.paragraphBreak();
  }

  if (model.events.length > 0) {
    md.bold('Events').paragraphBreak();
    if (model.earlierEvents > 0) md.bullet().text(`… ${model.earlierEvents} earlier`).raw('\n');
    for (const event of model.events) md.bullet().text(describeEvent(event)).raw('\n');
    md.paragraphBreak();
  }

  if (model.sources.length > 0) {
    md.bold('Sources').text(': ');
    model.sources.forEach((source, index) => {
      if (index > 0) md.text(' · ');
      md.link(source.title, source.url);
    });
    if (model.moreSources > 0) md.text(` · and ${model.moreSources} more`);
  }
  if (model.attributions.length > 0) {
    if (model.sources.length > 0) md.paragraphBreak();
    md.italic(`Data: ${model.attributions.join('; ')}`);
  }
  return md.toString();
}

/** The same card as plain text, for the terminal. */
export function renderActorCardText(kb: KnowledgeBase, actorId: string, date: PartialDate, options: ActorCardOptions = {}): string | undefined {
  const all = Number.MAX_SAFE_INTEGER;
  const model = actorCardModel(kb, actorId, date, { timelineLimit: all, sourceLimit: all, formerLimit: all, eventLimit: all, ...options });
  if (!model) return undefined;
  const lines: string[] = [];
  lines.push(`${model.name}${model.nativeName ? ` (${model.nativeName})` : ''}${model.country ? ` · ${model.country}` : ''}${model.affiliation ? ` · ${model.affiliation}` : ''}`);
  if (model.summary) lines.push(model.summary);
  lines.push('');
  lines.push(`As of ${model.date}${model.dateLabel ? ` (${model.dateLabel})` : ''}: ${model.current.length > 0 ? model.current.map(describeTenure).join('; ') : 'no current post in the datasets'}`);
  if (model.unknown.length > 0) lines.push(`Not known on this date: ${model.unknown.map(describeTenure).join('; ')}`);
  if (model.former.length > 0) lines.push(`Former: ${model.former.map(describeTenure).join('; ')}`);
  if (model.future.length > 0) lines.push(`Later: ${model.future.map(describeTenure).join('; ')}`);
  if (model.timeline.length > 0) {
    lines.push('', 'Timeline:');
    for (const entry of model.timeline) lines.push(`  ${formatInterval(entry)}: ${tenureTitle(entry)}${entry.tenure.acting ? ' (acting)' : ''}`);
  }
  if (model.channels.length > 0) {
    lines.push('', 'Channels:');
    for (const { channel, status } of model.channels) lines.push(`  ${channel.name} · ${channelKindLabel(channel.kind)} · ${status}`);
  }
  if (model.events.length > 0) {
    lines.push('', 'Events:');
    for (const event of model.events) lines.push(`  ${describeEvent(event)}`);
  }
  if (model.sources.length > 0) {
    lines.push('', 'Sources:');
    for (const source of model.sources) lines.push(`  ${source.title}${source.url ? ` <${source.url}>` : ''}`);
  }
  if (model.attributions.length > 0) lines.push('', `Data: ${model.attributions.join('; ')}`);
  return lines.join('\n');
}
