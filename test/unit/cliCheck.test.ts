import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/repo';
import { runCliCaptured } from '../support/cli';

function cli(args: string[], cwd: string, stdin = '') {
  return runCliCaptured(args, cwd, { readStdin: () => stdin });
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlocutor-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const staleMemo = '---\nas_of: 2025-10-23\n---\n\nQin Gang, foreign minister, spoke.\n\nWang Yi, the foreign minister, replied.\n';

/** The findings table in examples/README.md: file, line, column, code. */
function documentedFindings(): string[] {
  const readme = readFileSync(join(repoRoot, 'examples', 'README.md'), 'utf8');
  return [...readme.matchAll(/^\| ([\w.-]+\.md) \| (\d+) \| (\d+) \| ([a-z-]+) \|/gm)].map((match) => `${match[1]}:${match[2]}:${match[3]} ${match[4]}`);
}

describe('command line: check', () => {
  it('prints ESLint-shaped JSON with 1-based lines and columns', () => {
    const dir = workspace({ 'memo.md': staleMemo });
    const { code, stdout } = cli(['check', 'memo.md', '--format', 'json'], dir);
    assert.equal(code, 0);
    const [result] = JSON.parse(stdout);
    assert.equal(result.filePath, join(dir, 'memo.md'));
    assert.equal(result.warningCount, 1);
    assert.equal(result.errorCount, 0);
    const [message] = result.messages;
    assert.deepEqual(
      { ruleId: message.ruleId, severity: message.severity, line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn },
      { ruleId: 'stale-role', severity: 1, line: 5, column: 1, endLine: 5, endColumn: 27 },
    );
    assert.equal(message.message, 'Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the foreign minister is Wang Yi.');
    assert.ok(message.suggestions.some((suggestion: { desc: string }) => /former/.test(suggestion.desc)));
  });

  it('exits 1 when a finding is at error severity, and 0 when it is a warning', () => {
    const dir = workspace({ 'memo.md': staleMemo });
    assert.equal(cli(['check', 'memo.md'], dir).code, 0);
    assert.equal(cli(['check', 'memo.md', '--severity', 'stale-role=error'], dir).code, 1);
    assert.equal(cli(['check', 'memo.md', '--max-warnings', '0'], dir).code, 1);
    const off = cli(['check', 'memo.md', '--severity', 'stale-role=off', '--format', 'json'], dir);
    assert.equal(JSON.parse(off.stdout)[0].messages.length, 0);
  });

  it('reads severities and datasets from .vscode/settings.json like the editor', () => {
    const dir = workspace({
      'memo.md': staleMemo,
      '.vscode/settings.json': '{\n  // comments are allowed, as in VS Code\n  "interlocutor.severity.stale-role": "error",\n}\n',
    });
    assert.equal(cli(['check', 'memo.md'], dir).code, 1);
  });

  it('exits 2 on a usage error or a broken dataset, naming the file and position', () => {
    const dir = workspace({ 'memo.md': staleMemo, 'bad.json': '{ "name": "x", "actors": [ { "id": "a" } ] }' });
    assert.equal(cli(['check', 'memo.md', '--format', 'xml'], dir).code, 2);
    assert.equal(cli(['check', 'memo.md', '--as-of', '2023-02-30'], dir).code, 2);
    assert.equal(cli(['check', 'nothing-here/*.md'], dir).code, 2);
    const broken = cli(['check', 'memo.md', '--dataset', 'bad.json'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /bad\.json:1:28: error: actors\[0\]\.name: required field is missing/);
  });

  it('uses --as-of for memos without a date of their own', () => {
    const dir = workspace({ 'undated.md': 'Qin Gang, the foreign minister, spoke.\n' });
    assert.equal(JSON.parse(cli(['check', 'undated.md', '--as-of', '2023-03-01', '--format', 'json'], dir).stdout)[0].messages.length, 0);
    assert.equal(JSON.parse(cli(['check', 'undated.md', '--as-of', '2025-01', '--format', 'json'], dir).stdout)[0].messages.length, 1);
  });

  it('checks directories and globs, and writes SARIF 2.1.0', () => {
    const dir = workspace({ 'a/one.md': staleMemo, 'b/two.markdown': staleMemo, 'node_modules/x.md': staleMemo, 'notes.txt': staleMemo });
    const sarif = JSON.parse(cli(['check', '.', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'Interlocutor');
    assert.deepEqual(run.tool.driver.rules.map((rule: { id: string }) => rule.id), ['stale-role', 'not-yet-in-role', 'never-held-role', 'still-in-role', 'data-horizon']);
    assert.deepEqual(run.results.map((result: any) => result.locations[0].physicalLocation.artifactLocation.uri).sort(), ['a/one.md', 'b/two.markdown']);
    assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 5, startColumn: 1, endLine: 5, endColumn: 27 });
    assert.equal(run.results[0].level, 'warning');
    const globbed = JSON.parse(cli(['check', 'a/*.md', '--format', 'json'], dir).stdout);
    assert.equal(globbed.length, 1);
  });

  it('prints a readable summary by default', () => {
    const dir = workspace({ 'memo.md': staleMemo });
    const { stdout } = cli(['check', 'memo.md'], dir);
    assert.match(stdout, /memo\.md {2}\(as of 2025-10-23 \(front matter as_of\)\)\n {2}5:1 +warning {2}Qin Gang left the post/);
    assert.match(stdout, /✖ 1 problem \(0 errors, 1 warning\) in 1 file\(s\)/);
  });

  it('reports claims past the horizon as data-horizon in JSON, SARIF and the stylish summary', () => {
    const dir = workspace({ 'memo.md': '---\nas_of: 2027-01-01\n---\n\nFormer foreign minister Wang Yi spoke.\n', 'judged.md': '---\nas_of: 2026-03-01\n---\n\nFormer foreign minister Wang Yi spoke.\n' });
    const json = JSON.parse(cli(['check', 'memo.md', 'judged.md', '--format', 'json'], dir).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; severity: number; related?: Array<{ line: number; message: string }> }> }>;
    const [judged, past] = json;
    assert.deepEqual(judged!.messages.map((message) => message.ruleId), ['still-in-role']);
    assert.deepEqual(past!.messages.map((message) => [message.ruleId, message.line, message.severity]), [['data-horizon', 2, 1]]);
    assert.deepEqual(past!.messages[0]!.related?.map((related) => related.line), [5]);
    const sarif = JSON.parse(cli(['check', 'memo.md', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.runs[0].results[0].ruleId, 'data-horizon');
    assert.equal(sarif.runs[0].results[0].level, 'note');
    assert.equal(sarif.runs[0].results[0].relatedLocations[0].physicalLocation.region.startLine, 5);
    const { stdout } = cli(['check', 'memo.md'], dir);
    assert.match(stdout, /This memo is dated 2027-01-01; the datasets are verified through 2026-03 for these posts\. 1 claim about a current post was not judged\./);
    assert.match(stdout, /1 claim about current posts not judged: the memo date is past the datasets' horizon \(data-horizon\)/);
  });

  it('prints the evidence under each finding, and carries it in JSON and SARIF', () => {
    const notes = JSON.stringify(
      {
        name: 'notes',
        roles: [{ id: 'x.envoy', title: 'special envoy for the Arctic' }],
        actors: [{ id: 'ann_lee', name: 'Ann Lee', tenures: [{ role: 'x.envoy', start: '2019-01-01', end: '2021-01-01', verified: false, sources: [{ title: 'A note from memory' }] }] }],
      },
      null,
      2,
    );
    const dir = workspace({ 'memo.md': staleMemo, 'arctic.md': '---\nas_of: 2024-01-01\n---\n\nAnn Lee, the special envoy for the Arctic, spoke.\n', 'notes.json': notes });
    const stylish = cli(['check', 'memo.md'], dir).stdout;
    assert.match(stylish, /\n {20}evidence: Qin Gang, foreign minister, 2022-12-30 to 2023-07-25 \(removed\); verified; source: .+ <https:\/\/[^>]+>/);
    const [result] = JSON.parse(cli(['check', 'memo.md', '--format', 'json'], dir).stdout) as Array<{ messages: Array<{ evidence: Array<{ why: string; actorName: string; sources: Array<{ url?: string }> }> }> }>;
    const evidence = result!.messages[0]!.evidence;
    assert.deepEqual(evidence.map((item) => `${item.why} ${item.actorName}`), ['claimed Qin Gang', 'holder Wang Yi']);
    assert.ok(evidence[0]!.sources.some((source) => source.url?.startsWith('https://')));
    const sarif = JSON.parse(cli(['check', 'memo.md', '--format', 'sarif'], dir).stdout);
    assert.equal(sarif.runs[0].results[0].properties.evidence[0].actorName, 'Qin Gang');
    // A finding resting on the user's own, unverified dataset: lowered to a note, with the entry as a related location.
    const arctic = JSON.parse(cli(['check', 'arctic.md', '--dataset', 'notes.json', '--format', 'sarif'], dir).stdout).runs[0].results[0];
    assert.equal(arctic.level, 'note');
    assert.match(arctic.message.text, /unverified in the datasets/);
    assert.equal(arctic.relatedLocations[0].physicalLocation.artifactLocation.uri, 'notes.json');
    assert.equal(arctic.relatedLocations[0].physicalLocation.region.startLine, 14, 'the tenure object in notes.json');
    const raised = JSON.parse(cli(['check', 'arctic.md', '--dataset', 'notes.json', '--severity', 'unverified=warning', '--format', 'json'], dir).stdout);
    assert.equal(raised[0].messages[0].severity, 1);
  });

  it('reproduces the findings documented in examples/README.md', () => {
    const { stdout } = cli(['check', 'examples', '--format', 'json'], repoRoot);
    const found = (JSON.parse(stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; ruleId: string }> }>).flatMap((result) =>
      result.messages.map((message) => `${result.filePath.split('/').pop()}:${message.line}:${message.column} ${message.ruleId}`),
    );
    assert.ok(documentedFindings().length >= 4);
    assert.deepEqual(found, documentedFindings());
  });
});
