import * as assert from 'node:assert/strict';
import { formatPartialDate, partialDate } from '../../src/core/dates';
import { knowledgeWithSynthetic } from '../support/repo';

/**
 * holdersOn skips tenures whose dates rule them out before working out their state. Whatever it
 * skips, the answer must be what working out every tenure gives: for every post, on dates of every
 * precision, at and around the edges of tenures (a month that a partial end date names, the day
 * someone left, a year written alone).
 */
describe('the holders of a post on a date', () => {
  const { kb } = knowledgeWithSynthetic(1500);
  const dates = ['1995', '2008', '2008-02', '2008-02-29', '2008-03-01', '2013-03-16', '2017-01', '2017-01-20', '2023-07-25', '2025', '2025-10-23', '2030-12-31'].map(partialDate);
  const roles = [...kb.data.roles.keys()];

  for (const date of dates) {
    it(`on ${formatPartialDate(date)}: the same as working out every tenure, for all ${roles.length} posts`, () => {
      let holders = 0;
      for (const roleId of roles) {
        const expected = kb
          .tenuresOfRole(roleId)
          .map(({ actor, tenure }) => kb.tenureOnDate(actor, tenure, date))
          .filter((entry) => entry.holds !== false)
          .map((entry) => `${entry.actor.id} ${entry.tenure.start ?? '?'} ${entry.holds}`);
        const answered = kb.holdersOn(roleId, date).map((entry) => `${entry.actor.id} ${entry.tenure.start ?? '?'} ${entry.holds}`);
        assert.deepEqual(answered, expected, roleId);
        holders += answered.length;
      }
      assert.ok(holders > 0, 'some post has a holder');
    });

    it(`on ${formatPartialDate(date)}: each person's main post, worked out afresh, is the first of their current posts`, () => {
      let withPost = 0;
      for (const actor of kb.actors()) {
        const fresh = kb.mainPostOn(actor.id, date);
        const first = kb.currentPosts(actor.id, date)[0];
        assert.equal(fresh?.tenure, first?.tenure, actor.id);
        if (fresh) withPost++;
      }
      assert.ok(withPost > 0 || date.year < 2000, 'someone holds a post');
    });
  }
});
