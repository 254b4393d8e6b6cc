// The one place that decides exit codes.
import { InputError, UsageError } from '../diagnostics/input-error.js';
import type { Finding } from '../types.js';
import { failsAt, type FailOn } from '../report/outcome-rank.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

export type { FailOn };
export const FAIL_ON: readonly FailOn[] = ['violation', 'review', 'none'];

export function exitCodeForFindings(findings: readonly Pick<Finding, 'outcome'>[], failOn: FailOn): number {
  return findings.some((f) => failsAt(f, failOn)) ? EXIT.findings : EXIT.ok;
}

export function exitCodeForError(e: unknown): number {
  if (e instanceof InputError || e instanceof UsageError) return EXIT.invalid;
  return EXIT.internal;
}

/** Screening: 1 when any name was a match (possibles alone do not fail), 0 otherwise. */
export function exitCodeForScreening(results: readonly { matches: readonly { decision: string }[] }[]): number {
  return results.some((r) => r.matches.some((m) => m.decision === 'match')) ? EXIT.findings : EXIT.ok;
}
