// The terminal report: findings grouped by record, colour only when asked for.
import type { Report } from '../types.js';
import { memorySource, type ReportSource } from './report-source.js';
import { accountabilityLines, findingLines, manifestLines } from './accountability-lines.js';
import { citation, OUTCOME_LABEL } from './labels.js';
import { oneLine, showValue } from './plain-text.js';

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;

export function renderText(report: Report, opts: TextOptions = { color: false }): string {
  return [...textParts(memorySource(report), opts)].join('');
}

/** The terminal report in pieces, each a line with its newline; activities are read one at a time. */
export function* textParts(source: ReportSource, opts: TextOptions = { color: false }): Generator<string> {
  const { report } = source;
  const paint = (c: keyof typeof CODES, s: string) => (opts.color ? `\u001b[${CODES[c]}m${s}\u001b[0m` : s);
  const outcomeColor = { violation: 'red', review: 'yellow', exempt: 'green' } as const;
  let out: string[] = [];
  out.push(paint('bold', `sanctions-check ${report.tool.version}`) + (report.asOf ? ` — as of ${report.asOf}` : ''));
  for (const c of report.cases) if (c.title) out.push(`Case: ${oneLine(c.title)}`);
  out.push(`${report.records} record(s) checked against ${report.rules} rule(s)`);
  for (const l of report.lists) out.push(`Designation list: ${oneLine(l.title)}, as of ${l.date}`);
  out.push('');
  const s = report.summary;
  out.push(
    `Findings: ${paint('red', `${s.violation} violation`)}, ${paint('yellow', `${s.review} review`)}, ${paint('green', `${s.exempt} exempt`)}` +
      `  (evidence: ${report.byEvidence.confirmed} confirmed, ${report.byEvidence.reported} reported, ${report.byEvidence.alleged} alleged, ${report.byEvidence.speculative} speculative)`,
  );
  for (const line of accountabilityLines(report)) out.push(oneLine(line));
  for (const { activity: a, findings } of source.records()) {
    if (out.length > 0) {
      yield out.join('\n') + '\n';
      out = [];
    }
    out.push('');
    out.push(paint('bold', `Record ${oneLine(a.id)}`) + paint('dim', `  ${a.location.file}:${a.location.line}:${a.location.column}`));
    out.push(`  ${oneLine(a.type)}, ${oneLine(a.date.text)}, evidence ${a.evidence}${a.summary ? ` — ${oneLine(a.summary)}` : ''}`);
    if (findings.length === 0) {
      out.push(paint('dim', '  no provision applies'));
      continue;
    }
    for (const f of findings) {
      out.push('');
      out.push(`  ${paint(outcomeColor[f.outcome], f.outcome.toUpperCase())}, ${f.evidence}  ${paint('cyan', f.ruleId)}`);
      out.push(`    ${oneLine(f.message)}`);
      out.push(`    ${OUTCOME_LABEL[f.outcome]}`);
      for (const p of f.provisions) out.push(`    cites ${citation(p)}`);
      for (const line of findingLines(f)) out.push(paint('dim', `    ${oneLine(line)}`));
      if (f.exemption) out.push(`    exemption: ${oneLine(f.exemption.title ?? f.exemption.id)}`);
      for (const n of f.notes) out.push(`    note: ${oneLine(n)}`);
      const q = f.evidenceDetail.sources.find((x) => x.quote);
      if (q?.quote) out.push(`    quote: “${oneLine(q.quote)}”${q.publisher ? ` (${oneLine(q.publisher)})` : ''}`);
      if (f.evidenceDetail.wording.length)
        out.push(`    evidence wording: ${f.evidenceDetail.wording.map((w) => `“${oneLine(w)}”`).join(', ')}`);
      const held = f.explanation.filter((e) => e.exemption === undefined && e.held === true && !e.negated);
      if (held.length)
        out.push(paint('dim', `    because: ${held.map((e) => `${oneLine(e.condition)} (${oneLine(showValue(e.actual))})`).join('; ')}`));
    }
  }
  if (report.manifest) out.push('', paint('bold', 'Run manifest'), ...manifestLines(report.manifest).map((l) => `  ${oneLine(l)}`));
  if (out.length > 0) yield out.join('\n') + '\n';
}
