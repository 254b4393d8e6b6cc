// runCheck: the stages in order — load rules and records, evaluate, build the report.
import { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
import { InputError } from './diagnostics/input-error.js';
import { DEFAULT_RULES_DIR } from './default-rules.js';
import { sortFindings } from './evaluate/evaluate-records.js';
import { loadRules } from './load/load-rules.js';
import { buildReport } from './report/build-report.js';
import { screeningFindings } from './screen/screen-records.js';
import { streamCheck, type StreamCheckOptions } from './stream/check-stream.js';
import type { Diagnostic, Report, RuleSet } from './types.js';

export interface CheckOptions extends Pick<StreamCheckOptions, 'engine' | 'workers' | 'stdin' | 'lineOffset' | 'onProgress'> {
  /** Record files or folders; `-` reads NDJSON from `stdin`. */
  records: readonly string[];
  /** Rule files or folders; the shipped rules when empty. */
  rules?: readonly string[];
  skipInvalid?: boolean;
  asOf?: string;
  /** Review findings for parties whose names resemble a listed party (default on). */
  screening?: boolean;
}

export interface CheckResult {
  report: Report;
  /** Warnings (and, with skipInvalid, the records left out). */
  diagnostics: Diagnostic[];
  skipped: number;
}

/** Loads rules, throwing InputError with every problem when any is an error. */
export function loadRuleSetOrThrow(paths: readonly string[] | undefined): { rules: RuleSet; diagnostics: Diagnostic[] } {
  const r = loadRules(paths && paths.length ? paths : [DEFAULT_RULES_DIR]);
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
  const loaded = loadRules(opts.rules && opts.rules.length ? opts.rules : [DEFAULT_RULES_DIR]);
  if (hasErrors(loaded.diagnostics)) throw new InputError([...loaded.diagnostics, ...(await recordProblems(opts))]);
  const { value: rules, diagnostics } = loaded;
  const { engine, workers, stdin, lineOffset, onProgress, asOf } = opts;
  const run = await streamCheck({
    inputs: opts.records, rules, skipInvalid: opts.skipInvalid ?? false, keepRecords: true, engine, workers, stdin, lineOffset, onProgress,
  });
  diagnostics.push(...sortDiagnostics(run.diagnostics));
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const findings = sortFindings(opts.screening === false ? run.findings : [...run.findings, ...screeningFindings(run.records.records, rules)]);
  const report = buildReport({ records: run.records, rules, findings, ...(asOf ? { asOf } : {}) });
  return { report, diagnostics, skipped: run.records.skipped };
}
