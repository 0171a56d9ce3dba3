/**
 * `npm run bench`: speed and memory, measured against a baseline run in the same process, with
 * absolute figures alongside. Not a test: nothing here passes or fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { checkMemo } from '../src/core/claimChecker';
import { CompletionIndex } from '../src/core/completion';
import { partialDate } from '../src/core/dates';
import { loadKnowledge } from '../src/core/datasets';
import { adversarialBench, printAdversarial } from './adversarial';
import { syntheticDataset } from './synthetic';

/** `npm run bench -- adversarial` runs one group; no argument runs them all. */
const groups = process.argv.slice(2);
const wanted = (group: 'check' | 'completion' | 'activation' | 'memory' | 'adversarial' | 'coldStart' | 'editor') => groups.length === 0 || groups.includes(group);

const root = join(__dirname, '..', '..');
const builtinText = readFileSync(join(root, 'data', 'builtin.json'), 'utf8');
const date = partialDate('2025-10-23');

function time<T>(body: () => T): { ms: number; value: T } {
  const start = process.hrtime.bigint();
  const value = body();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function row(...cells: Array<string | number>): void {
  console.log(cells.map((cell, index) => String(cell).padEnd(index === 0 ? 46 : 16)).join(''));
}

// 1. A full check of a 1 MiB memo against one pass of a precompiled regex over the same text.
if (wanted('check')) {
  const unit = ['2024-06-desk-notes.md', '2025-10-trade-talks.md', '2019-trade-war.md'].map((file) => readFileSync(join(root, 'examples', file), 'utf8')).join('\n');
  let memo = '';
  while (memo.length < 1024 * 1024) memo += unit;
  const { kb } = loadKnowledge([{ file: 'builtin.json', text: builtinText }]);
  const regex = /\b(?:Qin Gang|Wang Yi|foreign minister)\b/g;
  const regexRuns = Array.from({ length: 20 }, () => time(() => memo.match(regex)?.length ?? 0).ms);
  checkMemo(kb, memo, { date });
  const checkRuns = Array.from({ length: 5 }, () => time(() => checkMemo(kb, memo, { date })).ms);
  const regexMs = percentile(regexRuns, 50);
  const checkMs = percentile(checkRuns, 50);
  console.log('\n## Checking a 1 MiB memo (median of runs)');
  row('', 'ms', 'ratio');
  row('one precompiled regex pass (baseline)', regexMs.toFixed(2), '1');
  row(`interlocutor check (${checkMemo(kb, memo, { date }).length} findings)`, checkMs.toFixed(1), (checkMs / regexMs).toFixed(0));
}

// 2. Completion latency at 300, 10,000 and 100,000 actors, against fuse.js over every name.
if (wanted('completion')) {
  console.log('\n## Completion latency (ms per query: p50 / p99), 200 queries');
  row('actors', 'interlocutor', 'naive fuse.js', 'index build');
  const queries = ['Wang', 'Li Jian', 'He Li', 'Zhang Wie', 'Jennifer Smi', 'foreign min', 'governor of Hub', 'Mr Perez', 'Qin Gnag', 'treasury sec'];
  for (const count of [300, 10_000, 100_000]) {
    const knowledge = loadKnowledge([
      { file: 'builtin.json', text: builtinText },
      { file: `synthetic-${count}.json`, text: JSON.stringify(syntheticDataset(count)) },
    ]);
    const build = time(() => new CompletionIndex(knowledge.kb));
    const index = build.value;
    const ours = Array.from({ length: 200 }, (_, run) => time(() => index.complete(queries[run % queries.length]!, date)).ms);
    const names = [...knowledge.kb.actors()].flatMap((actor) => [actor.name, ...actor.aliases].map((name) => ({ id: actor.id, name })));
    const fuse = new Fuse(names, { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    const naive = Array.from({ length: count >= 100_000 ? 20 : 200 }, (_, run) => time(() => fuse.search(queries[run % queries.length]!, { limit: 40 })).ms);
    row(count.toLocaleString('en'), `${percentile(ours, 50).toFixed(2)} / ${percentile(ours, 99).toFixed(2)}`, `${percentile(naive, 50).toFixed(1)} / ${percentile(naive, 99).toFixed(1)}`, `${build.ms.toFixed(0)} ms`);
  }
}

// 3. Activation: loading the built-in dataset and building the index, and the bundle's size.
if (wanted('activation')) {
  console.log('\n## Activation');
  const load = time(() => loadKnowledge([{ file: 'builtin.json', text: builtinText }]));
  const index = time(() => new CompletionIndex(load.value.kb));
  row('parse, validate and index the built-in dataset', `${load.ms.toFixed(1)} ms`);
  row('completion index over it (first completion)', `${index.ms.toFixed(1)} ms`);
  const bundle = join(root, 'dist', 'cli.js');
  if (existsSync(bundle)) {
    const started = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', `require(${JSON.stringify(join(root, 'dist', 'cli.js'))})`]);
    row('node start + load the bundled CLI (same dependencies)', `${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms`);
    const node = process.hrtime.bigint();
    execFileSync(process.execPath, ['-e', '0']);
    row('node start alone (baseline)', `${(Number(process.hrtime.bigint() - node) / 1e6).toFixed(0)} ms`);
  }
  for (const file of ['dist/extension.js', 'data/builtin.json', 'interlocutor.vsix']) {
    if (existsSync(join(root, file))) row(file, `${(statSync(join(root, file)).size / 1024).toFixed(0)} KiB`);
  }
}

// 4. Memory at 100,000 actors.
if (wanted('memory')) {
  console.log('\n## Memory at 100,000 actors');
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const knowledge = loadKnowledge([
    { file: 'builtin.json', text: builtinText },
    { file: 'synthetic-100000.json', text: JSON.stringify(syntheticDataset(100_000)) },
  ]);
  const index = new CompletionIndex(knowledge.kb);
  index.complete('Wang', date);
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  row('heap for datasets, knowledge base and indexes', `${((after - before) / 1048576).toFixed(0)} MiB`);
  row('actors loaded', knowledge.kb.actorCount.toLocaleString('en'));
}

// 5. Hostile input against ordinary input of the same size (issue 11).
if (wanted('adversarial')) {
  const { kb } = loadKnowledge([{ file: 'builtin.json', text: builtinText }]);
  printAdversarial(adversarialBench(kb, root));
}

// 6. Start-up (issues 12 and 16). Kept in an object of its own and merged into bench/results.json,
// so that other groups can add their keys to the same file.
const startup: { coldStart?: Record<string, number>; editor?: Record<string, number> } = {};

// A whole `interlocutor check` of a one-line memo against `node -e 0`, median of 5 each.
if (wanted('coldStart')) {
  const memoDir = mkdtempSync(join(tmpdir(), 'interlocutor-cold-'));
  writeFileSync(join(memoDir, 'one-line.md'), 'Qin Gang spoke.\n');
  const wall = (args: string[]) => {
    const started = process.hrtime.bigint();
    try {
      execFileSync(process.execPath, args, { cwd: memoDir, stdio: 'ignore' });
    } catch {
      // `check` exits 1 when it finds something; the time is what counts here.
    }
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const cli = join(root, 'dist', 'cli.js');
  const checkMs: number[] = [];
  const nodeMs: number[] = [];
  for (let run = 0; run < 5; run++) {
    checkMs.push(wall([cli, 'check', 'one-line.md']));
    nodeMs.push(wall(['-e', '0']));
  }
  const check = percentile(checkMs, 50);
  const node = percentile(nodeMs, 50);
  startup.coldStart = { ratioToNode: Number((check / node).toFixed(2)), checkMs: Math.round(check), nodeMs: Math.round(node) };
  console.log('\n## Cold start: `interlocutor check one-line.md`, whole process (median of 5)');
  row('node dist/cli.js check one-line.md', `${check.toFixed(0)} ms`, `${(check / node).toFixed(2)}x`);
  row('node -e 0 (baseline)', `${node.toFixed(0)} ms`, '1');
}

// The editor at window start-up, in the real extension host (code-server): scripts/bench-editor.mjs.
if (wanted('editor')) {
  const output = execFileSync(process.execPath, [join(root, 'scripts', 'bench-editor.mjs'), '5'], { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const measured = JSON.parse(output.trim().split('\n').pop() ?? '{}') as { readyMs: number; firstCompletionMs: number; readyWithWorkspaceDatasetMs: number };
  startup.editor = { readyMs: measured.readyMs, firstCompletionMs: measured.firstCompletionMs, readyWithWorkspaceDatasetMs: measured.readyWithWorkspaceDatasetMs };
  console.log('\n## Editor start-up in code-server, from activate() (median of 5 window starts)');
  row('first stale-claim diagnostics published', `${measured.readyMs} ms`);
  row('first completion list holding an actor', `${measured.firstCompletionMs} ms`);
  row('diagnostics with a workspace dataset', `${measured.readyWithWorkspaceDatasetMs} ms`);
}

if (startup.coldStart || startup.editor) {
  const resultsFile = join(root, 'bench', 'results.json');
  const previous = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(resultsFile, `${JSON.stringify({ ...previous, ...startup }, null, 2)}\n`);
}
