/**
 * Five labelled corpora of memos and passages dated 2018-2025 (24, 20, 20, 44 and 45), each written
 * and labelled against the fact table by someone other than the checker's author, before the
 * checker ran on them. They guard precision and recall on prose the unit cases were not written
 * for. Undated memos are judged as of the day each corpus gives.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkMemo } from '../../src/core/memoCheck';
import { memoDate } from '../../src/core/memoDate';
import { LineIndex } from '../../src/core/text';
import { builtinKnowledge, knowledgeWithShippedPacks, repoRoot } from '../support/repo';

const corpora: Array<{ name: string; today: { year: number; month: number; day: number } }> = [
  { name: 'claims-corpus', today: { year: 2025, month: 10, day: 31 } },
  { name: 'claims-corpus-b', today: { year: 2025, month: 10, day: 31 } },
  { name: 'claims-corpus-c', today: { year: 2025, month: 10, day: 31 } },
  { name: 'claims-corpus-d', today: { year: 2025, month: 11, day: 1 } },
  { name: 'claims-corpus-e', today: { year: 2025, month: 11, day: 1 } },
];

for (const { name, today } of corpora) {
  const corpus = join(repoRoot, 'test', 'fixtures', name);
  const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8')) as Record<string, Array<{ line: number; ruleId: string }>>;

  describe(`claims corpus ${name}: precision and recall on independent memos`, () => {
    // Once with the built-in data, once with every shipped pack loaded too (about 1,800 people):
    // more people must not cost precision.
    for (const [data, knowledge] of [
      ['the built-in data', builtinKnowledge],
      ['every shipped pack too', knowledgeWithShippedPacks],
    ] as const) {
      it(`finds at least 95% of the labelled mistakes, and at least 95% of what it reports is labelled, with ${data}`, () => {
        const { kb } = knowledge();
        const expected = new Set<string>();
        const reported = new Set<string>();
        for (const [file, entries] of Object.entries(labels)) {
          for (const entry of entries) expected.add(`${file}:${entry.line} ${entry.ruleId}`);
          const text = readFileSync(join(corpus, file), 'utf8');
          const lines = new LineIndex(text);
          const date = memoDate(text, { today }).date;
          for (const finding of checkMemo(kb, text, { date })) if (finding.code !== 'data-horizon') reported.add(`${file}:${lines.positionAt(finding.start).line + 1} ${finding.code}`);
        }
        const hits = [...reported].filter((key) => expected.has(key));
        const precision = hits.length / reported.size;
        const recall = hits.length / expected.size;
        const detail = `false positives: ${[...reported].filter((key) => !expected.has(key)).join(', ') || 'none'}; missed: ${[...expected].filter((key) => !reported.has(key)).join(', ') || 'none'}`;
        assert.ok(expected.size >= 20, 'the corpus should hold at least 20 labelled mistakes');
        assert.ok(precision >= 0.95, `precision ${precision.toFixed(3)}; ${detail}`);
        assert.ok(recall >= 0.95, `recall ${recall.toFixed(3)}; ${detail}`);
      });
    }
  });
}
