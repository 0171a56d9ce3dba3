import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderActorCard, renderActorCardText } from '../../src/core/actorCard';
import { mergeConventions, DEFAULT_CONVENTIONS } from '../../src/core/conventions';
import { partialDate } from '../../src/core/dates';
import { loadKnowledge, type DatasetText } from '../../src/core/datasets';
import { foldActor, sameOffice } from '../../src/core/datasetMerge';
import { buildPack, serializePack, type Pack } from '../../src/core/packs/manifest';
import { packAttribution, packDatasetText, packLoadOrder, parsePackState, readPack, withPackEnabled } from '../../src/core/packs/registry';
import { datasetSchemas, type DatasetInput } from '../../src/core/schema';
import type { CliIo } from '../../src/cli/io';
import { readRegularFile } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { downloadPack, PackRefused, PackStore, userPacksFolder } from '../../src/cli/packStore';
import { builtinDatasetPath, repoRoot } from '../support/repo';

const DATE = partialDate('2026-03-01');

function tinyPack(id: string, dataset: Partial<DatasetInput> = {}): Pack {
  return buildPack({
    id,
    title: `Test pack ${id}`,
    sources: [{ repo: 'example/source', commit: 'abcdef1', snapshotDate: '2026-06-01', license: 'CC-BY-4.0', attribution: `Example Source (${id}), CC BY 4.0` }],
    coverage: { XX: { verifiedThrough: '2026-06-01' } },
    generator: { importer: 'test', version: '1' },
    dataset: {
      name: `Dataset of ${id}`,
      verifiedThrough: '2026-06-01',
      roles: [{ id: `${id}-minister`, title: 'minister of tests', country: 'GB', organization: 'Department of Tests', unique: true }],
      actors: [{ id: `${id}-ada`, name: 'Ada Testperson', country: 'GB', tenures: [{ role: `${id}-minister`, start: '2024-07-05', party: 'Labour', sources: [{ title: 'a record' }] }] }],
      ...dataset,
    },
  });
}

function shippedPack(id: string): Pack {
  const verified = readPack(readFileSync(join(repoRoot, 'data', 'packs', `${id}.pack.json`), 'utf8'), { verify: true });
  assert.ok(verified.ok, verified.ok ? '' : verified.problems.join('\n'));
  return verified.pack;
}

