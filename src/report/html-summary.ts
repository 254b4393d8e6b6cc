// The summary section of the HTML report: counts by outcome, by evidence level, by provision cited
// and by party, and the list of activities with their most severe outcome.

import {
  EVIDENCE_LEVELS,
  FINDING_OUTCOMES,
  type ActivitySummary,
  type Finding,
  type FindingOutcome,
  type Provision,
  type Report,
} from '../types.js';
import { compareProvisions, provisionKey, provisionLabel, resolutionUrl } from './citation.js';
import { evidenceBadge, outcomeBadge } from './html-badge.js';
import { attr, link, text } from './html-escape.js';
import { outcomesByRecord } from './outcome-rank.js';
import type { ActivityListing, RecordEntry, ReportSource } from './report-source.js';

type Counts = Record<FindingOutcome, number>;

function zeroCounts(): Counts {
  return { violation: 0, review: 0, exempt: 0 };
}

function total(counts: Counts): number {
  return counts.violation + counts.review + counts.exempt;
}

function countCells(counts: Counts): string {
  return (
    FINDING_OUTCOMES.map((o) => `<td class="num${counts[o] === 0 ? ' zero' : ''}">${counts[o]}</td>`).join('') +
    `<td class="num">${total(counts)}</td>`
  );
}

const COUNT_HEADERS = `${FINDING_OUTCOMES.map((o) => `<th class="num" scope="col">${o}</th>`).join('')}<th class="num" scope="col">total</th>`;

function cards(report: Report, findings: number): string {
  const outcomeCards = FINDING_OUTCOMES.map(
    (o) => `<div class="card o-${o}"><div class="count">${report.summary[o]}</div><div class="what">${o}</div></div>`,
  );
  return (
    '<div class="cards">' +
    `<div class="card o-total"><div class="count">${findings}</div><div class="what">findings from ${report.records} records and ${report.rules} rules</div></div>` +
    outcomeCards.join('') +
    '</div>'
  );
}

