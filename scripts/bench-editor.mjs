// The editor start-up bench (issue 16), in the real extension host: code-server 4.100.3 with this
// extension loaded from source. Each start opens a fresh workspace holding one memo (and, in the
// second scenario, one workspace dataset) and runs out/bench/editorStartup.js in the extension host.
// Prints one JSON object: the medians of 5 starts, in milliseconds from activate().
//   node scripts/bench-editor.mjs [starts]
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, repoRoot, startCodeServer, workbenchUrl } from './workbench.mjs';

const STARTS = Number(process.argv[2] || 5);
const RUN_TIMEOUT_MS = 120_000;

const MEMO = `---
title: Start-up bench memo
as_of: 2025-10-23
---

# Talks

Qin Gang, foreign minister, met the delegation.

Ines Halvorsen, trade liaison, joined the call.

We then wrote to Wang
`;

const DATASET = `name: Bench team notes
roles:
  - id: team.liaison
    title: trade liaison
actors:
  - id: ines_halvorsen
    name: Ines Halvorsen
    tenures:
      - role: team.liaison
        start: 2021-03
        end: 2024-06
        sources:
          - title: Team roster, June 2024
`;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

let profiles = 0;

async function oneStart(withDataset) {
  const workspace = mkdtempSync(join(tmpdir(), 'interlocutor-bench-ws-'));
  writeFileSync(join(workspace, 'memo.md'), MEMO);
  if (withDataset) {
    mkdirSync(join(workspace, 'notes'));
    writeFileSync(join(workspace, 'notes', 'team.interlocutor.yaml'), DATASET);
  }
  const out = join(mkdtempSync(join(tmpdir(), 'interlocutor-bench-out-')), 'timings.json');
  // With the dataset, the memo has two findings; without it, the built-in one only.
  const server = await startCodeServer({
    workspace,
    env: {
      INTERLOCUTOR_BENCH_OUT: out,
      INTERLOCUTOR_BENCH_FINDINGS: withDataset ? '2' : '1',
      // INTERLOCUTOR_BENCH_PROFILE=PREFIX: a CPU profile of the extension host for each start, PREFIX-plain-0.cpuprofile...
      INTERLOCUTOR_BENCH_PROFILE: process.env.INTERLOCUTOR_BENCH_PROFILE ? `${process.env.INTERLOCUTOR_BENCH_PROFILE}-${withDataset ? 'dataset' : 'plain'}-${profiles++}.cpuprofile` : '',
    },
  });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const finished = new Promise((resolve) => void page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code))));
    await page.exposeFunction('codeAutomationLog', () => {});
    await page.goto(workbenchUrl(server.url, { folder: workspace, extensionTestsPath: join(repoRoot, 'out', 'bench', 'editorStartup.js') }));
    let timer;
    const code = await Promise.race([finished, new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), RUN_TIMEOUT_MS)))]);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`the start-up run ended with ${code}`);
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    await browser.close().catch(() => {});
    await server.stop();
  }
}

const runs = { plain: [], withDataset: [] };
for (let start = 0; start < STARTS; start++) {
  runs.plain.push(await oneStart(false));
  runs.withDataset.push(await oneStart(true));
}
// From activate(); if the extension activated before the memo was opened (workspaceContains does
// that when a dataset is present), from the memo's opening instead, which is when a user could ask.
const from = (run) => Math.max(run.activatedAt, run.memoOpening);
const result = {
  readyMs: Math.round(median(runs.plain.map((run) => run.diagnosticsAt - from(run)))),
  firstCompletionMs: Math.round(median(runs.plain.map((run) => run.completionAt - from(run)))),
  readyWithWorkspaceDatasetMs: Math.round(median(runs.withDataset.map((run) => run.diagnosticsAt - from(run)))),
  starts: STARTS,
  runs,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
