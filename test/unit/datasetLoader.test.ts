import * as assert from 'node:assert/strict';
import { parseDatasetText } from '../../src/core/datasetLoader';
import { loadKnowledge } from '../../src/core/datasets';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinDatasetPath, positionOf, repoRoot } from '../support/repo';

const base = {
  name: 'Test data',
  verifiedThrough: '2025-10',
  sources: [{ id: 'src', title: 'A source', url: 'https://example.org/a' }],
  roles: [
    { id: 'cn.foreign_minister', title: 'foreign minister', aliases: ['Chinese foreign minister'], country: 'CN', unique: true },
    { id: 'cn.vice_premier', title: 'vice-premier', country: 'CN', unique: false },
  ],
  actors: [
    { id: 'qin_gang', name: 'Qin Gang', aliases: ['Mr Qin'], tenures: [{ role: 'cn.foreign_minister', start: '2022-12-30', end: '2023-07-25', sources: ['src'] }] },
    { id: 'wang_yi', name: 'Wang Yi', tenures: [{ role: 'cn.foreign_minister', start: '2023-07-25', end: null, sources: ['src'] }] },
  ],
  channels: [{ id: 'talks', name: 'Talks', kind: 'official-talks', endpoints: ['qin_gang', 'wang_yi'], start: '2023', sources: ['src'] }],
};

function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** Edits a deep copy of the base dataset. */
function variant(edit: (data: any) => void): string {
  const copy = structuredClone(base);
  edit(copy);
  return json(copy);
}

