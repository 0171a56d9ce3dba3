/**
 * Importer for the Office of the Historian's Principal Officers and Chiefs of Mission data
 * (HistoryAtState/pocom, US public domain): Secretaries of State and the other principal officers
 * (positions-principals/*.xml) and US chiefs of mission by country (missions-countries/*.xml),
 * with names from people/**.xml. A pure function of the XML texts.
 *
 * Traps handled: a record without an end does not mean its holder is current (hundreds are long
 * gone), so an open record is verified only through its own start when a later record for the same
 * post exists, and through its group's horizon otherwise; the horizon of each group (principals,
 * missions) is the latest date recorded in it, since the missions stop around 2020-21; dates keep
 * their precision (YYYY, YYYY-MM); nominees who never served (other-nominees, other-appointees) are
 * left out; "ad interim" and chargé d'affaires ad interim records are acting tenures.
 */
import { XMLParser } from 'fast-xml-parser';
import type { DatasetInput } from '../../schema';
import { buildPack } from '../manifest';
import prose from './pocomProse.json';
import { IMPORTER_VERSION, addAliases, compact, fill, hasOverlap, type ActorInput, type ImportOptions, type ImportResult, checkedSpan, type RoleInput, type TenureInput } from './common';

export const POCOM_REPO = 'HistoryAtState/pocom';
export const POCOM_ATTRIBUTION = 'Office of the Historian, US Department of State, Principal Officers and Chiefs of Mission (history.state.gov), US public domain';

export interface NamedText {
  readonly path: string;
  readonly text: string;
}

export interface PocomFiles {
  readonly principals: readonly NamedText[];
  readonly missions: readonly NamedText[];
  readonly people: readonly NamedText[];
  /** roles-country-chiefs/*.xml: the names of chief-of-mission titles (envoy, chargé...). */
  readonly roleTitles?: readonly NamedText[] | undefined;
}

export const POCOM_GROUPS = { principals: 'us-principals', missions: 'us-missions' } as const;

type Xml = Record<string, unknown>;

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => ['principal', 'chief', 'altname'].includes(name) });

interface Held {
  readonly record: string;
  readonly person: string;
  readonly role: string;
  readonly group: keyof typeof POCOM_GROUPS;
  readonly start?: string | undefined;
  readonly appointed?: string | undefined;
  readonly end?: string | undefined;
  readonly acting: boolean;
  readonly title?: string | undefined;
  readonly note?: string | undefined;
}

