/**
 * Claims with every shipped pack loaded (US Congress, UK ministers) beside the built-in data: the
 * posts the packs add are judged, and the many people they add do not make common names,
 * crowded surnames or words that are also names speak.
 */
import * as assert from 'node:assert/strict';
import { checkMemo } from '../../src/core/memoCheck';
import { partialDate } from '../../src/core/dates';
import { knowledgeWithShippedPacks } from '../support/repo';

// [line, memo date, codes expected, a pattern the first message must match]
const cases: Array<[string, string, string[], RegExp?]> = [
  // The issue's own examples, as of 2026-03-01.
  ['Representative Maria Cantwell spoke.', '2026-03-01', ['stale-role']],
  ['Senator Maria Cantwell spoke.', '2026-03-01', []],
  ['Foreign Secretary David Lammy spoke.', '2026-03-01', ['stale-role'], /Yvette Cooper/],
  ['Home Secretary James Cleverly spoke.', '2026-03-01', ['stale-role']],
  ['Foreign Secretary Yvette Cooper spoke.', '2026-03-01', []],
  ['Prime Minister Boris Johnson spoke.', '2026-03-01', ['stale-role'], /Keir Starmer/],
  ['Prime Minister Boris Johnson spoke.', '2021-03-01', []],
  ['Speaker Pelosi spoke.', '2026-03-01', ['stale-role'], /Mike Johnson/],
  ['Speaker Pelosi spoke.', '2021-03-01', []],
  // A senator recorded in the built-in data only as "senator" holds one of the seats the packs name.
  ['Sen. Marco Rubio, R-Fla., spoke.', '2024-03-01', []],
  ['Sen. Marco Rubio, R-Fla., spoke.', '2026-03-01', ['stale-role']],
  ['Rep. Mike Waltz spoke.', '2023-11-16', []],
  // Precision at scale: common names, crowded surnames, names that are words.
  ['Mark Green spoke.', '2026-03-01', []],
  ['John Lewis, the congressman, spoke.', '2026-03-01', []],
  ['Senator Scott spoke.', '2026-03-01', []],
  ['Rep. Johnson spoke.', '2026-03-01', []],
  ['Senator Young spoke about young voters and a Rice bowl.', '2026-03-01', []],
  ['The Chancellor spoke.', '2026-03-01', []],
];

describe('claims with every shipped pack loaded', () => {
  const { kb, problems } = knowledgeWithShippedPacks();

  it('loads the packs beside the built-in data without a problem', () => {
    assert.deepEqual(problems, []);
    assert.ok(kb.actorCount > 1500, `${kb.actorCount} actors`);
  });

  for (const [line, date, expected, pattern] of cases) {
    it(`${expected.join(', ') || 'quiet'} @ ${date}: ${line}`, () => {
      const findings = checkMemo(kb, line, { date: partialDate(date) }).filter((finding) => finding.code !== 'data-horizon');
      assert.deepEqual(
        findings.map((finding) => finding.code),
        expected,
        findings.map((finding) => finding.message).join(' | '),
      );
      if (pattern) assert.match(findings[0]!.message, pattern);
    });
  }
});
