import * as assert from 'node:assert/strict';
import { describeDataChange } from '../../src/core/dataChange';

describe('the notification after new data', () => {
  const cases: Array<[{ added: number; removed: number; becameStale: number }, string]> = [
    [{ added: 3, removed: 0, becameStale: 3 }, '3 claims became stale with the new data (3 findings added, 0 removed).'],
    [{ added: 1, removed: 2, becameStale: 1 }, '1 claim became stale with the new data (1 finding added, 2 removed).'],
    [{ added: 0, removed: 2, becameStale: 0 }, 'The new data changed the findings: 0 findings added, 2 removed.'],
    [{ added: 2, removed: 0, becameStale: 0 }, 'The new data changed the findings: 2 findings added, 0 removed.'],
  ];
  for (const [change, message] of cases) {
    it(message, () => assert.equal(describeDataChange(change), message));
  }
});
