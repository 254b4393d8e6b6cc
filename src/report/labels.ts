// Words the human-readable reports share: citations, outcome labels, how a condition held.
import type { FindingOutcome, Provision } from '../types.js';
import { provisionLabel } from './citation.js';

export function citation(p: Provision): string {
  return `${provisionLabel(p)}, adopted ${p.adopted}${p.verified ? '' : ' [unverified]'}`;
}

export const OUTCOME_LABEL: Record<FindingOutcome, string> = {
  violation: 'inconsistent with the provision',
  review: 'needs review: lawful only with an exemption, notification or determination',
  exempt: 'exempt: an exemption holds',
};

/** How a condition's result reads: a leaf inside `not` holds when the leaf does not. */
export function heldText(held: boolean | null, negated?: boolean): string {
  if (held === null) return 'not evaluated';
  if (!negated) return held ? 'yes' : 'no';
  return held ? 'yes, so the `not` fails' : 'no, so the `not` holds';
}
