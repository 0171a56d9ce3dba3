/**
 * `interlocutor import <congress|ifg|pocom|wikidata> <source files or folders...> -o pack.json`:
 * reads a source snapshot from disk (or, for wikidata with --endpoint, runs the shipped query),
 * runs the pure importer and writes the pack.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPartialDate, parsePartialDate, precisionOf } from '../core/dates';
import { serializePack } from '../core/packs/manifest';
import type { ImportOptions, ImportResult } from '../core/packs/importers/common';
import { importCongress } from '../core/packs/importers/congress';
import { importIfg } from '../core/packs/importers/ifg';
import { importPocom, type NamedText } from '../core/packs/importers/pocom';
import { importWikidata, parsePositions } from '../core/packs/importers/wikidata';
import type { CliIo } from './io';
import { UsageError } from './knowledge';

export const IMPORT_KINDS = ['congress', 'ifg', 'pocom', 'wikidata'] as const;
type ImportKind = (typeof IMPORT_KINDS)[number];

export function importCommand(args: readonly string[], io: CliIo): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      'snapshot-date': { type: 'string' },
      commit: { type: 'string' },
      endpoint: { type: 'string' },
      results: { type: 'string' },
      positions: { type: 'string' },
    },
  });
  const [kind, ...sources] = positionals;
  if (!kind || !(IMPORT_KINDS as readonly string[]).includes(kind)) throw new UsageError(`import needs a kind: ${IMPORT_KINDS.join(', ')}`);
  if (!values.output) throw new UsageError('import needs -o FILE for the pack it writes');
  const output = resolve(io.cwd, values.output);
  const options = importOptions(values['snapshot-date'], values.commit, io);
  const paths = sources.map((source) => resolve(io.cwd, source));
  for (const path of paths) if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);

  const finish = (result: ImportResult): number => {
    for (const warning of result.warnings) io.stderr(`interlocutor: warning: ${warning}\n`);
    const text = serializePack(result.pack);
    io.writeFile(output, text);
    const { counts, id, version, sha256 } = result.pack.manifest;
    io.stdout(`${output}: pack ${id} ${version}: ${counts.actors} actors, ${counts.roles} posts, ${counts.tenures} tenures, ${text.length} bytes, sha256 ${sha256}\n`);
    return 0;
  };
  const fail = (error: unknown): number => {
    if (error instanceof UsageError) throw error;
    io.stderr(`interlocutor: import ${kind}: ${(error as Error).message}\n`);
    return 2;
  };

  try {
    switch (kind as ImportKind) {
      case 'congress':
        return finish(importCongress(congressFiles(paths, io), options));
      case 'ifg':
        return finish(importIfg(ifgFiles(paths, io), options));
      case 'pocom':
        return finish(importPocom(pocomFiles(paths, io), options));
      case 'wikidata': {
        const positionsPath = values.positions ? resolve(io.cwd, values.positions) : shippedPath('positions.json');
        const positions = parsePositions(io.readFile(positionsPath), positionsPath);
        if (values.results && values.endpoint) throw new UsageError('give either --results FILE or --endpoint URL, not both');
        if (values.results) {
          const resultsFile = resolve(io.cwd, values.results);
          return finish(importWikidata(io.readFile(resultsFile), positions, { ...options, resultsFile }));
        }
        if (!values.endpoint) throw new UsageError('import wikidata needs --results FILE (saved SPARQL JSON) or --endpoint URL');
        const endpoint = values.endpoint;
        if (!/^https?:\/\//.test(endpoint)) throw new UsageError('--endpoint must be an http(s) URL');
        const query = io.readFile(shippedPath('positions.rq'));
        return runQuery(endpoint, query).then(
          (text) => finish(importWikidata(text, positions, { ...options, endpoint, resultsFile: endpoint })),
          fail,
        );
      }
    }
  } catch (error) {
    return fail(error);
  }
}

function importOptions(snapshotDate: string | undefined, commit: string | undefined, io: CliIo): ImportOptions {
  let date: string;
  if (snapshotDate === undefined) {
    date = formatPartialDate(io.today);
    if (precisionOf(io.today) !== 'day') throw new UsageError('import needs --snapshot-date YYYY-MM-DD');
    io.stderr(`interlocutor: no --snapshot-date; using today, ${date}: terms ending after it are imported as scheduled\n`);
  } else {
    const parsed = parsePartialDate(snapshotDate);
    if (!parsed.ok || precisionOf(parsed.date) !== 'day') throw new UsageError('--snapshot-date must be a day: YYYY-MM-DD');
    date = snapshotDate;
  }
  if (commit !== undefined && !/^[0-9a-f]{7,40}$/.test(commit)) throw new UsageError('--commit must be a git commit hash');
  return { snapshotDate: date, ...(commit ? { commit } : {}) };
}

/** data/wikidata/<name> next to the bundle (dist/cli.js) or the transpiled sources (out/src/cli). */
function shippedPath(name: string): string {
  let dir = __dirname;
  for (let depth = 0; depth < 5; depth++) {
    const candidate = join(dir, 'data', 'wikidata', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new UsageError(`cannot find data/wikidata/${name}; pass --positions`);
}

async function runQuery(endpoint: string, query: string): Promise<string> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/sparql-results+json',
      'content-type': 'application/x-www-form-urlencoded',
      'user-agent': 'interlocutor-importer/1.0 (https://github.com/interlocutor; dataset packs)',
    },
    body: new URLSearchParams({ query }).toString(),
    signal: AbortSignal.timeout(180_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${endpoint} answered ${response.status} ${response.statusText}: ${text.slice(0, 200)}`);
  return text;
}

/** Every file under the given paths (folders are walked), by absolute path. */
function expand(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    if (!statSync(path).isDirectory()) return [path];
    return expand(readdirSync(path).filter((name) => !name.startsWith('.')).map((name) => join(path, name)));
  });
}

function byName(paths: readonly string[], name: string): string | undefined {
  return expand(paths).find((path) => basename(path) === name);
}

function congressFiles(paths: readonly string[], io: CliIo) {
  const read = (name: string) => {
    const path = byName(paths, name);
    return path ? io.readFile(path) : undefined;
  };
  const files = { current: read('legislators-current.yaml'), executive: read('executive.yaml'), historical: read('legislators-historical.yaml') };
  if (!files.current && !files.executive && !files.historical) throw new UsageError('import congress needs legislators-current.yaml, executive.yaml or legislators-historical.yaml (files or their folder)');
  return files;
}

function ifgFiles(paths: readonly string[], io: CliIo) {
  const read = (name: string) => {
    const path = byName(paths, name);
    return path ? io.readFile(path) : undefined;
  };
  const appointment = read('appointment.csv');
  const person = read('person.csv');
  const post = read('post.csv');
  if (!appointment || !person || !post) throw new UsageError('import ifg needs appointment.csv, person.csv and post.csv (files or the data/ folder)');
  return {
    appointment,
    person,
    post,
    appointmentCharacteristics: read('appointment_characteristics.csv'),
    organisation: read('organisation.csv'),
    organisationLink: read('organisation_link.csv'),
  };
}

/** pocom files are told apart by the folder they sit in, as in the repository. */
function pocomFiles(paths: readonly string[], io: CliIo) {
  const groups: Record<'principals' | 'missions' | 'people' | 'roleTitles', NamedText[]> = { principals: [], missions: [], people: [], roleTitles: [] };
  for (const path of expand(paths)) {
    if (!path.endsWith('.xml')) continue;
    const parts = path.split(/[\\/]/);
    const group = parts.includes('positions-principals')
      ? 'principals'
      : parts.includes('missions-countries')
        ? 'missions'
        : parts.includes('people')
          ? 'people'
          : parts.includes('roles-country-chiefs')
            ? 'roleTitles'
            : undefined;
    if (group) groups[group].push({ path, text: io.readFile(path) });
  }
  if (groups.principals.length === 0 && groups.missions.length === 0) {
    throw new UsageError('import pocom needs the repository folder, or files under positions-principals/, missions-countries/ and people/');
  }
  return groups;
}
