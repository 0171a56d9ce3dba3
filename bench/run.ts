/**
 * `npm run bench`: speed and memory, measured against a baseline run in the same process, with
 * absolute figures alongside. Not a test: nothing here passes or fails.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { checkMemo, MemoChecker } from '../src/core/memoCheck';
import { CompletionIndex } from '../src/core/completion';
import { partialDate } from '../src/core/dates';
import { loadKnowledge } from '../src/core/datasets';
import { renderActorCard } from '../src/core/actorCard';
import type { KnowledgeBase } from '../src/core/knowledgeBase';
import { adversarialBench, printAdversarial } from './adversarial';
import { peerBench } from './peer';
import { syntheticDataset } from './synthetic';

/** `npm run bench -- adversarial` runs one group; no argument runs them all. */
const groups = process.argv.slice(2);
const wanted = (group: 'check' | 'completion' | 'activation' | 'memory' | 'adversarial' | 'edit' | 'packs' | 'peer' | 'coldStart' | 'editor') => groups.length === 0 || groups.includes(group);

/** What bench/results.json gets: keys of this run, merged over what other runs wrote there. */
const results: Record<string, unknown> = {};

/** Every shipped pack's dataset, as the editor loads them after the built-in data. */
function packTexts(): Array<{ file: string; text: string }> {
  const dir = join(root, 'data', 'packs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pack.json'))
    .sort()
    .map((name) => ({ file: name, text: JSON.stringify((JSON.parse(readFileSync(join(dir, name), 'utf8')) as { dataset: unknown }).dataset) }));
}

/**
 * The fair floor for a check: one pass of one precompiled regex holding every name, alias and post
 * title in the loaded data (what the simplest name-spotting linter would run).
 */
function fairFloor(kb: KnowledgeBase): RegExp {
  const phrases = new Set<string>();
  for (const actor of kb.actors()) for (const name of [actor.name, ...actor.aliases]) phrases.add(name);
  for (const role of kb.data.roles.values()) for (const title of [role.title, ...role.aliases]) phrases.add(title);
  const escaped = [...phrases].sort((a, b) => b.length - a.length).map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`\\b(?:${escaped.join('|')})\\b`, 'gi');
}

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

// 1. A full check of a 1 MiB memo against the fair floor, with the built-in data and with every shipped pack.
const unit = ['2024-06-desk-notes.md', '2025-10-trade-talks.md', '2019-trade-war.md'].map((file) => readFileSync(join(root, 'examples', file), 'utf8')).join('\n');
let memo1MiB = '';
while (memo1MiB.length < 1024 * 1024) memo1MiB += unit;
if (wanted('check')) {
  console.log('\n## Checking a 1 MiB memo (median of 5), against one pass of a regex of every name, alias and title');
  row('data', 'check ms', 'floor ms', 'ratio', 'findings');
  for (const [label, key, texts] of [
    ['built-in', 'check1MiB', [{ file: 'builtin.json', text: builtinText }]],
    ['built-in + every shipped pack', 'check1MiBAllPacks', [{ file: 'builtin.json', text: builtinText }, ...packTexts()]],
  ] as const) {
    const { kb } = loadKnowledge(texts);
    const floor = fairFloor(kb);
    const floorMs = percentile(Array.from({ length: 5 }, () => time(() => memo1MiB.match(floor)?.length ?? 0).ms), 50);
    const findings = checkMemo(kb, memo1MiB, { date }).length;
    const checkMs = percentile(Array.from({ length: 5 }, () => time(() => checkMemo(kb, memo1MiB, { date })).ms), 50);
    row(label, checkMs.toFixed(0), floorMs.toFixed(1), (checkMs / floorMs).toFixed(1), findings);
    results[key] = { ms: Math.round(checkMs), floorMs: Number(floorMs.toFixed(1)), ratioToFloor: Number((checkMs / floorMs).toFixed(2)), findings };
  }
}

