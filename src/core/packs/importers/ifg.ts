/**
 * Importer for the Institute for Government's Ministers Database (instituteforgov/
 * ifg-ministers-database-public, CC BY 4.0): every UK minister since 1979. A pure function of the
 * CSV texts.
 *
 * Traps handled: a person's name changes on a date (a new person.csv row with the same id), kept
 * as aliases plus a dated "name change" event; acting spans inside an appointment
 * (appointment_characteristics.csv) split the tenure; posts that several ministers hold at once
 * ("Minister of State") are not unique; formal post names get their prose forms
 * (ifgPostProse.json); UUIDs are shortened to the shortest prefix that stays distinct.
 */
import { parse } from 'csv-parse/sync';
import type { DatasetInput } from '../../schema';
import { buildPack } from '../manifest';
import prose from './ifgPostProse.json';
import { IMPORTER_VERSION, addAliases, compact, fill, hasOverlap, shortIdLength, type ActorInput, type ImportOptions, type ImportResult, checkedSpan, type RoleInput, type TenureInput } from './common';

export const IFG_REPO = 'instituteforgov/ifg-ministers-database-public';
export const IFG_ATTRIBUTION = 'Institute for Government, IfG Ministers Database (instituteforgovernment.org.uk/ministers-database), CC BY 4.0';

export interface IfgFiles {
  readonly appointment: string;
  readonly person: string;
  readonly post: string;
  readonly appointmentCharacteristics?: string | undefined;
  readonly organisation?: string | undefined;
  readonly organisationLink?: string | undefined;
}

type Row = Record<string, string>;

export function importIfg(files: IfgFiles, options: ImportOptions): ImportResult {
  const warnings: string[] = [];
  const appointments = readCsv(files.appointment, 'appointment.csv', ['id', 'person_id', 'post_id', 'start_date', 'end_date']);
  const personRows = readCsv(files.person, 'person.csv', ['id', 'name', 'start_date', 'end_date']);
  const postRows = readCsv(files.post, 'post.csv', ['id', 'organisation_id', 'name']);
  const characteristics = files.appointmentCharacteristics ? readCsv(files.appointmentCharacteristics, 'appointment_characteristics.csv', ['appointment_id', 'is_acting', 'start_date', 'end_date']) : [];
  const organisations = new Map((files.organisation ? readCsv(files.organisation, 'organisation.csv', ['id', 'name']) : []).map((row) => [row.id!, row]));
  const links = files.organisationLink ? readCsv(files.organisationLink, 'organisation_link.csv', ['predecessor_organisation_id', 'successor_organisation_id', 'type']) : [];

  const personLength = shortIdLength(personRows.map((row) => row.id!));
  const postLength = shortIdLength(postRows.map((row) => row.id!));
  const appointmentLength = shortIdLength(appointments.map((row) => row.id!));
  const personId = (uuid: string) => `gb-${uuid.replace(/-/g, '').slice(0, personLength)}`;
  const postId = (uuid: string) => `gb-post-${uuid.replace(/-/g, '').slice(0, postLength)}`;
  const appointmentKey = (uuid: string) => uuid.replace(/-/g, '').slice(0, appointmentLength);

  const spansByAppointment = new Map<string, Row[]>();
  for (const row of characteristics) spansByAppointment.set(row.appointment_id!, [...(spansByAppointment.get(row.appointment_id!) ?? []), row]);

  const posts = new Map(postRows.map((row) => [row.id!, row]));
  const tenuresByPerson = new Map<string, TenureInput[]>();
  const spansByPost = new Map<string, Array<{ start?: string | undefined; end?: string | null }>>();
  const heldPosts = new Set<string>();
  for (const appointment of appointments) {
    if (!posts.has(appointment.post_id!)) throw new Error(`appointment.csv: appointment ${appointment.id} names post ${appointment.post_id}, which post.csv lacks`);
    const role = postId(appointment.post_id!);
    heldPosts.add(role);
    const source = { title: `IfG Ministers Database appointment ${appointmentKey(appointment.id!)}` };
    const tenures = tenuresByPerson.get(appointment.person_id!) ?? [];
    for (const span of actingRuns(appointment.start_date || undefined, appointment.end_date || undefined, spansByAppointment.get(appointment.id!) ?? [])) {
      const dates = checkedSpan(span.start, span.end, `appointment.csv ${appointment.id}`, warnings);
      const note = [dates.note, span.note].filter(Boolean).join('; ') || undefined;
      const tenure: TenureInput = compact({ role, ...dates, acting: span.acting ? true : undefined, note, sources: [source] });
      tenures.push(tenure);
      // Acting spans never make a post multi-holder: the dataset rules ignore them too.
      if (!span.acting) spansByPost.set(role, [...(spansByPost.get(role) ?? []), { start: tenure.start, end: tenure.end ?? null }]);
    }
    tenuresByPerson.set(appointment.person_id!, tenures);
  }

  const roles: RoleInput[] = [];
  for (const row of postRows) {
    const id = postId(row.id!);
    if (!heldPosts.has(id)) continue;
    const held = spansByPost.get(id) ?? [];
    const formal = row.name!.trim();
    const known = (prose.posts as Record<string, { title: string; aliases: string[] }>)[formal];
    const title = known?.title ?? formal;
    const aliases: string[] = [];
    addAliases(aliases, title, formal, ...(known?.aliases ?? []));
    if (known) for (const template of prose.countryForms) addAliases(aliases, title, fill(template, { title }));
    const organisation = organisations.get(row.organisation_id!);
    const predecessors = links
      .filter((link) => link.successor_organisation_id === row.organisation_id)
      .map((link) => `${organisations.get(link.predecessor_organisation_id!)?.name ?? 'an earlier department'} (${(link.type ?? '').toLowerCase()}${link.link_start_date ? `, ${link.link_start_date}` : ''})`);
    roles.push(
      compact({
        id,
        title,
        aliases,
        country: 'GB',
        organization: organisation?.name,
        unique: !hasOverlap(held),
        note: predecessors.length > 0 ? `Department formed from ${predecessors.join('; ')}` : undefined,
      }),
    );
  }

  const actors: ActorInput[] = [];
  for (const [uuid, rows] of groupBy(personRows, (row) => row.id!)) {
    const tenures = tenuresByPerson.get(uuid);
    if (!tenures) continue;
    const names = [...rows].sort((a, b) => (a.start_date || '') .localeCompare(b.start_date || ''));
    const current = names.find((row) => !row.end_date) ?? names.at(-1)!;
    const name = (current.display_name || current.name)!.trim();
    const aliases: string[] = [];
    for (const row of names) addAliases(aliases, name, row.display_name, row.name, row.normalized_name);
    // Each later name is dated: prose written before the change uses the earlier one.
    const events = names
      .filter((row) => row.start_date && row !== names[0])
      .map((row) => ({ date: row.start_date!, kind: 'name change', text: `Known as ${(row.display_name || row.name)!.trim()} from ${row.start_date}`, sources: [{ title: 'IfG Ministers Database person.csv' }] }));
    tenures.sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
    const sources = current.id_parliament ? [{ title: `UK Parliament member ${current.id_parliament.replace(/\.0$/, '')}`, url: `https://members.parliament.uk/member/${current.id_parliament.replace(/\.0$/, '')}` }] : [];
    actors.push(compact({ id: personId(uuid), name, aliases, country: 'GB', tenures, events, sources }));
  }

  const dataset: DatasetInput = {
    name: `UK government ministers since 1979 (IfG Ministers Database, ${options.snapshotDate})`,
    version: options.snapshotDate,
    verifiedThrough: options.snapshotDate,
    license: 'CC-BY-4.0',
    description: `${IFG_ATTRIBUTION}. Imported from ${IFG_REPO}${options.commit ? ` at ${options.commit}` : ''}; changes: ids shortened, prose post titles added, acting spans split out.`,
    conventions: prose.conventions,
    roles: roles.sort((a, b) => a.id.localeCompare(b.id)),
    actors: actors.sort((a, b) => a.id.localeCompare(b.id)),
  };
  const pack = buildPack({
    id: 'uk-ministers',
    title: 'UK government ministers since 1979',
    sources: [{ repo: IFG_REPO, ...(options.commit ? { commit: options.commit } : {}), snapshotDate: options.snapshotDate, license: 'CC-BY-4.0', attribution: IFG_ATTRIBUTION }],
    coverage: { GB: { verifiedThrough: options.snapshotDate } },
    generator: { importer: 'ifg', version: IMPORTER_VERSION },
    dataset,
  });
  return { pack, warnings };
}

