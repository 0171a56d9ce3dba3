/**
 * Importer for unitedstates/congress-legislators (CC0): members of Congress, one post per seat
 * (us-sen-wa-class1, us-rep-wa-1, us-rep-ak-al), the president and vice-president, and party
 * leadership. A pure function of the YAML texts.
 *
 * Traps handled: a term's `end` after the snapshot date is its constitutional end, not a fact, so
 * the tenure stays open with `scheduledEnd`; consecutive terms in the same seat and party become
 * one tenure (the source splits them at every election); district 0 is an at-large seat.
 */
import * as YAML from 'yaml';
import type { DatasetInput } from '../../schema';
import { buildPack } from '../manifest';
import prose from './congressProse.json';
import { IMPORTER_VERSION, addAliases, compact, fill, hasOverlap, slug, type ActorInput, type ImportOptions, type ImportResult, type RoleInput, type TenureInput } from './common';

export const CONGRESS_REPO = 'unitedstates/congress-legislators';
export const CONGRESS_ATTRIBUTION = 'unitedstates/congress-legislators (CC0 1.0), compiled by GovTrack.us, the Sunlight Foundation and contributors';

export interface CongressFiles {
  /** legislators-current.yaml */
  readonly current?: string | undefined;
  /** executive.yaml */
  readonly executive?: string | undefined;
  /** legislators-historical.yaml */
  readonly historical?: string | undefined;
}

interface Term {
  readonly type: string;
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  readonly state?: string | undefined;
  readonly district?: number | undefined;
  readonly class?: number | undefined;
  readonly party?: string | undefined;
  readonly how?: string | undefined;
}

interface LeadershipRole {
  readonly title: string;
  readonly chamber?: string | undefined;
  readonly start?: string | undefined;
  readonly end?: string | undefined;
}

interface Name {
  readonly first?: string | undefined;
  readonly middle?: string | undefined;
  readonly last?: string | undefined;
  readonly suffix?: string | undefined;
  readonly nickname?: string | undefined;
  readonly official_full?: string | undefined;
}

interface Person {
  readonly id: { readonly bioguide?: string | undefined; readonly govtrack?: number | undefined; readonly wikidata?: string };
  readonly name: Name;
  readonly other_names?: ReadonlyArray<Name & { end?: string }> | undefined;
  readonly bio?: { readonly gender?: string };
  readonly terms?: readonly Term[] | undefined;
  readonly leadership_roles?: readonly LeadershipRole[] | undefined;
}

type ProseKey = keyof typeof prose.actorAliases;

