import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { builtinKnowledge, repoRoot } from '../support/repo';

describe('the built-in dataset', () => {
  it('loads through the same schema and rules as user data, with no problems', () => {
    const { problems, kb } = builtinKnowledge();
    assert.deepEqual(problems.map((problem) => problem.message), []);
    assert.equal(kb.actorCount, 59);
  });
});

describe('the built-in dataset file', () => {
  it('is what scripts/build-dataset.mjs builds from the fact table and the curation', function () {
    this.timeout(30_000);
    const output = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build-dataset.mjs'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
    assert.match(output, /is up to date \(124 posts, 59 actors, 204 tenures, 19 channels, 194 events, 215 sources\)/);
  });
});
