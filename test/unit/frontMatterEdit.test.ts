import * as assert from 'node:assert/strict';
import { partialDate } from '../../src/core/dates';
import { setAsOfEdit } from '../../src/core/frontMatterEdit';

function apply(text: string, date: string): string {
  const edit = setAsOfEdit(text, partialDate(date));
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
    ['leaves date alone and adds as_of', '---\ndate: 2019-01-01\n---\n', '2025', '---\ndate: 2019-01-01\nas_of: 2025\n---\n'],
    ['keeps a byte-order mark first', '\uFEFF# Memo', '2025', '\uFEFF---\nas_of: 2025\n---\n\n# Memo'],
  ];
  for (const [what, before, date, after] of cases) {
    it(what, () => assert.equal(apply(before, date), after));
  }
});
