import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as vscode from 'vscode';
import type { InterlocutorApi } from '../../src/extension';
import { KnowledgeStore } from '../../src/vscode/knowledgeStore';
import { HOSTILE_DATASETS, REUSED_ANCHORS } from '../support/hostileDatasets';
import { closeAllEditors, EXTENSION_ID, extensionApi, hoverMarkdown, memo, openMemo, positionOf, scratchUri, unescapeMarkdown, waitForDiagnostics, withSetting, writeWorkspaceFile, codeOf, loadWhere, completionLabel } from './helpers';

// Hostile files are large: their loads are given longer than the usual wait.
const HOSTILE_LOAD_TIMEOUT_MS = 60_000;

const stale = 'Qin Gang, foreign minister, spoke with Wang Yi.';

/** Hovers, completions and checks on the built-in data, all working. */
async function builtInFeaturesWork(): Promise<void> {
  const document = await openMemo(memo('2025-10-23', `${stale}\n\nTalks with He Li`));
  assert.match(unescapeMarkdown(await hoverMarkdown(document, positionOf(document, 'Qin Gang'))), /^\*\*Qin Gang\*\*/);
  const typed = document.positionAt(document.getText().indexOf('He Li') + 'He Li'.length);
  const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, typed, undefined, 100);
  assert.ok(completions.items.some((item) => completionLabel(item) === 'He Lifeng'), 'He Lifeng is offered');
  await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === 'stale-role'), 'the stale claim to be reported');
}

describe('hostile input in the extension host (issue 11)', () => {
  let api: InterlocutorApi;
  before(async () => {
    api = await extensionApi();
  });
  afterEach(closeAllEditors);

  it('reports every hostile dataset on its file, loads reused anchors, and keeps every feature working', async () => {
    const uris = new Map<string, vscode.Uri>();
    for (const hostile of [...HOSTILE_DATASETS, REUSED_ANCHORS]) uris.set(hostile.file, await writeWorkspaceFile(`hostile/${hostile.file}`, hostile.text));
    try {
      const knowledge = await loadWhere(
        api,
        (candidate) => Boolean(candidate.kb.actor('hostile.envoy_100')) && HOSTILE_DATASETS.every((hostile) => candidate.problems.some((problem) => problem.file === uris.get(hostile.file)!.toString())),
        'a load that reports every hostile file and loads the reused anchors',
        HOSTILE_LOAD_TIMEOUT_MS,
      );
      for (const hostile of HOSTILE_DATASETS) {
        const uri = uris.get(hostile.file)!;
        const diagnostics = await waitForDiagnostics(uri, (list) => list.length > 0, `a dataset-invalid diagnostic on ${hostile.file}`);
        assert.equal(codeOf(diagnostics[0]!), 'dataset-invalid');
        assert.match(diagnostics[0]!.message, hostile.message, hostile.what);
      }
      assert.deepEqual(knowledge.problems.filter((problem) => problem.file === uris.get(REUSED_ANCHORS.file)!.toString()), []);
      await builtInFeaturesWork();
    } finally {
      for (const uri of uris.values()) await vscode.workspace.fs.delete(uri);
    }
    await loadWhere(api, (knowledge) => !knowledge.kb.actor('hostile.envoy_100') && knowledge.problems.length === 0, 'the hostile files to go away', HOSTILE_LOAD_TIMEOUT_MS);
  });

  it('refuses a directory, a FIFO and an oversized file named in settings, on the file, and keeps working', async () => {
    const folder = vscode.workspace.workspaceFolders![0]!.uri;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, 'hostile', 'a-folder.json'));
    const fifo = vscode.Uri.joinPath(folder, 'hostile', 'pipe.json');
    execFileSync('mkfifo', [fifo.fsPath]);
    await writeWorkspaceFile('hostile/big.json', JSON.stringify({ name: 'Big', summary: 'x'.repeat(1_300_000) }));
    try {
      await withSetting('interlocutor.maxFileSize', 1, () =>
        withSetting('interlocutor.datasets', ['hostile/a-folder.json', 'hostile/pipe.json', 'hostile/big.json'], async () => {
          const knowledge = await loadWhere(api, (candidate) => candidate.problems.length >= 3, 'the three refusals', HOSTILE_LOAD_TIMEOUT_MS);
          const message = (name: string) => knowledge.problems.find((problem) => problem.file.endsWith(name))?.message ?? '';
          assert.match(message('a-folder.json'), /cannot read this dataset: it is a directory/);
          assert.match(message('pipe.json'), /cannot read this dataset: it is not a regular file/);
          assert.match(message('big.json'), /cannot read this dataset: it is 1\.2 MB, over the 1 MB limit \(setting interlocutor\.maxFileSize\)/);
          await builtInFeaturesWork();
        }),
      );
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'hostile'), { recursive: true });
    }
  });

  it('never keeps a failed load: the features get the built-in data, and the next change loads again', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const log = vscode.window.createOutputChannel('Interlocutor hostile test', { log: true });
    let calls = 0;
    const store = new KnowledgeStore(extension.extensionUri, log, {
      loader: async () => {
        calls++;
        if (calls === 1) throw new RangeError('Maximum call stack size exceeded');
        return api.knowledge();
      },
    });
    try {
      const first = await store.reload();
      assert.equal(calls, 1);
      assert.ok(first.kb.actor('qin_gang'), 'the built-in data is served after a failed load');
      assert.equal(await store.get(), first);
      const second = await store.reload();
      assert.equal(calls, 2, 'the next change loads again');
      assert.equal(second, await api.knowledge());
      assert.equal(await store.get(), second);
    } finally {
      store.dispose();
      log.dispose();
    }
  });

  it('does not check a memo over interlocutor.checkLimit while typing, and checks it again under the limit', async () => {
    const long = memo('2025-10-23', `${stale}\n\n${'Plain words in a long memo. '.repeat(80)}`);
    await withSetting('interlocutor.checkLimit', 1, async () => {
      const uri = scratchUri('long-memo.md');
      const checked = new Promise<void>((resolve) => {
        const listener = api.onDidCheckMemo((checkedUri) => {
          if (checkedUri.toString() !== uri.toString()) return;
          listener.dispose();
          resolve();
        });
      });
      await openMemo(long, 'long-memo.md');
      await checked;
      assert.deepEqual(vscode.languages.getDiagnostics(uri), [], 'a memo over the limit has no stale-claim diagnostics');
    });
    const document = await openMemo(long, 'long-memo-again.md');
    await waitForDiagnostics(document.uri, (list) => list.some((diagnostic) => codeOf(diagnostic) === 'stale-role'), 'the memo to be checked under the default limit');
  });

  it('Set Memo Date refuses front matter it cannot edit safely and writes nothing', async () => {
    const text = '---\nas_of: [2023, 2024]\n---\n\nQin Gang spoke.\n';
    const document = await openMemo(text);
    const applied = await vscode.commands.executeCommand<boolean>('interlocutor.setMemoDate', '2021-04-05');
    assert.equal(applied, false);
    assert.equal(document.getText(), text);
  });
});