export function importPocom(files: PocomFiles, options: ImportOptions): ImportResult {
  const warnings: string[] = [];
  if (files.principals.length === 0 && files.missions.length === 0) throw new Error('pocom: give positions-principals/*.xml or missions-countries/*.xml files');
  const roleTitles = new Map<string, string>();
  for (const file of files.roleTitles ?? []) {
    const role = read(file).role as Xml | undefined;
    const id = text(role?.id);
    const singular = text((role?.names as Xml | undefined)?.singular);
    if (id && singular) roleTitles.set(id, singular);
  }

  const roles = new Map<string, RoleInput>();
  const held: Held[] = [];
  const principalIds = new Set(files.principals.map((file) => file.path.replace(/^.*\//, '').replace(/\.xml$/, '')));
  for (const file of files.principals) {
    const position = read(file)['principal-position'] as Xml | undefined;
    const id = text(position?.id);
    const singular = text((position?.names as Xml | undefined)?.singular);
    if (!position || !id || !singular) throw new Error(`${file.path}: not a principal-position file (no id or names/singular)`);
    // "Secretary of State ad interim" is the Secretary's post, held in an acting capacity.
    const base = id.endsWith('-ad-interim') && principalIds.has(id.slice(0, -'-ad-interim'.length)) ? id.slice(0, -'-ad-interim'.length) : undefined;
    const roleId = `us-pocom-${base ?? id}`;
    if (!base) {
      const aliases: string[] = [];
      addAliases(aliases, singular, ...((prose.principalAliases as Record<string, string[]>)[id] ?? []));
      roles.set(roleId, compact({ id: roleId, title: singular, aliases, country: 'US', organization: 'US Department of State' }));
    }
    for (const record of list((position.principals as Xml | undefined)?.principal)) {
      held.push(heldFrom(record, file.path, roleId, 'principals', base !== undefined, base ? singular : undefined));
    }
  }
  for (const file of files.missions) {
    const mission = read(file)['country-mission'] as Xml | undefined;
    const territory = text(mission?.['territory-id']);
    if (!mission || !territory) throw new Error(`${file.path}: not a country-mission file (no territory-id)`);
    const country = (prose.territories as Record<string, string>)[territory] ?? titleCase(territory);
    const roleId = `us-amb-${territory}`;
    const title = fill(prose.mission.title, { country }) ?? roleId;
    const aliases: string[] = [];
    addAliases(aliases, title, ...prose.mission.aliases.map((template) => fill(template, { country })));
    roles.set(roleId, compact({ id: roleId, title, aliases, country: 'US', organization: `US mission to ${country}` }));
    for (const record of list((mission.chiefs as Xml | undefined)?.chief)) {
      const roleTitle = text(record['role-title-id']);
      const acting = /ad-interim|pro-tem|acting/.test(roleTitle ?? '');
      // Titles are written mid-sentence: "US envoy extraordinary and minister plenipotentiary to China".
      const named = roleTitle && roleTitle !== 'ambassador-e-p' ? `US ${(roleTitles.get(roleTitle) ?? roleTitle.replace(/-/g, ' ')).toLowerCase()} to ${country}` : undefined;
      held.push(heldFrom(record, file.path, roleId, 'missions', acting, named));
    }
  }

  // Each group is known only as far as its latest recorded date.
  const horizons = { principals: '', missions: '' };
  for (const entry of held) for (const date of [entry.appointed, entry.start, entry.end]) if (date && date > horizons[entry.group] && date <= options.snapshotDate) horizons[entry.group] = date;

  const byRole = new Map<string, Held[]>();
  for (const entry of held) byRole.set(entry.role, [...(byRole.get(entry.role) ?? []), entry]);
  const tenuresByPerson = new Map<string, TenureInput[]>();
  for (const [roleId, entries] of byRole) {
    const role = roles.get(roleId);
    const tenures: Array<{ person: string; tenure: TenureInput }> = [];
    for (const entry of entries) {
      const later = entries.some((other) => other !== entry && (other.start ?? other.appointed ?? '') > (entry.start ?? entry.appointed ?? ''));
      const open = entry.end === undefined;
      const verifiedThrough = !open ? undefined : later ? (entry.start ?? entry.appointed) : horizons[entry.group] || undefined;
      const notes = [
        entry.start === undefined && entry.appointed ? `appointed ${entry.appointed}; no start of duty recorded` : undefined,
        open && later ? 'no end recorded; a later holder of the post is recorded' : undefined,
        entry.note,
      ].filter(Boolean);
      const dates = checkedSpan(entry.start, entry.end, `pocom record ${entry.record}`, warnings);
      const tenure: TenureInput = compact({
        role: roleId,
        title: entry.title,
        start: dates.start,
        end: dates.end,
        acting: entry.acting ? true : undefined,
        verified: dates.verified ?? (open && later ? ('partial' as const) : undefined),
        verifiedThrough: dates.verifiedThrough ?? verifiedThrough,
        note: [dates.note, ...notes].filter(Boolean).join('; ') || undefined,
        sources: [{ title: `Office of the Historian, pocom record ${entry.record}` }],
      });
      tenures.push({ person: entry.person, tenure });
    }
    // An open record runs on as far as the dataset rules are concerned, so a post with an
    // unended record and a later holder is not unique: its end is unknown, never guessed.
    const spans = tenures.filter(({ tenure }) => !tenure.acting).map(({ tenure }) => ({ start: tenure.start, end: tenure.end ?? null }));
    if (role) roles.set(roleId, { ...role, unique: !hasOverlap(spans) });
    for (const { person, tenure } of tenures) tenuresByPerson.set(person, [...(tenuresByPerson.get(person) ?? []), tenure]);
  }

  const names = new Map<string, { name: string; aliases: string[] }>();
  for (const file of files.people) {
    const person = read(file).person as Xml | undefined;
    const id = text(person?.id);
    if (!person || !id || !tenuresByPerson.has(id)) continue;
    const persName = (person.persName ?? {}) as Xml;
    const forename = text(persName.forename);
    const surname = text(persName.surname);
    const generation = text(persName.genName);
    const name = [forename, surname].filter(Boolean).join(' ') + (generation ? `, ${generation}` : '');
    const aliases: string[] = [];
    addAliases(aliases, name, ...list(persName.altname).map((alt) => text(alt)));
    names.set(id, { name: name || id, aliases });
  }

  const actors: ActorInput[] = [];
  for (const [person, tenures] of tenuresByPerson) {
    const known = names.get(person);
    if (!known) {
      // The source has a few records naming a person file that does not exist: no name, no actor.
      warnings.push(`pocom: skipped ${tenures.length} record(s) of "${person}": no people/ file has that id`);
      continue;
    }
    tenures.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
    actors.push(
      compact({
        id: `pocom-${person}`,
        name: known.name,
        aliases: known.aliases,
        country: 'US',
        tenures,
        sources: [{ title: `Office of the Historian: ${known.name}`, url: `https://history.state.gov/departmenthistory/people/${person}` }],
      }),
    );
  }

  const coverage: Record<string, { verifiedThrough: string; note?: string }> = {};
  if (horizons.principals) coverage[POCOM_GROUPS.principals] = { verifiedThrough: horizons.principals, note: 'Secretaries of State and principal officers: the latest date recorded in positions-principals' };
  if (horizons.missions) coverage[POCOM_GROUPS.missions] = { verifiedThrough: horizons.missions, note: 'US chiefs of mission: the latest date recorded in missions-countries; later appointments are missing' };
  const dataset: DatasetInput = {
    name: `US principal officers and chiefs of mission (pocom, ${options.snapshotDate})`,
    version: options.snapshotDate,
    verifiedThrough: [horizons.principals, horizons.missions].filter(Boolean).sort()[0],
    license: 'public-domain',
    description: `${POCOM_ATTRIBUTION}. Imported from ${POCOM_REPO}${options.commit ? ` at ${options.commit}` : ''}. A record without an end is not taken as current: open tenures are verified only through their group's latest recorded date, or their own start when a later holder is recorded.`,
    roles: [...roles.values()].filter((role) => byRole.has(role.id)).sort((a, b) => a.id.localeCompare(b.id)),
    actors: actors.sort((a, b) => a.id.localeCompare(b.id)),
  };
  const pack = buildPack({
    id: 'us-state-department',
    title: 'US Secretaries of State, principal officers and chiefs of mission',
    sources: [{ repo: POCOM_REPO, ...(options.commit ? { commit: options.commit } : {}), snapshotDate: options.snapshotDate, license: 'public-domain', attribution: POCOM_ATTRIBUTION }],
    coverage,
    generator: { importer: 'pocom', version: IMPORTER_VERSION },
    dataset,
  });
  return { pack, warnings };
}

function read(file: NamedText): Xml {
  try {
    return parser.parse(file.text) as Xml;
  } catch (error) {
    throw new Error(`${file.path}: ${(error as Error).message}`);
  }
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.replace(/\s+/g, ' ').trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function list(value: unknown): Xml[] {
  if (Array.isArray(value)) return value.filter((item): item is Xml => typeof item === 'object' && item !== null);
  return typeof value === 'object' && value !== null ? [value as Xml] : [];
}

function dateOf(event: unknown, path: string, record: string): string | undefined {
  const value = text((event as Xml | undefined)?.date);
  if (value === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) throw new Error(`${path}: record ${record} has the date "${value}", not YYYY, YYYY-MM or YYYY-MM-DD`);
  return value;
}

function heldFrom(record: Xml, path: string, role: string, group: Held['group'], acting: boolean, title: string | undefined): Held {
  const id = text(record.id);
  const person = text(record['person-id']);
  if (!id || !person) throw new Error(`${path}: a record has no id or person-id`);
  const started = dateOf(record.started, path, id);
  const appointed = dateOf(record.appointed, path, id);
  return {
    record: id,
    person,
    role,
    group,
    // An acting officer is designated, not commissioned: the designation is the start.
    start: started ?? (acting ? appointed : undefined),
    appointed,
    end: dateOf(record.ended, path, id),
    acting,
    title,
    note: text(record.note),
  };
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((word) => (word === 'and' ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}