// 2. Completion latency at 300, 10,000 and 100,000 actors: 1,000 realistic prefixes and typos of
// names and posts in the data, against naive fuse.js over every name.
if (wanted('completion')) {
  console.log('\n## Completion latency (ms per query: p50 / p99), 1,000 prefixes and typos');
  row('actors', 'interlocutor', 'naive fuse.js', 'index build');
  // Each size in a function of its own, as in the memory group: the dataset text and the naive
  // baseline's objects are garbage once it returns, not kept alive by the interpreter's registers
  // into the next size's measurements (they made every minor collection, and so the p99, slower).
  const load = (count: number) =>
    loadKnowledge([
      { file: 'builtin.json', text: builtinText },
      { file: `synthetic-${count}.json`, text: JSON.stringify(syntheticDataset(count)) },
    ]);
  const measure = (count: number) => {
    const knowledge = load(count);
    const build = time(() => new CompletionIndex(knowledge.kb));
    const index = build.value;
    const queries = realisticQueries(knowledge.kb, 1000);
    for (const query of queries.slice(0, 50)) index.complete(query, date);
    const ours = queries.map((query) => time(() => index.complete(query, date)).ms);
    const names = [...knowledge.kb.actors()].flatMap((actor) => [actor.name, ...actor.aliases].map((name) => ({ id: actor.id, name })));
    const fuse = new Fuse(names, { keys: ['name'], includeScore: true, ignoreLocation: true, threshold: 0.4 });
    const naive = queries.slice(0, count >= 100_000 ? 20 : 200).map((query) => time(() => fuse.search(query, { limit: 40 })).ms);
    row(count.toLocaleString('en'), `${percentile(ours, 50).toFixed(2)} / ${percentile(ours, 99).toFixed(2)}`, `${percentile(naive, 50).toFixed(1)} / ${percentile(naive, 99).toFixed(1)}`, `${build.ms.toFixed(0)} ms`);
    return { p50: round(percentile(ours, 50)), p99: round(percentile(ours, 99)) };
  };
  for (const count of [300, 10_000, 100_000]) {
    const { p50, p99 } = measure(count);
    if (count === 10_000) Object.assign((results.completion ??= {}) as object, { p50Ms10k: p50, p99Ms10k: p99 });
    if (count === 100_000) Object.assign((results.completion ??= {}) as object, { p50Ms100k: p50, p99Ms100k: p99 });
  }
}

function round(value: number): number {
  return Number(value.toFixed(2));
}

/**
 * What people type: the first 3 to 9 letters of a name or post title, half of them with a typo
 * (two letters swapped, or one dropped). Deterministic.
 */
