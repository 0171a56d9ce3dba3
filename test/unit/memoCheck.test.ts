import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/claimChecker';
import { partialDate } from '../../src/core/dates';
import { checkMemo, MemoChecker } from '../../src/core/memoCheck';
import { builtinKnowledge } from '../support/repo';

/**
 * Re-checking a memo after an edit judges only the paragraphs the edit touched, and what it reuses
 * is exactly what a fresh check would find. Each row: a memo, one edit, which paragraphs must be
 * judged again (by index in the edited memo), and the findings the edited memo must have. The
 * findings are compared with a fresh check too, so a row cannot pass by reusing a stale answer.
 */
const { kb } = builtinKnowledge();
const date = partialDate('2025-10-23');

const QUIET = 'Trade talks resumed in Geneva on Tuesday.';
const QIN = 'Qin Gang, foreign minister, spoke.';

interface Row {
  readonly name: string;
  readonly paragraphs: readonly string[];
  /** Replaces `find` (its first occurrence) with `replace`. */
  readonly find: string;
  readonly replace: string;
  /** Paragraphs of the edited memo judged again; the rest are reused. */
  readonly judged: readonly number[];
  /** What the findings of the edited memo say, as "code actorId". */
  readonly findings: readonly string[];
}

const ROWS: readonly Row[] = [
  {
    name: 'a word typed into one paragraph: only that paragraph',
    paragraphs: [QUIET, QIN, QUIET, QIN],
    find: 'in Geneva',
    replace: 'in Geneva again',
    judged: [0],
    findings: ['stale-role qin_gang', 'stale-role qin_gang'],
  },
  {
    name: 'a stale claim typed into the middle: it is found, its neighbours reused',
    paragraphs: [QIN, QUIET, QUIET],
    find: 'resumed in Geneva',
    replace: 'resumed when Qin Gang, foreign minister, arrived in Geneva',
    judged: [1],
    findings: ['stale-role qin_gang', 'stale-role qin_gang'],
  },
  {
    name: 'the claim deleted: its finding goes, the paragraphs after it only move',
    paragraphs: [QUIET, QIN, QUIET, QIN],
    find: 'Qin Gang, foreign minister, spoke.',
    replace: 'He spoke.',
    judged: [1],
    findings: ['stale-role qin_gang'],
  },
  {
    name: 'a blank line splits a paragraph: both halves judged',
    paragraphs: [`${QUIET} ${QIN}`, QUIET],
    find: ` ${QIN}`,
    replace: `\n\n${QIN}`,
    judged: [0, 1],
    findings: ['stale-role qin_gang'],
  },
  {
    name: 'a surname whose full name is removed from an earlier paragraph: judged again',
    paragraphs: ['Lloyd Austin met his counterpart.', QUIET, 'Austin, the defense secretary, spoke.'],
    find: 'Lloyd Austin',
    replace: 'The minister',
    judged: [0, 2],
    findings: [],
  },
  {
    name: 'a surname whose full name is added to an earlier paragraph: judged again',
    paragraphs: ['The minister met his counterpart.', QUIET, 'Austin, the defense secretary, spoke.'],
    find: 'The minister',
    replace: 'Lloyd Austin',
    judged: [0, 2],
    findings: ['stale-role lloyd_austin'],
  },
  {
    name: 'an edit that leaves the surname pointing at the same person: the reference is reused',
    paragraphs: ['Lloyd Austin met his counterpart.', QUIET, 'Austin, the defense secretary, spoke.'],
    find: 'met his counterpart',
    replace: 'met his Chinese counterpart',
    judged: [0],
    findings: ['stale-role lloyd_austin'],
  },
  {
    // Everything after an unclosed fence is code: blank in the prose view, so the memo is one
    // blank paragraph and the last line.
    name: 'a code fence opened earlier: the paragraphs after it are no longer prose',
    paragraphs: [QUIET, QIN, QIN],
    find: QUIET,
    replace: '```',
    judged: [0, 1],
    findings: [],
  },
  {
    name: 'a switch-off comment added before a claim: its paragraph is reused, the finding dropped',
    paragraphs: [QUIET, QIN],
    find: QUIET,
    replace: '<!-- interlocutor-disable -->',
    judged: [0],
    findings: [],
  },
];