function withShippedPacks(extra: readonly DatasetText[] = []) {
  const texts = [{ file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') }, ...['us-congress', 'uk-ministers'].map((id) => packDatasetText(shippedPack(id), `${id}.pack.json`)), ...extra];
  return loadKnowledge(texts);
}

function memoryIo(dir: string, env: Record<string, string>): CliIo & { out: () => string; err: () => string } {
  let stdout = '';
  let stderr = '';
  return {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path, maxBytes) => readRegularFile(path, maxBytes ?? 20 * 1024 * 1024),
    writeFile: () => assert.fail('pack commands write only into the packs folder'),
    readStdin: () => '',
    cwd: dir,
    today: partialDate('2026-12-01'),
    color: false,
    env,
    out: () => stdout,
    err: () => stderr,
  };
}

describe('dataset packs', () => {
  let dir: string;
  let shipped: string;
  let user: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlocutor-packs-'));
    shipped = join(dir, 'shipped');
    user = join(dir, 'user');
    mkdirSync(shipped);
    writeFileSync(join(shipped, 'alpha.pack.json'), serializePack(tinyPack('alpha')));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describe('precedence', () => {
    const file = (id: string, origin: 'shipped' | 'installed') => ({ id, file: `${origin}/${id}`, origin });
    const cases: Array<{ name: string; shipped: string[]; installed: string[]; expected: string[] }> = [
      { name: 'shipped packs in their order', shipped: ['us-congress', 'uk-ministers'], installed: [], expected: ['shipped/us-congress', 'shipped/uk-ministers'] },
      { name: 'installed packs after the shipped ones, by id', shipped: ['b'], installed: ['z', 'a'], expected: ['shipped/b', 'installed/a', 'installed/z'] },
      { name: 'an installed pack replaces the shipped pack of the same id, in its place', shipped: ['a', 'b'], installed: ['a', 'c'], expected: ['installed/a', 'shipped/b', 'installed/c'] },
    ];
    for (const { name, shipped: s, installed, expected } of cases) {
      it(name, () => {
        assert.deepEqual(
          packLoadOrder(s.map((id) => file(id, 'shipped')), installed.map((id) => file(id, 'installed'))).map((pack) => pack.file),
          expected,
        );
      });
    }

    it('built-in, then packs, then workspace datasets, then settings: a later entry replaces an earlier one by id', () => {
      const pack = tinyPack('alpha');
      const workspace = { file: 'team.interlocutor.json', text: JSON.stringify({ name: 'team', actors: [{ id: 'alpha-ada', name: 'Ada Workspace', country: 'GB' }] }) };
      const setting = { file: 'setting.json', text: JSON.stringify({ name: 'setting', actors: [{ id: 'alpha-ada', name: 'Ada Setting', country: 'GB' }] }) };
      const base = [{ file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') }, packDatasetText(pack, 'alpha.pack.json')];
      assert.equal(loadKnowledge(base).kb.actor('alpha-ada')?.name, 'Ada Testperson');
      assert.equal(loadKnowledge([...base, workspace]).kb.actor('alpha-ada')?.name, 'Ada Workspace');
      assert.equal(loadKnowledge([...base, workspace, setting]).kb.actor('alpha-ada')?.name, 'Ada Setting');
    });

    it('the enabled state: disabling adds the id once, enabling removes it; a damaged state file enables everything', () => {
      assert.deepEqual(withPackEnabled(withPackEnabled({ disabled: [] }, 'a', false), 'a', false).disabled, ['a']);
      assert.deepEqual(withPackEnabled({ disabled: ['a', 'b'] }, 'a', true).disabled, ['b']);
      assert.deepEqual(parsePackState('{not json').disabled, []);
      assert.deepEqual(parsePackState('{"disabled":["x",3]}').disabled, ['x']);
    });

    it('the packs folder: INTERLOCUTOR_PACKS_DIR, then XDG_DATA_HOME, then %APPDATA% on Windows, then ~/.local/share', () => {
      assert.equal(userPacksFolder({ INTERLOCUTOR_PACKS_DIR: '/p', XDG_DATA_HOME: '/x' }, 'linux', '/home/u'), '/p');
      assert.equal(userPacksFolder({ XDG_DATA_HOME: '/x' }, 'linux', '/home/u'), join('/x', 'interlocutor', 'packs'));
      assert.equal(userPacksFolder({ APPDATA: '/appdata' }, 'win32', '/home/u'), join('/appdata', 'interlocutor', 'packs'));
      assert.equal(userPacksFolder({}, 'linux', '/home/u'), join('/home/u', '.local', 'share', 'interlocutor', 'packs'));
    });
  });

  describe('install, list, remove', () => {
    it('installs a verified pack, lists it with counts, licence and attribution, disables, enables and removes it', () => {
      const store = new PackStore(user, shipped);
      const { manifest } = store.install(serializePack(tinyPack('beta')));
      assert.equal(manifest.id, 'beta');
      assert.deepEqual(
        store.list().entries.map((entry) => [entry.manifest.id, entry.origin, entry.enabled, entry.manifest.counts.actors, packAttribution(entry.manifest)]),
        [
          ['alpha', 'shipped', true, 1, 'Example Source (alpha), CC BY 4.0'],
          ['beta', 'installed', true, 1, 'Example Source (beta), CC BY 4.0'],
        ],
      );
      assert.deepEqual(store.datasetTexts().texts.map((text) => text.file), [join(shipped, 'alpha.pack.json'), join(user, 'beta.pack.json')]);
      store.setEnabled('beta', false);
      assert.deepEqual(store.datasetTexts().texts.map((text) => text.file), [join(shipped, 'alpha.pack.json')]);
      store.setEnabled('beta', true);
      store.remove('beta');
      assert.ok(!existsSync(join(user, 'beta.pack.json')));
      assert.deepEqual(store.list().entries.map((entry) => entry.manifest.id), ['alpha']);
    });

    it('a shipped pack can be disabled but not removed; an installed pack of its id replaces it', () => {
      const store = new PackStore(user, shipped);
      assert.throws(() => store.remove('alpha'), (error: unknown) => error instanceof PackRefused && /ships with Interlocutor.*disable it instead/.test(error.message));
      store.setEnabled('alpha', false);
      assert.deepEqual(store.datasetTexts().texts, []);
      store.setEnabled('alpha', true);
      const newer = tinyPack('alpha', { actors: [{ id: 'alpha-ada', name: 'Ada Newer', country: 'GB' }] });
      store.install(serializePack(newer));
      const [entry] = store.list().entries;
      assert.equal(entry?.origin, 'installed');
      assert.equal(entry?.replacesShipped, true);
      assert.equal(loadKnowledge([...store.datasetTexts().texts]).kb.actor('alpha-ada')?.name, 'Ada Newer');
    });

    it('refuses a pack whose data does not match its checksum, and writes nothing', () => {
      const pack = tinyPack('gamma');
      const tampered = { ...pack, dataset: { ...pack.dataset, name: 'tampered' } };
      const store = new PackStore(user, shipped);
      assert.throws(() => store.install(serializePack(tampered)), (error: unknown) => error instanceof PackRefused && /checksum mismatch/.test(error.message));
      assert.ok(!existsSync(user) || readdirSync(user).length === 0);
    });

    it('refuses a pack over the size limit, and a file that is not a pack', () => {
      const text = serializePack(tinyPack('delta'));
      const reading = readPack(text, { verify: true, maxBytes: 100 });
      assert.ok(!reading.ok && /over the 0\.0 MB limit/.test(reading.problems[0] ?? ''), JSON.stringify(reading));
      const notJson = readPack('{"manifest":', { verify: true });
      assert.ok(!notJson.ok && /not JSON/.test(notJson.problems[0] ?? ''));
      const notPack = readPack('{"name":"a dataset"}', { verify: true });
      assert.ok(!notPack.ok);
    });

    it('a pack is loaded from the value already read, and a schema problem in it names the path', () => {
      const text = packDatasetText(tinyPack('theta'), 'theta.pack.json');
      assert.equal(loadKnowledge([text]).kb.actor('theta-ada')?.name, 'Ada Testperson');
      const broken = { ...text, value: { name: 'broken', actors: [{ id: 'x', name: '' }] } };
      assert.equal(loadKnowledge([broken]).problems.map((problem) => `${problem.file}: ${problem.message}`)[0], 'theta.pack.json: actors[0].name: must not be empty');
    });

    it('an installed pack damaged on disk is reported on its file and left out; the others load', () => {
      const store = new PackStore(user, shipped);
      store.install(serializePack(tinyPack('beta')));
      writeFileSync(join(user, 'beta.pack.json'), readFileSync(join(user, 'beta.pack.json'), 'utf8').replace('Ada Testperson', 'Ada Edited'));
      const { texts, problems } = store.datasetTexts();
      assert.deepEqual(texts.map((text) => text.file), [join(shipped, 'alpha.pack.json')]);
      assert.equal(problems[0]?.file, join(user, 'beta.pack.json'));
      assert.match(problems[0]?.message ?? '', /checksum mismatch/);
    });
  });

  describe('interlocutor pack', () => {
    let server: Server;
    let base: string;
    const served = new Map<string, { body: string; length?: boolean }>();
    before(async () => {
      server = createServer((request, response) => {
        const entry = served.get(request.url ?? '');
        if (!entry) {
          response.writeHead(404).end('not found');
          return;
        }
        response.writeHead(200, entry.length === false ? { 'content-type': 'application/json' } : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(entry.body) });
        // Sent in pieces without a length when asked, as a server streaming the file would.
        if (entry.length === false) {
          const middle = Math.floor(entry.body.length / 2);
          response.write(entry.body.slice(0, middle));
          response.end(entry.body.slice(middle));
        } else {
          response.end(entry.body);
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('installs a pack served over HTTP from 127.0.0.1, then lists and removes it', async () => {
      served.set('/epsilon.pack.json', { body: serializePack(tinyPack('epsilon')) });
      const io = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
      assert.equal(await runCli(['pack', 'install', `${base}/epsilon.pack.json`], io), 0, io.err());
      assert.match(io.out(), /^Installed epsilon 2026-06-01: 1 actors, 1 posts, 1 tenures; CC-BY-4.0\nAttribution: Example Source \(epsilon\), CC BY 4\.0\n$/);
      assert.ok(existsSync(join(user, 'epsilon.pack.json')));

      const list = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
      assert.equal(await runCli(['pack', 'list', '--format', 'json'], list), 0, list.err());
      const entries = JSON.parse(list.out()) as Array<{ id: string; enabled: boolean; attribution: string; counts: { actors: number }; licenses: string[] }>;
      const epsilon = entries.find((entry) => entry.id === 'epsilon');
      assert.deepEqual(epsilon && { enabled: epsilon.enabled, attribution: epsilon.attribution, actors: epsilon.counts.actors, licenses: epsilon.licenses }, { enabled: true, attribution: 'Example Source (epsilon), CC BY 4.0', actors: 1, licenses: ['CC-BY-4.0'] });

      const text = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
      assert.equal(await runCli(['pack', 'disable', 'epsilon'], text), 0);
      assert.equal(await runCli(['pack', 'list'], text), 0);
      assert.match(text.out(), /epsilon 2026-06-01 \(disabled, installed\): Test pack epsilon\n {2}1 actors, 1 posts, 1 tenures; licence CC-BY-4\.0\n {2}Attribution: Example Source \(epsilon\), CC BY 4\.0/);

      const remove = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
      assert.equal(await runCli(['pack', 'remove', 'epsilon'], remove), 0, remove.err());
      assert.ok(!existsSync(join(user, 'epsilon.pack.json')));
    });

    it('refuses a served pack that fails its checksum, with the reason, and installs nothing', async () => {
      const pack = tinyPack('zeta');
      served.set('/zeta.pack.json', { body: serializePack({ ...pack, dataset: { ...pack.dataset, name: 'changed in transit' } }) });
      const io = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
      assert.equal(await runCli(['pack', 'install', `${base}/zeta.pack.json`], io), 2);
      assert.match(io.err(), /^interlocutor: pack install: checksum mismatch/);
      assert.ok(!existsSync(join(user, 'zeta.pack.json')));
    });

    it('stops a download over the size limit, whether or not the server gives a length', async () => {
      const body = serializePack(tinyPack('eta'));
      served.set('/eta-length.pack.json', { body });
      served.set('/eta-stream.pack.json', { body, length: false });
      await assert.rejects(downloadPack(`${base}/eta-length.pack.json`, 200), /over the 0\.0 MB limit/);
      await assert.rejects(downloadPack(`${base}/eta-stream.pack.json`, 200), /download was stopped/);
      assert.equal(await downloadPack(`${base}/eta-stream.pack.json`), body);
    });

    it('refuses plain http from another host, a 404 and a missing file with one line each', async () => {
      const cases: Array<[string, RegExp]> = [
        ['http://example.com/x.pack.json', /https only/],
        [`${base}/missing.pack.json`, /answered 404/],
        ['no-such-file.pack.json', /cannot read pack .*no such file/],
      ];
      for (const [source, message] of cases) {
        const io = memoryIo(dir, { INTERLOCUTOR_PACKS_DIR: user });
        assert.equal(await runCli(['pack', 'install', source], io), 2, source);
        assert.match(io.err(), message);
        assert.equal(io.err().trim().split('\n').length, 1, io.err());
      }
    });

    it('every command loads the enabled packs after the built-in dataset', async () => {
      const store = new PackStore(user, shipped);
      const io = { ...memoryIo(dir, {}), packs: () => store.datasetTexts() };
      assert.equal(await runCli(['actor', 'Ada Testperson', '--as-of', '2026-03-01'], io), 0, io.err());
      assert.match(io.out(), /^Ada Testperson · United Kingdom · Department of Tests · Labour\n/);
      assert.match(io.out(), /\nData: Example Source \(alpha\), CC BY 4\.0$/m);
    });
  });

  describe('what the importers put in the shipped packs', () => {
    it('congress: register ids on each member, the party on each seat', () => {
      const cantwell = shippedPack('us-congress').dataset.actors?.find((actor) => actor.id === 'c000127');
      assert.deepEqual(cantwell?.identifiers, { bioguide: 'C000127', wikidata: 'Q22250' });
      assert.deepEqual(cantwell?.tenures?.map((tenure) => tenure.party), ['Democrat', 'Democrat']);
    });

    it('ifg: the UK prose conventions', () => {
      const conventions = shippedPack('uk-ministers').dataset.conventions;
      assert.equal(conventions?.countryWords?.["Britain's"], 'GB');
      assert.ok(conventions?.honorifics?.includes('Rt Hon'));
    });
  });

  describe('one person in two datasets', () => {
    it('the congress pack folds Donald Trump and Joe Biden into the built-in actors: one actor each, no duplicate tenure', () => {
      const { kb, problems } = withShippedPacks();
      assert.deepEqual(problems.map((problem) => problem.message), []);
      assert.equal(kb.actor('govtrack-412733'), undefined);
      assert.equal(kb.actor('b000444'), undefined);
      for (const [name, id] of [['Donald Trump', 'donald_trump'], ['Donald J. Trump', 'donald_trump'], ['Joe Biden', 'joe_biden']] as const) {
        assert.deepEqual([...new Set(kb.index.lookup(name).map((entry) => entry.actorId))], [id], name);
      }
      const trump = kb.actor('donald_trump');
      // The pack's us-president spells stay beside the built-in us.president ones (each post keeps its holders); the card shows each once.
      assert.deepEqual(trump?.tenures.map((tenure) => `${tenure.role} ${tenure.start}`), ['us.president 2017-01-20', 'us.president 2025-01-20', 'us-president 2017-01-20', 'us-president 2025-01-20']);
      const card = renderActorCardText(kb, 'donald_trump', DATE) ?? '';
      assert.equal(card.match(/^ {2}(\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}|since \d{4}-\d{2}-\d{2}): president/gm)?.length, 2, card);
      // The pack's open spell keeps the pack's horizon (2026-06-15), not the built-in dataset's.
      assert.equal(trump?.tenures.find((tenure) => tenure.role === 'us-president' && !tenure.end)?.verifiedThrough, '2026-06-15');
      assert.match(card, /^As of 2026-03-01: president of the United States \(47th\) \(since 2025-01-20[^;\n]*\)$/m);
      assert.ok(trump?.events.length, 'the curated events stay');
      assert.deepEqual(trump?.identifiers, { wikidata: 'Q22686' });
    });

    const earlier = datasetSchemas().actorSchema.parse({ id: 'curated', name: 'Pat Example', aliases: ['Mr Example'], summary: 'curated', identifiers: { wikidata: 'Q1' }, tenures: [{ role: 'us.president', start: '2017-01-20', end: '2021-01-20' }], events: [{ date: '2018', text: 'an event' }] });
    const cases: Array<{ name: string; tenures: object[]; added: number }> = [
      { name: 'the same post and dates: already there', tenures: [{ role: 'us.president', start: '2017-01-20', end: '2021-01-20' }], added: 0 },
      { name: 'the same office under another post id: kept, so the post knows its holders', tenures: [{ role: 'us-president', start: '2017-01-20', end: '2021-01-20' }], added: 1 },
      { name: 'another post: added', tenures: [{ role: 'us-sen-fl', start: '2011-01-03', end: '2017-01-03' }], added: 1 },
      { name: 'the same post with other dates: added', tenures: [{ role: 'us.president', start: '2025-01-20' }], added: 1 },
    ];
    it('folding tenures: an open one keeps the horizon of its own dataset', () => {
      const later = datasetSchemas().actorSchema.parse({ id: 'pack-1', name: 'Pat', tenures: [{ role: 'us-sen-fl', start: '2011-01-03' }, { role: 'x', start: '2001', end: '2002' }, { role: 'y', start: '2003', verifiedThrough: '2004' }] });
      assert.deepEqual(foldActor(earlier, later, '2026-06-15').tenures.slice(1).map((tenure) => tenure.verifiedThrough), ['2026-06-15', undefined, '2004']);
    });
    for (const { name, tenures, added } of cases) {
      it(`folding tenures: ${name}`, () => {
        const later = datasetSchemas().actorSchema.parse({ id: 'pack-1', name: 'Patricia Example', identifiers: { wikidata: 'Q1', bioguide: 'E000001' }, tenures, sources: [{ title: 'the pack' }] });
        const folded = foldActor(earlier, later);
        assert.equal(folded.tenures.length, 1 + added);
        assert.equal(folded.id, 'curated');
        assert.equal(folded.summary, 'curated');
        assert.deepEqual(folded.aliases, ['Mr Example', 'Patricia Example']);
        assert.deepEqual(folded.identifiers, { wikidata: 'Q1', bioguide: 'E000001' });
        assert.equal(folded.events.length, 1);
      });
    }

    const role = (id: string, title: string, country = 'US') => datasetSchemas().roleSchema.parse({ id, title, country });
    const spell = (roleId: string, title: string, start: string, end?: string, country = 'US') => ({ tenure: { role: roleId, start, ...(end ? { end } : {}), acting: false, verified: true as const, sources: [] }, role: role(roleId, title, country) });
    const offices: Array<[string, ReturnType<typeof spell>, ReturnType<typeof spell>, boolean]> = [
      ['two post ids of one office, same dates', spell('us.president', 'president', '2017-01-20', '2021-01-20'), spell('us-president', 'President', '2017-01-20', '2021-01-20'), true],
      ['other dates', spell('us.president', 'president', '2017-01-20', '2021-01-20'), spell('us-president', 'president', '2025-01-20'), false],
      ['the same title in another country', spell('us.president', 'president', '2017-01-20'), spell('fr-president', 'president', '2017-01-20', undefined, 'FR'), false],
    ];
    for (const [name, a, b, same] of offices) {
      it(`one office on cards: ${name}`, () => assert.equal(sameOffice(a, b), same));
    }

    it('matches on the bioguide id too, keeps the earlier id for later datasets and channels, and never folds within one file', () => {
      const first = { file: 'a.json', text: JSON.stringify({ name: 'a', actors: [{ id: 'pat', name: 'Pat', identifiers: { bioguide: 'E000001' } }, { id: 'sam', name: 'Sam' }] }) };
      const second = { file: 'b.json', text: JSON.stringify({ name: 'b', actors: [{ id: 'e000001', name: 'Patrick', identifiers: { bioguide: 'E000001' } }] }) };
      const third = { file: 'c.json', text: JSON.stringify({ name: 'c', actors: [{ id: 'e000001', name: 'Patrick Again' }], channels: [{ id: 'line', name: 'line', kind: 'informal', endpoints: ['e000001', 'sam'] }] }) };
      const { kb, problems } = loadKnowledge([first, second, third]);
      assert.deepEqual(problems.map((problem) => problem.message), []);
      assert.deepEqual([...kb.actors()].map((actor) => actor.id), ['pat', 'sam']);
      assert.deepEqual(kb.actor('pat')?.aliases, ['Patrick', 'Patrick Again']);
      assert.deepEqual(kb.channelsOf('pat').map((channel) => channel.id), ['line']);
      const same = loadKnowledge([{ file: 'one.json', text: JSON.stringify({ name: 'one', actors: [{ id: 'x', name: 'X', identifiers: { wikidata: 'Q5' } }, { id: 'y', name: 'Y', identifiers: { wikidata: 'Q5' } }] }) }]);
      assert.equal([...same.kb.actors()].length, 2);
    });
  });

  describe('cards', () => {
    const cases: Array<{ query: string; header: RegExp; data: RegExp }> = [
      { query: 'c000127', header: /^Maria Cantwell · United States · US Senate · Democrat$/m, data: /^Data: unitedstates\/congress-legislators \(CC0 1\.0\), compiled by GovTrack\.us/m },
      { query: 'gb-b53a11', header: /^David Lammy · United Kingdom · Ministry of Justice$/m, data: /^Data: Institute for Government, IfG Ministers Database/m },
      { query: 'donald_trump', header: /^Donald Trump · United States · US federal government$/m, data: /^Data: Interlocutor built-in dataset; unitedstates\/congress-legislators/m },
    ];
    for (const { query, header, data } of cases) {
      it(`${query}: what the person is, and the data's attribution`, () => {
        const { kb } = withShippedPacks();
        const text = renderActorCardText(kb, query, DATE) ?? '';
        assert.match(text, header);
        assert.match(text, data);
        assert.match(renderActorCard(kb, query, DATE) ?? '', /\*Data\\: /);
      });
    }

    it('a built-in actor alone has no attribution line', () => {
      const { kb } = withShippedPacks();
      assert.doesNotMatch(renderActorCardText(kb, 'wang_yi', DATE) ?? '', /^Data:/m);
    });
  });

  describe('conventions in datasets', () => {
    it('are added to the defaults as tokenised words; nothing is removed', () => {
      const merged = mergeConventions(DEFAULT_CONVENTIONS, [{ countryWords: { "Ruritania's": 'rr', 'U.R.': 'RR' }, honorifics: ['Rt Hon', 'Sir'], nameSuffixes: ['MP'] }]);
      assert.equal(merged.countryWords.ruritania, 'RR');
      assert.equal(merged.countryWords['u r'], 'RR');
      assert.equal(merged.countryWords.china, 'CN');
      assert.deepEqual(merged.honorifics.filter((word) => word === 'sir'), ['sir']);
      assert.ok(merged.honorifics.includes('rt hon'));
      assert.ok(merged.nameSuffixes.includes('mp'));
    });

    it("the UK pack's conventions reach the knowledge base; without conventions the shared defaults are used", () => {
      const { kb } = withShippedPacks();
      assert.equal(kb.conventions.countryOf(['great', 'britain']), 'GB');
      assert.ok(kb.conventions.nameSuffixes.has('mp'));
      const plain = loadKnowledge([{ file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') }]);
      assert.equal(plain.kb.conventions.countryOf(['great', 'britain']), undefined);
    });
  });
});
