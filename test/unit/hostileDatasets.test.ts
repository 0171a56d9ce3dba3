import * as assert from 'node:assert/strict';
import { DATASET_LIMITS, parseDatasetText } from '../../src/core/datasetLoader';
import { loadKnowledge } from '../../src/core/datasets';
import { LineIndex } from '../../src/core/text';
import { HOSTILE_DATASETS, REUSED_ANCHORS } from '../support/hostileDatasets';
import { positionOf } from '../support/repo';

describe('hostile dataset files (issue 11)', () => {
  describe('become one positioned problem, never an exception', () => {
    for (const hostile of HOSTILE_DATASETS) {
      it(hostile.what, () => {
        const result = parseDatasetText(hostile.text, hostile.file);
        assert.equal(result.dataset, undefined);
        const problem = result.problems.find((candidate) => hostile.message.test(candidate.message));
        assert.ok(problem, `expected ${hostile.message} in ${JSON.stringify(result.problems.map((p) => p.message))}`);
        assert.deepEqual(problem.range.start, typeof hostile.at === 'number' ? new LineIndex(hostile.text).positionAt(hostile.at) : positionOf(hostile.text, hostile.at));
      });
    }
  });

  it('keeps the other files loaded when every hostile file is present', () => {
    const good = JSON.stringify({ name: 'Good', actors: [{ id: 'still_here', name: 'Still Here' }] });
    const knowledge = loadKnowledge([...HOSTILE_DATASETS.map(({ file, text }) => ({ file, text })), { file: 'good.json', text: good }]);
    assert.ok(knowledge.kb.actor('still_here'));
    assert.deepEqual(new Set(knowledge.problems.map((problem) => problem.file)), new Set(HOSTILE_DATASETS.map((hostile) => hostile.file)));
  });

  it('loads a legitimate file that reuses one anchor a hundred times', () => {
    const result = parseDatasetText(REUSED_ANCHORS.text, REUSED_ANCHORS.file);
    assert.deepEqual(result.problems, []);
    assert.equal(result.dataset?.actors.length, 101);
    assert.equal(result.dataset?.actors[100]?.tenures[0]?.start, '2001');
  });

  it('reads a JSON file that starts with a byte order mark, positions unchanged', () => {
    const text = '\uFEFF{\n  "name": "BOM",\n  "actors": [{ "id": "Bad Id", "name": "X" }]\n}\n';
    const result = parseDatasetText(text, 'bom.json');
    assert.equal(result.problems.length, 1);
    assert.match(result.problems[0]!.message, /actors\[0\]\.id/);
    assert.deepEqual(result.problems[0]!.range.start, positionOf(text, '"Bad Id"'));
    assert.deepEqual(parseDatasetText('\uFEFF{ "name": "BOM" }', 'bom.json').problems, []);
    assert.deepEqual(parseDatasetText('\uFEFFname: BOM\n', 'bom.yaml').problems, []);
  });

  it('refuses a file over the size limit with the sizes in the message', () => {
    const text = `{"name": "${'x'.repeat(DATASET_LIMITS.maxChars)}"}`;
    const result = parseDatasetText(text, 'huge.json');
    assert.match(result.problems[0]?.message ?? '', /dataset is 64\.0 MB; the limit is 64 MB/);
  });

  it('allows nesting up to the limit', () => {
    // name is a string field: the nesting is reported by the schema, not by the depth limit.
    const depth = DATASET_LIMITS.maxDepth - 1;
    const text = `{"name": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const messages = parseDatasetText(text, 'ok.json').problems.map((problem) => problem.message);
    assert.deepEqual(messages, ['name: expected string, found an array']);
  });

  it('validates a YAML mapping of 100,000 keys without the quadratic duplicate check', () => {
    const text = `name: many\nextra:\n${Array.from({ length: 100_000 }, (_, index) => `  k${index}: v`).join('\n')}\n`;
    const result = parseDatasetText(text, 'many.yaml');
    assert.match(result.problems[0]?.message ?? '', /unknown field "extra"/);
  });
});