export function importCongress(files: CongressFiles, options: ImportOptions): ImportResult {
  const warnings: string[] = [];
  const people = new Map<string, { person: Person; file: string; terms: Array<{ term: Term; index: number; file: string }> }>();
  const inputs: Array<[string, string | undefined]> = [
    ['legislators-historical.yaml', files.historical],
    ['legislators-current.yaml', files.current],
    ['executive.yaml', files.executive],
  ];
  if (inputs.every(([, text]) => text === undefined)) throw new Error('congress: give legislators-current.yaml, executive.yaml or legislators-historical.yaml');
  for (const [file, text] of inputs) {
    if (text === undefined) continue;
    for (const person of parsePeople(text, file)) {
      const key = actorId(person);
      const entry = people.get(key) ?? { person, file, terms: [] };
      // The same bioguide in several files (a former senator who became vice-president): the
      // newest file's name wins, the terms add up.
      if (file !== 'legislators-historical.yaml') entry.person = mergeIds(entry.person, person);
      (person.terms ?? []).forEach((term, index) => entry.terms.push({ term, index, file }));
      people.set(key, entry);
    }
  }

  const roles = new Map<string, RoleInput>();
  const actors: ActorInput[] = [];
  const leadershipSpans = new Map<string, Array<{ start?: string | undefined; end?: string | null }>>();

  for (const [id, { person, terms }] of people) {
    const name = displayName(person.name);
    const last = person.name.last?.trim();
    const aliases: string[] = [];
    addAliases(aliases, name, plainName(person.name), person.name.nickname && last ? `${person.name.nickname} ${last}` : undefined);
    for (const other of person.other_names ?? []) addAliases(aliases, name, displayName(other), plainName(other));
    const heldKinds = new Set<ProseKey>();
    const tenures: TenureInput[] = [];

    for (const run of consecutiveRuns(terms)) {
      const role = seatRole(run[0]!.term);
      if (!role) continue;
      if (!roles.has(role.id)) roles.set(role.id, role);
      heldKinds.add(run[0]!.term.type === 'sen' ? 'sen' : run[0]!.term.type === 'rep' ? 'rep' : (run[0]!.term.type as ProseKey));
      tenures.push(termTenure(person, run, role.id, options.snapshotDate));
    }
    (person.leadership_roles ?? []).forEach((leadership, index) => {
      const role = leadershipRole(leadership);
      if (!roles.has(role.id)) roles.set(role.id, role);
      const known = (prose.leadership as Record<string, { actorAliases?: string }>)[leadership.title];
      if (known?.actorAliases) heldKinds.add(known.actorAliases as ProseKey);
      const tenure = datedTenure(role.id, leadership.start, leadership.end, options.snapshotDate, `${CONGRESS_REPO} ${sourceKey(person)} leadership_roles[${index}]`);
      tenures.push(tenure);
      leadershipSpans.set(role.id, [...(leadershipSpans.get(role.id) ?? []), { start: tenure.start, end: tenure.end ?? null }]);
    });
    if (tenures.length === 0) continue;

    const honorific = (prose.congressHonorific as Record<string, string>)[person.bio?.gender ?? ''];
    for (const kind of heldKinds) {
      for (const template of prose.actorAliases[kind] ?? []) addAliases(aliases, name, fill(template, { last, name, honorific }));
    }
    tenures.sort((a, b) => ((a.start ?? '') < (b.start ?? '') ? -1 : 1));
    const sources = [];
    if (person.id.bioguide) sources.push({ title: `Biographical Directory of the US Congress: ${person.id.bioguide}`, url: `https://bioguide.congress.gov/search/bio/${person.id.bioguide}` });
    if (person.id.wikidata) sources.push({ title: `Wikidata ${person.id.wikidata}`, url: `https://www.wikidata.org/wiki/${person.id.wikidata}` });
    // The register ids let a dataset that knows the same person under another id merge with this one.
    const identifiers = compact({ bioguide: validBioguide(person.id.bioguide), wikidata: validWikidata(person.id.wikidata) });
    actors.push(compact({ id, name, aliases, country: 'US', identifiers: Object.keys(identifiers).length > 0 ? identifiers : undefined, tenures, sources }));
  }

  // A leadership title is one person's at a time unless the data shows two at once.
  for (const [roleId, spans] of leadershipSpans) {
    const role = roles.get(roleId);
    if (role && hasOverlap(spans)) roles.set(roleId, { ...role, unique: false });
  }

  const dataset: DatasetInput = {
    name: `US Congress, president and vice-president (congress-legislators, ${options.snapshotDate})`,
    version: options.snapshotDate,
    verifiedThrough: options.snapshotDate,
    license: 'CC0-1.0',
    description: `Imported from ${CONGRESS_REPO}${options.commit ? ` at ${options.commit}` : ''}. Open tenures were current in the snapshot of ${options.snapshotDate}; a scheduledEnd is the end of the term, not a verified end.`,
    roles: [...roles.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    actors: actors.sort((a, b) => (a.id < b.id ? -1 : 1)),
  };
  const pack = buildPack({
    id: files.historical ? 'us-congress-historical' : 'us-congress',
    title: files.historical ? 'US Congress since 1789, presidents and vice-presidents' : 'US Congress (current members), presidents and vice-presidents',
    sources: [{ repo: CONGRESS_REPO, ...(options.commit ? { commit: options.commit } : {}), snapshotDate: options.snapshotDate, license: 'CC0-1.0', attribution: CONGRESS_ATTRIBUTION }],
    coverage: { US: { verifiedThrough: options.snapshotDate } },
    generator: { importer: 'congress', version: IMPORTER_VERSION },
    dataset,
  });
  return { pack, warnings };
}

function parsePeople(text: string, file: string): Person[] {
  let value: unknown;
  try {
    value = YAML.parse(text, { maxAliasCount: -1 });
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  if (!Array.isArray(value)) throw new Error(`${file}: expected a list of people`);
  return value.map((entry, index) => {
    const person = entry as Partial<Person> | null;
    if (!person || typeof person !== 'object' || !person.id || !person.name) throw new Error(`${file}: entry ${index} has no id or name`);
    if (!person.id.bioguide && person.id.govtrack === undefined) throw new Error(`${file}: entry ${index} (${person.name.last ?? '?'}) has neither a bioguide nor a govtrack id`);
    return person as Person;
  });
}

function mergeIds(older: Person, newer: Person): Person {
  return { ...older, ...newer, id: { ...older.id, ...newer.id }, leadership_roles: newer.leadership_roles ?? older.leadership_roles };
}

function actorId(person: Person): string {
  return person.id.bioguide ? person.id.bioguide.toLowerCase() : `govtrack-${person.id.govtrack}`;
}

function validBioguide(id: string | undefined): string | undefined {
  return id && /^[A-Z]\d{6}$/.test(id) ? id : undefined;
}

function validWikidata(id: string | undefined): string | undefined {
  return id && /^Q[1-9]\d*$/.test(id) ? id : undefined;
}

function sourceKey(person: Person): string {
  return person.id.bioguide ?? `govtrack ${person.id.govtrack}`;
}

/** The official full name without a quoted nickname: 'Henry C. "Hank" Johnson, Jr.' → 'Henry C. Johnson, Jr.'. */
function displayName(name: Name): string {
  const official = name.official_full?.replace(/"[^"]*"/g, '').replace(/\s+,/g, ',').replace(/\s+/g, ' ').trim();
  return official || [name.first, name.middle, name.last].filter(Boolean).join(' ') + (name.suffix ? `, ${name.suffix}` : '');
}

function plainName(name: Name): string | undefined {
  return name.first && name.last ? `${name.first} ${name.last}` : undefined;
}

/** Runs of terms in the same seat and party where each starts within a week of the last one's end; an appointed term stays apart, so its "appointed" note marks only that span. */
function consecutiveRuns(terms: ReadonlyArray<{ term: Term; index: number; file: string }>): Array<Array<{ term: Term; index: number; file: string }>> {
  const sorted = [...terms].sort((a, b) => ((a.term.start ?? '') < (b.term.start ?? '') ? -1 : 1));
  const runs: Array<Array<{ term: Term; index: number; file: string }>> = [];
  for (const entry of sorted) {
    const run = runs.at(-1);
    const previous = run?.at(-1)?.term;
    if (run && previous && seatId(previous) === seatId(entry.term) && previous.party === entry.term.party && previous.how !== 'appointment' && follows(previous.end, entry.term.start)) {
      run.push(entry);
    } else {
      runs.push([entry]);
    }
  }
  return runs;
}

function follows(end: string | undefined, start: string | undefined): boolean {
  if (!end || !start) return false;
  const gap = (Date.parse(start) - Date.parse(end)) / 86_400_000;
  return gap >= 0 && gap <= 7;
}

function seatId(term: Term): string | undefined {
  const state = term.state?.toLowerCase();
  if (term.type === 'sen' && state && term.class !== undefined) return `us-sen-${state}-class${term.class}`;
  if (term.type === 'rep' && state) return `us-rep-${state}-${term.district === 0 || term.district === undefined || term.district === -1 ? 'al' : term.district}`;
  if (term.type === 'prez' || term.type === 'viceprez') return prose.executive[term.type].id;
  return undefined;
}

function seatRole(term: Term): RoleInput | undefined {
  const id = seatId(term);
  if (!id) return undefined;
  if (term.type === 'prez' || term.type === 'viceprez') {
    const { title, aliases, organization } = prose.executive[term.type];
    return { id, title, aliases: [...aliases], country: 'US', organization, unique: true };
  }
  const code = term.state ?? '';
  const state = (prose.states as Record<string, string>)[code] ?? code;
  const nonVoting = term.type === 'rep' && !isVotingState(code);
  const spec = term.type === 'sen' ? prose.senateSeat : nonVoting ? prose.nonVotingSeat : prose.houseSeat;
  const member = (prose.nonVotingMember as Record<string, string>)[code] ?? prose.nonVotingMember.default;
  const district = term.district && term.district > 0 ? ordinal(term.district) : prose.houseSeat.atLargeDistrict;
  const values = { state, district, member };
  const title = fill(spec.title, values) ?? id;
  const aliases: string[] = [];
  addAliases(aliases, title, ...spec.aliases.map((template) => fill(template, values)));
  const note = term.type === 'sen' ? `Senate seat, class ${term.class}` : term.district === 0 ? 'At-large seat (district 0 in the source)' : undefined;
  return compact({ id, title, aliases, country: 'US', organization: spec.organization, unique: true, note });
}

function isVotingState(code: string): boolean {
  return !['DC', 'PR', 'GU', 'VI', 'AS', 'MP'].includes(code);
}

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[value % 10] ?? 'th';
  return `${value}${suffix}`;
}

function leadershipRole(leadership: LeadershipRole): RoleInput {
  const known = (prose.leadership as Record<string, { title: string; aliases: string[] }>)[leadership.title];
  const title = known?.title ?? leadership.title;
  const aliases: string[] = [];
  addAliases(aliases, title, leadership.title, ...(known?.aliases ?? []));
  const organization = leadership.chamber === 'senate' ? 'US Senate' : leadership.chamber === 'house' ? 'US House of Representatives' : undefined;
  return compact({ id: `us-${slug(leadership.title)}`, title, aliases, country: 'US', organization, unique: true });
}

function termTenure(person: Person, run: ReadonlyArray<{ term: Term; index: number; file: string }>, role: string, snapshotDate: string): TenureInput {
  const first = run[0]!;
  const last = run.at(-1)!;
  const indexes = first.index === last.index ? `${first.index}` : `${first.index}-${last.index}`;
  const source = `${CONGRESS_REPO} ${first.file} ${sourceKey(person)} terms[${indexes}]`;
  const tenure = datedTenure(role, first.term.start, last.term.end, snapshotDate, source);
  return compact({ ...tenure, party: first.term.party, note: first.term.how === 'appointment' ? 'appointed' : undefined });
}

/** A tenure whose end after the snapshot is only scheduled: open, with scheduledEnd. */
function datedTenure(role: string, start: string | undefined, end: string | undefined, snapshotDate: string, source: string): TenureInput {
  const scheduled = end !== undefined && end > snapshotDate;
  return compact({
    role,
    start,
    end: end === undefined || scheduled ? undefined : end,
    scheduledEnd: scheduled ? end : undefined,
    sources: [{ title: source }],
  });
}
