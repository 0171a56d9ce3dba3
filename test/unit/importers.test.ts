import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { partialDate } from '../../src/core/dates';
import { loadKnowledge } from '../../src/core/datasets';
import { verifyPack, type Pack } from '../../src/core/packs/manifest';
import { hasOverlap } from '../../src/core/packs/importers/common';
import { importCongress } from '../../src/core/packs/importers/congress';
import { importIfg } from '../../src/core/packs/importers/ifg';
import { importPocom, type NamedText } from '../../src/core/packs/importers/pocom';
import { importWikidata, parsePositions, statementId, wikidataDate } from '../../src/core/packs/importers/wikidata';
import { repoRoot } from '../support/repo';

const fixtures = join(repoRoot, 'test', 'fixtures', 'importers');
const read = (...parts: string[]) => readFileSync(join(fixtures, ...parts), 'utf8');

function walk(dir: string): NamedText[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [{ path: relative(fixtures, path), text: readFileSync(path, 'utf8') }];
  });
}

type DatasetActor = NonNullable<Pack['dataset']['actors']>[number];
type DatasetRole = NonNullable<Pack['dataset']['roles']>[number];

function actor(pack: Pack, id: string): DatasetActor {
  const found = pack.dataset.actors?.find((entry) => entry.id === id);
  assert.ok(found, `no actor ${id}`);
  return found;
}

function role(pack: Pack, id: string): DatasetRole {
  const found = pack.dataset.roles?.find((entry) => entry.id === id);
  assert.ok(found, `no role ${id}`);
  return found;
}

/** Every pack an importer writes must verify and load with no dataset problem at all. */
function assertLoadsCleanly(pack: Pack): ReturnType<typeof loadKnowledge> {
  const verified = verifyPack(JSON.parse(JSON.stringify(pack)));
  assert.ok(verified.ok, verified.ok ? '' : verified.problems.join('\n'));
  const knowledge = loadKnowledge([{ file: `${pack.manifest.id}.json`, text: JSON.stringify(pack.dataset) }]);
  assert.deepEqual(knowledge.problems.map((problem) => problem.message), []);
  return knowledge;
}

