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
  const written: Record<string, string> = {};
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => {
      if (path in files) return files[path]!;
      return readFileSync(path, 'utf8');
    },
    writeFile: (path, text) => {
      written[path] = text;
    },
    cwd: '/work/memos',
    today: partialDate('2025-10-23'),
    color: false,
  };
  const code = runCli(args, io);
  return { code, stdout, stderr, written };
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
    assert.match(stderr, /cannot read dataset \/work\/memos\/missing\.json: ENOENT/);
  });
});

describe('command line: the built bundle', () => {
  it('runs as dist/cli.js, the file package.json declares in bin', () => {
    const cli = join(repoRoot, JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).bin.interlocutor);
    const out = execFileSync(process.execPath, [cli, 'actor', 'He Lifeng', '--as-of', '2025-10-23'], { encoding: 'utf8' });
    assert.match(out, /vice-premier \(since 2023-03-12\)/);
  });
});

describe('command line: channels', () => {
  it('prints the channels by status as of a date, with posts and key dates', () => {
    const { code, stdout } = cli(['channels', '--as-of', '2025-10-23']);
    assert.equal(code, 0);
    assert.match(stdout, /^Channels as of 2025-10-23 \(--as-of\) · data verified through 2025-10\n/);
    const active = stdout.slice(stdout.indexOf('\nActive ('), stdout.indexOf('\nDormant ('));
    assert.match(active, /Bessent-He Lifeng trade talks[^\n]*\n {4}official talks · since 2025-05-10\n {4}- Scott Bessent, the US treasury secretary\n {4}- He Lifeng, China's vice-premier\n {4}2025-05-10 {2}Geneva/);
    assert.match(stdout.slice(stdout.indexOf('\nClosed (')), /Kushner-Cui Tiankai back channel/);
  });

  it('prints JSON with each channel, its state, endpoints and events', () => {
    const { code, stdout } = cli(['channels', '--as-of', '2025-10-23', '--actor', 'he_lifeng', '--format', 'json']);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    assert.equal(result.asOf, '2025-10-23');
    assert.deepEqual(result.channels.map((channel: { id: string }) => channel.id).sort(), ['bessent_he_lifeng', 'jensen_huang_intermediary', 'yellen_he_working_groups']);
    const talks = result.channels.find((channel: { id: string }) => channel.id === 'bessent_he_lifeng');
    assert.equal(talks.stateOnDate, 'active');
    assert.deepEqual(talks.endpoints[0], { id: 'scott_bessent', name: 'Scott Bessent', country: 'US', postOnDate: 'the US treasury secretary' });
    assert.equal(talks.events[0].date, '2025-05-10');
    assert.ok(talks.events[0].sources[0].url.startsWith('https://'));
  });

  it('accepts a name for --actor when it names one person, and filters by country and kind', () => {
    const byName = JSON.parse(cli(['channels', '--actor', 'Jared Kushner', '--format', 'json']).stdout);
    assert.deepEqual(byName.channels.map((channel: { id: string }) => channel.id), ['kushner_cui']);
    const leaders = JSON.parse(cli(['channels', '--kind', 'leader-level', '--country', 'us', '--format', 'json']).stdout);
    assert.deepEqual(leaders.channels.map((channel: { id: string }) => channel.id), ['biden_xi_summits', 'trump_xi_leader']);
  });

  it('draws the SVG timeline, light or dark, to stdout', () => {
    const light = cli(['channels', '--as-of', '2025-10-23', '--format', 'svg']);
    assert.equal(light.code, 0);
    assert.match(light.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="700"/);
    assert.match(light.stdout, /data-channel="bessent_he_lifeng" data-state="active"/);
    assert.match(light.stdout, /<g class="memo-date" data-date="2025-10-23">/);
    assert.match(cli(['channels', '--format', 'svg', '--theme', 'dark']).stdout, /variant-dark/);
  });

  it('writes only to the -o file, and says so on stderr', () => {
    const { code, stdout, stderr, written } = cli(['channels', '--as-of', '2025-10-23', '--format', 'svg', '-o', 'figures/channels.svg']);
    assert.equal(code, 0);
    assert.equal(stdout, '');
    assert.deepEqual(Object.keys(written), ['/work/memos/figures/channels.svg']);
    assert.match(written['/work/memos/figures/channels.svg']!, /<svg /);
    assert.match(stderr, /Wrote 19 channel\(s\) as of 2025-10-23 to \/work\/memos\/figures\/channels.svg/);
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['an unknown format', ['channels', '--format', 'png'], /--format must be one of text, json, svg/],
    ['an unknown kind', ['channels', '--kind', 'secret'], /--kind must be one of official-talks/],
    ['a bad date', ['channels', '--as-of', '2025-02-30'], /--as-of: "2025-02-30" is not a real date/],
    ['an ambiguous actor', ['channels', '--actor', 'Mr Wang'], /--actor "Mr Wang" is not an actor id; did you mean .*Wang Yi \(wang_yi\)/],
    ['a file argument', ['channels', 'out.svg'], /channels takes no file arguments/],
  ];
  for (const [what, args, message] of usage) {
    it(`exits 2 on ${what}`, () => {
      const { code, stderr, written } = cli(args);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.deepEqual(written, {});
    });
  }
});
