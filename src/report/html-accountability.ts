// The HTML report's accountability parts: a finding's fingerprint and disposition, the counts
// apart with the baseline, and the run manifest.
import type { Finding, Report } from '../types.js';
import { accountabilityLines, findingLines, manifestLines } from './accountability-lines.js';
import { text } from './html-escape.js';

/** The lines under a finding's location: fingerprint, baseline state, disposition. */
export function findingAccountability(f: Finding): string {
  return `<p class="where fingerprint" style="overflow-wrap:anywhere">${findingLines(f).map(text).join('<br>')}</p>`;
}

/** Beside the summary: the day of law and list, the disposed findings counted apart, the baseline (only when given). */
export function accountabilitySection(report: Report): string {
  const notes = accountabilityLines(report);
  if (notes.length === 0) return '';
  return [
    '<section class="accountability" aria-labelledby="accountability-h"><h2 id="accountability-h">Reviewed and changed</h2>',
    `<ul style="overflow-wrap:anywhere">${notes.map((l) => `<li>${text(l)}</li>`).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

/** The run manifest, at the end of the page. */
export function manifestSection(report: Report): string {
  const parts: string[] = [];
  if (report.manifest) {
    parts.push(
      '<section class="manifest" aria-labelledby="manifest-h"><h2 id="manifest-h">Run manifest</h2>',
      // Hashes are long unbroken words: let them wrap on a narrow screen.
      `<ul style="overflow-wrap:anywhere">${manifestLines(report.manifest)
        .map((l) => `<li><code>${text(l)}</code></li>`)
        .join('')}</ul>`,
      '</section>',
    );
  }
  return parts.join('\n');
}
