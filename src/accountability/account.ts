// Adds to a report what makes it accountable: the run manifest, the dispositions and the baseline.
import type { Diagnostic, Disposition, Report } from '../types.js';
import { applyDispositions } from './apply-dispositions.js';
import { applyBaseline, type BaselineFinding } from './baseline.js';
import { manifestPath } from './file-hash.js';
import { buildManifest, type ManifestInput } from './manifest.js';

export interface AccountInput extends Omit<ManifestInput, 'expiryDay'> {
  dispositionList?: readonly Disposition[];
  baselineFindings?: readonly BaselineFinding[];
  /** The day of the run (UTC), for expiry dates when no --as-of day is given. */
  today: string;
}

/** The day dispositions' expiry dates are compared with: the --as-of day, else the day of the run. */
export function expiryDayFor(asOf: string | undefined, today: string): string {
  return asOf ?? today;
}

/** Sets report.manifest, and applies dispositions and the baseline when given; returns their warnings. */
export function account(report: Report, input: AccountInput): Diagnostic[] {
  const warnings: Diagnostic[] = [];
  const expiryDay = input.dispositions !== undefined ? expiryDayFor(input.asOf, input.today) : undefined;
  if (input.dispositions !== undefined && input.dispositionList) {
    warnings.push(...applyDispositions(report, input.dispositionList, manifestPath(input.dispositions), expiryDay!));
  }
  if (input.baseline !== undefined && input.baselineFindings) applyBaseline(report, input.baselineFindings, manifestPath(input.baseline));
  report.manifest = buildManifest({ ...input, ...(expiryDay !== undefined ? { expiryDay } : {}) });
  return warnings;
}
