import * as assert from 'node:assert/strict';
import { compactDataset } from '../../src/core/compactData';
import { parseDatasetText } from '../../src/core/datasetLoader';
import { datasetSchemas } from '../../src/core/schema';

/** A parsed dataset is compacted in place: the same values, in less memory. */
describe('compacting a parsed dataset', () => {
  const text = JSON.stringify({
    name: 'Two people',
    roles: [{ id: 'x.minister', title: 'minister of things', country: 'XX' }],
    actors: [
      { id: 'x.a', name: 'Ann Able', country: 'XX', tenures: [{ role: 'x.minister', start: '2001', end: '2003' }] },
      { id: 'x.b', name: 'Bo Baker', country: 'XX', tenures: [{ role: 'x.minister', start: '2003', end: '2005' }] },
    ],
  });

  it('keeps every value as the schema gave it', () => {
    const validated = () => datasetSchemas().datasetSchema.safeParse(JSON.parse(text)).data!;
    assert.deepEqual(compactDataset(validated()), validated());
  });

  it('shares one frozen empty array for every empty list', () => {
    const dataset = parseDatasetText(text, 'x.json').dataset!;
    const [first, second] = dataset.actors;
    assert.equal(first!.events, second!.events);
    assert.equal(first!.tenures[0]!.sources, second!.tenures[0]!.sources);
    assert.ok(Object.isFrozen(first!.events));
    assert.throws(() => (first!.events as unknown[]).push('x'), TypeError, 'pushing onto a shared list is caught');
  });

  it('replaces a list with an exact copy, and leaves objects and non-empty strings in place', () => {
    const tenures = [{ role: 'r', start: '2001' }];
    const actor = { id: 'a', tenures };
    compactDataset({ actors: [actor] });
    assert.notEqual(actor.tenures, tenures);
    assert.deepEqual(actor.tenures, tenures);
    assert.equal(actor.tenures[0], tenures[0]);
  });
});
