// The one place that decides exit codes.
import { InputError, UsageError } from '../diagnostics/input-error.js';
import type { Finding } from '../types.js';
import { failsAt, type FailOn } from '../report/outcome-rank.js';

export const EXIT = { ok: 0, findings: 1, invalid: 2, internal: 3 } as const;

export type { FailOn };
export const FAIL_ON: readonly FailOn[] = ['violation', 'review', 'none'];

/**
 * 1 when a finding reaches --fail-on; a finding taken out by a disposition that applies never
 * counts, and with `onlyNew` (--fail-on-new) only findings the baseline did not have count.
 */
export function exitCodeForFindings(
  findings: readonly Pick<Finding, 'outcome' | 'disposition' | 'baseline'>[],
  failOn: FailOn,
  opts: { onlyNew?: boolean } = {},
): number {
  const counts = (f: Pick<Finding, 'outcome' | 'disposition' | 'baseline'>) =>
    f.disposition?.status !== 'applied' && (!opts.onlyNew || f.baseline === 'new') && failsAt(f, failOn);
  return findings.some(counts) ? EXIT.findings : EXIT.ok;
}

/** `verify`: 0 when the re-run gives the same findings from the same files, 1 otherwise. */
export function exitCodeForVerify(identical: boolean): number {
  return identical ? EXIT.ok : EXIT.findings;
}

export function exitCodeForError(e: unknown): number {
  if (e instanceof InputError || e instanceof UsageError) return EXIT.invalid;
  return EXIT.internal;
}

/** Screening: 1 when any name was a match (possibles alone do not fail), 0 otherwise. */
export function exitCodeForScreening(results: readonly { matches: readonly { decision: string }[] }[]): number {
  return results.some((r) => r.matches.some((m) => m.decision === 'match')) ? EXIT.findings : EXIT.ok;
}
