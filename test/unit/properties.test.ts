import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkMemo } from '../../src/core/memoCheck';
import { partialDate } from '../../src/core/dates';
import { applyEdits, PROPERTIES, sameClaimAfterFix } from '../support/properties';
import { builtinKnowledge } from '../support/repo';

/**
 * The fuzzing properties, a bounded run: enough to catch a regression on every `npm test`, short
 * enough for the unit suite, and with a fixed seed so that the suite never fails by chance.
 * `npm run fuzz` runs the same properties much longer from fresh seeds, and prints the seed of a
 * failure; replay it with FUZZ_SEED=<seed> npm run fuzz.
 *
 * The fixed seed is one under which the claim engine passes today. The counter-examples the fuzzer
 * found in that engine are listed below as pending tests, so that they show in every run.
 */
describe('properties (fast-check, bounded run)', function () {
  this.timeout(120_000);
  for (const { name, property } of PROPERTIES) {
    it(name, () => {
      fc.assert(property as fc.IProperty<unknown[]>, { numRuns: 200, seed: 1 });
    });
  }

  /** Counter-examples that `npm run fuzz` found in the claim engine, kept as cases once fixed. */
  describe('counter-examples found in the claim engine', () => {
    const { kb } = builtinKnowledge();
    const fixedThenReported = (text: string, on: string) => {
      const date = partialDate(on);
      for (const finding of checkMemo(kb, text, { date })) {
        for (const fix of finding.fixes) {
          if (fix.edits.length === 0) continue;
          const again = sameClaimAfterFix(finding, fix.edits, checkMemo(kb, applyEdits(text, fix.edits), { date }));
          assert.equal(again, undefined, `after "${fix.title}": ${again?.message}`);
        }
      }
    };
    it('"POTUS\\nDonald Trump" (as of 1990-01-01): the disable-line comment goes on the line the claim starts on', () => {
      fixedThenReported('POTUS\nDonald Trump', '1990-01-01');
    });
    it('"In 2019, USTR Greer" (as of 1990-01-01): no post is offered whose title names another post', () => {
      // "Chief of Staff to the US Trade Representative" would end in "US Trade Representative
      // Greer": the same claim, read again.
      fixedThenReported('In 2019, USTR Greer', '1990-01-01');
    });
  });
});
