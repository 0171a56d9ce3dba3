/** What new data did to the findings of checked memos, in the words of the notification. */
import type { Finding } from './claimChecker';

export interface DataChange {
  readonly added: number;
  readonly removed: number;
  /** Of the added findings, the stale-role ones: claims that were fine and are now out of date. */
  readonly becameStale: number;
  readonly message: string;
}

/** One finding, independent of its diagnostic object: the same claim judged the same way. */
export function findingKey(finding: Finding): string {
  return `${finding.code}@${finding.start}-${finding.end}:${finding.message}`;
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 claims became stale with the new data (4 findings added, 1 removed)." */
export function describeDataChange(change: Omit<DataChange, 'message'>): string {
  const counts = `${plural(change.added, 'finding', 'findings')} added, ${change.removed} removed`;
  if (change.becameStale > 0) return `${plural(change.becameStale, 'claim', 'claims')} became stale with the new data (${counts}).`;
  return `The new data changed the findings: ${counts}.`;
}
