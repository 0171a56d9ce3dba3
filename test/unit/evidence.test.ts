/**
 * Every finding carries the evidence its verdict rests on: the tenures, their dates, how sure the
 * data is, and the sources. One case per code, then unverified data, and the renderings.
 */
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/claimChecker';
import { checkMemo } from '../../src/core/memoCheck';
import { partialDate } from '../../src/core/dates';
import { loadKnowledge } from '../../src/core/datasets';
import { evidenceLine, evidenceMarkdown } from '../../src/core/evidence';
import { severityConfig, severityOf } from '../../src/core/severity';
import { builtinKnowledge, builtinDatasetPath } from '../support/repo';
import { readFileSync } from 'node:fs';

function only(line: string, date: string): Finding {
  const findings = checkMemo(builtinKnowledge().kb, line, { date: partialDate(date) });
  assert.equal(findings.length, 1, findings.map((finding) => finding.message).join(' | '));
  return findings[0]!;
}

const brief = (finding: Finding) => (finding.evidence ?? []).map((item) => `${item.why}: ${item.actorName}, ${item.post}, ${item.start ?? '?'} to ${item.end ?? 'open'}`);

describe('evidence on findings', () => {
  // [code, line, date, the evidence expected (why: actor, post, start to end)]
  const cases: Array<[string, string, string, string[]]> = [
    ['stale-role', 'Qin Gang, the foreign minister, spoke.', '2025-10-23', ['claimed: Qin Gang, foreign minister, 2022-12-30 to 2023-07-25', 'holder: Wang Yi, foreign minister, 2023-07-25 to open']],
    ['not-yet-in-role', 'Qin Gang, the foreign minister, spoke.', '2019-06-01', ['claimed: Qin Gang, foreign minister, 2022-12-30 to 2023-07-25', 'holder: Wang Yi, foreign minister, 2013-03-16 to 2022-12-30']],
    ['never-held-role', 'Commerce Secretary Scott Bessent spoke.', '2025-10-23', ['claimed: Howard Lutnick, commerce secretary, 2025-02-21 to open', 'own-post: Scott Bessent, treasury secretary, 2025-01-28 to open', 'own-post: Scott Bessent, US lead for economic and trade talks with China, 2025-05-12 to open']],
    ['still-in-role', 'Former foreign minister Wang Yi spoke.', '2025-10-23', ['claimed: Wang Yi, foreign minister, 2023-07-25 to open']],
  ];
  for (const [code, line, date, expected] of cases) {
    it(`${code}: ${line} (${date})`, () => {
      const finding = only(line, date);
      assert.equal(finding.code, code);
      assert.deepEqual(brief(finding).slice(0, expected.length), expected);
      const claimed = finding.evidence!.find((item) => item.why === 'claimed')!;
      assert.ok(claimed.sources.length > 0, 'the claimed tenure cites its sources');
      for (const source of finding.evidence!.flatMap((item) => item.sources)) if (source.url) assert.match(source.url, /^https?:\/\//);
      assert.equal(finding.certainty, 'verified');
    });
  }

  it('gives an open tenure its horizon, and a removal its reason', () => {
    const still = only('Former foreign minister Wang Yi spoke.', '2025-10-23');
    assert.equal(still.evidence![0]!.verifiedThrough, '2026-03');
    const stale = only('Qin Gang, the foreign minister, spoke.', '2025-10-23');
    assert.equal(stale.evidence![0]!.endReason, 'removed');
    assert.equal(stale.evidence![0]!.acting, false);
  });

  it('offers "Open source" for the first http(s) source, as a fix with no edit', () => {
    const finding = only('Qin Gang, the foreign minister, spoke.', '2025-10-23');
    const open = finding.fixes.filter((fix) => fix.kind === 'open-source');
    assert.equal(open.length, 1);
    assert.deepEqual(open[0]!.edits, []);
    assert.equal(open[0]!.preferred, false);
    assert.equal(open[0]!.url, finding.evidence![0]!.sources.find((source) => source.url)!.url);
  });

  describe('a verdict resting on an unverified date', () => {
    const dataset = {
      name: 'notes',
      roles: [{ id: 'x.envoy', title: 'special envoy for the Arctic', unique: true }],
      actors: [
        { id: 'ann_lee', name: 'Ann Lee', tenures: [{ role: 'x.envoy', start: '2019-01-01', end: '2021-01-01', verified: false, sources: [{ title: 'A note from memory' }] }] },
        { id: 'bo_kim', name: 'Bo Kim', tenures: [{ role: 'x.envoy', start: '2021-01-01', end: null, sources: [{ title: 'Gazette', url: 'https://example.org/gazette' }] }] },
      ],
    };
    const builtin = readFileSync(builtinDatasetPath, 'utf8');
    const { kb } = loadKnowledge([
      { file: 'builtin.json', text: builtin },
      { file: 'notes.json', text: JSON.stringify(dataset) },
    ]);

    it('says so in its message, is marked unverified, and points at the dataset entry', () => {
      const [finding] = checkMemo(kb, 'Ann Lee, the special envoy for the Arctic, spoke.', { date: partialDate('2024-01-01') });
      assert.ok(finding);
      assert.equal(finding.certainty, 'unverified');
      assert.match(finding.message, /unverified in the datasets/);
      assert.deepEqual(finding.evidence![0]!.sources, [{ title: 'A note from memory' }]);
      // The claimed tenure has no http(s) source: "Open source" opens the holder's.
      assert.equal(finding.fixes.find((fix) => fix.kind === 'open-source')?.url, 'https://example.org/gazette');
      assert.deepEqual(finding.evidence![0]!.origin, { file: 'notes.json', path: ['actors', 0, 'tenures', 0] });
    });

    it('is lowered to interlocutor.unverifiedSeverity, never raised', () => {
      const [finding] = checkMemo(kb, 'Ann Lee, the special envoy for the Arctic, spoke.', { date: partialDate('2024-01-01') });
      assert.equal(severityOf(finding!, severityConfig(() => undefined)), 'information');
      assert.equal(severityOf(finding!, severityConfig((code) => (code === 'unverified' ? 'hint' : undefined))), 'hint');
      assert.equal(severityOf(finding!, severityConfig((code) => (code === 'unverified' ? 'error' : undefined))), 'warning');
      const verified = only('Qin Gang, the foreign minister, spoke.', '2025-10-23');
      assert.equal(severityOf(verified, severityConfig(() => undefined)), 'warning');
    });
  });

  it('renders as escaped Markdown with http(s) links only, and as one terminal line', () => {
    const finding = only('Qin Gang, the foreign minister, spoke.', '2025-10-23');
    const markdown = evidenceMarkdown(finding.evidence!);
    assert.match(markdown, /\*\*Qin Gang, foreign minister, 2022\\-12\\-30 to 2023\\-07\\-25 \\\(removed\\\)\*\*/);
    assert.match(markdown, /Source\\: \[[^\]]+\]\(https?:\/\//);
    const hostile = evidenceMarkdown([{ ...finding.evidence![0]!, actorName: '[x](command:evil) <img>', sources: [{ title: '*bold* [y](javascript:z)' }] }]);
    assert.doesNotMatch(hostile, /\]\(command:|\]\(javascript:|<img>/);
    assert.match(evidenceLine(finding.evidence![0]!), /^Qin Gang, foreign minister, 2022-12-30 to 2023-07-25 \(removed\); verified; source: .+ <https?:\/\/[^>]+>/);
  });
});
