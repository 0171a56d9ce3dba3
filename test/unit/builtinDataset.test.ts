import * as assert from 'node:assert/strict';
import { builtinKnowledge } from '../support/repo';

describe('the built-in dataset', () => {
  it('loads through the same schema and rules as user data, with no problems', () => {
    const { problems, kb } = builtinKnowledge();
    assert.deepEqual(problems.map((problem) => problem.message), []);
    assert.equal(kb.actorCount, 59);
  });
});
