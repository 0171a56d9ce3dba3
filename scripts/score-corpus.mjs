#!/usr/bin/env node
// Scores the claim checker on a labelled corpus, in process, with the built-in dataset.
//   node scripts/score-corpus.mjs CORPUS_DIR [--today YYYY-MM-DD] [--build OUT_DIR] [--packs] [--verbose]
// CORPUS_DIR holds labels.json and memos/. Undated memos are checked as of --today (default
// 2025-10-31). --build points at another checkout's `out/` (built with `node scripts/build.mjs
// --tests`), so a corpus can be scored with an older checker for its first-run numbers.
// A finding matches a label when file, 1-based line and code are equal; each label matches once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { today: { type: 'string', default: '2025-10-31' }, build: { type: 'string' }, verbose: { type: 'boolean', default: false }, packs: { type: 'boolean', default: false } },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/score-corpus.mjs CORPUS_DIR [--today YYYY-MM-DD] [--build OUT_DIR] [--verbose]');
  process.exit(2);
}
const corpus = resolve(positionals[0]);
const out = resolve(values.build ?? join(import.meta.dirname, '..', 'out'));
const require = createRequire(import.meta.url);
// Older builds (a baseline given with --build) had checkMemo in claimChecker.js.
const { checkMemo } = require(existsSync(join(out, 'src/core/memoCheck.js')) ? join(out, 'src/core/memoCheck.js') : join(out, 'src/core/claimChecker.js'));
const { memoDate } = require(join(out, 'src/core/memoDate.js'));
const { LineIndex } = require(join(out, 'src/core/text.js'));
const { partialDate } = require(join(out, 'src/core/dates.js'));
const { builtinKnowledge } = require(join(out, 'test/support/repo.js'));
const { loadKnowledge } = require(join(out, 'src/core/datasets.js'));

const labels = JSON.parse(readFileSync(join(corpus, 'labels.json'), 'utf8'));
const today = partialDate(values.today);
// --packs: the shipped dataset packs (data/packs/) loaded after the built-in data, as the editor does.
const packsDir = join(import.meta.dirname, '..', 'data', 'packs');
const { kb } = values.packs
  ? loadKnowledge([
      { file: 'builtin.json', text: readFileSync(join(import.meta.dirname, '..', 'data', 'builtin.json'), 'utf8') },
      ...readdirSync(packsDir)
        .filter((name) => name.endsWith('.pack.json'))
        .map((name) => ({ file: name, text: JSON.stringify(JSON.parse(readFileSync(join(packsDir, name), 'utf8')).dataset) })),
    ])
  : builtinKnowledge();

const expected = new Map();
const reported = [];
for (const [file, entries] of Object.entries(labels)) {
  for (const entry of entries) {
    const key = `${file}:${entry.line} ${entry.ruleId}`;
    expected.set(key, [...(expected.get(key) ?? []), entry]);
  }
  const text = readFileSync(join(corpus, file), 'utf8');
  const lines = new LineIndex(text);
  const { date } = memoDate(text, { today });
  for (const finding of checkMemo(kb, text, { date })) {
    if (finding.code === 'data-horizon') continue;
    reported.push({ key: `${file}:${lines.positionAt(finding.start).line + 1} ${finding.code}`, finding, text });
  }
}
const expectedCount = [...expected.values()].reduce((sum, list) => sum + list.length, 0);
const falsePositives = [];
let truePositives = 0;
for (const item of reported) {
  const bucket = expected.get(item.key);
  if (bucket && bucket.length > 0) {
    bucket.shift();
    truePositives++;
  } else falsePositives.push(item);
}
const misses = [...expected.entries()].flatMap(([key, list]) => list.map((entry) => ({ key, entry })));
const ratio = (n, d) => (d === 0 ? 'n/a' : (n / d).toFixed(3));
console.log(`${corpus}: reported ${reported.length}, labelled ${expectedCount}, true positives ${truePositives}`);
console.log(`precision ${ratio(truePositives, reported.length)}  recall ${ratio(truePositives, expectedCount)}`);
if (values.verbose) {
  console.log(`\nfalse positives (${falsePositives.length}):`);
  for (const { key, finding, text } of falsePositives) console.log(`  ${key}  ${JSON.stringify(text.slice(finding.start, finding.end))}  ${finding.message}`);
  console.log(`\nmissed (${misses.length}):`);
  for (const { key, entry } of misses) console.log(`  ${key}  ${JSON.stringify(entry.text)}  (${entry.why})`);
}