describe('importers: congress-legislators', () => {
  const { pack, warnings } = importCongress(
    { current: read('congress', 'legislators-current.yaml'), executive: read('congress', 'executive.yaml') },
    { snapshotDate: '2026-06-15', commit: 'dfa9622263dd4c8d08636926e498f1845704d7eb' },
  );

  it('writes a CC0 pack verified through the snapshot date, with no warnings', () => {
    assert.deepEqual(warnings, []);
    assert.equal(pack.manifest.sources[0]?.license, 'CC0-1.0');
    assert.equal(pack.manifest.sources[0]?.commit, 'dfa9622263dd4c8d08636926e498f1845704d7eb');
    assert.deepEqual(pack.manifest.coverage, { US: { verifiedThrough: '2026-06-15' } });
    assert.equal(pack.dataset.verifiedThrough, '2026-06-15');
    assertLoadsCleanly(pack);
  });

  it('imports a current term as open with scheduledEnd, and joins consecutive terms in one seat', () => {
    const cantwell = actor(pack, 'c000127');
    assert.equal(cantwell.name, 'Maria Cantwell');
    const [house, senate] = cantwell.tenures ?? [];
    assert.deepEqual({ role: house?.role, start: house?.start, end: house?.end, scheduledEnd: house?.scheduledEnd }, { role: 'us-rep-wa-1', start: '1993-01-05', end: '1995-01-03', scheduledEnd: undefined });
    assert.deepEqual({ role: senate?.role, start: senate?.start, end: senate?.end, scheduledEnd: senate?.scheduledEnd }, { role: 'us-sen-wa-class1', start: '2001-01-03', end: undefined, scheduledEnd: '2031-01-03' });
    assert.match(JSON.stringify(senate?.sources), /C000127 terms\[1-5\]/);
  });

  const seats: Array<[string, string, string]> = [
    ['us-sen-wa-class1', 'senator from Washington', "Washington's junior senator"],
    ['us-sen-wa-class3', 'senator from Washington', "Washington's senior senator"],
    ['us-rep-wa-1', "representative for Washington's 1st district", 'Rep.'],
    ['us-rep-wy-al', "representative for Wyoming's at-large district", 'congresswoman'],
    ['us-rep-dc-al', 'delegate from the District of Columbia', "the District of Columbia's delegate to Congress"],
    ['us-speaker-of-the-house', 'Speaker of the House', 'House speaker'],
    ['us-senate-majority-leader', 'Senate majority leader', 'Senate Majority Leader'],
  ];
  for (const [id, title, alias] of seats) {
    it(`names the post ${id} "${title}", also "${alias}"`, () => {
      const post = role(pack, id);
      assert.equal(post.title, title);
      assert.ok(post.aliases?.includes(alias), JSON.stringify(post.aliases));
      assert.equal(post.country, 'US');
    });
  }

  it('gives people their prose forms and nicknames as aliases, and keeps the Wikidata id', () => {
    assert.ok(actor(pack, 'c000127').aliases?.includes('Senator Cantwell'));
    assert.ok(actor(pack, 'c000127').aliases?.includes('Representative Maria Cantwell'));
    assert.ok(actor(pack, 'c000127').aliases?.includes('Congresswoman Cantwell'));
    assert.ok(actor(pack, 's000148').aliases?.includes('Chuck Schumer'));
    assert.ok(actor(pack, 'j000299').aliases?.includes('Speaker Johnson'));
    assert.match(JSON.stringify(actor(pack, 'c000127').sources), /wikidata\.org\/wiki\/Q22250/);
  });

  it('imports presidents and vice-presidents, with or without a bioguide id', () => {
    const trump = actor(pack, 'govtrack-412733');
    assert.deepEqual(
      trump.tenures?.map((tenure) => [tenure.role, tenure.start, tenure.end ?? null, tenure.scheduledEnd ?? null]),
      [
        ['us-president', '2017-01-20', '2021-01-20', null],
        ['us-president', '2025-01-20', null, '2029-01-20'],
      ],
    );
    // Washington's two terms follow each other: one tenure.
    assert.deepEqual(actor(pack, 'w000178').tenures?.map((tenure) => [tenure.start, tenure.end]), [['1789-04-30', '1797-03-04']]);
    assert.equal(actor(pack, 'v000137').tenures?.[0]?.role, 'us-vice-president');
    assert.equal(role(pack, 'us-president').unique, true);
  });

  it('marks a leadership post unique only when no two holders overlap', () => {
    assert.equal(role(pack, 'us-speaker-of-the-house').unique, true);
    assert.equal(role(pack, 'us-senate-minority-leader').unique, true);
  });

  it('makes "Senator Maria Cantwell" current and "Representative" past in a memo of 2026-03-01', () => {
    const { kb } = assertLoadsCleanly(pack);
    const on = partialDate('2026-03-01');
    assert.deepEqual(kb.holdersOn('us-sen-wa-class1', on).filter((entry) => entry.holds === true).map((entry) => entry.actor.id), ['c000127']);
    assert.equal(kb.holdersOn('us-rep-wa-1', on).some((entry) => entry.actor.id === 'c000127' && entry.holds !== false), false);
  });

  it('keeps a senator who later resigned open with scheduledEnd in the snapshot before he left (Rubio, 2025-01)', () => {
    const before = importCongress({ current: read('congress-2025-01', 'legislators-current.yaml') }, { snapshotDate: '2025-01-20' }).pack;
    const rubio = actor(before, 'r000595');
    assert.deepEqual(rubio.tenures?.map((tenure) => [tenure.role, tenure.start, tenure.end ?? null, tenure.scheduledEnd]), [['us-sen-fl-class3', '2011-01-05', null, '2029-01-03']]);
    assert.ok(rubio.aliases?.includes('Sen. Rubio'));
  });

  it('takes other_names as aliases and historical terms as ended', () => {
    const historical = [
      '- id:',
      '    bioguide: X000001',
      '  name:',
      '    first: Jane',
      '    last: Example',
      '  other_names:',
      '  - first: Jane',
      '    last: Sample',
      '    end: "1990-01-01"',
      '  terms:',
      '  - type: rep',
      '    start: "1985-01-03"',
      '    end: "1987-01-03"',
      '    state: AK',
      '    district: 0',
      '    party: Democrat',
    ].join('\n');
    const { pack: old } = importCongress({ historical }, { snapshotDate: '2026-06-15' });
    const jane = actor(old, 'x000001');
    assert.ok(jane.aliases?.includes('Jane Sample'));
    assert.deepEqual(jane.tenures?.map((tenure) => [tenure.role, tenure.end]), [['us-rep-ak-al', '1987-01-03']]);
    assert.equal(old.manifest.id, 'us-congress-historical');
  });

  it('refuses a file that is not a list of people, naming the file', () => {
    assert.throws(() => importCongress({ current: 'name: nobody\n' }, { snapshotDate: '2026-06-15' }), /legislators-current\.yaml: expected a list of people/);
  });
});

