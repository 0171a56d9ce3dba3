// Builds the dataset packs from source snapshots: `npm run packs -- congress=PATH ifg=PATH ...`,
// or the same through the environment (INTERLOCUTOR_CONGRESS, INTERLOCUTOR_IFG, INTERLOCUTOR_POCOM,
// INTERLOCUTOR_WIKIDATA_RESULTS). A PATH is a git directory (a bare mirror or a checkout's .git),
// optionally with @COMMIT to name the snapshot, or a plain folder of the source's files (then give
// SNAPSHOT_DATE=YYYY-MM-DD). From a git snapshot, the commit and its date are recorded in the pack.
// Packs go to packs/; with --ship, the packs the .vsix carries (us-congress, uk-ministers) are also
// copied to data/packs/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED = ['us-congress', 'uk-ministers'];

/** What each importer reads from its repository, and the pack it writes. */
const KINDS = {
  congress: { files: ['legislators-current.yaml', 'executive.yaml'], optional: [], pack: 'us-congress' },
  'congress-historical': { files: ['legislators-current.yaml', 'executive.yaml', 'legislators-historical.yaml'], optional: [], pack: 'us-congress-historical' },
  ifg: {
    files: ['data/appointment.csv', 'data/person.csv', 'data/post.csv'],
    optional: ['data/appointment_characteristics.csv', 'data/organisation.csv', 'data/organisation_link.csv'],
    pack: 'uk-ministers',
  },
  pocom: { folders: ['positions-principals', 'missions-countries', 'people', 'roles-country-chiefs'], pack: 'us-state-department' },
};

function usage(message) {
  console.error(`build-packs: ${message}
Usage: npm run packs -- [congress=GITDIR[@COMMIT]|FOLDER] [congress-historical=...] [ifg=...] [pocom=...]
                        [wikidata=RESULTS.json] [--ship]
   or: INTERLOCUTOR_CONGRESS=... INTERLOCUTOR_IFG=... INTERLOCUTOR_POCOM=... INTERLOCUTOR_WIKIDATA_RESULTS=... npm run packs`);
  process.exit(2);
}

const args = process.argv.slice(2);
const ship = args.includes('--ship');
const sources = {};
for (const [kind, variable] of [['congress', 'INTERLOCUTOR_CONGRESS'], ['ifg', 'INTERLOCUTOR_IFG'], ['pocom', 'INTERLOCUTOR_POCOM'], ['wikidata', 'INTERLOCUTOR_WIKIDATA_RESULTS']]) {
  if (process.env[variable]) sources[kind] = process.env[variable];
}
for (const arg of args.filter((value) => value !== '--ship')) {
  const match = /^([a-z-]+)=(.+)$/.exec(arg);
  if (!match || !(match[1] in KINDS || match[1] === 'wikidata')) usage(`cannot read "${arg}"`);
  sources[match[1]] = match[2];
}
if (Object.keys(sources).length === 0) usage('name at least one source snapshot');

const git = (gitDir, ...rest) => execFileSync('git', ['--git-dir', gitDir, ...rest], { maxBuffer: 256 * 1024 * 1024 });

/** The source as files in a folder, with the commit and date when it is a git snapshot. */
function materialize(kind, spec) {
  const [path, commitSpec] = spec.split('@');
  const absolute = resolve(path);
  const gitDir = existsSync(join(absolute, 'HEAD')) && existsSync(join(absolute, 'objects')) ? absolute : existsSync(join(absolute, '.git')) ? join(absolute, '.git') : undefined;
  const layout = KINDS[kind];
  if (!gitDir) {
    if (!process.env.SNAPSHOT_DATE) usage(`${path} is not a git snapshot: give SNAPSHOT_DATE=YYYY-MM-DD`);
    return { folder: absolute, snapshotDate: process.env.SNAPSHOT_DATE };
  }
  const commit = git(gitDir, 'rev-parse', `${commitSpec ?? 'HEAD'}^{commit}`).toString().trim();
  const snapshotDate = git(gitDir, 'log', '-1', '--format=%cs', commit).toString().trim();
  const folder = mkdtempSync(join(tmpdir(), `interlocutor-${kind}-`));
  if (layout.folders) {
    const archive = git(gitDir, 'archive', '--format=tar', commit, ...layout.folders);
    execFileSync('tar', ['-x', '-C', folder], { input: archive, maxBuffer: 256 * 1024 * 1024 });
  } else {
    for (const file of [...layout.files, ...layout.optional]) {
      try {
        const text = git(gitDir, 'show', `${commit}:${file}`);
        mkdirSync(dirname(join(folder, file)), { recursive: true });
        writeFileSync(join(folder, file), text);
      } catch {
        // A large file can be missing from a partial snapshot (a git-annex or LFS pointer, a
        // shallow mirror): an optional one is skipped, a required one stops this pack.
        if (layout.files.includes(file)) throw new Error(`${file} is not readable at ${commit.slice(0, 12)}`);
        console.error(`build-packs: ${kind}: skipping ${file}, not readable at ${commit.slice(0, 12)}`);
      }
    }
  }
  return { folder, snapshotDate, commit, temporary: true };
}

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
const cli = join(root, 'dist', 'cli.js');
mkdirSync(join(root, 'packs'), { recursive: true });

let failed = false;
for (const [kind, spec] of Object.entries(sources)) {
  const id = kind === 'wikidata' ? 'wikidata-officeholders' : KINDS[kind].pack;
  const output = join(root, 'packs', `${id}.pack.json`);
  let source;
  const importArgs = ['import'];
  if (kind === 'wikidata') {
    if (!process.env.SNAPSHOT_DATE) usage('wikidata results need SNAPSHOT_DATE=YYYY-MM-DD (the day the query ran)');
    importArgs.push('wikidata', '--results', resolve(spec), '--snapshot-date', process.env.SNAPSHOT_DATE);
  } else {
    try {
      source = materialize(kind, spec);
    } catch (error) {
      failed = true;
      console.error(`build-packs: ${kind}: ${error.message}`);
      continue;
    }
    const inputs = KINDS[kind].folders ? [source.folder] : KINDS[kind].files.map((file) => join(source.folder, file));
    for (const file of KINDS[kind].optional ?? []) if (existsSync(join(source.folder, file))) inputs.push(join(source.folder, file));
    importArgs.push(kind === 'congress-historical' ? 'congress' : kind, ...inputs, '--snapshot-date', source.snapshotDate, ...(source.commit ? ['--commit', source.commit] : []));
  }
  try {
    execFileSync(process.execPath, [cli, ...importArgs, '-o', output], { stdio: 'inherit' });
    const text = readFileSync(output);
    console.log(`${id}: ${(text.length / 1024).toFixed(0)} KB, ${(gzipSync(text).length / 1024).toFixed(0)} KB gzipped`);
    if (ship && SHIPPED.includes(id)) {
      mkdirSync(join(root, 'data', 'packs'), { recursive: true });
      copyFileSync(output, join(root, 'data', 'packs', `${id}.pack.json`));
      console.log(`  shipped as data/packs/${id}.pack.json`);
    }
  } catch {
    failed = true;
    console.error(`build-packs: ${kind} failed`);
  } finally {
    if (source?.temporary && statSync(source.folder).isDirectory()) rmSync(source.folder, { recursive: true, force: true });
  }
}
process.exitCode = failed ? 1 : 0;
