/**
 * The peer: textlint with textlint-rule-prh, given the ended "NAME, TITLE" phrases of the same data
 * as prh rules, against `interlocutor check` on the same 1 MiB memo, each as a whole process
 * (one pair per run, median of 5). The peer is installed on first use into a cache outside the
 * repository, as code-server is for the tests; without the npm registry the comparison is skipped.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KnowledgeBase } from '../src/core/knowledgeBase';

const PEER_PACKAGES = ['textlint@14', 'textlint-rule-prh@6'];

export interface PeerResult {
  readonly oursMs: number;
  readonly peerMs: number;
  /** Ours over the peer's: below 1 means faster (the target is 0.1, ten times faster). */
  readonly ratio: number;
  readonly phrases: number;
}

export function peerBench(kb: KnowledgeBase, root: string, memo: string): PeerResult | undefined {
  const cache = join(process.env.INTERLOCUTOR_CACHE ?? join(homedir(), '.cache', 'interlocutor'), 'peer-textlint');
  const textlint = join(cache, 'node_modules', '.bin', 'textlint');
  if (!existsSync(textlint)) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, 'package.json'), '{"private":true}\n');
    const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...PEER_PACKAGES], { cwd: cache, stdio: 'inherit' });
    if (install.status !== 0 || !existsSync(textlint)) {
      console.log('\n## The peer (textlint + prh): not installed, skipped');
      return undefined;
    }
  }
  const work = mkdtempSync(join(tmpdir(), 'interlocutor-peer-'));
  const rules = stalePhrases(kb);
  writeFileSync(join(work, 'prh.yml'), `version: 1\nrules:\n${rules.map(({ pattern, expected }) => `  - expected: ${JSON.stringify(expected)}\n    pattern: ${JSON.stringify(pattern)}\n`).join('')}`);
  writeFileSync(join(work, '.textlintrc.json'), JSON.stringify({ rules: { prh: { rulePaths: [join(work, 'prh.yml')] } } }));
  writeFileSync(join(work, 'memo.md'), memo);
  const run = (command: string, args: string[]) => {
    const started = process.hrtime.bigint();
    spawnSync(command, args, { cwd: work, stdio: 'ignore', env: { ...process.env, NODE_PATH: join(cache, 'node_modules') } });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  const ours: number[] = [];
  const peer: number[] = [];
  for (let pair = 0; pair < 5; pair++) {
    // Both print their default report (stylish), as a person or a CI log reads it.
    ours.push(run(process.execPath, [join(root, 'dist', 'cli.js'), 'check', 'memo.md', '--as-of', '2025-10-23']));
    peer.push(run(textlint, ['--config', join(work, '.textlintrc.json'), '--rules-base-directory', join(cache, 'node_modules'), 'memo.md']));
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const result = { oursMs: Math.round(median(ours)), peerMs: Math.round(median(peer)), ratio: Number((median(ours) / median(peer)).toFixed(3)), phrases: rules.length };
  console.log(`\n## The peer: textlint + textlint-rule-prh (${rules.length} ended "NAME, TITLE" phrases), whole process, median of 5`);
  console.log(`interlocutor check ${result.oursMs} ms · textlint ${result.peerMs} ms · ratio ${result.ratio} (${(1 / result.ratio).toFixed(1)}× faster)`);
  return result;
}

/** "Qin Gang, foreign minister" → "Qin Gang, former foreign minister", for every tenure that ended. */
function stalePhrases(kb: KnowledgeBase): Array<{ pattern: string; expected: string }> {
  const phrases = new Map<string, string>();
  for (const actor of kb.actors()) {
    for (const tenure of actor.tenures) {
      const title = kb.role(tenure.role)?.title;
      if (!tenure.end || !title) continue;
      phrases.set(`${actor.name}, ${title}`, `${actor.name}, former ${title}`);
    }
  }
  return [...phrases].map(([pattern, expected]) => ({ pattern, expected }));
}
