import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../support/repo';
import { runCliCaptured } from '../support/cli';

/** Runs the CLI in memory with the given files (by absolute path) and returns what it printed. */
function cli(args: string[], files: Record<string, string> = {}) {
  const written: Record<string, string> = {};
  const run = runCliCaptured(args, '/work/memos', {
    readFile: (path) => (path in files ? files[path]! : readFileSync(path, 'utf8')),
    writeFile: (path, text) => {
      written[path] = text;
    },
  });
  return { ...run, written };
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

  // Through the completion index: a post names whoever held it on the --as-of date.
  const byPost: Array<[string, string, RegExp]> = [
    ['foreign minister', '2023-03-01', /^Qin Gang/],
    ['foreign minister', '2025-10-23', /^Wang Yi/],
    ['treasury sec', '2022-06-01', /^Janet Yellen/],
  ];
  for (const [query, asOf, first] of byPost) {
    it(`finds the holder of "${query}" on ${asOf}`, () => {
      const { code, stdout } = cli(['actor', query, '--as-of', asOf]);
      assert.equal(code, 0);
      assert.match(stdout, first);
    });
  }

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

describe('command line: actor, with the refreshed table', () => {
  it('lists Han Zheng\'s executive vice-premiership, 2018-03-19 to 2023-03-12, with its sources', () => {
    const { code, stdout } = cli(['actor', 'Han Zheng', '--format', 'json', '--as-of', '2020-01-01']);
    assert.equal(code, 0);
    const card = JSON.parse(stdout);
    const vicePremiership = card.tenures.find((tenure: { role: string }) => tenure.role === 'cn.executive_vice_premier');
    assert.ok(vicePremiership, JSON.stringify(card.tenures.map((tenure: { role: string }) => tenure.role)));
    assert.deepEqual(
      { start: vicePremiership.start, end: vicePremiership.end, stateOnDate: vicePremiership.stateOnDate, verified: vicePremiership.verified },
      { start: '2018-03-19', end: '2023-03-12', stateOnDate: 'current', verified: true },
    );
    assert.deepEqual(vicePremiership.sources.map((source: { id: string }) => source.id), ['han_zheng_wiki', 'vice_premiers']);
  });

  it('gives each open tenure its horizon in JSON, and says when the date is past it', () => {
    const card = JSON.parse(cli(['actor', 'Wang Yi', '--format', 'json', '--as-of', '2027-01-01']).stdout);
    const foreignMinister = card.tenures.find((tenure: { role: string; end: string | null }) => tenure.role === 'cn.foreign_minister' && tenure.end === null);
    assert.deepEqual(
      { verifiedThrough: foreignMinister.verifiedThrough, stateOnDate: foreignMinister.stateOnDate, pastHorizon: foreignMinister.pastHorizon },
      { verifiedThrough: '2026-03', stateOnDate: 'unknown', pastHorizon: true },
    );
    const rubio = card.channels.find((channel: { id: string }) => channel.id === 'rubio_wang_yi');
    assert.deepEqual({ stateOnDate: rubio.stateOnDate, verifiedThrough: rubio.verifiedThrough }, { stateOnDate: 'unknown', verifiedThrough: '2026-02' });
    assert.ok(card.events.some((event: { date: string }) => event.date === '2026-02-13'));
  });
});

describe('command line: datasets', () => {
  it('lists the built-in dataset with its counts, horizons, licence and unverified tenures', () => {
    const { code, stdout, stderr } = cli(['datasets']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Interlocutor built-in dataset 2026\.12\.1$/m);
    assert.match(stdout, /counts: 124 posts, 59 actors, 204 tenures \(68 open\), 19 channels, 194 events, 215 sources/);
    assert.match(stdout, /verified through: 2026-01 /);
    assert.match(stdout, /open tenures checked to: 2022-06 to 2026-06 \(68 open tenures with their own date\); 0 on the dataset's date/);
    assert.match(stdout, /active or dormant channels checked to: 2025-10 to 2026-05 \(10 channels with their own date\)/);
    assert.match(stdout, /verification: 33 tenures unverified \(background knowledge, not checked against a source\), 37 partly verified, 0 citing no source/);
    assert.match(stdout, /licence: CC-BY-4\.0/);
  });

  it('adds --dataset files in order, escapes control characters, and writes JSON with --format json', () => {
    const extra = JSON.stringify({ name: 'Desk\u001b]0;pwned\u0007 notes', verifiedThrough: '2026-06', roles: [], actors: [] });
    const { code, stdout } = cli(['datasets', '--dataset', '/work/memos/desk.json'], { '/work/memos/desk.json': extra });
    assert.equal(code, 0);
    assert.deepEqual([...stdout].filter((character) => character.charCodeAt(0) < 0x20 && character !== '\n'), []);
    assert.match(stdout, /^Desk\\u001b\]0;pwned\\u0007 notes$/m);
    assert.match(stdout, /licence: not stated/);
    const json = JSON.parse(cli(['datasets', '--format', 'json', '--dataset', '/work/memos/desk.json'], { '/work/memos/desk.json': extra }).stdout);
    assert.deepEqual(
      json.datasets.map((entry: { name: string; verifiedThrough?: string }) => [entry.name, entry.verifiedThrough]),
      [
        ['Interlocutor built-in dataset', '2026-01'],
        ['Desk\u001b]0;pwned\u0007 notes', '2026-06'],
      ],
    );
  });

  it('reports a broken dataset with its position, still lists the others, and exits 2', () => {
    const { code, stdout, stderr } = cli(['datasets', '--dataset', '/work/memos/bad.json'], { '/work/memos/bad.json': '{"name": "Bad", "actors": [{"id": "X"}]}' });
    assert.equal(code, 2);
    assert.match(stderr, /^\/work\/memos\/bad\.json:1:\d+: error: /m);
    assert.match(stdout, /^Interlocutor built-in dataset/);
  });

  it('exits 2 on a bad format', () => {
    assert.equal(cli(['datasets', '--format', 'svg']).code, 2);
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
    assert.match(out, /vice-premier \(since 2023-03-12, checked to 2026-05\)/);
  });
});

describe('command line: channels', () => {
  it('prints the channels by status as of a date, with posts and key dates', () => {
    const { code, stdout } = cli(['channels', '--as-of', '2025-10-23']);
    assert.equal(code, 0);
    assert.match(stdout, /^Channels as of 2025-10-23 \(--as-of\) · data verified through 2026-05 at the latest\n/);
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
