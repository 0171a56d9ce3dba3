import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partialDate } from '../../src/core/dates';
import { verifyPack } from '../../src/core/packs/manifest';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { repoRoot } from '../support/repo';

const fixtures = join(repoRoot, 'test', 'fixtures', 'importers');

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readFile: (path) => readFileSync(path, 'utf8'),
    writeFile: (path, text) => writeFileSync(path, text),
    readStdin: () => '',
    cwd,
    today: partialDate('2026-12-01'),
    color: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

function readPack(path: string) {
  const verified = verifyPack(JSON.parse(readFileSync(path, 'utf8')));
  assert.ok(verified.ok, verified.ok ? '' : verified.problems.join('\n'));
  return verified.pack;
}

describe('command line: import', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'interlocutor-import-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('imports congress-legislators from a folder, recording the snapshot date and commit', async () => {
    const { code, stdout, stderr } = await cli(['import', 'congress', join(fixtures, 'congress'), '-o', 'congress.pack.json', '--snapshot-date', '2026-06-15', '--commit', 'dfa9622263dd4c8d08636926e498f1845704d7eb'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /pack us-congress 2026-06-15: 12 actors, \d+ posts, \d+ tenures, \d+ bytes, sha256 [0-9a-f]{64}/);
    const pack = readPack(join(dir, 'congress.pack.json'));
    assert.equal(pack.manifest.sources[0]?.commit, 'dfa9622263dd4c8d08636926e498f1845704d7eb');
    assert.equal(pack.manifest.generator.importer, 'congress');
  });

  it('imports the IfG CSV files named one by one, and prints the source\'s own errors as warnings', async () => {
    const names = ['appointment', 'appointment_characteristics', 'person', 'post', 'organisation', 'organisation_link'].map((name) => join(fixtures, 'ifg', `${name}.csv`));
    const { code, stderr } = await cli(['import', 'ifg', ...names, '-o', 'uk.pack.json', '--snapshot-date', '2026-06-19'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /warning: appointment\.csv b10eac21-75f5-4c95-9ee5-780f42d73a12: ends \(2025-05-14\) before it starts/);
    assert.equal(readPack(join(dir, 'uk.pack.json')).manifest.id, 'uk-ministers');
  });

  it('imports pocom from its repository layout', async () => {
    const { code, stderr } = await cli(['import', 'pocom', join(fixtures, 'pocom'), '-o', 'pocom.pack.json', '--snapshot-date', '2026-06-20'], dir);
    assert.equal(code, 0, stderr);
    assert.equal(readPack(join(dir, 'pocom.pack.json')).manifest.coverage['us-missions']?.verifiedThrough, '2020-10-04');
  });

  it('imports saved Wikidata results', async () => {
    const { code, stderr } = await cli(['import', 'wikidata', '--results', join(fixtures, 'wikidata', 'results.json'), '-o', 'wd.pack.json', '--snapshot-date', '2026-06-20'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /warning: dropped 1 deprecated statement\(s\)/);
    assert.equal(readPack(join(dir, 'wd.pack.json')).manifest.id, 'wikidata-officeholders');
  });

  it('uses today as the snapshot date when none is given, and says so', async () => {
    const { code, stderr } = await cli(['import', 'congress', join(fixtures, 'congress', 'executive.yaml'), '-o', 'exec.pack.json'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stderr, /no --snapshot-date; using today, 2026-12-01/);
    assert.equal(readPack(join(dir, 'exec.pack.json')).manifest.version, '2026-12-01');
  });

  const usage: Array<[string, string[], RegExp]> = [
    ['no kind', ['import'], /import needs a kind: congress, ifg, pocom, wikidata/],
    ['an unknown kind', ['import', 'parliament', '-o', 'x.json'], /import needs a kind/],
    ['no output', ['import', 'congress', fixtures], /import needs -o FILE/],
    ['a missing source', ['import', 'congress', 'nowhere', '-o', 'x.json'], /no such file or folder: .*nowhere/],
    ['a folder without the files', ['import', 'ifg', join(fixtures, 'congress'), '-o', 'x.json'], /import ifg needs appointment\.csv, person\.csv and post\.csv/],
    ['a partial snapshot date', ['import', 'congress', join(fixtures, 'congress'), '-o', 'x.json', '--snapshot-date', '2026-06'], /--snapshot-date must be a day/],
    ['a bad commit', ['import', 'congress', join(fixtures, 'congress'), '-o', 'x.json', '--commit', 'main'], /--commit must be a git commit hash/],
    ['wikidata without results or endpoint', ['import', 'wikidata', '-o', 'x.json'], /needs --results FILE .* or --endpoint URL/],
    ['wikidata with both', ['import', 'wikidata', '-o', 'x.json', '--results', 'a.json', '--endpoint', 'http://127.0.0.1:1/'], /either --results FILE or --endpoint URL, not both/],
  ];
  for (const [name, args, message] of usage) {
    it(`exits 2 with a usage message for ${name}, writing nothing`, async () => {
      const { code, stderr } = await cli(args, dir);
      assert.equal(code, 2);
      assert.match(stderr, message);
      assert.equal(existsSync(join(dir, 'x.json')), false);
    });
  }

  it('exits 2 naming the file when a source cannot be parsed', async () => {
    const { code, stderr } = await cli(['import', 'wikidata', '--results', join(fixtures, 'congress', 'executive.yaml'), '-o', 'x.json', '--snapshot-date', '2026-06-20'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /import wikidata: .*executive\.yaml: not JSON/);
    assert.equal(existsSync(join(dir, 'x.json')), false);
  });
});

describe('command line: import wikidata --endpoint', () => {
  let server: Server;
  let dir: string;
  let requests: Array<{ method?: string | undefined; accept?: string | undefined; body: string }>;
  let reply: { status: number; body: string };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'interlocutor-sparql-'));
    requests = [];
    reply = { status: 200, body: readFileSync(join(fixtures, 'wikidata', 'results.json'), 'utf8') };
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        requests.push({ method: request.method, accept: request.headers.accept, body });
        response.writeHead(reply.status, { 'content-type': 'application/sparql-results+json' });
        response.end(reply.body);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
  });

  afterEach(async () => {
    server.close();
    await once(server, 'close');
    rmSync(dir, { recursive: true, force: true });
  });

  const endpoint = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/sparql`;

  it('posts the shipped query and imports the recorded results', async () => {
    const { code, stdout, stderr } = await cli(['import', 'wikidata', '--endpoint', endpoint(), '-o', 'wd.pack.json', '--snapshot-date', '2026-06-20'], dir);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /pack wikidata-officeholders 2026-06-20/);
    assert.equal(requests.length, 1);
    assert.equal(requests[0]?.method, 'POST');
    assert.equal(requests[0]?.accept, 'application/sparql-results+json');
    const query = new URLSearchParams(requests[0]?.body ?? '').get('query') ?? '';
    assert.match(query, /VALUES \?position \{/);
    assert.match(query, /wd:Q2664362/);
    const pack = readPack(join(dir, 'wd.pack.json'));
    assert.equal(pack.manifest.sources[0]?.repo, endpoint());
    assert.ok(pack.dataset.actors?.some((actor) => actor.id === 'wd-q15031'));
  });

  it('exits 2 with the endpoint\'s answer when the query fails, writing nothing', async () => {
    reply = { status: 500, body: 'java.util.concurrent.TimeoutException' };
    const { code, stderr } = await cli(['import', 'wikidata', '--endpoint', endpoint(), '-o', 'wd.pack.json', '--snapshot-date', '2026-06-20'], dir);
    assert.equal(code, 2);
    assert.match(stderr, /answered 500 .*TimeoutException/);
    assert.equal(existsSync(join(dir, 'wd.pack.json')), false);
  });
});
