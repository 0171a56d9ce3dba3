/**
 * Importer for Wikidata (CC0): P39 "position held" statements for a curated list of positions
 * (data/wikidata/positions.json), read from SPARQL 1.1 JSON results of data/wikidata/positions.rq.
 * A pure function of the results text and the position list; running the query is the CLI's job.
 *
 * Traps handled: each date keeps its precision (11 day → YYYY-MM-DD, 10 month → YYYY-MM, 9 year →
 * YYYY; coarser dates are dropped, never rounded); deprecated-rank statements are dropped; the
 * statement id is the tenure's source; a person without an English label is skipped, not named by
 * a QID; acting holders are not flagged in Wikidata, so they import as ordinary tenures.
 */
import { z } from 'zod';
import type { DatasetInput } from '../../schema';
import { buildPack } from '../manifest';
import { IMPORTER_VERSION, addAliases, compact, type ActorInput, type ImportOptions, type ImportResult, type RoleInput, type TenureInput } from './common';

export const WIKIDATA_ATTRIBUTION = 'Wikidata (wikidata.org), CC0 1.0';

export const wikidataPositionSchema = z
  .object({
    qid: z.string().regex(/^Q\d+$/),
    label: z.string().optional(),
    title: z.string().trim().min(1),
    aliases: z.array(z.string().trim().min(1)).default([]),
    country: z.string().min(2).max(3).optional(),
    organization: z.string().optional(),
    unique: z.boolean().default(true),
  })
  .strict();
export const wikidataPositionsSchema = z.object({ $comment: z.string().optional(), positions: z.array(wikidataPositionSchema).min(1) }).strict();
export type WikidataPosition = z.infer<typeof wikidataPositionSchema>;

const bindingSchema = z.object({ type: z.string(), value: z.string(), datatype: z.string().optional(), 'xml:lang': z.string().optional() });
const resultsSchema = z.object({
  head: z.object({ vars: z.array(z.string()) }),
  results: z.object({ bindings: z.array(z.record(z.string(), bindingSchema)) }),
});

const ENTITY = 'http://www.wikidata.org/entity/';
const DEPRECATED = 'http://wikiba.se/ontology#DeprecatedRank';

export function parsePositions(text: string, file = 'positions.json'): WikidataPosition[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const parsed = wikidataPositionsSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data.positions;
}

/** A Wikidata time at its precision: "2013-03-14T00:00:00Z" at 10 → "2013-03". Undefined when too coarse or BCE. */
export function wikidataDate(value: string | undefined, precision: string | undefined): string | undefined {
  if (!value) return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(value);
  if (!match) return undefined;
  const [, year, month, day] = match;
  switch (Number(precision ?? '11')) {
    case 11:
      return `${year}-${month}-${day}`;
    case 10:
      return `${year}-${month}`;
    case 9:
      return year;
    default:
      return undefined;
  }
}

