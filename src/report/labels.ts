// Words the human-readable reports share: citations, outcome and evidence labels.
import type { FindingOutcome, Provision } from '../types.js';

export function citation(p: Provision): string {
  const res = typeof p.resolution === 'number' ? `S/RES/${p.resolution} (${p.adopted.slice(0, 4)})` : p.resolution;
  return `${res} para ${p.paragraph}, adopted ${p.adopted}${p.verified ? '' : ' [unverified]'}`;
}

export const OUTCOME_LABEL: Record<FindingOutcome, string> = {
  violation: 'inconsistent with the provision',
  review: 'needs review: lawful only with an exemption, notification or determination',
  exempt: 'exempt: an exemption holds',
};

export const EVIDENCE_LABEL: Record<string, string> = {
  confirmed: 'confirmed',
  reported: 'reported',
  alleged: 'alleged',
  speculative: 'speculative',
};

/** How a condition's result reads: a leaf inside `not` holds when the leaf does not. */
export function heldText(held: boolean | null, negated?: boolean): string {
  if (held === null) return 'not evaluated';
  if (!negated) return held ? 'yes' : 'no';
  return held ? 'yes, so the `not` fails' : 'no, so the `not` holds';
}
