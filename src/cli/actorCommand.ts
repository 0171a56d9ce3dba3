/** `interlocutor actor QUERY`: the actor card, as text or JSON, as of a date. */
import { channelStatusText, renderActorCardText } from '../core/actorCard';
import { completionIndexFor } from '../core/completion';
import { formatPartialDate, type PartialDate } from '../core/dates';
import type { KnowledgeBase } from '../core/knowledgeBase';
import { tenureTitle } from '../core/knowledgeBase';

export interface ActorMatch {
  readonly actorId: string;
  readonly matched: string;
}

/**
 * Every actor with `query` as an exact name or alias (`exact`: several may share one), else what
 * completion would offer on `date`: names by prefix, the holders of a post ("foreign minister"),
 * then typos ("Qin Gnag"), best first.
 */
export function findActors(kb: KnowledgeBase, query: string, date: PartialDate): { exact: boolean; matches: ActorMatch[] } {
  const exact = kb.index.lookup(query);
  if (exact.length > 0) return { exact: true, matches: [...new Map(exact.map((entry) => [entry.actorId, { actorId: entry.actorId, matched: entry.written }])).values()] };
  return { exact: false, matches: completionIndexFor(kb).complete(query, date, 5).map((candidate) => ({ actorId: candidate.actorId, matched: candidate.matched })) };
}

export function actorJson(kb: KnowledgeBase, actorId: string, date: PartialDate): unknown {
  const actor = kb.actor(actorId)!;
  return {
    id: actor.id,
    name: actor.name,
    nativeName: actor.nativeName ?? null,
    country: actor.country ?? null,
    kind: actor.kind,
    summary: actor.summary ?? null,
    aliases: actor.aliases,
    asOf: formatPartialDate(date),
    tenures: kb.tenuresOn(actorId, date).map((entry) => ({
      role: entry.tenure.role,
      title: tenureTitle(entry),
      postTitle: entry.role?.title ?? null,
      start: entry.tenure.start ?? null,
      end: entry.tenure.end ?? null,
      acting: entry.tenure.acting,
      endReason: entry.tenure.endReason ?? null,
      verified: entry.tenure.verified,
      verifiedThrough: entry.horizon ? formatPartialDate(entry.horizon) : null,
      stateOnDate: entry.state,
      pastHorizon: entry.pastHorizon,
      sources: kb.resolveSources(entry.tenure.sources),
    })),
    channels: kb.channelsOf(actorId).map((channel) => {
      const horizon = kb.channelHorizon(channel);
      return {
        id: channel.id,
        name: channel.name,
        kind: channel.kind,
        stateOnDate: kb.channelState(channel, date),
        statusOnDate: channelStatusText(kb, channel, date),
        verifiedThrough: horizon ? formatPartialDate(horizon) : null,
      };
    }),
    events: actor.events.map((event) => ({ date: event.date, kind: event.kind ?? null, text: event.text, verified: event.verified, sources: kb.resolveSources(event.sources) })),
  };
}

export function actorText(kb: KnowledgeBase, actorId: string, date: PartialDate, dateLabel: string): string {
  return renderActorCardText(kb, actorId, date, { dateLabel }) ?? '';
}
