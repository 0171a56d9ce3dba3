import * as assert from 'node:assert/strict';
import { checkMemo } from '../../src/core/memoCheck';
import { dayRange, daysInMonth, parsePartialDate, partialDate } from '../../src/core/dates';
import { isDisabled, proseView } from '../../src/core/markdownRegions';
import { LineIndex } from '../../src/core/text';
import { builtinKnowledge } from '../support/repo';

const DAY = 86_400_000;

describe('odd input, right answers (issue 11)', () => {
  describe('years 0-99 are real years, not 1900-1999', () => {
    const cases: Array<[string, number, number]> = [
      // [date, first day as milliseconds since 1970, last day]
      ['0090', Date.parse('0090-01-01T00:00:00Z'), Date.parse('0090-12-31T00:00:00Z')],
      ['0000-02', Date.parse('0000-02-01T00:00:00Z'), Date.parse('0000-02-29T00:00:00Z')],
      ['0099-12-31', Date.parse('0099-12-31T00:00:00Z'), Date.parse('0099-12-31T00:00:00Z')],
      ['1990', Date.parse('1990-01-01T00:00:00Z'), Date.parse('1990-12-31T00:00:00Z')],
    ];
    for (const [text, first, last] of cases) {
      it(text, () => {
        assert.deepEqual(dayRange(partialDate(text)), { first: first / DAY, last: last / DAY });
      });
    }
    it('knows year 0 was a leap year and 1900 was not', () => {
      assert.equal(daysInMonth(0, 2), 29);
      assert.equal(daysInMonth(1900, 2), 28);
      assert.equal(parsePartialDate('0004-02-29').ok, true);
    });
    it('does not make Branstad governor of Iowa in the year 90', () => {
      const { kb } = builtinKnowledge();
      const iowa = [...kb.data.roles.values()].find((role) => /governor of iowa/i.test(role.title));
      assert.ok(iowa, 'the built-in data has the governor of Iowa');
      assert.deepEqual(kb.holdersOn(iowa.id, partialDate('0090')).filter((holder) => holder.holds !== false), []);
    });
  });

  describe('line breaks: a lone CR ends a line, as in VS Code', () => {
    const cases: Array<[string, string, number, { line: number; character: number }]> = [
      ['LF', 'a\nbb\nccc', 6, { line: 2, character: 1 }],
      ['CRLF', 'a\r\nbb\r\nccc', 8, { line: 2, character: 1 }],
      ['lone CR', 'a\rbb\rccc', 6, { line: 2, character: 1 }],
      ['mixed', 'a\rbb\r\nc\nd', 8, { line: 3, character: 0 }],
    ];
    for (const [what, text, offset, position] of cases) {
      it(what, () => {
        const lines = new LineIndex(text);
        assert.deepEqual(lines.positionAt(offset), position);
        assert.equal(lines.offsetAt(position), offset);
        assert.equal(lines.lineCount, 3 + (what === 'mixed' ? 1 : 0));
      });
    }
    it('puts a claim in a lone-CR memo on the line the editor shows', () => {
      const text = 'Title\rIntro.\rQin Gang, foreign minister, spoke.';
      const [finding] = checkMemo(builtinKnowledge().kb, text, { date: partialDate('2025-10-23') });
      assert.ok(finding);
      assert.deepEqual(new LineIndex(text).positionAt(finding.start).line, 2);
    });
    it('ends a line before its CR LF or lone CR', () => {
      const lines = new LineIndex('ab\r\ncd\ref');
      assert.deepEqual([lines.lineEnd(0), lines.lineEnd(1), lines.lineEnd(2)], [2, 6, 9]);
    });
  });

  describe('HTML comments as CommonMark reads them', () => {
    const date = partialDate('2025-10-23');
    const claim = 'Qin Gang, foreign minister, spoke.';
    const cases: Array<[string, string, boolean]> = [
      // [what, memo, is the claim reported?]
      ['an unclosed inline comment is literal text', `Note <!-- draft\n\n${claim}`, true],
      ['an unclosed inline comment in the same paragraph', `Note <!-- draft ${claim}`, true],
      ['an inline comment closed within the paragraph hides its text', `Note <!-- ${claim} --> end.`, false],
      ['an inline comment cannot close in the next paragraph', `Note <!-- draft\n\n${claim} -->`, true],
      ['an unclosed comment that starts a line is an HTML block to the end', `Intro.\n\n<!-- draft\n\n${claim}`, false],
      ['an HTML block closes on the line holding -->', `<!-- draft\nmore -->\n\n${claim}`, true],
      ['a directive after an unclosed opener on its line still applies', `${claim} <!-- draft <!-- interlocutor-disable-line -->`, false],
    ];
    for (const [what, text, reported] of cases) {
      it(what, () => {
        const findings = checkMemo(builtinKnowledge().kb, text, { date });
        assert.equal(findings.length > 0, reported, JSON.stringify(findings.map((finding) => finding.message)));
      });
    }
  });

  describe('many control comments', () => {
    it('switches off exactly the lines they name, with 20,000 on one line', () => {
      const comments = '<!-- interlocutor-disable-line stale-role --> '.repeat(20_000);
      const text = `First line ${comments}\nSecond line.\n<!-- interlocutor-disable-next-line -->\nThird line.\nFourth line.`;
      const { disabled } = proseView(text);
      const at = (needle: string) => text.indexOf(needle);
      assert.equal(isDisabled(disabled, at('First'), 'stale-role'), true);
      assert.equal(isDisabled(disabled, at('First'), 'never-held-role'), false);
      assert.equal(isDisabled(disabled, at('Second'), 'stale-role'), false);
      assert.equal(isDisabled(disabled, at('Third'), 'still-in-role'), true);
      assert.equal(isDisabled(disabled, at('Fourth'), 'stale-role'), false);
    });
    it('answers the same through the index as by a scan', () => {
      const text = Array.from({ length: 200 }, (_, line) =>
        line % 7 === 0 ? '<!-- interlocutor-disable -->' : line % 7 === 3 ? '<!-- interlocutor-enable -->' : `Line ${line} <!-- interlocutor-disable-line ${line % 2 ? 'stale-role' : ''} --> <!-- interlocutor-disable-next-line still-in-role -->`,
      ).join('\n');
      const { disabled } = proseView(text);
      assert.ok(disabled.length >= 16, 'enough ranges to use the index');
      for (let offset = 0; offset < text.length; offset += 13) {
        for (const code of ['stale-role', 'still-in-role', 'never-held-role']) {
          const scanned = disabled.some((range) => range.start <= offset && offset <= range.end && (!range.codes || range.codes.has(code)));
          assert.equal(isDisabled(disabled, offset, code), scanned, `offset ${offset}, ${code}`);
        }
      }
    });
  });

  it('keeps inline code within its paragraph across many unmatched backtick runs', () => {
    const text = '`a ``b\n\nQin Gang, foreign minister, spoke. ``` `c`';
    const { prose } = proseView(text);
    assert.ok(prose.includes('Qin Gang, foreign minister'));
    assert.ok(!prose.includes('`c`'));
  });
});
