// The order of outcomes by severity: violation above review above exempt, and none below all.

import type { Finding, FindingOutcome } from '../types.js';

export type OutcomeOrNone = FindingOutcome | 'none';

const RANK: Record<OutcomeOrNone, number> = { none: 0, exempt: 1, review: 2, violation: 3 };

export function outcomeRank(outcome: OutcomeOrNone): number {
  return RANK[outcome];
}

/** For each record with findings: its most severe outcome and how many findings it has. */
export function outcomesByRecord(
  findings: readonly Pick<Finding, 'recordId' | 'outcome'>[],
): Map<string, { outcome: OutcomeOrNone; count: number }> {
  const byRecord = new Map<string, { outcome: OutcomeOrNone; count: number }>();
  for (const finding of findings) {
    const entry = byRecord.get(finding.recordId) ?? { outcome: 'none', count: 0 };
    entry.count += 1;
    if (RANK[finding.outcome] > RANK[entry.outcome]) entry.outcome = finding.outcome;
    byRecord.set(finding.recordId, entry);
  }
  return byRecord;
}

export type FailOn = 'violation' | 'review' | 'none';

/** Whether a finding reaches the --fail-on threshold: violation above review; exempt never does. */
export function failsAt(finding: Pick<Finding, 'outcome'>, failOn: FailOn): boolean {
  if (failOn === 'none' || finding.outcome === 'exempt') return false;
  return outcomeRank(finding.outcome) >= outcomeRank(failOn);
}