function realisticQueries(kb: KnowledgeBase, count: number): string[] {
  const sources = [...kb.actors()].map((actor) => actor.name);
  for (const role of kb.data.roles.values()) sources.push(role.title);
  const queries: string[] = [];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  while (queries.length < count) {
    const source = sources[Math.floor(next() * sources.length)]!;
    let query = source.slice(0, 3 + Math.floor(next() * 7));
    if (next() < 0.5 && query.length > 3) {
      const at = 1 + Math.floor(next() * (query.length - 2));
      query = next() < 0.5 ? `${query.slice(0, at)}${query[at + 1]}${query[at]}${query.slice(at + 2)}` : `${query.slice(0, at)}${query.slice(at + 1)}`;
    }
    queries.push(query);
  }
  return queries;
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

// 4. Memory at 100,000 actors. The loading happens in a function: code at the top level of a
// module runs in the interpreter, whose registers keep its temporaries (the 30 MB dataset text,
// the generated objects) alive until the module ends, and they would be counted too.
if (wanted('memory')) {
  console.log('\n## Memory at 100,000 actors');
  const load = () => {
    const knowledge = loadKnowledge([
      { file: 'builtin.json', text: builtinText },
      { file: 'synthetic-100000.json', text: JSON.stringify(syntheticDataset(100_000)) },
    ]);
    const index = new CompletionIndex(knowledge.kb);
    index.complete('Wang', date);
    return { knowledge, index };
  };
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const loaded = load();
  global.gc?.();
  const after = process.memoryUsage().heapUsed;
  row('heap for datasets, knowledge base and indexes', `${((after - before) / 1048576).toFixed(0)} MiB`);
  results.heapMiB100k = Math.round((after - before) / 1048576);
  row('actors loaded', loaded.knowledge.kb.actorCount.toLocaleString('en'));
}

// 5. Typing: 200 edits into a 200 KB memo, each followed by the re-check the editor runs (a
// MemoChecker, which judges again only the paragraphs an edit touched), against a full check.
if (wanted('edit')) {
  const { kb } = loadKnowledge([{ file: 'builtin.json', text: builtinText }]);
  let memo = memo1MiB.slice(0, 200 * 1024);
  const full = percentile(Array.from({ length: 5 }, () => time(() => checkMemo(kb, memo, { date })).ms), 50);
  const checker = new MemoChecker();
  checker.check(kb, memo, { date });
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const costs: number[] = [];
  let judged = 0;
  let paragraphs = 0;
  for (let edit = 0; edit < 200; edit++) {
    const at = Math.floor(((edit * 7919) % 1000) / 1000 * memo.length);
    memo = `${memo.slice(0, at)}${edit % 2 ? 'x' : ' Qin Gang, foreign minister,'}${memo.slice(at)}`;
    costs.push(
      time(() => {
        const run = checker.begin(kb, memo, { date });
        while (!run.step());
        judged += run.stats.judged;
        paragraphs = run.stats.paragraphs;
        return run.findings;
      }).ms,
    );
  }
  // What the checker keeps must not grow with the edits (a kept paragraph once held on to each
  // whole version of the memo it was judged in).
  global.gc?.();
  const heapGrowth = (process.memoryUsage().heapUsed - heapBefore) / 1048576;
  console.log(`\n## Typing: 200 edits into a 200 KB memo (${paragraphs} paragraphs), re-checked after each`);
  row('', 'p50 ms', 'p99 ms', 'full check ms', 'p99 / full');
  row('cost per edit', percentile(costs, 50).toFixed(1), percentile(costs, 99).toFixed(1), full.toFixed(1), (percentile(costs, 99) / full).toFixed(2));
  row('paragraphs judged again per edit (mean)', (judged / 200).toFixed(2));
  row('heap growth over the 200 edits', `${heapGrowth.toFixed(1)} MiB`);
  results.edit = { p50Ms200KB: round(percentile(costs, 50)), p99Ms200KB: round(percentile(costs, 99)), fullCheckMs200KB: round(full), ratioToFull: round(percentile(costs, 99) / full), paragraphsJudgedPerEdit: round(judged / 200), heapGrowthMiB: round(heapGrowth) };
}

// 6. Every shipped pack: activation (parse, validate, index) and the first hover after it.
if (wanted('packs')) {
  const texts = [{ file: 'builtin.json', text: builtinText }, ...packTexts()];
  const load = time(() => {
    const knowledge = loadKnowledge(texts);
    new CompletionIndex(knowledge.kb);
    return knowledge;
  });
  const kb = load.value.kb;
  const hover = time(() => {
    const text = 'Senator Maria Cantwell and Foreign Secretary Yvette Cooper met.';
    const mention = kb.index.mentionAt(text, 10);
    return mention ? renderActorCard(kb, mention.actorIds[0]!, date, { dateLabel: 'bench' }) : undefined;
  });
  const memoText = `${unit}\n`.repeat(4);
  const check = percentile(Array.from({ length: 5 }, () => time(() => checkMemo(kb, memoText, { date })).ms), 50);
  console.log(`\n## Every shipped pack (${kb.actorCount.toLocaleString('en')} actors)`);
  row('load, validate and index', `${load.ms.toFixed(0)} ms`);
  row('first hover after it', `${hover.ms.toFixed(1)} ms`);
  row(`check throughput (${(memoText.length / 1024).toFixed(0)} KiB memo)`, `${check.toFixed(1)} ms`, `${(memoText.length / 1024 / (check / 1000)).toFixed(0)} KiB/s`);
  results.allPacks = { actors: kb.actorCount, activationMs: Math.round(load.ms), firstHoverMs: round(hover.ms), checkKiBPerSecond: Math.round(memoText.length / 1024 / (check / 1000)) };
}

// 7. The peer: textlint + textlint-rule-prh with the ended "NAME, TITLE" phrases, whole process.
if (wanted('peer')) {
  const { kb } = loadKnowledge([{ file: 'builtin.json', text: builtinText }]);
  const peer = peerBench(kb, root, memo1MiB);
  if (peer) results.peer = peer;
}

// 8. Hostile input against ordinary input of the same size (issue 11).
if (wanted('adversarial')) {
  const { kb } = loadKnowledge([{ file: 'builtin.json', text: builtinText }]);
  printAdversarial(adversarialBench(kb, root));
}

// 6. Start-up (issues 12 and 16). Kept in an object of its own and merged into bench/results.json,
// so that other groups can add their keys to the same file.
const startup: { coldStart?: Record<string, number>; editor?: Record<string, number> } = results;

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
  // Peak memory of the whole process checking the 1 MiB memo: the child reports its own maximum
  // resident set size as it exits (process.resourceUsage, in KiB), from a preloaded script.
  writeFileSync(join(memoDir, 'memo-1mib.md'), memo1MiB);
  writeFileSync(join(memoDir, 'peak.js'), "process.on('exit', () => process.stderr.write(`peak-rss-kib ${process.resourceUsage().maxRSS}\\n`));\n");
  const peaks: number[] = [];
  for (let run = 0; run < 3; run++) {
    const child = spawnSync(process.execPath, ['--require', join(memoDir, 'peak.js'), cli, 'check', 'memo-1mib.md', '--format', 'compact'], { cwd: memoDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const kib = /peak-rss-kib (\d+)/.exec(child.stderr)?.[1];
    if (kib) peaks.push(Number(kib) / 1024);
  }
  const peak = peaks.length > 0 ? percentile(peaks, 50) : undefined;
  startup.coldStart = { ratioToNode: Number((check / node).toFixed(2)), checkMs: Math.round(check), nodeMs: Math.round(node), ...(peak ? { peakMiB1MiB: Math.round(peak) } : {}) };
  console.log('\n## Cold start: `interlocutor check one-line.md`, whole process (median of 5)');
  row('node dist/cli.js check one-line.md', `${check.toFixed(0)} ms`, `${(check / node).toFixed(2)}x`);
  row('node -e 0 (baseline)', `${node.toFixed(0)} ms`, '1');
  if (peak) row('peak memory, whole process, checking the 1 MiB memo', `${peak.toFixed(0)} MiB`);
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


// The results file: this run's keys over the previous file's, with the machine that measured them.
{
  const file = join(root, 'bench', 'results.json');
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, node: process.version };
  const all = { ...previous, ...results, machine };
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`\nWrote ${file}`);
  writeReadmeTable(all);
}

/** The README's benchmark table, between its markers, from the results file. */
function writeReadmeTable(all: Record<string, unknown>): void {
  const readme = join(root, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const start = text.indexOf('<!-- bench:start -->');
  const end = text.indexOf('<!-- bench:end -->');
  if (start === -1 || end < start) return;
  const get = (path: string): string => {
    const value = path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), all);
    return value === undefined ? 'not measured' : String(value);
  };
  const machine = all.machine as { cpu: string; cores: number; node: string };
  const lines = [
    `Measured by \`npm run bench\` on ${machine.cores} cores (${machine.cpu}), Node ${machine.node}; each group rewrites its own rows.`,
    '',
    '| measure | result | target |',
    '| --- | --- | --- |',
    `| check a 1 MiB memo, built-in data (ms; ratio to one regex of every name, alias and title) | ${get('check1MiB.ms')} ms; ${get('check1MiB.ratioToFloor')}× | ≤ 30× |`,
    `| the same with every shipped pack | ${get('check1MiBAllPacks.ms')} ms; ${get('check1MiBAllPacks.ratioToFloor')}× | ≤ 30× |`,
    `| whole-process check of that memo vs textlint + prh (ours / theirs) | ${get('peer.oursMs')} / ${get('peer.peerMs')} ms (ratio ${get('peer.ratio')}) | ≤ 0.1 |`,
    `| whole-process check of a one-line memo vs \`node -e 0\` | ${get('coldStart.ratioToNode')}× | ≤ 1.5× |`,
    `| completion p50 / p99 at 10,000 actors | ${get('completion.p50Ms10k')} / ${get('completion.p99Ms10k')} ms | ≤ 1 / 2 ms |`,
    `| completion p99 at 100,000 actors | ${get('completion.p99Ms100k')} ms | ≤ 5 ms |`,
    `| heap at 100,000 actors | ${get('heapMiB100k')} MiB | ≤ 120 MiB |`,
    `| peak memory, whole process, checking the 1 MiB memo (every shipped pack loaded) | ${get('coldStart.peakMiB1MiB')} MiB | ≤ 100 MiB |`,
    `| re-check after an edit, 200 KB memo, p50 / p99 | ${get('edit.p50Ms200KB')} / ${get('edit.p99Ms200KB')} ms (p99 ${get('edit.ratioToFull')}× a full check of ${get('edit.fullCheckMs200KB')} ms) | |`,
    `| every shipped pack: activation / first hover | ${get('allPacks.activationMs')} / ${get('allPacks.firstHoverMs')} ms | |`,
    `| editor: activate() to first diagnostics / first completion | ${get('editor.readyMs')} / ${get('editor.firstCompletionMs')} ms | ≤ 300 / 400 ms |`,
  ];
  writeFileSync(readme, `${text.slice(0, start)}<!-- bench:start -->\n${lines.join('\n')}\n${text.slice(end)}`);
}
