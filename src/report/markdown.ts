// The markdown report: a summary table, then each finding with citation, evidence and quotes.
import type { Report } from '../types.js';
import { accountabilityLines, findingLines, manifestLines, shortFingerprint, stateWord } from './accountability-lines.js';
import { citation, heldText, OUTCOME_LABEL } from './labels.js';
import { showValue, terminalSafe } from './plain-text.js';
import { listingFor, memorySource, type ActivityListing, type ReportSource } from './report-source.js';

/** Escapes text so that markdown shows it as written: no HTML, links, emphasis, code or table breaks. */
export function mdEscape(text: string): string {
  return terminalSafe(text)
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/<|>|&(?=#?\w+;)/g, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&amp;'))
    .replace(/\r?\n/g, ' ')
    .replace(/^(\s*)([#+\-=]|\d+[.)])/, '$1\\$2');
}

export interface MarkdownOptions {
  /** Which records without findings are named (default: every one up to LIST_ALL_UP_TO records, else counted). */
  activities?: ActivityListing;
}

export function renderMarkdown(report: Report, opts: MarkdownOptions = {}): string {
  return [...markdownParts(memorySource(report), opts)].join('');
}

/** The markdown report in pieces, each of whole lines with their newlines; findings are read one at a time. */
export function* markdownParts(source: ReportSource, opts: MarkdownOptions = {}): Generator<string> {
  const { report } = source;
  let out: string[] = [];
  const flush = (): string => {
    const text = out.map((l) => l + '\n').join('');
    out = [];
    return text;
  };
  const title = report.cases.find((c) => c.title)?.title;
  out.push(`# Sanctions compliance report${title ? `: ${mdEscape(title)}` : ''}`, '');
  out.push(
    `Produced by sanctions-check ${report.tool.version}${report.asOf ? `, as of ${report.asOf}` : ''}. ` +
      `${report.records} record(s) checked against ${report.rules} rule(s).`,
  );
  for (const l of report.lists) out.push(`Designation list: ${mdEscape(l.title)}, as of ${l.date}.`);
  out.push(
    '',
    'A finding says an activity, as the record describes it, is inconsistent with a provision that binds States ' +
      "(and, for exports and launches, the DPRK). The evidence level is the source's, and is kept apart from the outcome.",
    '',
  );
  out.push('## Summary', '');
  out.push('| Outcome | Findings |', '|---|---|');
  for (const k of ['violation', 'review', 'exempt'] as const) out.push(`| ${k} | ${report.summary[k]} |`);
  out.push('', '| Evidence | Findings |', '|---|---|');
  for (const k of ['confirmed', 'reported', 'alleged', 'speculative'] as const) out.push(`| ${k} | ${report.byEvidence[k]} |`);
  const notes = accountabilityLines(report);
  if (notes.length) out.push('', ...notes.map((l) => `- ${mdEscape(l)}`));
  let state = false;
  for (const f of source.findings()) if (f.disposition || f.baseline) state = true;
  out.push(
    '',
    `| Record | Rule | Outcome | Evidence | Principal provision | Fingerprint |${state ? ' State |' : ''}`,
    `|---|---|---|---|---|---|${state ? '---|' : ''}`,
  );
  for (const f of source.findings()) {
    out.push(
      `| ${mdEscape(f.recordId)} | ${f.ruleId} | ${f.outcome} | ${f.evidence} | ${mdEscape(citation(f.provisions[0]!))} | \`${shortFingerprint(f.fingerprint)}\` |${state ? ` ${mdEscape(stateWord(f))} |` : ''}`,
    );
  }
  yield flush();
  if (listingFor(report.records, opts.activities) === 'all') {
    let quiet = 0;
    for (const { activity, findings } of source.records()) {
      if (findings.length > 0) continue;
      yield `${quiet++ === 0 ? '\nRecords with no finding: ' : ', '}${mdEscape(activity.id)}`;
    }
    if (quiet > 0) yield '.\n';
  } else {
    const quiet = report.records - source.recordsWithFindings;
    if (quiet > 0) out.push('', `Records with no finding: ${quiet} (not named here; --list-activities all names them).`);
  }
  out.push('', '## Findings');
  for (const f of source.findings()) {
    yield flush();
    out.push('', `### ${mdEscape(f.recordId)} — ${mdEscape(f.ruleTitle)}`, '');
    out.push(`**${f.outcome}, ${f.evidence}** (rule \`${f.ruleId}\`): ${OUTCOME_LABEL[f.outcome]}.`, '');
    out.push(mdEscape(f.message), '');
    out.push(
      `Record: ${mdEscape(`${f.location.file}:${f.location.line}:${f.location.column}`)}; activity date ${mdEscape(f.date.text)}.`,
      '',
    );
    out.push(...findingLines(f).map((l) => `${mdEscape(l[0]!.toUpperCase() + l.slice(1))}.`), '');
    out.push('Provisions:', '');
    for (const p of f.provisions) {
      out.push(`- ${mdEscape(citation(p))}${p.note ? ` — ${mdEscape(p.note)}` : ''}`);
      if (p.text) out.push(`  > ${mdEscape(p.text)}`);
    }
    if (f.exemption) out.push('', `Exemption that holds: ${mdEscape(f.exemption.title ?? f.exemption.id)} (\`${f.exemption.id}\`).`);
    for (const n of f.notes) out.push('', `Note: ${mdEscape(n)}`);
    const e = f.evidenceDetail;
    out.push(
      '',
      `Evidence: ${e.level}${e.claimant ? `, asserted by ${mdEscape(e.claimant)}` : ''}` +
        `${e.wording.length ? `; wording: ${e.wording.map((w) => `“${mdEscape(w)}”`).join(', ')}` : ''}.`,
    );
    for (const s of e.sources) {
      const who = [s.publisher, s.author, s.date, s.title]
        .filter(Boolean)
        .map((x) => mdEscape(String(x)))
        .join(', ');
      if (s.quote) out.push('', `> ${mdEscape(s.quote)}`, `> — ${who || 'source not named'}`);
      else if (who) out.push('', `Source: ${who}`);
    }
    out.push('', '| Condition | Expected | Actual | Held |', '|---|---|---|---|');
    for (const x of f.explanation) {
      const name = `${x.exemption ? `exemption ${x.exemption}: ` : ''}${x.negated ? 'not ' : ''}${x.condition}`;
      const held = heldText(x.held, x.negated);
      out.push(`| ${mdEscape(name)} | ${x.operator} ${mdEscape(showValue(x.expected))} | ${mdEscape(showValue(x.actual))} | ${held} |`);
    }
  }
  if (report.manifest) out.push('', '## Run manifest', '', ...manifestLines(report.manifest).map((l) => `- ${mdEscape(l)}`));
  yield flush();
}