function summary(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.code} ${finding.actorId ?? ''}`.trim());
}

describe('re-checking a memo after an edit (MemoChecker)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const before = row.paragraphs.join('\n\n');
      assert.ok(before.includes(row.find), `the memo holds "${row.find}"`);
      const after = before.replace(row.find, row.replace);
      const checker = new MemoChecker();
      checker.check(kb, before, { date });
      const run = checker.begin(kb, after, { date });
      const judged: number[] = [];
      for (let index = 0, done = false; !done; index++) {
        const judgedBefore = run.stats.judged;
        done = run.step();
        if (run.stats.judged > judgedBefore) judged.push(index);
      }
      assert.deepEqual(judged, row.judged, 'paragraphs judged again');
      assert.deepEqual(summary(run.findings), row.findings);
      assert.deepEqual(run.findings, checkMemo(kb, after, { date }), 'the same findings as a fresh check');
    });
  }

  it('two edits far apart before a re-check: every paragraph whose text is unchanged is reused, wherever it moved', () => {
    const memo = [QIN, QUIET, `${QUIET} More.`, QIN, `${QUIET} Again.`].join('\n\n');
    const checker = new MemoChecker();
    checker.check(kb, memo, { date });
    const edited = memo.replace(QIN, `${QIN} Then.`).replace('More.', `More.\n\n${QIN}`);
    const run = checker.begin(kb, edited, { date });
    while (!run.step());
    // The new Qin Gang paragraph has the text of the old first one, which the first edit changed.
    assert.deepEqual(run.stats, { paragraphs: 6, judged: 1, reused: 5 }, 'only the edited first paragraph is judged');
    assert.deepEqual(run.findings, checkMemo(kb, edited, { date }));
  });

  it('a date change judges every paragraph again', () => {
    const memo = [QIN, QUIET, QIN].join('\n\n');
    const checker = new MemoChecker();
    checker.check(kb, memo, { date });
    const run = checker.begin(kb, memo, { date: partialDate('2023-03-01') });
    while (!run.step());
    assert.equal(run.stats.judged, 3);
    assert.deepEqual(summary(run.findings), [], 'Qin Gang was foreign minister in March 2023');
  });

  it('the same memo again reuses every paragraph, and the data-horizon notice still counts them all', () => {
    const memo = [`Wang Yi, foreign minister, spoke.`, QUIET, `Wang Yi, foreign minister, replied.`].join('\n\n');
    const later = { date: partialDate('2030-01-01') };
    const checker = new MemoChecker();
    const first = checker.check(kb, memo, later);
    const run = checker.begin(kb, memo, later);
    while (!run.step());
    assert.equal(run.stats.judged, 0);
    assert.deepEqual(run.findings, first);
    assert.equal(run.findings[0]?.code, 'data-horizon');
    assert.equal(run.findings[0]?.related?.length, 2);
  });

  it('a run that is dropped before it completes leaves the last completed check to reuse', () => {
    const memo = [QIN, QUIET, QIN].join('\n\n');
    const checker = new MemoChecker();
    checker.check(kb, memo, { date });
    const abandoned = checker.begin(kb, `${QUIET}\n\n${memo}`, { date });
    abandoned.step();
    const run = checker.begin(kb, memo, { date });
    while (!run.step());
    assert.equal(run.stats.judged, 0);
  });

  it('findings are read only once the run is done', () => {
    const run = new MemoChecker().begin(kb, `${QIN}\n\n${QUIET}`, { date });
    assert.throws(() => run.findings, /has not finished/);
  });
});