describe('importers: IfG Ministers Database', () => {
  const files = {
    appointment: read('ifg', 'appointment.csv'),
    person: read('ifg', 'person.csv'),
    post: read('ifg', 'post.csv'),
    appointmentCharacteristics: read('ifg', 'appointment_characteristics.csv'),
    organisation: read('ifg', 'organisation.csv'),
    organisationLink: read('ifg', 'organisation_link.csv'),
  };
  const { pack, warnings } = importIfg(files, { snapshotDate: '2026-06-19' });
  const holders = (title: string) =>
    (pack.dataset.actors ?? [])
      .flatMap((person) => (person.tenures ?? []).filter((tenure) => role(pack, tenure.role).title === title).map((tenure) => [person.name, tenure.start, tenure.end ?? null]))
      .sort((a, b) => String(a[1]).localeCompare(String(b[1])));

  it('carries the CC BY attribution in the manifest and the dataset', () => {
    assert.equal(pack.manifest.sources[0]?.license, 'CC-BY-4.0');
    assert.match(pack.manifest.sources[0]?.attribution ?? '', /Institute for Government/);
    assert.equal(pack.dataset.license, 'CC-BY-4.0');
    assert.match(pack.dataset.description ?? '', /Institute for Government.*CC BY 4\.0/);
    assertLoadsCleanly(pack);
  });

  it('lists the Foreign Secretaries under their prose title, with the formal name as an alias', () => {
    assert.deepEqual(holders('Foreign Secretary'), [
      ['Dominic Raab', '2020-09-02', '2021-09-15'],
      ['Liz Truss', '2021-09-15', '2022-09-06'],
      ['James Cleverly', '2022-09-06', '2023-11-13'],
      ['Lord Cameron of Chipping Norton', '2023-11-13', '2024-07-05'],
      ['David Lammy', '2024-07-05', '2025-09-05'],
      ['Yvette Cooper', '2025-09-05', null],
    ]);
    const foreign = (pack.dataset.roles ?? []).find((entry) => entry.title === 'Foreign Secretary');
    assert.ok(foreign?.aliases?.includes('Secretary of State for Foreign, Commonwealth and Development Affairs'));
    assert.ok(foreign?.aliases?.includes('British Foreign Secretary'));
    assert.equal(foreign?.unique, true);
    assert.equal(foreign?.country, 'GB');
    assert.equal(foreign?.organization, 'Foreign, Commonwealth and Development Office');
    assert.match(foreign?.note ?? '', /Foreign and Commonwealth Office \(merger, 2020-09-02\)/);
  });

  it('gives James Cleverly his Home Secretary tenure', () => {
    assert.deepEqual(
      holders('Home Secretary').filter(([name]) => name === 'James Cleverly'),
      [['James Cleverly', '2023-11-13', '2024-07-05']],
    );
  });

  it('keeps a change of name as an alias and a dated event', () => {
    const mandelson = (pack.dataset.actors ?? []).find((entry) => entry.name === 'Lord Mandelson');
    assert.ok(mandelson);
    assert.deepEqual(mandelson.aliases, ['Peter Mandelson']);
    assert.deepEqual(mandelson.events?.map((event) => [event.date, event.kind, event.text]), [['2008-10-03', 'name change', 'Known as Lord Mandelson from 2008-10-03']]);
  });

  it('marks acting spans as acting', () => {
    const smith = (pack.dataset.actors ?? []).find((entry) => entry.name === 'Chloe Smith');
    assert.deepEqual(smith?.tenures?.map((tenure) => [role(pack, tenure.role).title, tenure.start, tenure.end, tenure.acting]), [['Science Secretary', '2023-04-28', '2023-07-20', true]]);
  });

  it('makes a post with two holders at once not unique', () => {
    const puss = (pack.dataset.roles ?? []).filter((entry) => entry.title === 'Parliamentary Under-Secretary of State');
    assert.equal(puss.length, 1);
    assert.equal(puss[0]?.unique, false);
  });

  it('turns an end before the start into an unknown end, with a warning, never a guess', () => {
    const murray = (pack.dataset.actors ?? []).find((entry) => entry.name === 'James Murray');
    const tenure = murray?.tenures?.find((entry) => entry.start === '2025-09-01');
    assert.deepEqual([tenure?.end, tenure?.verifiedThrough, tenure?.verified], [undefined, '2025-09-01', 'partial']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0] ?? '', /b10eac21-75f5-4c95-9ee5-780f42d73a12: ends \(2025-05-14\) before it starts \(2025-09-01\)/);
  });

  it('shortens UUIDs and cites each appointment', () => {
    for (const entry of pack.dataset.actors ?? []) assert.match(entry.id, /^gb-[0-9a-f]{6,}$/);
    for (const entry of pack.dataset.roles ?? []) assert.match(entry.id, /^gb-post-[0-9a-f]{6,}$/);
    for (const tenure of (pack.dataset.actors ?? []).flatMap((entry) => entry.tenures ?? [])) assert.match(JSON.stringify(tenure.sources), /IfG Ministers Database appointment [0-9a-f]{6,}/);
  });

  it('names the file and the missing columns when a CSV is not the expected one', () => {
    assert.throws(() => importIfg({ ...files, post: 'id,title\n1,x\n' }, { snapshotDate: '2026-06-19' }), /post\.csv: missing column\(s\) organisation_id, name/);
  });
});

