/**
 * The built-in dataset is checked when the extension is built and costs one JSON.parse at run
 * time; zod, the YAML parser and the JSON-with-positions parser load only when a user dataset
 * needs them. Each case runs in a fresh Node process, so that modules
 * other tests loaded cannot hide a load, and reads require.cache after doing one thing.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { builtinKnowledge, repoRoot } from '../support/repo';

const HEAVY = ['zod', 'yaml', 'jsonc-parser'] as const;
type Heavy = (typeof HEAVY)[number];

/** Runs `body` (JavaScript, with `core` = out/src/core) in a fresh process; returns the heavy packages it loaded. */
function packagesLoadedBy(body: string): Heavy[] {
  const core = join(repoRoot, 'out', 'src', 'core');
  const script = `
    const core = (name) => require(${JSON.stringify(core)} + '/' + name);
    ${body}
    const loaded = Object.keys(require.cache).map((file) => file.split(/[\\\\/]node_modules[\\\\/]/)[1]).filter(Boolean).map((rest) => rest.split(/[\\\\/]/)[0]);
    process.stdout.write(JSON.stringify([...new Set(loaded)]));
  `;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  return HEAVY.filter((name) => loaded.includes(name));
}

describe('lazy loading (what each start-up path loads)', () => {
  const cases: ReadonlyArray<{ does: string; body: string; loads: readonly Heavy[] }> = [
    { does: 'importing the schema module for its types and patterns', body: `core('schema');`, loads: [] },
    {
      does: 'publishing the built-in dataset and checking a memo without front matter against it',
      body: `const { kb } = core('datasets').buildKnowledge([core('builtinDataset').builtinDatasetFile('builtin.json')]);
             core('memoCheck').checkMemo(kb, 'Qin Gang, foreign minister, spoke.', { date: { year: 2025, month: 10, day: 23 } });`,
      loads: [],
    },
    { does: 'loading a user dataset in JSON', body: `core('datasets').loadKnowledgeOverBuiltin('builtin.json', [{ file: 'team.interlocutor.json', text: '{"name":"Team"}' }]);`, loads: ['zod', 'jsonc-parser'] },
    { does: 'loading a user dataset in YAML', body: `core('datasets').loadKnowledgeOverBuiltin('builtin.json', [{ file: 'team.interlocutor.yaml', text: 'name: Team' }]);`, loads: ['zod', 'yaml'] },
    { does: 'building the JSON Schema for dataset files', body: `core('schema').datasetJsonSchema();`, loads: ['zod'] },
  ];
  for (const { does, body, loads } of cases) {
    it(`${does} loads ${loads.length ? loads.join(', ') : 'none of zod, yaml, jsonc-parser'}`, function () {
      this.timeout(20_000);
      assert.deepEqual(packagesLoadedBy(body), [...loads]);
    });
  }

  it('the embedded built-in dataset is the file validated and normalised by the schema', () => {
    const script = `process.stdout.write(JSON.stringify(require(${JSON.stringify(join(repoRoot, 'out', 'src', 'core', 'builtinDataset.js'))}).builtinDatasetFile('builtin.json').dataset))`;
    const embedded: unknown = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }));
    assert.deepEqual(embedded, builtinKnowledge().files[0]?.dataset);
  });
});
