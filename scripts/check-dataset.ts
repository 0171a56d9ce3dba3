/**
 * A quick consistency check of a dataset file (default: data/builtin.json), separate from the real loader.
 *
 *   npx esbuild scripts/check-dataset.ts --bundle --platform=node --outfile=/tmp/check.js && node /tmp/check.js [file]
 *
 * Errors (exit 1): schema issues, unknown posts, endpoints or source ids, duplicate ids, a tenure or
 * channel that certainly ends before it starts, and two non-acting tenures of a unique post that
 * certainly overlap. Warnings: overlaps and orderings that partial dates make possible but not
 * certain. A partial date covers every day it could be ("2023-03" is 1-31 March), and the end day is
 * exclusive (the first day no longer in post).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { datasetSchema, type Dataset, type Tenure } from '../src/core/schema';
import { dayRange, partialDate } from '../src/core/dates';

const file = resolve(process.cwd(), process.argv[2] ?? 'data/builtin.json');
const errors: string[] = [];
const warnings: string[] = [];

interface Span {
  /** Earliest and latest possible first day; undefined start means not known. */
  readonly startFirst: number;
  readonly startLast: number;
  /** Earliest and latest possible exclusive end day; an open end is +Infinity. */
  readonly endFirst: number;
  readonly endLast: number;
}

function span(start: string | undefined, end: string | null | undefined): Span {
  const endRange = end ? dayRange(partialDate(end)) : undefined;
  const endFirst = endRange ? endRange.first : Number.POSITIVE_INFINITY;
  const endLast = endRange ? endRange.last : Number.POSITIVE_INFINITY;
  if (start) {
    const range = dayRange(partialDate(start));
    return { startFirst: range.first, startLast: range.last, endFirst, endLast };
  }
  // Unknown start: it may have begun at any time, but at the latest the day before the earliest end.
  return { startFirst: Number.NEGATIVE_INFINITY, startLast: endFirst - 1, endFirst, endLast };
}

/** Two spans [start, end) certainly overlap, possibly overlap, or certainly do not. */
function overlap(a: Span, b: Span): 'certain' | 'possible' | 'none' {
  if (a.startLast < b.endFirst && b.startLast < a.endFirst) return 'certain';
  if (a.startFirst < b.endLast && b.startFirst < a.endLast) return 'possible';
  return 'none';
}

function checkOrder(where: string, start: string | undefined, end: string | null | undefined): void {
  if (!start || !end) return;
  const s = dayRange(partialDate(start));
  const e = dayRange(partialDate(end));
  if (s.first >= e.last) errors.push(`${where}: ends (${end}) before it starts (${start})`);
  else if (s.last >= e.first) warnings.push(`${where}: start ${start} and end ${end} share a period, so the order is not certain`);
}

function checkUnique(kind: string, ids: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) errors.push(`duplicate ${kind} id "${id}"`);
    seen.add(id);
  }
}

function describe(actor: string, tenure: Tenure): string {
  return `${actor} (${tenure.start ?? '?'} to ${tenure.end ?? 'open'}${tenure.acting ? ', acting' : ''})`;
}

function check(dataset: Dataset): void {
  const roles = new Map(dataset.roles.map((role) => [role.id, role]));
  const actorIds = new Set(dataset.actors.map((actor) => actor.id));
  const sourceIds = new Set(dataset.sources.map((source) => source.id));
  checkUnique('post', dataset.roles.map((role) => role.id));
  checkUnique('actor', dataset.actors.map((actor) => actor.id));
  checkUnique('channel', dataset.channels.map((channel) => channel.id));
  checkUnique('source', dataset.sources.map((source) => source.id));

  const checkRefs = (where: string, refs: Dataset['actors'][number]['sources']) => {
    for (const ref of refs) if (typeof ref === 'string' && !sourceIds.has(ref)) errors.push(`${where}: unknown source "${ref}"`);
  };

  const holders = new Map<string, Array<{ actor: string; tenure: Tenure }>>();
  for (const actor of dataset.actors) {
    if (actor.aliases.includes(actor.name)) errors.push(`actor ${actor.id}: its name is also listed as an alias`);
    checkRefs(`actor ${actor.id}`, actor.sources);
    actor.tenures.forEach((tenure, index) => {
      const where = `actor ${actor.id}, tenure ${index + 1} (${tenure.role})`;
      if (!roles.has(tenure.role)) errors.push(`${where}: unknown post "${tenure.role}"`);
      checkOrder(where, tenure.start, tenure.end);
      checkRefs(where, tenure.sources);
      if (tenure.sources.length === 0) warnings.push(`${where}: no source`);
      const list = holders.get(tenure.role) ?? [];
      list.push({ actor: actor.id, tenure });
      holders.set(tenure.role, list);
    });
  }

  for (const [roleId, list] of holders) {
    if (!roles.get(roleId)?.unique) continue;
    for (let i = 0; i < list.length; i += 1) {
      for (let j = i + 1; j < list.length; j += 1) {
        const a = list[i]!;
        const b = list[j]!;
        if (a.tenure.acting || b.tenure.acting) continue;
        const result = overlap(span(a.tenure.start, a.tenure.end), span(b.tenure.start, b.tenure.end));
        const message = `unique post ${roleId}: ${describe(a.actor, a.tenure)} and ${describe(b.actor, b.tenure)}`;
        if (result === 'certain') errors.push(`${message} overlap`);
        else if (result === 'possible') warnings.push(`${message} may overlap (partial dates)`);
      }
    }
  }

  for (const role of dataset.roles) {
    if (!holders.has(role.id)) warnings.push(`post ${role.id} has no tenure`);
  }

  for (const channel of dataset.channels) {
    const where = `channel ${channel.id}`;
    for (const endpoint of channel.endpoints) {
      if (!actorIds.has(endpoint)) errors.push(`${where}: unknown endpoint "${endpoint}"`);
    }
    if (new Set(channel.endpoints).size !== channel.endpoints.length) errors.push(`${where}: repeated endpoint`);
    checkOrder(where, channel.start, channel.end);
    checkRefs(where, channel.sources);
  }
}

let raw: unknown;
try {
  raw = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`check-dataset: cannot read ${file}: ${(error as Error).message}`);
  process.exit(1);
}

const parsed = datasetSchema.safeParse(raw);
if (!parsed.success) {
  for (const issue of parsed.error.issues) errors.push(`schema: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
} else {
  check(parsed.data);
}

for (const warning of warnings) console.log(`warning: ${warning}`);
for (const error of errors) console.log(`error: ${error}`);
if (parsed.success) {
  const data = parsed.data;
  const tenures = data.actors.reduce((n, actor) => n + actor.tenures.length, 0);
  console.log(
    `check-dataset: ${file}: ${data.roles.length} posts, ${data.actors.length} actors, ${tenures} tenures, ${data.channels.length} channels, ${data.sources.length} sources; ${errors.length} error(s), ${warnings.length} warning(s)`,
  );
}
process.exit(errors.length > 0 ? 1 : 0);
