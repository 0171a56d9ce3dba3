import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileUri, formatSarif } from '../../src/cli/formatters';
import { COMMAND_USAGE } from '../../src/cli/main';
import { severityConfig } from '../../src/core/severity';
import { runCliCaptured } from '../support/cli';

function cli(args: string[], cwd: string, stdin = '') {
  return runCliCaptured(args, cwd, { readStdin: () => stdin });
}

/** A workspace folder (it holds .vscode/) with the given files. */
function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlocutor-opts-'));
  mkdirSync(join(dir, '.vscode'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const staleMemo = '---\nas_of: 2025-10-23\n---\n\nQin Gang, foreign minister, spoke.\n';
/** Nobody in the built-in data: only a workspace dataset makes "Ada Quill, trade minister" a claim. */
const quillMemo = '---\nas_of: 2025-10-23\n---\n\nAda Quill, trade minister, spoke.\n';
const quillDataset = JSON.stringify({
  name: 'Team data',
  roles: [{ id: 'zz-trade-minister', title: 'trade minister', country: 'ZZ', unique: true }],
  actors: [{ id: 'ada-quill', name: 'Ada Quill', country: 'ZZ', kind: 'person', tenures: [{ role: 'zz-trade-minister', start: '2019-01-01', end: '2021-06-30', sources: [{ title: 'Gazette', url: 'https://example.org/gazette' }] }] }],
});

describe('command line: check finds what the editor loads', () => {
  it('a workspace dataset changes the findings without --dataset', () => {
    const without = workspace({ 'memos/quill.md': quillMemo });
    assert.equal(cli(['check', 'memos', '--format', 'compact'], without).stdout, '');
    for (const datasetPath of ['team.interlocutor.json', '.interlocutor/team.json', 'data/nested/team.interlocutor.yaml']) {
      const dir = workspace({ 'memos/quill.md': quillMemo, [datasetPath]: quillDataset });
      const { code, stdout, stderr } = cli(['check', 'memos', '--format', 'compact'], dir);
      assert.equal(stderr, '', datasetPath);
      assert.equal(code, 0);
      assert.match(stdout, /^memos\/quill\.md:5:1: warning Ada Quill left the post of trade minister on 2021-06-30.* \[stale-role\]\n$/, datasetPath);
    }
  });

  it('walks up from the memo to the workspace root, whatever the working directory', () => {
    const dir = workspace({ 'memos/deep/quill.md': quillMemo, 'team.interlocutor.json': quillDataset, '.vscode/settings.json': '{ "interlocutor.severity.stale-role": "error" }' });
    const elsewhere = mkdtempSync(join(tmpdir(), 'interlocutor-cwd-'));
    const { code, stdout } = cli(['check', join(dir, 'memos', 'deep', 'quill.md'), '--format', 'compact'], elsewhere);
    assert.equal(code, 1);
    assert.match(stdout, /:5:1: error Ada Quill left the post/);
  });

  it('reads interlocutor.asOf, interlocutor.datasets and interlocutor.unverifiedSeverity from the root settings', () => {
    const dir = workspace({
      'memo.md': 'Ada Quill, trade minister, spoke.\n',
      'shared/team.json': quillDataset,
      '.vscode/settings.json': '{\n  // comments are allowed, as in VS Code\n  "interlocutor.asOf": "2025-01",\n  "interlocutor.datasets": ["shared/team.json"],\n}',
    });
    const { stdout } = cli(['check', 'memo.md', '--format', 'json'], dir);
    const [result] = JSON.parse(stdout);
    assert.equal(result.asOf, '2025-01 (setting interlocutor.asOf)');
    assert.equal(result.messages[0].ruleId, 'stale-role');
  });

  it('--print-config shows the date and its origin, the datasets with their horizons, and the severities', () => {
    const dir = workspace({ 'memo.md': staleMemo, 'team.interlocutor.json': quillDataset, '.vscode/settings.json': '{ "interlocutor.severity.never-held-role": "error" }' });
    const text = cli(['check', '--print-config', 'memo.md'], dir);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /As of: +2025-10-23 \(front matter as_of\)/);
    assert.match(text.stdout, /built-in +.*builtin\.json +horizon \d{4}/);
    assert.match(text.stdout, /workspace +team\.interlocutor\.json +horizon none/);
    assert.match(text.stdout, /never-held-role +error/);
    const json = JSON.parse(cli(['check', '--print-config', 'memo.md', '--format', 'json'], dir).stdout);
    assert.deepEqual(json.asOf, { date: '2025-10-23', source: 'front matter as_of' });
    assert.deepEqual(json.datasets.map((entry: { kind: string }) => entry.kind), ['built-in', 'workspace']);
    assert.equal(json.severities['stale-role'], 'warning');
    assert.equal(json.workspaceRoot, dir);
  });
});

describe('command line: check options', () => {
  it('--help on every command prints its usage and exits 0', () => {
    const dir = workspace({});
    for (const command of Object.keys(COMMAND_USAGE)) {
      for (const flag of ['--help', '-h']) {
        const { code, stdout } = cli([command, flag], dir);
        assert.equal(code, 0, `${command} ${flag}`);
        assert.match(stdout, new RegExp(`^Usage: interlocutor ${command}`));
      }
    }
    assert.match(cli(['check', '--help'], dir).stdout, /--stdin-filename/);
  });

  it('--stdin checks standard input; --stdin-filename names it and places it in its workspace', () => {
    const dir = workspace({ 'team.interlocutor.json': quillDataset });
    const anonymous = cli(['check', '--stdin', '--format', 'compact'], dir, staleMemo);
    assert.equal(anonymous.code, 0);
    assert.match(anonymous.stdout, /^<stdin>:5:1: warning Qin Gang left the post of foreign minister/);
    const named = cli(['check', '--stdin', '--stdin-filename', 'memos/draft.md', '--format', 'compact'], dir, quillMemo);
    assert.match(named.stdout, /^memos\/draft\.md:5:1: warning Ada Quill left the post/);
    assert.equal(cli(['check', '--stdin-filename', 'x.md'], dir).code, 2);
    assert.equal(cli(['check', '--stdin', 'memo.md'], dir).code, 2);
  });

  it('--quiet reports errors only', () => {
    const dir = workspace({ 'memo.md': `${staleMemo}\nCommerce Secretary Scott Bessent spoke.\n` });
    const all = cli(['check', 'memo.md', '--format', 'compact', '--severity', 'never-held-role=error'], dir);
    assert.deepEqual(all.stdout.trim().split('\n').map((line) => line.split(' ')[1]), ['warning', 'error']);
    const quiet = cli(['check', 'memo.md', '--format', 'compact', '--severity', 'never-held-role=error', '--quiet'], dir);
    assert.equal(quiet.code, 1);
    assert.deepEqual(quiet.stdout.trim().split('\n').map((line) => line.split(' ')[1]), ['error']);
  });

  it('-o and --output-file write the report to a file and nothing to standard output', () => {
    const dir = workspace({ 'memo.md': staleMemo });
    for (const flag of ['-o', '--output-file']) {
      const { code, stdout } = cli(['check', 'memo.md', '--format', 'json', flag, 'report.json'], dir);
      assert.equal(code, 0);
      assert.equal(stdout, '');
      assert.equal(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))[0].messages[0].ruleId, 'stale-role');
    }
    assert.equal(cli(['check', 'memo.md', '-o', join(dir, 'missing', 'dir', 'r.txt')], dir).code, 2);
  });

  it('--format compact prints file:line:col: severity message [code]', () => {
    const dir = workspace({ 'memo.md': staleMemo });
    const { stdout } = cli(['check', 'memo.md', '--format', 'compact'], dir);
    assert.equal(stdout, 'memo.md:5:1: warning Qin Gang left the post of foreign minister on 2023-07-25; on 2025-10-23 the foreign minister is Wang Yi. [stale-role]\n');
  });

  it('.interlocutorignore (gitignore syntax) and --ignore-pattern skip memos', () => {
    const dir = workspace({ 'memos/a.md': staleMemo, 'drafts/b.md': staleMemo, 'memos/old/c.md': staleMemo, '.interlocutorignore': '# drafts are not checked\ndrafts/\n' });
    const files = (args: string[]) => cli(['check', ...args, '--format', 'json'], dir).stdout;
    const checked = (args: string[]) => JSON.parse(files(args)).map((result: { filePath: string }) => result.filePath.slice(dir.length + 1));
    assert.deepEqual(checked(['.']), ['memos/a.md', 'memos/old/c.md']);
    assert.deepEqual(checked(['.', '--ignore-pattern', 'old/']), ['memos/a.md']);
    assert.deepEqual(checked(['.', '--ignore-pattern', '*.md', '--ignore-pattern', '!a.md']), ['memos/a.md']);
    const named = cli(['check', 'drafts/b.md'], dir);
    assert.match(named.stderr, /drafts\/b\.md: warning: not checked, it matches an ignore pattern/);
  });

  it('exits 0 without errors, 1 with errors, 2 on usage and dataset errors', () => {
    const dir = workspace({ 'memo.md': staleMemo, 'bad.interlocutor.json': '{ "actors": [ }' });
    assert.equal(cli(['check', 'memo.md', '--format', 'sideways'], dir).code, 2);
    const broken = cli(['check', 'memo.md'], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /bad\.interlocutor\.json:1:\d+: error:/);
    const clean = workspace({ 'memo.md': staleMemo });
    assert.equal(cli(['check', 'memo.md'], clean).code, 0);
    assert.equal(cli(['check', 'memo.md', '--severity', 'stale-role=error'], clean).code, 1);
  });
});

