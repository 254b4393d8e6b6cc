// The one place that decides exit codes.
import { InputError, UsageError } from '../diagnostics/input-error.js';
import type { Finding } from '../types.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

export type FailOn = 'violation' | 'review' | 'none';
export const FAIL_ON: readonly FailOn[] = ['violation', 'review', 'none'];

/** Whether a finding reaches the --fail-on threshold: violation ≥ review; exempt never does. */
export function reachesThreshold(f: Pick<Finding, 'outcome'>, failOn: FailOn): boolean {
  if (failOn === 'none' || f.outcome === 'exempt') return false;
  return failOn === 'review' || f.outcome === 'violation';
}

export function exitCodeForFindings(findings: readonly Pick<Finding, 'outcome'>[], failOn: FailOn): number {
  return findings.some((f) => reachesThreshold(f, failOn)) ? EXIT.findings : EXIT.ok;
}

export function exitCodeForError(e: unknown): number {
  if (e instanceof InputError || e instanceof UsageError) return EXIT.invalid;
  return EXIT.internal;
}
