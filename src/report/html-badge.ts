// Badges of the HTML report: outcome and evidence level, always two separate marks.

import { attr, text } from './html-escape.js';
import type { OutcomeOrNone } from './outcome-rank.js';

export function outcomeBadge(outcome: OutcomeOrNone): string {
  return `<span class="badge o-${outcome}">${outcome === 'none' ? 'no finding' : outcome}</span>`;
}

export function evidenceBadge(level: string): string {
  return `<span class="badge e-${attr(level)}" title="evidence level">${text(level)}</span>`;
}

/** "violation · alleged": the outcome and the evidence level side by side, never merged. */
export function outcomeAndEvidence(outcome: OutcomeOrNone, level: string): string {
  return `${outcomeBadge(outcome)}<span class="sep" aria-hidden="true"> · </span>${evidenceBadge(level)}`;
}