describe('command line: SARIF', () => {
  const message = { ruleId: 'stale-role' as const, severity: 'warning' as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2, suggestions: [] };

  it('makes file:// URIs valid for Windows, UNC and POSIX paths', () => {
    assert.equal(fileUri('C:\\Users\\Ann Lee\\memos', true), 'file:///C:/Users/Ann%20Lee/memos/');
    assert.equal(fileUri('d:/memos/a#1.md'), 'file:///D:/memos/a%231.md');
    assert.equal(fileUri('\\\\server\\share\\memo.md'), 'file://server/share/memo.md');
    assert.equal(fileUri('/home/ann/memos/a b.md'), 'file:///home/ann/memos/a%20b.md');
  });

  it('writes a Windows working directory and memo as a base URI and a relative one', () => {
    const sarif = JSON.parse(formatSarif([{ filePath: 'C:\\work\\memos\\q 1.md', messages: [message], asOf: '' }], 'C:\\work', '1.0.0', severityConfig(() => undefined)));
    const run = sarif.runs[0];
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, 'file:///C:/work/');
    assert.deepEqual(run.results[0].locations[0].physicalLocation.artifactLocation, { uri: 'memos/q%201.md', uriBaseId: 'SRCROOT' });
    const outside = JSON.parse(formatSarif([{ filePath: 'E:\\other\\m.md', messages: [message], asOf: '' }], 'C:\\work', '1.0.0', severityConfig(() => undefined)));
    assert.deepEqual(outside.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: 'file:///E:/other/m.md' });
    assert.match(sarif.runs[0].tool.driver.rules[0].helpUri, /#stale-role$/);
  });
});
