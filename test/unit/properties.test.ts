import fc from 'fast-check';
import { PROPERTIES } from '../support/properties';

/**
 * The fuzzing properties, a bounded run: enough to catch a regression on every `npm test`, short
 * enough for the unit suite. `npm run fuzz` runs the same properties for much longer. A failure
 * prints the seed and the shrunk counter-example; replay it with FUZZ_SEED=<seed> npm run fuzz.
 */
describe('properties (fast-check, bounded run)', function () {
  this.timeout(120_000);
  for (const { name, property } of PROPERTIES) {
    it(name, () => {
      fc.assert(property as fc.IProperty<unknown[]>, { numRuns: 150 });
    });
  }
});
