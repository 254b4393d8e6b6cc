// What every report format shows of accountability, as plain lines: a finding's fingerprint,
// disposition and baseline state; the counts apart; the run manifest.
import type { Disposition, Finding, Report, RunManifest } from '../types.js';

/** The first 12 characters of a fingerprint: enough to name a finding (a dispositions file takes them). */
export function shortFingerprint(fp: string | undefined): string {
  return (fp ?? '').slice(0, 12);
}

function decision(d: Disposition): string {
  return `${d.decision} by ${d.decidedBy} on ${d.decidedOn}${d.expires ? `, until ${d.expires}` : ''}`;
}

function target(d: Disposition): string {
  return d.fingerprint !== undefined ? `fingerprint ${d.fingerprint}` : `record ${d.record}, rule ${d.rule}`;
}

/** Lines under one finding: fingerprint (and baseline state), then its disposition if any. */
export function findingLines(f: Finding): string[] {
  const out = [`fingerprint ${shortFingerprint(f.fingerprint)}${f.baseline ? ` · ${f.baseline} since the baseline` : ''}`];
  const d = f.disposition;
  if (d?.status === 'applied') {
    out.push(`disposed: ${decision(d)} — ${d.reason}${d.legalBasis ? ` (legal basis: ${d.legalBasis})` : ''}; counted apart`);
  } else if (d?.status === 'expired') {
    out.push(`disposition expired: ${decision(d)} — no longer applies; the finding counts`);
  }
  return out;
}

/** The word a finding's state is shown by in tables: disposed, expired disposition, new, unchanged. */
export function stateWord(f: Finding): string {
  const parts: string[] = [];
  if (f.disposition) parts.push(f.disposition.status === 'applied' ? `disposed (${f.disposition.decision})` : 'disposition expired');
  if (f.baseline) parts.push(f.baseline);
  return parts.join(', ');
}

/** Summary lines: the day of law and list, the disposed findings counted apart, expired and stale entries, the baseline. */
export function accountabilityLines(report: Report): string[] {
  const out: string[] = [];
  if (report.asOf) out.push(`Law and list as of ${report.asOf}: provisions adopted and designations listed after it are not applied.`);
  const d = report.dispositions;
  if (d) {
    const n = d.disposed.violation + d.disposed.review + d.disposed.exempt;
    out.push(
      `Disposed, counted apart: ${n} (${d.disposed.violation} violation, ${d.disposed.review} review, ${d.disposed.exempt} exempt); ` +
        `${d.expired.length} expired, ${d.stale.length} stale (dispositions ${d.file}, expiry as of ${d.expiryDay})`,
    );
    for (const e of d.expired)
      out.push(
        `expired: ${e.recordId} / ${e.ruleId} — ${decision(e.disposition)} (${e.disposition.location.file}:${e.disposition.location.line})`,
      );
    for (const s of d.stale) out.push(`stale: ${target(s)} matches no finding (${s.location.file}:${s.location.line})`);
  }
  const b = report.baseline;
  if (b) {
    out.push(`Since the baseline ${b.file}: ${b.new} new, ${b.unchanged} unchanged, ${b.resolved.length} resolved`);
    for (const r of b.resolved)
      out.push(`resolved: ${r.recordId} / ${r.ruleId} (${r.outcome}, fingerprint ${shortFingerprint(r.fingerprint)})`);
  }
  return out;
}

/** The run manifest, short: the rule set's hash, each list and input with its hash, the options. */
export function manifestLines(m: RunManifest): string[] {
  const out = [`Tool: ${m.tool.name} ${m.tool.version}`, `Rule set: ${m.ruleSet.files.length} file(s), SHA-256 ${m.ruleSet.sha256}`];
  for (const l of m.designationLists) out.push(`Designation list: ${l.list} of ${l.date} (${l.path}), SHA-256 ${l.sha256}`);
  for (const f of m.inputs) out.push(`Input: ${f.path} (${f.size} bytes), SHA-256 ${f.sha256 || 'not computed (standard input)'}`);
  const o = m.options;
  out.push(
    `Options: as of ${o.asOf ?? 'not set'}; skip invalid ${o.skipInvalid ? 'yes' : 'no'}` +
      (o.dispositions ? `; dispositions ${o.dispositions.path} (SHA-256 ${o.dispositions.sha256}), expiry as of ${o.expiryDay}` : '') +
      (o.baseline ? `; baseline ${o.baseline.path} (SHA-256 ${o.baseline.sha256})` : ''),
  );
  return out;
}