/** The statement id as Wikidata writes it: ".../entity/statement/Q22686-1B2C..." → "Q22686$1B2C...". */
export function statementId(uri: string): string {
  const local = uri.replace(/^.*\/statement\//, '');
  return local.includes('$') ? local : local.replace(/^(Q\d+)-/, '$1$');
}

export const WIKIDATA_ENDPOINT = 'https://query.wikidata.org/sparql';

export interface WikidataImportOptions extends ImportOptions {
  /** The SPARQL endpoint the results came from (recorded in the manifest). */
  readonly endpoint?: string | undefined;
  /** The results file's name, for error messages. */
  readonly resultsFile?: string | undefined;
}

export function importWikidata(resultsText: string, positions: readonly WikidataPosition[], options: WikidataImportOptions): ImportResult {
  const resultsFile = options.resultsFile ?? 'results.json';
  const warnings: string[] = [];
  let raw: unknown;
  try {
    raw = JSON.parse(resultsText);
  } catch (error) {
    throw new Error(`${resultsFile}: not JSON: ${(error as Error).message}`);
  }
  const parsed = resultsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${resultsFile}: not SPARQL 1.1 JSON results (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
  for (const variable of ['statement', 'position', 'person']) {
    if (!parsed.data.head.vars.includes(variable)) throw new Error(`${resultsFile}: the results have no ?${variable} column; run data/wikidata/positions.rq`);
  }

  const byQid = new Map(positions.map((position) => [position.qid, position]));
  const roleId = (qid: string) => `wd-${qid.toLowerCase()}`;
  const seen = new Set<string>();
  const people = new Map<string, { name?: string | undefined; tenures: TenureInput[] }>();
  let deprecated = 0;
  for (const row of parsed.data.results.bindings) {
    const statement = row.statement?.value;
    const position = row.position?.value.replace(ENTITY, '');
    const person = row.person?.value.replace(ENTITY, '');
    if (!statement || !position || !person) continue;
    const id = statementId(statement);
    if (seen.has(id)) continue;
    seen.add(id);
    if (row.rank?.value === DEPRECATED) {
      deprecated++;
      continue;
    }
    if (!byQid.has(position)) {
      warnings.push(`statement ${id}: position ${position} is not in the positions list; skipped`);
      continue;
    }
    const start = wikidataDate(row.start?.value, row.startPrecision?.value);
    const end = wikidataDate(row.end?.value, row.endPrecision?.value);
    const dropped = [row.start && !start ? 'start' : undefined, row.end && !end ? 'end' : undefined].filter(Boolean);
    const entry = people.get(person) ?? { tenures: [] };
    const label = row.personLabel?.value.trim();
    if (label) entry.name = label;
    entry.tenures.push(
      compact({
        role: roleId(position),
        start,
        end,
        note: dropped.length > 0 ? `Wikidata gives the ${dropped.join(' and ')} only to a decade or coarser` : undefined,
        sources: [{ title: `Wikidata statement ${id}`, url: `https://www.wikidata.org/wiki/${person}#${encodeURIComponent(id)}` }],
      }),
    );
    people.set(person, entry);
  }
  if (deprecated > 0) warnings.push(`dropped ${deprecated} deprecated statement(s)`);

  const actors: ActorInput[] = [];
  const usedRoles = new Set<string>();
  for (const [qid, entry] of people) {
    if (!entry.name) {
      warnings.push(`${qid}: no English label; its ${entry.tenures.length} statement(s) skipped`);
      continue;
    }
    entry.tenures.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
    for (const tenure of entry.tenures) usedRoles.add(tenure.role);
    const countries = [...new Set(entry.tenures.map((tenure) => byQid.get(tenure.role.replace(/^wd-q/, 'Q'))?.country).filter(Boolean))];
    const aliases: string[] = [];
    addAliases(aliases, entry.name);
    actors.push(compact({ id: `wd-${qid.toLowerCase()}`, name: entry.name, aliases, country: countries.length === 1 ? countries[0] : undefined, tenures: entry.tenures, sources: [{ title: `Wikidata ${qid}`, url: `https://www.wikidata.org/wiki/${qid}` }] }));
  }

  const roles: RoleInput[] = positions
    .filter((position) => usedRoles.has(roleId(position.qid)))
    .map((position) => {
      const aliases: string[] = [];
      addAliases(aliases, position.title, ...position.aliases);
      return compact({ id: roleId(position.qid), title: position.title, aliases, country: position.country, organization: position.organization, unique: position.unique, note: `Wikidata ${position.qid}${position.label ? ` (${position.label})` : ''}` });
    });

  // Wikidata leaves some statements "current" long after the person left: every country is only
  // as current as the day the query ran.
  const coverage: Record<string, { verifiedThrough: string; note?: string }> = {};
  for (const country of new Set(positions.filter((position) => usedRoles.has(roleId(position.qid))).map((position) => position.country ?? 'international'))) {
    coverage[country] = { verifiedThrough: options.snapshotDate, note: 'as recorded in Wikidata when the query ran; review open tenures' };
  }
  const dataset: DatasetInput = {
    name: `Heads of state and government, ministers and ambassadors (Wikidata, ${options.snapshotDate})`,
    version: options.snapshotDate,
    verifiedThrough: options.snapshotDate,
    license: 'CC0-1.0',
    description: `${WIKIDATA_ATTRIBUTION}. P39 statements for the curated positions in data/wikidata/positions.json, queried on ${options.snapshotDate}; deprecated statements dropped; dates at Wikidata's precision.`,
    roles: roles.sort((a, b) => a.id.localeCompare(b.id)),
    actors: actors.sort((a, b) => a.id.localeCompare(b.id)),
  };
  const pack = buildPack({
    id: 'wikidata-officeholders',
    title: 'Heads of state and government, G20 ministers and ambassadors (Wikidata)',
    sources: [{ repo: options.endpoint ?? WIKIDATA_ENDPOINT, snapshotDate: options.snapshotDate, license: 'CC0-1.0', attribution: WIKIDATA_ATTRIBUTION }],
    coverage,
    generator: { importer: 'wikidata', version: IMPORTER_VERSION },
    dataset,
  });
  return { pack, warnings };
}
