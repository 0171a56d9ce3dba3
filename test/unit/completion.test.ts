import * as assert from 'node:assert/strict';
import { CompletionIndex, completionIndexFor, prefixDistance, typedBeforeCursor } from '../../src/core/completion';
import { partialDate } from '../../src/core/dates';
import { builtinKnowledge, knowledgeWithSynthetic } from '../support/repo';

describe('completion candidates', () => {
  const { kb } = builtinKnowledge();
  const index = new CompletionIndex(kb);
  const names = (typed: string, date: string) => index.complete(typed, partialDate(date)).map((candidate) => candidate.name);

  // [typed, date, the name expected first]
  const first: Array<[string, string, string]> = [
    ['He Li', '2025-10-23', 'He Lifeng'],
    ['qin', '2025-10-23', 'Qin Gang'],
    ['Qin Gnag', '2025-10-23', 'Qin Gang'],
    ['Lighthizr', '2019-06-01', 'Robert Lighthizer'],
    ['foreign min', '2025-10-23', 'Wang Yi'],
    ['foreign min', '2023-03-01', 'Qin Gang'],
    ['treasury sec', '2025-10-23', 'Scott Bessent'],
    ['treasury sec', '2022-06-01', 'Janet Yellen'],
    ['US trade rep', '2019-06-01', 'Robert Lighthizer'],
    ['Mr Bess', '2025-10-23', 'Scott Bessent'],
    ['Lifeng', '2025-10-23', 'He Lifeng'],
  ];
  for (const [typed, date, expected] of first) {
    it(`"${typed}" on ${date} offers ${expected} first`, () => assert.equal(names(typed, date)[0], expected));
  }

  it('offers nothing for blank input', () => assert.deepEqual(index.complete('   ', partialDate('2025-10-23')), []));

  it('is built once per knowledge base and shared', () => assert.equal(completionIndexFor(kb), completionIndexFor(kb)));

  it('ranks an exact prefix of a name above a fuzzy hit', () => {
    const results = index.complete('Wang', partialDate('2025-10-23'));
    assert.ok(results.slice(0, 5).every((candidate) => candidate.how === 'prefix'), JSON.stringify(results.slice(0, 5)));
  });

  it('gives each actor their post on the date and "Name, post" to insert', () => {
    const [he] = index.complete('He Lifeng', partialDate('2025-10-23'));
    assert.equal(he?.nameWithPost, "He Lifeng, China's vice-premier");
    const [bessent] = index.complete('Scott Bessent', partialDate('2025-10-23'));
    assert.equal(bessent?.nameWithPost, 'Scott Bessent, the US treasury secretary');
    const [qin] = index.complete('Qin Gang', partialDate('2025-10-23'));
    assert.equal(qin?.nameWithPost, undefined);
    const [qin2023] = index.complete('Qin Gang', partialDate('2023-03-01'));
    assert.equal(qin2023?.nameWithPost, "Qin Gang, China's foreign minister");
  });

  it('offers nothing for nothing', () => {
    assert.deepEqual(index.complete('   ', partialDate('2025-10-23')), []);
    assert.deepEqual(names('zzzzqqq', '2025-10-23'), []);
  });
});

describe('completion at scale: the shortcuts give what ranking every candidate gives', () => {
  // 3,000 synthetic people: posts with hundreds of holders, and word starts shared by thousands of names.
  const { kb } = knowledgeWithSynthetic(3000);
  const index = new CompletionIndex(kb);
  const date = partialDate('2010-06-01');

  it('a post with more holders than can be shown offers the first of them by name', () => {
    const holdersOf = (roleId: string) => kb.holdersOn(roleId, date).filter((holder) => holder.holds === true);
    const role = [...kb.data.roles.values()].filter((candidate) => candidate.id.startsWith('syn.us.')).sort((a, b) => holdersOf(b.id).length - holdersOf(a.id).length)[0]!;
    const holders = holdersOf(role.id);
    assert.ok(holders.length > 10, `the post has many holders (${holders.length})`);
    const offered = index.complete(role.title, date, 10);
    assert.ok(offered.every((candidate) => candidate.how === 'post'));
    const expected = [...new Set(holders.map((holder) => holder.actor.name))].sort((a, b) => a.localeCompare(b)).slice(0, 10);
    assert.deepEqual([...new Set(offered.map((candidate) => candidate.name))], expected);
  });

  // Typos (two letters swapped in the given name) of names that share their word starts with
  // thousands of others: the name meant is still among the first offered.
  const crowded = ['Wang ', 'Zhang ', 'Smith'].map((part) => [...kb.actors()].find((actor) => actor.name.includes(part) && actor.id.startsWith('syn.'))!.name);
  for (const name of crowded) {
    const [first, second] = name.split(' ') as [string, string];
    const given = name.startsWith('Wang') || name.startsWith('Zhang') ? second : first;
    const typo = name.replace(given, `${given[0]}${given[2]}${given[1]}${given.slice(3)}`);
    it(`"${typo}" offers ${name} among the first five`, () => {
      const offered = index.complete(typo, date).slice(0, 5);
      assert.ok(offered.some((candidate) => candidate.name === name), JSON.stringify(offered.map((candidate) => candidate.name)));
    });
  }
});

describe('the typo distance from what was typed to the start of a name or of one of its words', () => {
  // [typed, name key, bound, distance]: one past the bound means "too far".
  const rows: Array<[string, string, number, number]> = [
    ['qin', 'qin gang', 1, 0],
    ['qni', 'qin gang', 1, 1], // two letters swapped
    ['qn', 'qin gang', 1, 1], // a letter left out: "qin" with one insertion
    ['gnag', 'qin gang', 1, 1], // the start of the second word
    ['lighthizr', 'robert lighthizer', 2, 1],
    ['xyz', 'qin gang', 2, 3], // no letter in common: past the bound at once
    ['zhang wie', 'zhang wei', 2, 1],
    ['zhagn', 'zhang wei', 1, 1],
    ['wnag', 'zhang wei', 1, 2],
  ];
  for (const [typed, key, bound, distance] of rows) {
    it(`"${typed}" to "${key}" (bound ${bound}): ${distance > bound ? 'too far' : distance}`, () => assert.equal(prefixDistance(typed, key, bound), Math.min(distance, bound + 1)));
  }
});

describe('the words typed before the cursor', () => {
  const longWord = 'x'.repeat(40_000);
  // [line before the cursor, what completion reads]
  const cases: Array<[string, string | undefined]> = [
    ['Talks with foreign min', 'Talks with foreign min'],
    ['We met, then He Li', 'then He Li'],
    ['1234', undefined],
    [`see ${longWord}`, undefined],
    [`${longWord} Qin Ga`, 'Qin Ga'],
    [`${'word '.repeat(100)}Wang`, 'word word word Wang'],
  ];
  for (const [line, expected] of cases) {
    it(`${line.length > 40 ? `${line.slice(0, 12)}…${line.slice(-12)} (${line.length} characters)` : line}`, () => {
      assert.equal(typedBeforeCursor(line), expected);
    });
  }
});
