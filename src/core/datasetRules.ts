/**
 * Consistency rules that a schema cannot express: references between entries (which may cross
 * files: a user dataset may cite a post defined in the built-in one), start before end, one holder
 * at a time for unique posts, unique ids. Each problem is reported in the file and at the position
 * of the entry that breaks the rule.
 */
import { dayRange, isBefore, partialDate, type PartialDate } from './dates';
import type { DatasetPath, DatasetProblem, ParsedDatasetFile } from './datasetLoader';
import { describePath } from './datasetLoader';
import type { MergedData } from './datasetMerge';
import type { SourceRef } from './schema';

export function checkDatasetConsistency(files: readonly ParsedDatasetFile[], merged: MergedData): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const report = (file: ParsedDatasetFile, path: DatasetPath, message: string) =>
    problems.push({ file: file.file, severity: 'error', message: `${describePath(path)}: ${message}`, range: file.locate(path) });

  for (const file of files) {
    const dataset = file.dataset;
    if (!dataset) continue;
    reportDuplicateIds(dataset.sources, 'sources', 'source', file, report);
    reportDuplicateIds(dataset.roles, 'roles', 'post', file, report);
    reportDuplicateIds(dataset.actors, 'actors', 'actor', file, report);
    reportDuplicateIds(dataset.channels, 'channels', 'channel', file, report);

    const checkSources = (refs: readonly SourceRef[], path: DatasetPath) =>
      refs.forEach((ref, index) => {
        if (typeof ref === 'string' && !merged.sources.has(ref)) report(file, [...path, index], `unknown source id "${ref}"`);
      });

    dataset.actors.forEach((actor, actorIndex) => {
      checkSources(actor.sources, ['actors', actorIndex, 'sources']);
      actor.tenures.forEach((tenure, tenureIndex) => {
        const path = ['actors', actorIndex, 'tenures', tenureIndex];
        if (!merged.roles.has(tenure.role)) report(file, [...path, 'role'], `unknown post id "${tenure.role}"${suggestion(tenure.role, merged.roles.keys())}`);
        checkOrder(tenure.start, tenure.end, path, file, report);
        if (tenure.verifiedThrough && tenure.end) report(file, [...path, 'verifiedThrough'], `verifiedThrough applies only to an open tenure; this one ended on ${tenure.end}`);
        checkSources(tenure.sources, [...path, 'sources']);
      });
    });

    dataset.channels.forEach((channel, channelIndex) => {
      const path = ['channels', channelIndex];
      channel.endpoints.forEach((endpoint, endpointIndex) => {
        if (!merged.actors.has(endpoint) && !merged.actorIdAliases?.has(endpoint)) report(file, [...path, 'endpoints', endpointIndex], `unknown actor id "${endpoint}"${suggestion(endpoint, merged.actors.keys())}`);
      });
      const seen = new Set<string>();
      channel.endpoints.forEach((endpoint, endpointIndex) => {
        if (seen.has(endpoint)) report(file, [...path, 'endpoints', endpointIndex], `actor "${endpoint}" is listed twice`);
        seen.add(endpoint);
      });
      checkOrder(channel.start, channel.end, path, file, report);
      if (channel.verifiedThrough && channel.end && channel.endStatus === 'closed') {
        report(file, [...path, 'verifiedThrough'], 'verifiedThrough applies only to an active or dormant channel; a closed channel is final');
      }
      checkSources(channel.sources, [...path, 'sources']);
      channel.events.forEach((event, eventIndex) => checkSources(event.sources, [...path, 'events', eventIndex, 'sources']));
    });
  }

  reportOverlappingTenures(files, merged, report);
  return problems;
}

type Reporter = (file: ParsedDatasetFile, path: DatasetPath, message: string) => void;

function reportDuplicateIds(entries: ReadonlyArray<{ id?: string }>, field: string, noun: string, file: ParsedDatasetFile, report: Reporter) {
  const first = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (!entry.id) return;
    const earlier = first.get(entry.id);
    if (earlier === undefined) first.set(entry.id, index);
    else report(file, [field, index, 'id'], `duplicate ${noun} id "${entry.id}" (first used at ${field}[${earlier}])`);
  });
}

function checkOrder(start: string | undefined, end: string | null | undefined, path: DatasetPath, file: ParsedDatasetFile, report: Reporter) {
  if (!start || !end) return;
  // Only a start certainly later than the end is wrong: "2023-03" to "2023-03-12" may be right.
  if (dayRange(partialDate(start)).first > dayRange(partialDate(end)).last) {
    report(file, [...path, 'end'], `ends (${end}) before it starts (${start})`);
  }
}

interface PlacedTenure {
  readonly actorId: string;
  readonly file: ParsedDatasetFile;
  readonly path: DatasetPath;
  readonly start?: PartialDate;
  readonly end?: PartialDate;
}

/**
 * One holder at a time: two non-acting tenures of a unique post overlap when each certainly begins
 * before the other ends. A sweep over tenures sorted by start keeps this O(n log n) per post, which
 * matters for large user datasets. Dates too imprecise to tell are not reported.
 */
function reportOverlappingTenures(files: readonly ParsedDatasetFile[], merged: MergedData, report: Reporter) {
  const fileByName = new Map(files.map((file) => [file.file, file]));
  const byRole = new Map<string, PlacedTenure[]>();
  for (const [actorId, actor] of merged.actors) {
    const origin = merged.actorOrigins.get(actorId);
    const file = origin && fileByName.get(origin.file);
    if (!origin || !file) continue;
    actor.tenures.forEach((tenure, tenureIndex) => {
      if (tenure.acting || !merged.roles.get(tenure.role)?.unique) return;
      const list = byRole.get(tenure.role) ?? [];
      list.push({
        actorId,
        file,
        path: ['actors', origin.index, 'tenures', tenureIndex],
        ...(tenure.start ? { start: partialDate(tenure.start) } : {}),
        ...(tenure.end ? { end: partialDate(tenure.end) } : {}),
      });
      byRole.set(tenure.role, list);
    });
  }
  for (const [roleId, tenures] of byRole) {
    const dated = tenures.filter((tenure) => tenure.start).sort((a, b) => dayRange(a.start!).first - dayRange(b.start!).first);
    let latest: PlacedTenure | undefined;
    for (const tenure of dated) {
      if (latest && (!latest.end || isBefore(tenure.start!, latest.end) === true)) {
        const role = merged.roles.get(roleId);
        report(
          tenure.file,
          tenure.path,
          `overlaps ${latest.actorId === tenure.actorId ? 'another tenure of the same actor' : `the tenure of "${latest.actorId}"`} in "${role?.title ?? roleId}", a post with one holder at a time (mark one as acting if that is what happened)`,
        );
      }
      if (!latest || endsAfter(tenure, latest)) latest = tenure;
    }
  }
}

function endsAfter(a: PlacedTenure, b: PlacedTenure): boolean {
  if (!b.end) return false;
  if (!a.end) return true;
  return dayRange(a.end).last > dayRange(b.end).last;
}

/** ' (did you mean "x"?)' when an id is one small typo away from an existing one. */
function suggestion(id: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 4)) + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - id.length) >= bestDistance) continue;
    const distance = editDistance(id, candidate, bestDistance);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best ? ` (did you mean "${best}"?)` : '';
}

/** Levenshtein distance, giving up early past `limit`; ids are short so this stays cheap. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return previous[b.length]!;
}
