// One finding in the HTML report: citation, outcome and evidence, message, location, notes,
// evidence and sources, exemption, and the table explaining which conditions held.

import type { ExplanationLine, Finding, Provision, SourceCitation } from '../types.js';
import { resolutionLabel, resolutionUrl } from './citation.js';
import { findingAccountability } from './html-accountability.js';
import { evidenceBadge, outcomeAndEvidence } from './html-badge.js';
import { attr, link, text } from './html-escape.js';
import { valueText } from './value-text.js';

function citation(provision: Provision): string {
  const mark = provision.verified ? '<span class="badge verified">verified</span>' : '<span class="badge unverified">unverified</span>';
  const note = provision.note
    ? `<p class="verification-note${provision.verified ? ' verified-note' : ''}">${provision.verified ? '' : 'Not verified: '}${text(provision.note)}</p>`
    : provision.verified
      ? ''
      : '<p class="verification-note">Not verified against the primary text of the resolution.</p>';
  return (
    '<div class="citation">' +
    `<p class="cite-line">${link(resolutionUrl(provision), resolutionLabel(provision))}${provision.paragraph !== undefined ? `, paragraph ${text(provision.paragraph)}` : ''}` +
    ` <span class="adopted">· adopted ${text(provision.adopted)}</span> ${mark}</p>` +
    note +
    (provision.text ? `<blockquote>${text(provision.text)}</blockquote>` : '') +
    '</div>'
  );
}

function sourceLine(source: SourceCitation): string {
  const parts: string[] = [];
  if (source.publisher) parts.push(`<strong>${text(source.publisher)}</strong>`);
  if (source.author) parts.push(text(source.author));
  if (source.date) parts.push(text(source.date));
  if (source.title) parts.push(`<cite>${link(source.url, source.title)}</cite>`);
  else if (source.url) parts.push(link(source.url, source.url));
  if (source.ref) parts.push(`source <code>${text(source.ref)}</code>`);
  if (source.file) parts.push(`file <code>${text(source.file)}</code>`);
  const line = parts.length > 0 ? parts.join('<span class="sep"> · </span>') : '<span class="empty">unnamed source</span>';
  return `<li><div class="source-line">${line}</div>` + (source.quote ? `<blockquote>${text(source.quote)}</blockquote>` : '') + '</li>';
}

function evidence(finding: Finding): string {
  const detail = finding.evidenceDetail;
  const facts: string[] = [`Evidence level ${evidenceBadge(detail.level)}`];
  if (detail.claimant) facts.push(`claimed by <strong>${text(detail.claimant)}</strong>`);
  if (detail.wording.length > 0) {
    facts.push(`<span class="wording">wording ${detail.wording.map((w) => `<q>${text(w)}</q>`).join(', ')}</span>`);
  }
  const sources =
    detail.sources.length > 0
      ? `<ol class="sources">${detail.sources.map(sourceLine).join('')}</ol>`
      : '<p class="empty">No sources cited.</p>';
  return `<h4>Evidence</h4><p>${facts.join('; ')}</p>${sources}`;
}

function exemption(finding: Finding): string {
  if (finding.outcome !== 'exempt' || !finding.exemption) return '';
  const { id, title, provisions } = finding.exemption;
  return (
    '<div class="exemption"><h4>Exemption that applies</h4>' +
    `<p>${title ? `<strong>${text(title)}</strong> ` : ''}<code>${text(id)}</code></p>` +
    provisions.map(citation).join('') +
    '</div>'
  );
}

function held(line: ExplanationLine): string {
  if (line.held === true) return '<td class="held-yes">yes</td>';
  if (line.held === false) return '<td class="held-no">no</td>';
  return '<td class="held-na">not evaluated</td>';
}

function explanation(finding: Finding): string {
  if (finding.explanation.length === 0) return '';
  const rows = finding.explanation.map((line) => {
    const marks = [line.negated ? 'negated (inside not)' : '', line.exemption ? `exemption ${line.exemption}` : '']
      .filter((m) => m !== '')
      .map((m) => `<br><span class="sep">${text(m)}</span>`)
      .join('');
    return (
      `<tr><td><code>${text(line.condition)}</code>${marks}</td>` +
      `<td><code>${text(line.fact)}</code> <span class="sep">${text(line.operator)}</span></td>` +
      `<td><code>${text(valueText(line.expected))}</code></td><td><code>${text(valueText(line.actual))}</code></td>${held(line)}</tr>`
    );
  });
  return (
    '<h4>Explanation</h4><table class="explanation">' +
    '<thead><tr><th scope="col">condition</th><th scope="col">fact and operator</th><th scope="col">expected</th><th scope="col">actual</th><th scope="col">held</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

/** One finding as an article. */
export function renderFinding(finding: Finding, index: number): string {
  const where = `${finding.location.file}:${finding.location.line}:${finding.location.column}`;
  const span = finding.date.start === finding.date.end ? finding.date.start : `${finding.date.start} to ${finding.date.end}`;
  const notes = finding.notes.length > 0 ? `<ul class="notes">${finding.notes.map((note) => `<li>${text(note)}</li>`).join('')}</ul>` : '';
  return [
    `<article class="finding o-${finding.outcome}" id="finding-${index + 1}" data-finding-record="${attr(finding.recordId)}" data-rule-id="${attr(finding.ruleId)}">`,
    '<div class="finding-head">',
    `<h3>${text(finding.ruleTitle)}</h3>`,
    `<span class="badges">${outcomeAndEvidence(finding.outcome, finding.evidence)}</span>`,
    '</div>',
    `<p class="message">${text(finding.message)}</p>`,
    `<p class="where">record <a href="#record-${attr(finding.recordId)}"><code>${text(finding.recordId)}</code></a>` +
      `<span class="sep"> · </span>rule <code>${text(finding.ruleId)}</code>` +
      `<span class="sep"> · </span><code>${text(where)}</code>` +
      `<span class="sep"> · </span>dated ${text(finding.date.text)} (${text(span)})</p>`,
    findingAccountability(finding),
    notes,
    '<h4>Provisions cited</h4>',
    finding.provisions.map(citation).join(''),
    exemption(finding),
    evidence(finding),
    explanation(finding),
    '</article>',
  ]
    .filter((part) => part !== '')
    .join('\n');
}
