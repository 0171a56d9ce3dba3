/**
 * One truth for the editor and CI: every fixture workspace (the fixture memos, the examples and
 * the five claim corpora, copied under parity/ by the runner) is judged by the extension host and
 * by `interlocutor check`, with a workspace dataset and a workspace setting in force, and the two
 * must report the same codes, ranges, severities and messages.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { readRegularFile } from '../../src/cli/io';
import { partialDate } from '../../src/core/dates';
import type { InterlocutorApi } from '../../src/extension';
import { closeAllEditors, codeOf, extensionApi, waitFor, withSetting, writeWorkspaceFile } from './helpers';

/** Someone only the workspace dataset knows, so a finding on them proves the CLI loaded it. */
const teamDataset = JSON.stringify({
  name: 'Parity team data',
  roles: [{ id: 'zz-trade-minister', title: 'trade minister', country: 'ZZ', unique: true }],
  actors: [{ id: 'ada-quill', name: 'Ada Quill', country: 'ZZ', kind: 'person', tenures: [{ role: 'zz-trade-minister', start: '2019-01-01', end: '2021-06-30', sources: [{ title: 'Gazette', url: 'https://example.org/gazette' }] }] }],
});

const SEVERITY_NAME: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

/** "12:1-12:27 warning stale-role Qin Gang left ...", 1-based like the CLI. */
function editorLine(diagnostic: vscode.Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1} ${SEVERITY_NAME[diagnostic.severity]} ${codeOf(diagnostic)} ${diagnostic.message}`;
}

function runCheck(args: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path, maxBytes) => readRegularFile(path, maxBytes ?? 20 * 1024 * 1024),
    readStdin: () => '',
    writeFile: () => assert.fail('the parity run writes nothing'),
    cwd,
    // The extension host's clock is pinned the same way (INTERLOCUTOR_TODAY, set by the runner).
    today: partialDate(process.env.INTERLOCUTOR_TODAY ?? '2025-10-23'),
    color: false,
  };
  // check answers at once; only import waits on the network.
  return { code: runCli(args, io) as number, stdout, stderr };
}

/** The CLI's findings per file: JSON for the ranges, compact for the severity words, in the same order. */
function cliFindings(cwd: string): Map<string, string[]> {
  const json = runCheck(['check', 'parity', '--format', 'json'], cwd);
  assert.ok(json.code === 0 || json.code === 1, `check failed (${json.code}): ${json.stderr}`);
  const compact = runCheck(['check', 'parity', '--format', 'compact'], cwd).stdout.split('\n').filter(Boolean);
  const severities = compact.map((line) => / (error|warning|info|hint) /.exec(line.slice(line.indexOf(': ')))?.[1]);
  const byFile = new Map<string, string[]>();
  let index = 0;
  for (const result of JSON.parse(json.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }> }>) {
    byFile.set(
      vscode.Uri.file(result.filePath).toString(),
      result.messages.map((message) => `${message.line}:${message.column}-${message.endLine}:${message.endColumn} ${severities[index++]} ${message.ruleId} ${message.message}`),
    );
  }
  return byFile;
}

/** Opens a memo and waits until the editor has checked it; returns its diagnostics. */
async function editorFindings(api: InterlocutorApi, uri: vscode.Uri): Promise<string[]> {
  let checked = false;
  const listener = api.onDidCheckMemo((checkedUri) => (checked ||= checkedUri.toString() === uri.toString()));
  try {
    await vscode.workspace.openTextDocument(uri);
    await waitFor(api.onDidCheckMemo, () => (checked ? true : undefined), `the editor to check ${vscode.workspace.asRelativePath(uri)}`);
  } finally {
    listener.dispose();
  }
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Interlocutor').map(editorLine);
}

describe('parity: the editor and interlocutor check judge every fixture workspace the same way', () => {
  after(closeAllEditors);

  it('same codes, ranges, severities and messages, with a workspace dataset and a workspace setting', async function () {
    this.timeout(300_000);
    const api = await extensionApi();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const datasetUri = await writeWorkspaceFile('parity/team.interlocutor.json', teamDataset);
    try {
      let loaded = Boolean((await api.knowledge()).kb.actor('ada-quill'));
      const listener = api.onDidLoadKnowledge((knowledge) => (loaded ||= Boolean(knowledge.kb.actor('ada-quill'))));
      try {
        await waitFor(api.onDidLoadKnowledge, () => (loaded ? true : undefined), 'the workspace dataset to load in the editor', 30_000);
      } finally {
        listener.dispose();
      }
      const memoUri = await writeWorkspaceFile('parity/team-memo.md', '---\nas_of: 2025-10-23\n---\n\nAda Quill, trade minister, spoke.\n\nQin Gang, foreign minister, replied.\n');
      await withSetting('interlocutor.severity.stale-role', 'error', async () => {
        const memos = (await vscode.workspace.findFiles('parity/**/*.md')).sort((a, b) => a.toString().localeCompare(b.toString()));
        assert.ok(memos.length > 100, `every fixture workspace is there (${memos.length} memos)`);
        const editor = new Map<string, string[]>();
        for (const uri of memos) editor.set(uri.toString(), await editorFindings(api, uri));
        const cli = cliFindings(folder.uri.fsPath);
        assert.deepEqual([...cli.keys()].sort(), [...editor.keys()].sort(), 'the same memos');
        let compared = 0;
        for (const [uri, findings] of editor) {
          assert.deepEqual(cli.get(uri), findings, vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
          compared += findings.length;
        }
        assert.ok(compared > 50, `findings were compared (${compared})`);
        const team = editor.get(memoUri.toString()) ?? [];
        assert.ok(team.some((line) => / error stale-role Ada Quill left the post of trade minister/.test(line)), team.join('\n'));
      });
      await vscode.workspace.fs.delete(memoUri);
    } finally {
      await vscode.workspace.fs.delete(datasetUri);
    }
  });
});
