// runCheck: the stages in order — load rules and records, evaluate, build the report.
import { account } from './accountability/account.js';
import { recordsAfter, ruleSetAsOf } from './accountability/as-of.js';
import { loadBaseline } from './accountability/baseline.js';
import { loadDispositions } from './accountability/dispositions-file.js';
import { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
import { InputError } from './diagnostics/input-error.js';
import { DEFAULT_RULES_DIR } from './default-rules.js';
import { sortFindings } from './evaluate/evaluate-records.js';
import { loadRules } from './load/load-rules.js';
import { buildReport } from './report/build-report.js';
import { streamCheck, type StreamCheckOptions } from './stream/check-stream.js';
import type { Diagnostic, Report, RuleSet } from './types.js';

export interface CheckOptions extends Pick<StreamCheckOptions, 'engine' | 'workers' | 'stdin' | 'lineOffset' | 'onProgress'> {
  /** Record files or folders; `-` reads NDJSON from `stdin`. */
  records: readonly string[];
  /** Rule files or folders; the shipped rules when empty. */
  rules?: readonly string[];
  skipInvalid?: boolean;
  /** The law and the list as of this day: later provisions and listings are left out. */
  asOf?: string;
  /** A dispositions file: analysts' decisions on findings. */
  dispositions?: string;
  /** A previous JSON report to compare with. */
  baseline?: string;
  /** The day of the run (YYYY-MM-DD, UTC), for dispositions' expiry when no asOf is given; default today. */
  today?: string;
}

export interface CheckResult {
  report: Report;
  /** Warnings (and, with skipInvalid, the records left out). */
  diagnostics: Diagnostic[];
  skipped: number;
}

/** Loads rules, throwing InputError with every problem when any is an error. */
export function loadRuleSetOrThrow(paths: readonly string[] | undefined): { rules: RuleSet; diagnostics: Diagnostic[] } {
  const r = loadRules(paths?.length ? paths : [DEFAULT_RULES_DIR]);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  return { rules: r.value, diagnostics: r.diagnostics };
}

/** With broken rules nothing can be evaluated, but the records' own problems are worth listing too. */
async function recordProblems(opts: CheckOptions): Promise<Diagnostic[]> {
  if (opts.records.includes('-')) return [];
  const run = await streamCheck({ inputs: opts.records, rules: { rules: [], lists: [] }, skipInvalid: false, keepRecords: false, workers: 1 });
  return run.diagnostics.filter((d) => d.severity === 'error');
}

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const loaded = loadRules(opts.rules?.length ? opts.rules : [DEFAULT_RULES_DIR]);
  if (hasErrors(loaded.diagnostics)) throw new InputError([...loaded.diagnostics, ...(await recordProblems(opts))]);
  const { engine, workers, stdin, lineOffset, onProgress, asOf } = opts;
  const diagnostics = loaded.diagnostics;
  const rules = asOf ? ruleSetAsOf(loaded.value, asOf) : loaded.value;
  // The decisions and the baseline are read before any record, so that a mistake in them costs nothing.
  const dispositionList = opts.dispositions !== undefined ? loadDispositions(opts.dispositions) : undefined;
  const baselineFindings = opts.baseline !== undefined ? loadBaseline(opts.baseline) : undefined;
  const run = await streamCheck({
    inputs: opts.records, rules, skipInvalid: opts.skipInvalid ?? false, keepRecords: true, engine, workers, stdin, lineOffset, onProgress,
  });
  diagnostics.push(...sortDiagnostics(run.diagnostics));
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const findings = sortFindings(run.findings);
  if (asOf) diagnostics.push(...recordsAfter(run.records.records, asOf));
  const report = buildReport({ records: run.records, rules, findings, ...(asOf ? { asOf } : {}) });
  const rulePaths = opts.rules?.length ? opts.rules : [];
  diagnostics.push(
    ...account(report, {
      records: opts.records,
      rules: rulePaths,
      ruleRoots: rulePaths.length ? rulePaths : [DEFAULT_RULES_DIR],
      skipInvalid: opts.skipInvalid ?? false,
      ...(asOf ? { asOf } : {}),
      ...(opts.dispositions !== undefined ? { dispositions: opts.dispositions, dispositionList } : {}),
      ...(opts.baseline !== undefined ? { baseline: opts.baseline, baselineFindings } : {}),
      today: opts.today ?? new Date().toISOString().slice(0, 10),
    }),
  );
  return { report, diagnostics, skipped: run.records.skipped };
}