function readCsv(text: string, file: string, required: readonly string[]): Row[] {
  let rows: Row[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, bom: true, trim: false }) as Row[];
  } catch (error) {
    throw new Error(`${file}: ${(error as Error).message}`);
  }
  const first = rows[0];
  if (first) {
    const missing = required.filter((column) => !(column in first));
    if (missing.length > 0) throw new Error(`${file}: missing column(s) ${missing.join(', ')}`);
  }
  return rows;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

interface Span {
  readonly start?: string | undefined;
  readonly end?: string | undefined;
  readonly acting: boolean;
  readonly note?: string | undefined;
}

/**
 * Splits an appointment where its characteristics switch between acting and substantive. Spans on
 * leave are noted on the tenure they fall in; they do not end it.
 */
function actingRuns(start: string | undefined, end: string | undefined, characteristics: readonly Row[]): Span[] {
  const sorted = [...characteristics].sort((a, b) => (a.start_date ?? '').localeCompare(b.start_date ?? ''));
  const leave = sorted.filter((row) => row.is_on_leave === 'True').map((row) => `on leave ${row.start_date} to ${row.end_date || 'the snapshot'}${row.leave_reason ? ` (${row.leave_reason})` : ''}`);
  const note = leave.length > 0 ? leave.join('; ') : undefined;
  if (!sorted.some((row) => row.is_acting === 'True')) return [{ start, end, acting: false, note }];
  const runs: Array<{ start?: string | undefined; end?: string | undefined; acting: boolean }> = [];
  for (const row of sorted) {
    const acting = row.is_acting === 'True';
    const last = runs.at(-1);
    if (last && last.acting === acting) last.end = row.end_date || undefined;
    else runs.push({ start: row.start_date || undefined, end: row.end_date || undefined, acting });
  }
  // The appointment's own dates bound the first and last runs.
  runs[0]!.start = start;
  runs.at(-1)!.end = end;
  return runs.map((run) => ({ ...run, note }));
}
