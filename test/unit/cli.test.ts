import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { partialDate } from '../../src/core/dates';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { repoRoot } from '../support/repo';

/** Runs the CLI in memory with the given files (by absolute path) and returns what it printed. */
function cli(args: string[], files: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      if (path in files) return files[path]!;
      return readFileSync(path, 'utf8');
    },
    cwd: '/work/memos',
    today: partialDate('2025-10-23'),
    color: false,
  };
  const code = runCli(args, io);
  return { code, stdout, stderr };
}

describe('command line: actor', () => {
  it('prints the card as of a date', () => {
    const { code, stdout } = cli(['actor', 'Qin Gang', '--as-of', '2023-03-01']);
    assert.equal(code, 0);
    assert.match(stdout, /^Qin Gang \(秦刚\) · China/);
    assert.match(stdout, /As of 2023-03-01 \(--as-of\): foreign minister \(since 2022-12-30\)/);
  });

  it('prints JSON with each tenure, its post title, start, end and acting flag', () => {
    const { code, stdout } = cli(['actor', 'qin gang', '--format', 'json', '--as-of', '2025-10-23']);
    assert.equal(code, 0);
    const card = JSON.parse(stdout);
    assert.equal(card.id, 'qin_gang');
    const foreignMinister = card.tenures.find((tenure: { role: string }) => tenure.role === 'cn.foreign_minister');
    assert.deepEqual(
      { title: foreignMinister.title, postTitle: foreignMinister.postTitle, start: foreignMinister.start, end: foreignMinister.end, acting: foreignMinister.acting, stateOnDate: foreignMinister.stateOnDate },
      { title: 'foreign minister', postTitle: 'foreign minister', start: '2022-12-30', end: '2023-07-25', acting: false, stateOnDate: 'former' },
    );
  });

  it('finds misspelled names', () => {
    const { code, stdout } = cli(['actor', 'Qin Gnag']);
    assert.equal(code, 0);
    assert.match(stdout, /^Qin Gang/);
  });

  it('lists everyone who shares an alias', () => {
    const { stdout } = cli(['actor', 'Mr Wang', '--format', 'json']);
    const ids = (JSON.parse(stdout) as Array<{ id: string }>).map((card) => card.id);
    assert.ok(ids.includes('wang_yi') && ids.includes('wang_qishan'), ids.join());
  });

  it('exits 1 when nothing matches and 2 on a bad date or format', () => {
    assert.equal(cli(['actor', 'Zzyzx Qwerty']).code, 1);
    const badDate = cli(['actor', 'Qin Gang', '--as-of', '2023-02-30']);
    assert.equal(badDate.code, 2);
    assert.match(badDate.stderr, /--as-of: "2023-02-30" is not a real date/);
    assert.equal(cli(['actor', 'Qin Gang', '--format', 'xml']).code, 2);
    assert.equal(cli(['frobnicate']).code, 2);
    assert.equal(cli(['actor', 'x', '--no-such-option']).code, 2);
  });

  it('reads extra datasets given with --dataset', () => {
    const extra = JSON.stringify({ name: 'Extra', actors: [{ id: 'ben_okafor', name: 'Ben Okafor', summary: 'A test person.' }] });
    const { code, stdout } = cli(['actor', 'Ben Okafor', '--dataset', 'extra.json'], { '/work/memos/extra.json': extra });
    assert.equal(code, 0);
    assert.match(stdout, /A test person\./);
  });
});

describe('command line: validate', () => {
  it('exits 0 for a valid dataset', () => {
    const valid = JSON.stringify({ name: 'Ok', actors: [{ id: 'a', name: 'A', tenures: [{ role: 'cn.vice_premier', start: '2030' }] }] });
    const { code, stdout } = cli(['validate', 'ok.json'], { '/work/memos/ok.json': valid });
    assert.equal(code, 0);
    assert.match(stdout, /1 dataset file\(s\) valid/);
  });

  it('exits 2 and prints file:line:column for each problem', () => {
    const broken = '{\n  "name": "Bad",\n  "actors": [{ "id": "a", "name": "A", "tenures": [{ "role": "no.such_post" }] }]\n}\n';
    const { code, stderr } = cli(['validate', 'bad.json'], { '/work/memos/bad.json': broken });
    assert.equal(code, 2);
    assert.match(stderr, /^\/work\/memos\/bad\.json:3:62: error: actors\[0\]\.tenures\[0\]\.role: unknown post id "no\.such_post"/m);
  });

  it('exits 2 on a file it cannot read', () => {
    const { code, stderr } = cli(['validate', 'missing.json']);
    assert.equal(code, 2);
    assert.match(stderr, /cannot read dataset \/work\/memos\/missing\.json: no such file/);
  });
});

describe('command line: the built bundle', () => {
  it('runs as dist/cli.js, the file package.json declares in bin', () => {
    const cli = join(repoRoot, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin.interlocutor);
    const out = execFileSync(process.execPath, [cli, 'actor', 'He Lifeng', '--as-of', '2025-10-23'], { encoding: 'utf8' });
    assert.match(out, /vice-premier \(since 2023-03-12\)/);
  });
});