describe('importers: pocom', () => {
  const files = {
    principals: walk(join(fixtures, 'pocom', 'positions-principals')),
    missions: walk(join(fixtures, 'pocom', 'missions-countries')),
    people: walk(join(fixtures, 'pocom', 'people')),
    roleTitles: walk(join(fixtures, 'pocom', 'roles-country-chiefs')),
  };
  const { pack, warnings } = importPocom(files, { snapshotDate: '2026-06-20' });

  it('sets each group\'s horizon to the latest date it records: missions stop in 2020', () => {
    assert.deepEqual(warnings, []);
    assert.equal(pack.manifest.coverage['us-principals']?.verifiedThrough, '2025-01-21');
    assert.equal(pack.manifest.coverage['us-missions']?.verifiedThrough, '2020-10-04');
    assert.equal(pack.manifest.sources[0]?.license, 'public-domain');
    assertLoadsCleanly(pack);
  });

  it('keeps the last Secretary open only through the horizon of the principals', () => {
    const rubio = actor(pack, 'pocom-rubio-marco');
    assert.deepEqual(rubio.tenures?.map((tenure) => [tenure.role, tenure.start, tenure.end ?? null, tenure.verifiedThrough]), [['us-pocom-secretary', '2025-01-21', null, '2025-01-21']]);
    assert.equal(role(pack, 'us-pocom-secretary').title, 'Secretary of State');
    assert.ok(role(pack, 'us-pocom-secretary').aliases?.includes('US secretary of state'));
  });

  it('imports Secretaries ad interim as acting tenures of the Secretary\'s post, from their designation', () => {
    const smith = actor(pack, 'pocom-smith-daniel-bennett');
    assert.deepEqual(smith.tenures?.map((tenure) => [tenure.role, tenure.title, tenure.start, tenure.end, tenure.acting]), [['us-pocom-secretary', 'Secretary of State ad interim', '2021-01-20', '2021-01-26', true]]);
  });

  it('imports the China mission as "US ambassador to China", leaving out nominees who never served', () => {
    assert.equal(role(pack, 'us-amb-china').title, 'US ambassador to China');
    assert.deepEqual(actor(pack, 'pocom-branstad-terry-e').tenures?.map((tenure) => [tenure.start, tenure.end]), [['2017-07-12', '2020-10-04']]);
    assert.equal(pack.dataset.actors?.some((entry) => entry.id === 'pocom-crane-charles-richard'), false);
    assert.equal(actor(pack, 'pocom-bush-george-herbert-walker').tenures?.[0]?.title, 'US chief to China');
  });

  it('does not take a missing end for "current" when a later holder is recorded, and keeps partial dates', () => {
    const mission = (chiefs: string) => `<?xml version="1.0" encoding="UTF-8"?><country-mission><territory-id>ruritania</territory-id><chiefs>${chiefs}</chiefs></country-mission>`;
    const chief = (id: string, person: string, started: string, ended: string) =>
      `<chief><id>${id}</id><person-id>${person}</person-id><role-title-id>ambassador-e-p</role-title-id><appointed><date/></appointed><started><date>${started}</date></started><ended>${ended ? `<date>${ended}</date>` : '<date/>'}</ended></chief>`;
    const person = (id: string, forename: string, surname: string) => ({ path: `people/${id}.xml`, text: `<person><id>${id}</id><persName><surname>${surname}</surname><forename>${forename}</forename></persName></person>` });
    const { pack: small } = importPocom(
      {
        principals: [],
        missions: [{ path: 'missions-countries/ruritania.xml', text: mission(chief('ru-1', 'a-b', '1979-02', '') + chief('ru-2', 'c-d', '1983', '1986-03-10') + chief('ru-3', 'e-f', '1987-01-05', '')) }],
        people: [person('a-b', 'Ann', 'Bee'), person('c-d', 'Carl', 'Dee'), person('e-f', 'Eve', 'Eff')],
      },
      { snapshotDate: '2026-06-20' },
    );
    const first = actor(small, 'pocom-a-b').tenures?.[0];
    assert.deepEqual([first?.start, first?.end, first?.verifiedThrough, first?.verified], ['1979-02', undefined, '1979-02', 'partial']);
    assert.equal(actor(small, 'pocom-c-d').tenures?.[0]?.start, '1983');
    const last = actor(small, 'pocom-e-f').tenures?.[0];
    assert.deepEqual([last?.end, last?.verifiedThrough, last?.verified], [undefined, '1987-01-05', undefined]);
    assert.equal(role(small, 'us-amb-ruritania').title, 'US ambassador to Ruritania');
    // An open record runs on, as the dataset rules see it: the post cannot be unique.
    assert.equal(role(small, 'us-amb-ruritania').unique, false);
  });

  it('skips a record whose person has no people/ file, with a warning', () => {
    const { warnings: skipped } = importPocom({ ...files, people: files.people.filter((file) => !file.path.endsWith('rubio-marco.xml')) }, { snapshotDate: '2026-06-20' });
    assert.deepEqual(skipped, ['pocom: skipped 1 record(s) of "rubio-marco": no people/ file has that id']);
  });
});

