// The order of outcomes by severity: violation above review above exempt, and none below all.

import type { Finding, FindingOutcome } from '../types.js';

export type OutcomeOrNone = FindingOutcome | 'none';

const RANK: Record<OutcomeOrNone, number> = { none: 0, exempt: 1, review: 2, violation: 3 };

export function outcomeRank(outcome: OutcomeOrNone): number {
  return RANK[outcome];
}

/** The most severe outcome among the findings, or 'none' when there are none. */
export function mostSevereOutcome(findings: readonly Pick<Finding, 'outcome'>[]): OutcomeOrNone {
  let worst: OutcomeOrNone = 'none';
  for (const finding of findings) {
    if (RANK[finding.outcome] > RANK[worst]) worst = finding.outcome;
  }
  return worst;
}
