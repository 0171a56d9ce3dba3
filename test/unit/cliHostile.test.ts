import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRegularFile, type CliIo } from '../../src/cli/io';
import { jsonTerminalSafe, terminalSafe } from '../../src/cli/terminalText';
import { runCliCaptured } from '../support/cli';

/** The CLI in memory, reading files the way the real one does (regular files only, size-capped). */
function cli(args: string[], cwd: string, readFile: CliIo['readFile'] = (path, maxBytes) => readRegularFile(path, maxBytes ?? 20 * 1024 * 1024)) {
  return runCliCaptured(args, cwd, { readFile, writeFile: () => assert.fail('nothing is written') });
}

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'interlocutor-hostile-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const staleMemo = '---\nas_of: 2025-10-23\n---\n\nQin Gang, foreign minister, spoke.\n';
const ESC = '\u001b';
const BEL = '\u0007';

describe('command line: hostile input (issue 11)', () => {
  describe('reads only regular files', () => {
    const dir = workspace({ 'memo.md': staleMemo, 'folder/x.json': '{}' });
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const cases: Array<[string, string[], RegExp]> = [
      ['a FIFO as a dataset', ['check', 'memo.md', '--dataset', 'pipe.json'], /cannot read dataset .*pipe\.json: it is a named pipe \(FIFO\), not a regular file/],
      ['/dev/zero as a dataset', ['validate', '/dev/zero'], /cannot read dataset \/dev\/zero: it is a device, not a regular file/],
      ['/dev/urandom as a memo', ['check', '/dev/urandom'], /cannot read \/dev\/urandom: it is a device, not a regular file/],
      ['a directory as a dataset', ['validate', 'folder'], /cannot read dataset .*folder: it is a directory, not a regular file/],
      ['a missing dataset', ['validate', 'nothing.json'], /cannot read dataset .*nothing\.json: no such file/],
    ];
    for (const [what, args, message] of cases) {
      it(`refuses ${what} with one line and exit 2`, () => {
        const { code, stderr } = cli(args, dir);
        assert.equal(code, 2);
        assert.match(stderr, message);
        assert.equal(stderr.trim().split('\n').length, 1, stderr);
      });
    }
  });

  it('refuses files over interlocutor.maxFileSize (megabytes) with the sizes', () => {
    const dir = workspace({ 'big.md': `${staleMemo}${'Words and more words. '.repeat(100_000)}`, '.vscode/settings.json': '{ "interlocutor.maxFileSize": 1 }' });
    const { code, stderr } = cli(['check', 'big.md'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /cannot read .*big\.md: it is 2\.1 MB, over the 1 MB limit \(setting interlocutor\.maxFileSize\)/);
  });

  describe('walks directories without looping or leaving the tree', () => {
    const outside = workspace({ 'secret.md': staleMemo });
    const dir = workspace({ 'tree/memo.md': staleMemo, 'tree/loop/inner.md': staleMemo });
    symlinkSync('../loop', join(dir, 'tree', 'loop', 'a'));
    symlinkSync('.', join(dir, 'tree', 'self'));
    symlinkSync(outside, join(dir, 'tree', 'out'));
    symlinkSync('memo.md', join(dir, 'tree', 'alias.md'));
    const checked = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((result) => result.filePath.slice(dir.length + 1));

    it('checks each memo once, through cycles, and says which link it did not follow', () => {
      const { code, stdout, stderr } = cli(['check', 'tree', '--format', 'json'], dir);
      assert.equal(code, 0);
      // alias.md is a link to memo.md: one file, checked once, under its own name.
      assert.deepEqual(checked(stdout), ['tree/loop/inner.md', 'tree/memo.md']);
      assert.match(stderr, /not following tree\/out -> .*: it leads out of tree \(use --follow-symlinks to follow it\)/);
    });

    it('follows links out of the tree when asked, still without looping', () => {
      const { stdout } = cli(['check', 'tree', '--format', 'json', '--follow-symlinks'], dir);
      assert.deepEqual(checked(stdout), ['tree/loop/inner.md', 'tree/memo.md', 'tree/out/secret.md']);
    });
  });

  describe('never prints control characters from data or memos', () => {
    const evil = `Wang${ESC}]52;c;ZXZpbA==${BEL} Yi${ESC}[2J\u202e`;
    const dataset = JSON.stringify({
      name: 'Evil',
      actors: [
        { id: 'wang_yi', name: evil, tenures: [{ role: 'cn.foreign_minister', start: '2023-07-25', end: null }] },
        { id: 'zed_evilson', name: `Zed Evilson${ESC}[2J`, summary: `Clears the screen${ESC}[2J and writes the clipboard${ESC}]52;c;ZXZpbA==${BEL}` },
      ],
    });
    // YAML's "\e" is the escape character: a field name that holds one.
    const dir = workspace({ 'evil.json': dataset, 'memo.md': staleMemo, 'bad.yaml': 'name: x\n"\\e[2J": 1\n' });
    const clean = (output: string) => {
      // eslint-disable-next-line no-control-regex
      assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(output), JSON.stringify(output));
    };
    const cases: Array<[string, string[]]> = [
      ['actor as text', ['actor', 'Zed Evilson', '--dataset', 'evil.json']],
      ['actor as JSON', ['actor', 'Zed Evilson', '--dataset', 'evil.json', '--format', 'json']],
      ['check (stylish)', ['check', 'memo.md', '--dataset', 'evil.json']],
      ['check (json)', ['check', 'memo.md', '--dataset', 'evil.json', '--format', 'json']],
      ['check (sarif)', ['check', 'memo.md', '--dataset', 'evil.json', '--format', 'sarif']],
      ['validate', ['validate', 'bad.yaml']],
      ['an actor query', ['actor', `nobody${ESC}[2J`]],
    ];
    for (const [what, args] of cases) {
      it(what, () => {
        const { stdout, stderr } = cli(args, dir);
        clean(stdout);
        clean(stderr);
        assert.match(stdout + stderr, /\\x1b|\\u001b/, 'the escape is shown, not dropped');
      });
    }
    it('shows escapes visibly and keeps JSON equal', () => {
      assert.equal(terminalSafe(`a${ESC}[2Jb\n\tc\u202e`), 'a\\x1b[2Jb\n\tc\\u202e');
      assert.deepEqual(JSON.parse(jsonTerminalSafe(JSON.stringify({ name: `x\u009b31m\u202ey` }))), { name: 'x\u009b31m\u202ey' });
    });
  });

  it('reads --as-of 0090 as the year 90, when no one held today\'s posts', () => {
    const { code, stdout } = cli(['actor', 'Terry Branstad', '--as-of', '0090'], '/');
    assert.equal(code, 0);
    assert.match(stdout, /As of 0090/);
    assert.doesNotMatch(stdout, /As of 0090 \(--as-of\): governor/);
  });

  it('prints positions in lone-CR memos on the line the editor shows', () => {
    const dir = workspace({ 'cr.md': 'Title\rIntro.\rQin Gang, foreign minister, spoke.' });
    const [result] = JSON.parse(cli(['check', 'cr.md', '--format', 'json', '--as-of', '2025-10-23'], dir).stdout);
    assert.deepEqual([result.messages[0].line, result.messages[0].column], [3, 1]);
  });

  it('turns an internal error into one line and exit 2; --debug adds the stack', () => {
    // A reader that breaks its contract (no text at all): a bug, not a bad file.
    const broken: CliIo['readFile'] = () => undefined as unknown as string;
    const plain = cli(['validate', 'x.json'], '/', broken);
    assert.equal(plain.code, 2);
    assert.match(plain.stderr, /^interlocutor: internal error: .+ \(run again with --debug for details\)\n$/);
    const debug = cli(['validate', 'x.json', '--debug'], '/', broken);
    assert.equal(debug.code, 2);
    assert.match(debug.stderr, /\n\s+at /);
  });
});
