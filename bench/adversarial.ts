/**
 * The `adversarial` group of `npm run bench` (issue 11): each hostile input against ordinary input
 * of the same size, measured in the same run, as a ratio. The target is at most 3x. Inputs that
 * exercise the claim engine (one endless sentence, a long title phrase) are measured here so that
 * their cost stays visible while that engine changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as YAML from 'yaml';
import { checkMemo } from '../src/core/memoCheck';
import { typedBeforeCursor } from '../src/core/completion';
import { partialDate } from '../src/core/dates';
import { loadKnowledge } from '../src/core/datasets';
import type { KnowledgeBase } from '../src/core/knowledgeBase';
import { proseView } from '../src/core/markdownRegions';
import { syntheticDataset } from './synthetic';

const MIB = 1024 * 1024;
const date = partialDate('2025-10-23');

function milliseconds(body: () => unknown): number {
  const start = process.hrtime.bigint();
  body();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The median of `runs` timings. */
function median(runs: number, body: () => unknown): number {
  const times = Array.from({ length: runs }, () => milliseconds(body)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** `unit` repeated to exactly `size` characters. */
function fill(unit: string, size: number): string {
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

interface Row {
  readonly input: string;
  readonly size: number;
  readonly ms: number;
  readonly baselineMs: number;
  readonly baseline: string;
}

export function adversarialBench(kb: KnowledgeBase, root: string): Row[] {
  const examples = ['2024-06-desk-notes.md', '2025-10-trade-talks.md', '2019-trade-war.md'].map((file) => readFileSync(join(root, 'examples', file), 'utf8')).join('\n');
  const prose = examples.replace(/^---\n[\s\S]*?\n---\n/gm, '');
  const sentences = prose
    .split('\n')
    .filter((line) => /^[A-Z]/.test(line))
    .join(' ');
  const check = (text: string) => () => checkMemo(kb, text, { date });
  const ordinaryBySize = new Map<number, number>();
  const ordinary = (size: number) => {
    let ms = ordinaryBySize.get(size);
    if (ms === undefined) {
      ms = median(3, check(fill(`${prose}\n\n`, size)));
      ordinaryBySize.set(size, ms);
    }
    return ms;
  };
  const rows: Row[] = [];
  const claimInput = (input: string, text: string, runs = 1) => rows.push({ input, size: text.length, ms: median(runs, check(text)), baselineMs: ordinary(text.length), baseline: 'ordinary prose, same size' });

  checkMemo(kb, fill(prose, 64 * 1024), { date }); // warm up
  claimInput('one 1 MiB sentence full of claims', fill(`${sentences.replace(/[.!?;:]/g, ',')}, `, MIB));
  claimInput('the same claims split into sentences', fill(`${sentences} `, MIB));
  claimInput('100,000 disable-line comments', fill('A line. <!-- interlocutor-disable-line -->\n', 100_000 * 43), 3);
  claimInput('100,000 disable-line comments on one line', fill('Text <!-- interlocutor-disable-line stale-role --> ', 100_000 * 51), 3);
  claimInput('100,000 disable-next-line comments', fill('<!-- interlocutor-disable-next-line -->\nText.\n', 100_000 * 47), 3);
  const titleWords = ['Foreign', 'Minister', 'Vice', 'Premier', 'Secretary', 'of', 'State', 'Deputy', 'National', 'Security', 'Adviser', "China's"];
  claimInput('a 10,000-word title phrase repeated through 1 MiB', fill(`${Array.from({ length: 10_000 }, (_, index) => titleWords[index % titleWords.length]).join(' ')}. `, MIB), 3);
  claimInput('a 1 MB front matter', `---\n${fill('key: value\n', MIB)}---\n\nQin Gang, foreign minister, spoke.\n`, 3);
  claimInput('a 1 MB front matter of one flow mapping', `---\nmap: {${fill('k: v, ', MIB)}z: 1}\n---\n\nQin Gang, foreign minister, spoke.\n`, 3);
  claimInput('a 1 MiB line of "Mr Mr Mr"', fill('Mr ', MIB), 3);
  claimInput('unclosed inline comments through 1 MiB', fill('Note <!-- draft ', MIB), 3);
  claimInput('"](" link openers through 1 MiB, no spaces', fill('](', MIB), 3);
  // Found by reviewing the claim finder's regular expressions: a title, a comma and a long run of
  // spaces before a name. Quadratic; measured at 32 KiB, as 1 MiB would take most of an hour.
  claimInput('32 KiB of spaces between "Minister," and a name', `Foreign Minister,${' '.repeat(32 * 1024)}!Qin Gang spoke.`);

  // Runs of backticks: the same text with and without them, so the ratio isolates the backticks.
  const ticks = fill('A `code` and `` more `` and ``` runs ` then Qin Gang, foreign minister, spoke. ', MIB);
  rows.push({ input: 'runs of backticks (1 MiB)', size: ticks.length, ms: median(3, check(ticks)), baselineMs: median(3, check(ticks.replace(/`/g, 'q'))), baseline: 'same text, no backticks' });
  const tickLine = fill('`` ` ``` ```` ', MIB);
  const noTicks = tickLine.replace(/`/g, 'q');
  rows.push({ input: 'prose regions only: 1 MiB of backtick runs', size: tickLine.length, ms: median(3, () => proseView(tickLine)), baselineMs: median(3, () => proseView(noTicks)), baseline: 'same text, no backticks' });
  rows.push({ input: 'full check: 1 MiB of backtick runs', size: tickLine.length, ms: median(3, check(tickLine)), baselineMs: median(3, check(noTicks)), baseline: 'same text, no backticks' });

  // A YAML dataset of 100,000 keys, against an ordinary YAML dataset of about the same size.
  const manyKeys = `name: many keys\nextra:\n${Array.from({ length: 100_000 }, (_, index) => `  key${index}: value ${index}`).join('\n')}\n`;
  const perThousandActors = YAML.stringify(syntheticDataset(1000)).length;
  const ordinaryYaml = YAML.stringify(syntheticDataset(Math.round((1000 * manyKeys.length) / perThousandActors)));
  const validate = (text: string) => () => loadKnowledge([{ file: 'data.yaml', text }]);
  rows.push({ input: 'a YAML dataset with 100,000 keys (validate)', size: manyKeys.length, ms: median(3, validate(manyKeys)), baselineMs: median(3, validate(ordinaryYaml)), baseline: `ordinary YAML dataset, ${(ordinaryYaml.length / MIB).toFixed(1)} MiB` });

  // The completion prefix: what is typed before the cursor, at the end of a long line.
  for (const length of [10_000, 20_000, 40_000]) {
    const word = 'x'.repeat(length);
    const line = fill('the foreign minister said that ', length);
    rows.push({ input: `a ${length.toLocaleString('en')}-character word before the cursor`, size: length, ms: median(9, () => typedBeforeCursor(word)), baselineMs: median(9, () => typedBeforeCursor(line)), baseline: 'a prose line, same length' });
  }
  return rows;
}

export function printAdversarial(rows: readonly Row[]): void {
  console.log('\n## adversarial: hostile input against ordinary input of the same size (target: ratio <= 3)');
  const cell = (text: string | number, width: number) => String(text).padEnd(width);
  console.log(`${cell('input', 52)}${cell('size', 12)}${cell('ms', 12)}${cell('baseline ms', 14)}${cell('ratio', 8)}baseline`);
  for (const row of rows) {
    const ratio = row.ms / Math.max(row.baselineMs, 0.001);
    console.log(
      `${cell(row.input, 52)}${cell(`${(row.size / 1024).toFixed(0)} KiB`, 12)}${cell(row.ms.toFixed(1), 12)}${cell(row.baselineMs.toFixed(1), 14)}${cell(`${ratio.toFixed(2)}${ratio > 3 ? ' !' : ''}`, 8)}${row.baseline}`,
    );
  }
}
