/**
 * `npm run fuzz`: the properties of test/support/properties.ts, run long. FUZZ_RUNS sets the runs
 * per property (default 5,000), FUZZ_SEED replays a failure. On failure it prints the property,
 * the seed, the path and the shrunk counter-example, and exits 1.
 */
import fc from 'fast-check';
import { PROPERTIES } from '../support/properties';

const runs = Number(process.env.FUZZ_RUNS ?? 5000);
const fixedSeed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const only = process.argv[2];

let failed = 0;
for (const { name, property } of PROPERTIES) {
  if (only && !name.includes(only)) continue;
  const seed = fixedSeed ?? Date.now() ^ Math.floor(Math.random() * 0x7fffffff);
  const started = Date.now();
  const details = fc.check(property as fc.IProperty<unknown[]>, { numRuns: runs, seed });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (details.failed) {
    failed++;
    console.log(`FAIL  ${name}  (seed ${details.seed}, path "${details.counterexamplePath ?? ''}", after ${details.numRuns} runs, ${seconds} s)`);
    console.log(`      replay: FUZZ_SEED=${details.seed} npm run fuzz -- "${name.split(':')[0]}"`);
    console.log(`      counter-example: ${fc.stringify(details.counterexample)}`);
    const error = details.errorInstance;
    console.log(`      error: ${error instanceof Error ? error.message : String(error)}`);
  } else {
    console.log(`ok    ${name}  (${details.numRuns} runs, seed ${seed}, ${seconds} s)`);
  }
}
process.exit(failed > 0 ? 1 : 0);