function byEvidence(report: Report): string {
  const rows = EVIDENCE_LEVELS.map((level) => {
    const count = report.byEvidence[level] ?? 0;
    return `<tr><th scope="row">${evidenceBadge(level)}</th><td class="num${count === 0 ? ' zero' : ''}">${count}</td></tr>`;
  });
  return (
    '<table class="by-evidence"><caption>Findings by evidence level</caption>' +
    '<thead><tr><th scope="col">evidence</th><th class="num" scope="col">findings</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function byProvision(findings: Iterable<Finding>): string {
  const rows = new Map<string, { provision: Provision; counts: Counts }>();
  for (const finding of findings) {
    const seen = new Set<string>();
    for (const provision of finding.provisions) {
      const key = provisionKey(provision);
      if (seen.has(key)) continue;
      seen.add(key);
      const row = rows.get(key) ?? { provision, counts: zeroCounts() };
      row.counts[finding.outcome] += 1;
      rows.set(key, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => compareProvisions(a.provision, b.provision));
  const body = sorted.map(
    ({ provision, counts }) =>
      `<tr><th scope="row"><span class="nowrap">${link(resolutionUrl(provision), provisionLabel(provision))}</span>${provision.verified ? '' : ' <span class="mark-unverified">unverified</span>'}</th>${countCells(counts)}</tr>`,
  );
  return (
    '<table class="by-provision"><caption>Findings by provision cited</caption>' +
    `<thead><tr><th scope="col">provision</th>${COUNT_HEADERS}</tr></thead>` +
    `<tbody>${body.join('') || '<tr><td colspan="5" class="empty">No provisions cited.</td></tr>'}</tbody></table>`
  );
}

function byParty(withFindings: Iterable<RecordEntry>): string {
  const rows = new Map<string, { name: string; country?: string; roles: Set<string>; counts: Counts }>();
  for (const { activity, findings } of withFindings)
    for (const finding of findings) {
      const seen = new Set<string>();
      for (const party of activity.parties) {
        const key = `${party.name}\u0000${party.country ?? ''}`;
        const row = rows.get(key) ?? { name: party.name, country: party.country, roles: new Set<string>(), counts: zeroCounts() };
        if (party.role) row.roles.add(party.role);
        if (!seen.has(key)) row.counts[finding.outcome] += 1;
        seen.add(key);
        rows.set(key, row);
      }
    }
  const sorted = [...rows.values()].sort((a, b) => {
    const byTotal = total(b.counts) - total(a.counts);
    if (byTotal !== 0) return byTotal;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : (a.country ?? '') < (b.country ?? '') ? -1 : 1;
  });
  const body = sorted.map(
    (row) =>
      `<tr><th scope="row">${text(row.name)}</th><td>${text(row.country ?? '')}</td><td>${text([...row.roles].sort().join(', '))}</td>${countCells(row.counts)}</tr>`,
  );
  return (
    '<table class="by-party"><caption>Findings by party</caption>' +
    `<thead><tr><th scope="col">party</th><th scope="col">country</th><th scope="col">roles</th>${COUNT_HEADERS}</tr></thead>` +
    `<tbody>${body.join('') || '<tr><td colspan="7" class="empty">No parties in records with findings.</td></tr>'}</tbody></table>`
  );
}

function activityRow(activity: ActivitySummary, findings: readonly Finding[]): string {
  const { outcome, count } = outcomesByRecord(findings).get(activity.id) ?? { outcome: 'none', count: 0 };
  const parties = activity.parties
    .map((p) => text(p.country ? `${p.name} (${p.country}${p.role ? `, ${p.role}` : ''})` : p.role ? `${p.name} (${p.role})` : p.name))
    .join('<br>');
  return (
    `<tr id="record-${attr(activity.id)}"><td><code>${text(activity.id)}</code><br>${text(activity.summary ?? '')}</td>` +
    `<td class="nowrap">${text(activity.date.text)}</td><td class="nowrap">${text(activity.type)}</td><td>${parties}</td>` +
    `<td class="nowrap">${evidenceBadge(activity.evidence)}</td><td class="nowrap">${outcomeBadge(outcome)}${count > 1 ? ` <span class="sep">×${count}</span>` : ''}</td></tr>`
  );
}

/** The activities table in pieces: every activity, or those with findings and a count of the rest. */
function* activityTable(source: ReportSource, listing: ActivityListing): Generator<string> {
  const caption = listing === 'all' ? 'Activities checked' : 'Activities with findings';
  yield `<table class="activities"><caption>${caption}</caption>` +
    '<thead><tr><th scope="col" class="col-record">record</th><th scope="col">date</th><th scope="col">type</th><th scope="col" class="col-parties">parties</th><th scope="col">evidence</th><th scope="col">most severe</th></tr></thead>' +
    '<tbody>';
  let rows = 0;
  for (const { activity, findings } of listing === 'all' ? source.records() : source.withFindings()) {
    rows++;
    yield activityRow(activity, findings);
  }
  const quiet = source.report.records - source.recordsWithFindings;
  if (listing === 'findings' && quiet > 0) {
    yield `<tr><td colspan="6" class="empty">${quiet} other activities have no finding: not listed here (--list-activities all lists them).</td></tr>`;
  } else if (rows === 0) yield '<tr><td colspan="6" class="empty">No activities.</td></tr>';
  yield '</tbody></table>';
}

/** The summary section. */
export function renderSummary(source: ReportSource): string {
  const { report } = source;
  return [
    '<section class="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
    cards(report, source.findingCount),
    '<div class="summary-grid">',
    byProvision(source.findings()),
    byEvidence(report),
    '</div>',
    byParty(source.withFindings()),
    '</section>',
  ].join('\n');
}

/** The activities section. */
export function* activitiesParts(source: ReportSource, listing: ActivityListing): Generator<string> {
  yield '<section class="activities" aria-labelledby="activities-h"><h2 id="activities-h">Activities</h2>\n';
  yield* activityTable(source, listing);
  yield '\n</section>';
}