describe('importers: Wikidata', () => {
  const positions = parsePositions(readFileSync(join(repoRoot, 'data', 'wikidata', 'positions.json'), 'utf8'));
  const { pack, warnings } = importWikidata(read('wikidata', 'results.json'), positions, { snapshotDate: '2026-06-20', resultsFile: 'results.json' });

  const dates: Array<[string, string | undefined, string | undefined]> = [
    ['2013-03-14T00:00:00Z', '11', '2013-03-14'],
    ['2012-05-01T00:00:00Z', '10', '2012-05'],
    ['2017-01-01T00:00:00Z', '9', '2017'],
    ['2020-01-01T00:00:00Z', '8', undefined],
    ['-0500-01-01T00:00:00Z', '9', undefined],
    ['2013-03-14T00:00:00Z', undefined, '2013-03-14'],
  ];
  for (const [value, precision, expected] of dates) {
    it(`reads ${value} at precision ${precision ?? '(none)'} as ${expected ?? 'no date'}`, () => {
      assert.equal(wikidataDate(value, precision), expected);
    });
  }

  it('writes statement ids the way Wikidata does', () => {
    assert.equal(statementId('http://www.wikidata.org/entity/statement/Q15031-6C1F4E5A-0D0B'), 'Q15031$6C1F4E5A-0D0B');
  });

  it('keeps each date at its precision and cites the statement', () => {
    assert.deepEqual(actor(pack, 'wd-q15031').tenures?.map((tenure) => [tenure.role, tenure.start, tenure.end]), [['wd-q655407', '2013-03-14', undefined]]);
    assert.equal(actor(pack, 'wd-q7747').tenures?.[0]?.start, '2012-05');
    assert.match(JSON.stringify(actor(pack, 'wd-q15031').sources), /Q15031/);
    assert.match(JSON.stringify(actor(pack, 'wd-q15031').tenures?.[0]?.sources), /Wikidata statement Q15031\$6C1F4E5A-0D0B-4B0E-9C1A-000000000001/);
    assertLoadsCleanly(pack);
  });

  it('drops deprecated statements and dates coarser than a year', () => {
    assert.deepEqual(actor(pack, 'wd-q22686').tenures?.map((tenure) => [tenure.start, tenure.end]), [
      ['2017', '2021-01-20'],
      ['2025-01-20', undefined],
    ]);
    const li = actor(pack, 'wd-q4414390').tenures?.[0];
    assert.equal(li?.start, undefined);
    assert.match(li?.note ?? '', /decade or coarser/);
    assert.ok(warnings.includes('dropped 1 deprecated statement(s)'), warnings.join('\n'));
  });

  it('skips people without an English label and positions outside the list, saying so', () => {
    assert.equal(pack.dataset.actors?.some((entry) => entry.id === 'wd-q3052772'), false);
    assert.ok(warnings.some((warning) => /Q3052772: no English label/.test(warning)));
    assert.ok(warnings.some((warning) => /position Q19546 is not in the positions list/.test(warning)));
  });

  it('takes posts, titles and uniqueness from the positions list, and covers each country', () => {
    const xi = role(pack, 'wd-q655407');
    assert.deepEqual([xi.title, xi.country, xi.unique], ['president of China', 'CN', true]);
    assert.equal(pack.manifest.coverage.CN?.verifiedThrough, '2026-06-20');
    assert.equal(pack.manifest.sources[0]?.license, 'CC0-1.0');
  });

  it('ships a query that asks for exactly the listed positions', () => {
    const query = readFileSync(join(repoRoot, 'data', 'wikidata', 'positions.rq'), 'utf8');
    const values = /VALUES \?position \{([^}]*)\}/.exec(query)?.[1] ?? '';
    const inQuery = [...values.matchAll(/wd:(Q\d+)/g)].map((match) => match[1]).sort();
    assert.deepEqual(inQuery, positions.map((position) => position.qid).sort());
    assert.equal(new Set(inQuery).size, inQuery.length);
  });

  it('refuses results that are not SPARQL JSON', () => {
    assert.throws(() => importWikidata('{"rows": []}', positions, { snapshotDate: '2026-06-20', resultsFile: 'x.json' }), /x\.json: not SPARQL 1\.1 JSON results/);
  });
});

describe('importers: overlap of holders', () => {
  const cases: Array<[string, Array<{ start?: string; end?: string | null }>, boolean]> = [
    ['a successor starting on the end day', [{ start: '2020-01-01', end: '2021-01-01' }, { start: '2021-01-01', end: null }], false],
    ['two open tenures', [{ start: '2020-01-01' }, { start: '2021-01-01' }], true],
    ['one inside another', [{ start: '2020-01-01', end: '2025-01-01' }, { start: '2021-01-01', end: '2022-01-01' }], true],
    ['a month that may or may not overlap', [{ start: '2020-01-01', end: '2021-03-10' }, { start: '2021-03', end: null }], false],
  ];
  for (const [name, spans, expected] of cases) {
    it(`${name}: ${expected ? 'overlap' : 'no overlap'}`, () => assert.equal(hasOverlap(spans), expected));
  }
});
