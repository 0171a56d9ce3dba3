/**
 * The Channels view as plain data: channels grouped by their status on a date, each with its
 * endpoints and the post each endpoint held then. The VS Code tree provider only renders it.
 */
import { channelKindLabel, channelStatusText } from './actorCard';
import { postPhrase } from './completion';
import type { PartialDate } from './dates';
import type { ChannelState, KnowledgeBase } from './knowledgeBase';
import { tenureTitle } from './knowledgeBase';
import type { Channel } from './schema';

export type ChannelGroupId = 'active' | 'dormant' | 'closed' | 'not-started' | 'unknown';

export interface ChannelGroup {
  readonly id: ChannelGroupId;
  readonly label: string;
  readonly channels: readonly ChannelNode[];
}

export interface ChannelNode {
  readonly channel: Channel;
  readonly state: ChannelState;
  /** "back channel · 2016-12 to 2018" */
  readonly description: string;
  readonly endpoints: readonly EndpointNode[];
}

export interface EndpointNode {
  readonly actorId: string;
  readonly name: string;
  /** The post held on the date, or why there is none. */
  readonly description: string;
}

const GROUPS: ReadonlyArray<{ id: ChannelGroupId; label: string }> = [
  { id: 'active', label: 'Active' },
  { id: 'dormant', label: 'Dormant' },
  { id: 'closed', label: 'Closed' },
  { id: 'not-started', label: 'Not yet begun' },
  { id: 'unknown', label: 'Status unclear' },
];

export function channelPeriod(channel: Channel): string {
  return channel.end ? `${channel.start ?? '?'} to ${channel.end}` : `since ${channel.start ?? '?'}`;
}

/** Channels on `date`, grouped; only those with `actorId` among their endpoints when given. Empty groups are left out. */
export function channelGroups(kb: KnowledgeBase, date: PartialDate, actorId?: string): ChannelGroup[] {
  const nodes: ChannelNode[] = [];
  for (const channel of kb.channels()) {
    if (actorId && !channel.endpoints.includes(actorId)) continue;
    const state = kb.channelState(channel, date);
    // Past its horizon the status is not known: say so, rather than leave "unclear" unexplained.
    const horizonNote = state === 'unknown' && kb.channelPastHorizon(channel, date) ? ` · ${channelStatusText(kb, channel, date)}` : '';
    nodes.push({
      channel,
      state,
      description: `${channelKindLabel(channel.kind)} · ${channelPeriod(channel)}${horizonNote}`,
      endpoints: channel.endpoints.map((endpoint) => endpointNode(kb, endpoint, date)),
    });
  }
  return GROUPS.map((group) => ({
    ...group,
    channels: nodes.filter((node) => node.state === group.id).sort((a, b) => a.channel.name.localeCompare(b.channel.name)),
  })).filter((group) => group.channels.length > 0);
}

/** An endpoint with the post it held on the date, or why there is none. */
export function endpointNode(kb: KnowledgeBase, actorId: string, date: PartialDate): EndpointNode {
  const actor = kb.actor(actorId);
  if (!actor) return { actorId, name: actorId, description: 'not in the datasets' };
  const post = kb.currentPosts(actorId, date)[0];
  return { actorId, name: actor.name, description: post ? postPhrase(post.role, tenureTitle(post)) : 'no post on this date' };
}

/** An actor in the Actors view: name, and the post held on the date. */
export interface ActorEntry {
  readonly actorId: string;
  readonly name: string;
  readonly description: string;
}

/** The Actors view, top level: everyone grouped by country. The countries of the Actors view with the ids of their actors: cheap, for the top level of a tree with thousands of actors. */
export function actorCountries(kb: KnowledgeBase, countryName: (code: string | undefined) => string): Array<{ country: string; actorIds: string[] }> {
  const groups = new Map<string, string[]>();
  for (const actor of kb.actors()) {
    const country = countryName(actor.country);
    const list = groups.get(country) ?? [];
    list.push(actor.id);
    groups.set(country, list);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([country, actorIds]) => ({ country, actorIds }));
}

/** One country's actors by name, each with what they hold on the date: computed when the country is opened. */
export function actorEntries(kb: KnowledgeBase, actorIds: readonly string[], date: PartialDate): ActorEntry[] {
  return actorIds
    .flatMap((actorId) => {
      const actor = kb.actor(actorId);
      return actor ? [{ actorId, name: actor.name, description: endpointNode(kb, actorId, date).description }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
