// SARIF's own places for accountability: the fingerprint, a disposition as a suppression, the
// baseline state, and the manifest, dispositions and baseline summaries in the run's properties.
import type { Finding, Report } from '../types.js';

/** The partialFingerprints key of the fingerprint over the facts the rule reads. */
export const FACTS_FINGERPRINT = 'sanctionsCheck/v1';

/** A result's suppressions (an applied disposition is an accepted external suppression) and baseline state. */
export function sarifAccountability(f: Finding): object {
  const d = f.disposition;
  return {
    ...(d?.status === 'applied'
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: d.reason,
              properties: {
                decision: d.decision,
                decidedBy: d.decidedBy,
                decidedOn: d.decidedOn,
                ...(d.legalBasis ? { legalBasis: d.legalBasis } : {}),
                ...(d.expires ? { expires: d.expires } : {}),
              },
            },
          ],
        }
      : {}),
    ...(f.baseline ? { baselineState: f.baseline } : {}),
  };
}

/** Run properties: the manifest, and the dispositions and baseline summaries when given. */
export function sarifRunAccountability(report: Report): object {
  return {
    ...(report.manifest ? { manifest: report.manifest } : {}),
    ...(report.dispositions ? { dispositions: report.dispositions } : {}),
    ...(report.baseline ? { baseline: report.baseline } : {}),
  };
}
