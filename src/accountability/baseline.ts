// Compares a run with a previous JSON report: each finding new or unchanged, and those resolved.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/input-error.js';
import { parseJsonFile } from '../load/parse-json-file.js';
import { displayPath } from '../load/input-paths.js';
import { readTextFile } from '../load/text-file.js';
import { FINDING_OUTCOMES, type BaselineSummary, type FindingOutcome, type Report } from '../types.js';

export interface BaselineFinding {
  fingerprint: string;
  recordId: string;
  ruleId: string;
  outcome: FindingOutcome;
}

/** The findings of a previous JSON report, checked enough to compare with; located errors otherwise. */
export function parseBaseline(text: string, file: string): BaselineFinding[] {
  const value = parseJsonFile(text, file);
  const findings = (value as { findings?: unknown } | null)?.findings;
  if (value === null || typeof value !== 'object' || !Array.isArray(findings)) {
    throw new InputError([
      diagnostic('invalid-baseline', 'a baseline is a JSON report of sanctions-check (--format json): it has no `findings` list', {
        file,
        line: 1,
        column: 1,
      }),
    ]);
  }
  const out: BaselineFinding[] = [];
  findings.forEach((f: unknown, i) => {
    const x = f as Partial<BaselineFinding> | null;
    if (
      !x ||
      typeof x.fingerprint !== 'string' ||
      typeof x.recordId !== 'string' ||
      typeof x.ruleId !== 'string' ||
      !FINDING_OUTCOMES.includes(x.outcome as FindingOutcome)
    ) {
      throw new InputError([
        diagnostic(
          'invalid-baseline',
          `finding ${i + 1} has no fingerprint, recordId, ruleId or outcome (a report from an older version? re-run it to make a baseline)`,
          { file, line: 1, column: 1 },
        ),
      ]);
    }
    out.push({ fingerprint: x.fingerprint, recordId: x.recordId, ruleId: x.ruleId, outcome: x.outcome! });
  });
  return out;
}

export function loadBaseline(file: string): BaselineFinding[] {
  const shown = displayPath(file);
  const { text, diagnostics } = readTextFile(file, shown);
  if (text === undefined) throw new InputError(diagnostics);
  return parseBaseline(text, shown);
}

/** Marks each finding new or unchanged, and lists the previous findings this run no longer has. */
export function applyBaseline(report: Report, previous: readonly BaselineFinding[], file: string): void {
  const before = new Set(previous.map((f) => f.fingerprint));
  const now = new Set<string>();
  const summary: BaselineSummary = { file, new: 0, unchanged: 0, resolved: [] };
  for (const f of report.findings) {
    const fp = f.fingerprint ?? '';
    now.add(fp);
    f.baseline = before.has(fp) ? 'unchanged' : 'new';
    summary[f.baseline]++;
  }
  const gone = new Set<string>();
  for (const p of previous) {
    if (now.has(p.fingerprint) || gone.has(p.fingerprint)) continue;
    gone.add(p.fingerprint);
    summary.resolved.push({ fingerprint: p.fingerprint, recordId: p.recordId, ruleId: p.ruleId, outcome: p.outcome });
  }
  summary.resolved.sort((a, b) =>
    a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0,
  );
  report.baseline = summary;
}
