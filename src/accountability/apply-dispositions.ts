// Puts the analysts' decisions on the findings: applied ones are counted apart, expired ones
// stop applying, and entries that match no finding are stale.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, Disposition, DispositionSummary, Finding, FindingOutcome, Report } from '../types.js';

/** Whether a disposition names this finding: by fingerprint (whole, or a prefix of 12 or more), or by record and rule. */
export function matches(d: Disposition, f: Finding): boolean {
  if (d.fingerprint !== undefined) return f.fingerprint?.startsWith(d.fingerprint) === true;
  return d.record === f.recordId && d.rule === f.ruleId;
}

/** Whether a finding still counts: not taken out by a disposition that applies. */
export function isOpen(f: Pick<Finding, 'disposition'>): boolean {
  return f.disposition?.status !== 'applied';
}

/** The outcome and evidence counts of the findings that still count. */
export function recount(report: Report): void {
  for (const k of Object.keys(report.summary) as FindingOutcome[]) report.summary[k] = 0;
  for (const k of Object.keys(report.byEvidence) as (keyof Report['byEvidence'])[]) report.byEvidence[k] = 0;
  for (const f of report.findings) {
    if (!isOpen(f)) continue;
    report.summary[f.outcome]++;
    report.byEvidence[f.evidence]++;
  }
}

/**
 * Applies dispositions to the report's findings (the first entry that names a finding wins). An
 * entry whose `expires` is before `expiryDay` no longer applies. Returns warnings for expired and
 * stale entries.
 */
export function applyDispositions(report: Report, dispositions: readonly Disposition[], file: string, expiryDay: string): Diagnostic[] {
  const used = new Set<Disposition>();
  const summary: DispositionSummary = { file, disposed: { violation: 0, review: 0, exempt: 0 }, expiryDay, expired: [], stale: [] };
  const warnings: Diagnostic[] = [];
  for (const f of report.findings) {
    const d = dispositions.find((x) => matches(x, f));
    if (!d) continue;
    used.add(d);
    const expired = d.expires !== undefined && d.expires < expiryDay;
    f.disposition = { ...d, status: expired ? 'expired' : 'applied' };
    if (expired) {
      summary.expired.push({ disposition: d, fingerprint: f.fingerprint ?? '', recordId: f.recordId, ruleId: f.ruleId });
      warnings.push(
        diagnostic(
          'expired-disposition',
          `the ${d.decision} decision on ${f.recordId} / ${f.ruleId} expired on ${d.expires} (as of ${expiryDay}): the finding counts again`,
          d.location,
          'warning',
        ),
      );
    } else summary.disposed[f.outcome]++;
  }
  for (const d of dispositions) {
    if (used.has(d)) continue;
    summary.stale.push(d);
    const what = d.fingerprint !== undefined ? `fingerprint ${d.fingerprint}` : `record '${d.record}' and rule '${d.rule}'`;
    warnings.push(diagnostic('stale-disposition', `no finding matches ${what}: the disposition is stale`, d.location, 'warning'));
  }
  report.dispositions = summary;
  recount(report);
  return warnings;
}
