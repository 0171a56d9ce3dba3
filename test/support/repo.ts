/** Paths and data shared by tests that run in plain Node. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { syntheticDataset } from '../../bench/synthetic';
import { loadKnowledge, type LoadedKnowledge } from '../../src/core/datasets';

/** The repository root, from out/test/support (compiled) or test/support (source). */
export const repoRoot = join(__dirname, '..', '..', __dirname.includes(`${join('out', 'test')}`) ? '..' : '');

export const builtinDatasetPath = join(repoRoot, 'data', 'builtin.json');

let builtin: LoadedKnowledge | undefined;
let withPacks: LoadedKnowledge | undefined;

/** The built-in dataset and every shipped pack (data/packs), as the editor loads them, once per run. */
export function knowledgeWithShippedPacks(): LoadedKnowledge {
  const packsDir = join(repoRoot, 'data', 'packs');
  withPacks ??= loadKnowledge([
    { file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') },
    ...readdirSync(packsDir)
      .filter((name) => name.endsWith('.pack.json'))
      .sort()
      .map((name) => ({ file: join(packsDir, name), text: JSON.stringify((JSON.parse(readFileSync(join(packsDir, name), 'utf8')) as { dataset: unknown }).dataset) })),
  ]);
  return withPacks;
}

const withSynthetic = new Map<number, LoadedKnowledge>();

/** The built-in dataset and `count` synthetic people (bench/synthetic.ts), loaded once per count and run. */
export function knowledgeWithSynthetic(count: number): LoadedKnowledge {
  let knowledge = withSynthetic.get(count);
  if (!knowledge) {
    knowledge = loadKnowledge([
      { file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') },
      { file: `synthetic-${count}.json`, text: JSON.stringify(syntheticDataset(count)) },
    ]);
    withSynthetic.set(count, knowledge);
  }
  return knowledge;
}

/** The built-in dataset, loaded once per test run. */
export function builtinKnowledge(): LoadedKnowledge {
  builtin ??= loadKnowledge([{ file: builtinDatasetPath, text: readFileSync(builtinDatasetPath, 'utf8') }]);
  return builtin;
}

/** The 0-based line and character of the first occurrence of `needle` in `text`. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let offset = -1;
  for (let index = 0; index <= occurrence; index++) {
    offset = text.indexOf(needle, offset + 1);
    if (offset === -1) throw new Error(`"${needle}" not found in the text`);
  }
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