describe('dataset loader', () => {
  it('loads a valid JSON dataset with defaults filled in', () => {
    const result = parseDatasetText(json(base), 'data.json');
    assert.deepEqual(result.problems, []);
    assert.equal(result.dataset?.actors[0]?.tenures[0]?.acting, false);
    assert.equal(result.dataset?.actors[1]?.kind, 'person');
  });

  it('loads the same dataset written as YAML', () => {
    const yaml = [
      'name: Test data',
      'roles:',
      '  - id: cn.foreign_minister',
      '    title: foreign minister',
      'actors:',
      '  - id: qin_gang',
      '    name: Qin Gang',
      '    tenures:',
      '      - role: cn.foreign_minister',
      '        start: 2022-12-30',
      '        end: 2023-07-25',
      '      - role: cn.foreign_minister',
      '        start: 2019',
      '        end: 2020',
    ].join('\n');
    const result = parseDatasetText(yaml, 'data.interlocutor.yaml');
    assert.deepEqual(result.problems, []);
    assert.equal(result.dataset?.actors[0]?.tenures[0]?.start, '2022-12-30');
    // Unquoted years are read as years, not numbers.
    assert.equal(result.dataset?.actors[0]?.tenures[1]?.start, '2019');
  });

  describe('reports each problem with its file and position', () => {
    // [what, file text, file name, expected message, text that the problem must start at]
    const cases: Array<[string, string, string, RegExp, string]> = [
      ['broken JSON', '{\n  "name": "x",\n  "actors": [ }\n}', 'bad.json', /invalid JSON: value expected/, '}\n}'],
      ['a trailing comma', '{\n  "name": "x",\n}', 'bad.json', /invalid JSON: property name expected/, '}'],
      ['binary junk', 'PK\u0003\u0004\u0000\u0000junk', 'bad.json', /not a text file/, '\u0000'],
      ['broken YAML', 'name: x\nactors:\n  - id: a\n   name: b: c\n', 'bad.yaml', /invalid YAML/, '   name: b'],
      ['an impossible date', variant((d) => (d.actors[0].tenures[0].start = '2023-02-30')), 'd.json', /actors\[0\]\.tenures\[0\]\.start: "2023-02-30" is not a real date/, '"2023-02-30"'],
      ['an empty name', variant((d) => (d.actors[1].name = '  ')), 'd.json', /actors\[1\]\.name: must not be empty/, '"  "'],
      ['a missing required field', variant((d) => delete d.actors[1].name), 'd.json', /actors\[1\]\.name: required field is missing/, '{\n      "id": "wang_yi"'],
      ['an unknown field', variant((d) => (d.actors[0].born = '1966')), 'd.json', /actors\[0\]\.born: unknown field "born"/, '"born"'],
      ['a wrong type', variant((d) => (d.actors[0].aliases = 'Mr Qin')), 'd.json', /actors\[0\]\.aliases: expected array, found string "Mr Qin"/, '"Mr Qin"'],
      ['a bad channel kind', variant((d) => (d.channels[0].kind = 'hotline')), 'd.json', /channels\[0\]\.kind: must be one of "official-talks"/, '"hotline"'],
      ['a non-http source', variant((d) => (d.sources[0].url = 'javascript:alert(1)')), 'd.json', /sources\[0\]\.url: source URLs must be http\(s\)/, '"javascript:alert(1)"'],
      ['a bad id', variant((d) => (d.actors[0].id = 'Qin Gang')), 'd.json', /actors\[0\]\.id: ids are lower-case/, '"Qin Gang"'],
    ];
    for (const [what, text, file, message, at] of cases) {
      it(what, () => {
        const result = parseDatasetText(text, file);
        assert.equal(result.dataset, undefined);
        const problem = result.problems.find((candidate) => message.test(candidate.message));
        assert.ok(problem, `expected ${message} in ${JSON.stringify(result.problems.map((p) => p.message))}`);
        assert.equal(problem.file, file);
        assert.deepEqual(problem.range.start, positionOf(text, at));
      });
    }
  });

  describe('consistency rules across entries and files', () => {
    const cases: Array<[string, string, RegExp, string, number?]> = [
      ['an unknown post id', variant((d) => (d.actors[0].tenures[0].role = 'cn.foreign_ministr')), /unknown post id "cn.foreign_ministr" \(did you mean "cn.foreign_minister"\?\)/, '"cn.foreign_ministr"'],
      ['a dangling channel endpoint', variant((d) => (d.channels[0].endpoints[1] = 'wang_yii')), /channels\[0\]\.endpoints\[1\]: unknown actor id "wang_yii"/, '"wang_yii"'],
      ['an endpoint listed twice', variant((d) => (d.channels[0].endpoints = ['qin_gang', 'qin_gang'])), /actor "qin_gang" is listed twice/, '"qin_gang"', 2],
      ['a start after the end', variant((d) => (d.actors[0].tenures[0].end = '2022-01-01')), /ends \(2022-01-01\) before it starts \(2022-12-30\)/, '"2022-01-01"'],
      ['a channel ending before it starts', variant((d) => (d.channels[0].end = '2022')), /channels\[0\]\.end: ends \(2022\) before it starts \(2023\)/, '"2022"'],
      ['a duplicate actor id', variant((d) => (d.actors[1].id = 'qin_gang')), /duplicate actor id "qin_gang" \(first used at actors\[0\]\)/, '"qin_gang"', 1],
      ['a duplicate post id', variant((d) => (d.roles[1].id = 'cn.foreign_minister')), /duplicate post id "cn.foreign_minister"/, '"cn.foreign_minister"', 1],
      ['an unknown source id', variant((d) => (d.actors[1].tenures[0].sources = ['srcx'])), /unknown source id "srcx"/, '"srcx"'],
      [
        'two holders of a one-holder post at once',
        variant((d) => (d.actors[1].tenures[0].start = '2023-03-01')),
        /actors\[1\]\.tenures\[0\]: overlaps the tenure of "qin_gang" in "foreign minister", a post with one holder at a time/,
        '{\n          "role": "cn.foreign_minister",\n          "start": "2023-03-01"',
      ],
    ];
    for (const [what, text, message, at, occurrence] of cases) {
      it(what, () => {
        const { problems } = loadKnowledge([{ file: 'user.json', text }]);
        const problem = problems.find((candidate) => message.test(candidate.message));
        assert.ok(problem, `expected ${message} in ${JSON.stringify(problems.map((p) => p.message))}`);
        assert.equal(problem.file, 'user.json');
        assert.deepEqual(problem.range.start, positionOf(text, at, occurrence ?? 0));
      });
    }

    it('allows overlapping tenures when one is acting, or the post has several holders', () => {
      const acting = variant((d) => {
        d.actors[1].tenures[0].start = '2023-03-01';
        d.actors[1].tenures[0].acting = true;
      });
      assert.deepEqual(loadKnowledge([{ file: 'a.json', text: acting }]).problems, []);
      const shared = variant((d) => {
        d.actors[0].tenures.push({ role: 'cn.vice_premier', start: '2020' });
        d.actors[1].tenures.push({ role: 'cn.vice_premier', start: '2021' });
      });
      assert.deepEqual(loadKnowledge([{ file: 'b.json', text: shared }]).problems, []);
    });

    it('does not call imprecise handovers overlaps ("2023-03" then "2023-03-12")', () => {
      const text = variant((d) => {
        d.actors[0].tenures[0] = { role: 'cn.foreign_minister', start: '2018-03', end: '2023-03' };
        d.actors[1].tenures[0] = { role: 'cn.foreign_minister', start: '2023-03-12' };
      });
      assert.deepEqual(loadKnowledge([{ file: 'c.json', text }]).problems, []);
    });

    it('resolves references into earlier files and keeps loading when one file is broken', () => {
      const user = json({ name: 'User', actors: [{ id: 'new_person', name: 'New Person', tenures: [{ role: 'cn.vice_premier', start: '2030-01-01' }] }] });
      const knowledge = loadKnowledge([
        { file: 'base.json', text: json(base) },
        { file: 'broken.json', text: '{ "name": ' },
        { file: 'user.json', text: user },
      ]);
      assert.deepEqual([...new Set(knowledge.problems.map((problem) => problem.file))], ['broken.json']);
      assert.ok(knowledge.kb.actor('new_person'));
      assert.ok(knowledge.kb.actor('qin_gang'));
    });

    it('lets a later file replace an entry by id', () => {
      const user = json({ name: 'User', actors: [{ id: 'qin_gang', name: 'Qin Gang', summary: 'Replaced' }] });
      const knowledge = loadKnowledge([
        { file: 'base.json', text: json(base) },
        { file: 'user.json', text: user },
      ]);
      assert.equal(knowledge.kb.actor('qin_gang')?.summary, 'Replaced');
      assert.equal(knowledge.kb.actor('qin_gang')?.tenures.length, 0);
    });
  });
});

describe('the dataset example in the README', () => {
  it('is valid against the built-in data', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const example = /```yaml\n(name: Our desk[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has no YAML dataset example');
    const knowledge = loadKnowledge([
      { file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') },
      { file: 'README example.yaml', text: example },
    ]);
    assert.deepEqual(knowledge.problems, []);
    assert.ok(knowledge.kb.actor('mara_lindqvist'));
  });
});
