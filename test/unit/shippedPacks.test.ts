import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partialDate } from '../../src/core/dates';
import { loadKnowledge } from '../../src/core/datasets';
import { verifyPack, type Pack } from '../../src/core/packs/manifest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { builtinDatasetPath, repoRoot } from '../support/repo';

const shipped = ['us-congress', 'uk-ministers'].map((id) => ({ id, path: join(repoRoot, 'data', 'packs', `${id}.pack.json`) }));

function readPack(path: string): Pack {
  const verified = verifyPack(JSON.parse(readFileSync(path, 'utf8')));
  assert.ok(verified.ok, verified.ok ? '' : verified.problems.join('\n'));
  return verified.pack;
}

describe('the packs in data/packs', () => {
  for (const { id, path } of shipped) {
    it(`${id} verifies, names its source commit and licence, and is compact`, () => {
      const text = readFileSync(path, 'utf8');
      const pack = readPack(path);
      assert.equal(pack.manifest.id, id);
      assert.match(pack.manifest.sources[0]?.commit ?? '', /^[0-9a-f]{40}$/);
      assert.ok(['CC0-1.0', 'CC-BY-4.0'].includes(pack.manifest.sources[0]?.license ?? ''));
      assert.equal(text.split('\n').length, 2, 'one line of JSON');
      assert.ok(text.length < 1_200_000, `${text.length} bytes`);
    });
  }

  it('load beside the built-in dataset with no problem', () => {
    const texts = [{ file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') }, ...shipped.map(({ path }) => ({ file: path, text: JSON.stringify(readPack(path).dataset) }))];
    const knowledge = loadKnowledge(texts);
    assert.deepEqual(knowledge.problems.map((problem) => `${problem.file}: ${problem.message}`), []);
    assert.ok(knowledge.kb.actorCount > 1700);
  });

  it('judge the claims of issue 10 in a memo dated 2026-03-01', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'interlocutor-packs-'));
    try {
      const datasets = shipped.map(({ id, path }) => {
        const file = join(dir, `${id}.json`);
        writeFileSync(file, JSON.stringify(readPack(path).dataset));
        return file;
      });
      const memo = join(dir, 'memo.md');
      const lines = ['---', 'as_of: 2026-03-01', '---', 'Representative Maria Cantwell spoke.', '', 'Senator Maria Cantwell spoke.', '', 'Foreign Secretary David Lammy spoke.', '', 'Home Secretary James Cleverly spoke.', '', 'Foreign Secretary Yvette Cooper spoke.', ''];
      writeFileSync(memo, lines.join('\n'));
      let stdout = '';
      let stderr = '';
      const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readFile: (path) => readFileSync(path, 'utf8'), writeFile: () => assert.fail('check writes nothing'), readStdin: () => '', cwd: dir, today: partialDate('2026-12-01'), color: false };
      const code = await runCli(['check', memo, '--format', 'json', ...datasets.flatMap((file) => ['--dataset', file])], io);
      assert.equal(code, 0, stderr);
      const messages = (JSON.parse(stdout) as Array<{ messages: Array<{ line: number; ruleId: string; message: string }> }>).flatMap((file) => file.messages);
      assert.deepEqual(
        messages.map((message) => [message.line, message.ruleId]),
        [
          [4, 'stale-role'],
          [8, 'stale-role'],
          [10, 'stale-role'],
        ],
      );
      assert.match(messages[1]?.message ?? '', /Yvette Cooper/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
