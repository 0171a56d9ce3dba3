import * as assert from 'node:assert/strict';
import { partialDate } from '../../src/core/dates';
import { setAsOfEdit } from '../../src/core/frontMatterEdit';

function apply(text: string, date: string): string {
  const result = setAsOfEdit(text, partialDate(date));
  assert.ok(result.ok, result.ok ? '' : result.reason);
  const { edit } = result;
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('setting the memo date in front matter', () => {
  const cases: Array<[string, string, string, string]> = [
    ['adds front matter to a memo without it', '# Memo\n', '2025-10-23', '---\nas_of: 2025-10-23\n---\n\n# Memo\n'],
    ['keeps CRLF line ends', '# Memo\r\n', '2025', '---\r\nas_of: 2025\r\n---\r\n\r\n# Memo\r\n'],
    ['adds as_of to front matter without it', '---\ntitle: x\n---\nText', '2024-01', '---\ntitle: x\nas_of: 2024-01\n---\nText'],
    ['replaces an existing as_of value', '---\ntitle: x\nas_of: 2023-03-01\n---\n', '2025-10-23', '---\ntitle: x\nas_of: 2025-10-23\n---\n'],
    ['replaces a quoted value', '---\nas-of: "2023"\n---\n', '2024', '---\nas-of: 2024\n---\n'],
    ['replaces asOf', '---\nasOf: 2020-02-02 # note\n---\n', '2021', '---\nasOf: 2021 # note\n---\n'],
    ['fills an empty as_of', '---\nas_of:\n---\n', '2022-02-02', '---\nas_of: 2022-02-02\n---\n'],
    ['replaces an explicit null', '---\nas_of: ~\n---\n', '2022', '---\nas_of: 2022\n---\n'],
    ['leaves date alone and adds as_of', '---\ndate: 2019-01-01\n---\n', '2025', '---\ndate: 2019-01-01\nas_of: 2025\n---\n'],
    ['keeps a byte-order mark first', '\uFEFF# Memo', '2025', '\uFEFF---\nas_of: 2025\n---\n\n# Memo'],
    ['fills empty front matter', '---\n---\nText', '2025', '---\nas_of: 2025\n---\nText'],
    ['writes a year 0-99 with its zeros', '---\nas_of: 2020\n---\n', '0090', '---\nas_of: 0090\n---\n'],
  ];
  for (const [what, before, date, after] of cases) {
    it(what, () => assert.equal(apply(before, date), after));
  }

  describe('refuses front matter it cannot edit safely, and says why (issue 11)', () => {
    const refused: Array<[string, string, RegExp]> = [
      ['as_of holding a list', '---\nas_of: [2023, 2024]\n---\nText', /"as_of" holds a list, not a date/],
      ['as_of holding a block list', '---\nas_of:\n  - 2023\n---\nText', /"as_of" holds a list, not a date/],
      ['as_of holding a mapping', '---\nas_of: {year: 2023}\n---\nText', /"as_of" holds a mapping/],
      ['as_of as a block of text', '---\nas_of: |\n  2023\n---\nText', /block of text/],
      ['front matter that is a list', '---\n- a\n- b\n---\nText', /the front matter is a list/],
      ['front matter that is prose', '---\nJust some words here\n---\nText', /the front matter is a single value/],
      ['front matter in flow style', '---\n{title: x}\n---\nText', /flow style/],
      ['invalid YAML', '---\ntitle: [unclosed\n---\nText', /not valid YAML \(line \d+: /],
      ['an indented root mapping', '---\n  title: x\n---\nText', /cannot edit safely/],
    ];
    for (const [what, text, reason] of refused) {
      it(what, () => {
        const result = setAsOfEdit(text, partialDate('2021-04-05'));
        assert.equal(result.ok, false);
        if (!result.ok) {
          assert.match(result.reason, reason);
          assert.match(result.reason, /Nothing was changed/);
        }
      });
    }
  });
});
