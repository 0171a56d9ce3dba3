import * as assert from 'node:assert/strict';
import { formatPartialDate, partialDate } from '../../src/core/dates';
import { describeMemoDate, findFrontMatter, memoDate } from '../../src/core/memoDate';
import { positionOf } from '../support/repo';

const today = partialDate('2026-11-25');

describe("the memo's as-of date", () => {
  // [what, memo text, setting, expected date, expected description]
  const cases: Array<[string, string, string | undefined, string, string]> = [
    ['as_of in front matter', '---\nas_of: 2025-10-23\n---\nText', undefined, '2025-10-23', '2025-10-23 (front matter as_of)'],
    ['as-of', '---\nas-of: 2023-03\n---\n', undefined, '2023-03', '2023-03 (front matter as-of)'],
    ['asOf', '---\nasOf: "2019"\n---\n', undefined, '2019', '2019 (front matter asOf)'],
    ['a bare year number', '---\nas_of: 2019\n---\n', undefined, '2019', '2019 (front matter as_of)'],
    ['a year 0-99 written with its zeros (YAML reads 0090 as the number 90)', '---\nas_of: 0090\n---\n', undefined, '0090', '0090 (front matter as_of)'],
    ['date, when no as_of key', '---\ntitle: x\ndate: 2024-05-06\n---\n', undefined, '2024-05-06', '2024-05-06 (front matter date)'],
    ['as_of wins over date', '---\ndate: 2024-05-06\nas_of: 2023-01-01\n---\n', undefined, '2023-01-01', '2023-01-01 (front matter as_of)'],
    ['front matter wins over the setting', '---\nas_of: 2023-01-01\n---\n', '2020', '2023-01-01', '2023-01-01 (front matter as_of)'],
    ['the setting without front matter', '# Memo', '2020-02', '2020-02', '2020-02 (setting interlocutor.asOf)'],
    ['today without either', '# Memo', undefined, '2026-11-25', '2026-11-25 (today)'],
    ['today when the setting is blank', '# Memo', '  ', '2026-11-25', '2026-11-25 (today)'],
    ['a BOM and CRLF line ends', '\uFEFF---\r\nas_of: 2025-10-23\r\n---\r\nText', undefined, '2025-10-23', '2025-10-23 (front matter as_of)'],
    ['"..." closes front matter', '---\nas_of: 2022-02-02\n...\nText', undefined, '2022-02-02', '2022-02-02 (front matter as_of)'],
    ['a thematic break later is not front matter', 'Text\n---\nas_of: 2022-02-02\n---\n', undefined, '2026-11-25', '2026-11-25 (today)'],
  ];
  for (const [what, text, setting, expected, description] of cases) {
    it(what, () => {
      const result = memoDate(text, { setting, today });
      assert.equal(formatPartialDate(result.date), expected);
      assert.equal(describeMemoDate(result), description);
      assert.equal(result.problem, undefined);
    });
  }

  it('reports an impossible date where it is written and falls back to the next source', () => {
    const text = '---\ntitle: x\nas_of: 2023-02-30\n---\n';
    const result = memoDate(text, { setting: '2021', today });
    assert.equal(describeMemoDate(result), '2021 (setting interlocutor.asOf)');
    assert.match(result.problem?.message ?? '', /front matter "as_of": "2023-02-30" is not a real date/);
    assert.deepEqual(result.problem?.range?.start, positionOf(text, '2023-02-30'));
  });

  it('reports a bad setting and falls back to today', () => {
    const result = memoDate('Text', { setting: 'last year', today });
    assert.equal(describeMemoDate(result), '2026-11-25 (today)');
    assert.match(result.problem?.message ?? '', /interlocutor\.asOf setting "last year" is not a date/);
  });

  it('reports front matter that is not YAML', () => {
    const result = memoDate('---\nas_of: [unclosed\n---\n', { today });
    assert.equal(result.source, 'today');
    assert.match(result.problem?.message ?? '', /front matter is not valid YAML/);
  });

  it('finds the front-matter block and only at the start of the memo', () => {
    assert.deepEqual(findFrontMatter('---\na: 1\n---\nbody'), { start: 0, end: 13, contentStart: 4, contentEnd: 9 });
    assert.equal(findFrontMatter('body\n---\na: 1\n---\n'), undefined);
    assert.equal(findFrontMatter('---\nnever closed'), undefined);
  });
});

describe('the memo date from a dateline at the top', () => {
  const today = partialDate('2026-11-25');
  const cases: Array<[string, string, string]> = [
    ['an ISO date on its own line', '# Memo\n2025-10-23\n\nText', '2025-10-23 (dateline)'],
    ['a labelled date', 'Date: 23 October 2025\n\nText', '2025-10-23 (dateline)'],
    ['an American date in emphasis', '# Memo\n*October 23rd, 2025*\n\nText', '2025-10-23 (dateline)'],
    ['a date wrapped in HTML', '<span style="color:#808080">October 23rd 2025</span>\n\nText', '2025-10-23 (dateline)'],
    ['a date inside a sentence is not a dateline', 'On 23 October 2025 we met.\n', '2026-11-25 (today)'],
    ['a dateline far below the top is not used', `${'line\n'.repeat(20)}2025-10-23\n`, '2026-11-25 (today)'],
  ];
  for (const [what, text, expected] of cases) {
    it(what, () => assert.equal(describeMemoDate(memoDate(text, { today })), expected));
  }

  it('comes after front matter and the setting', () => {
    assert.equal(describeMemoDate(memoDate('---\nas_of: 2020-01-01\n---\n2025-10-23\n', { today })), '2020-01-01 (front matter as_of)');
    assert.equal(describeMemoDate(memoDate('2025-10-23\n', { today, setting: '2021' })), '2021 (setting interlocutor.asOf)');
  });
});
