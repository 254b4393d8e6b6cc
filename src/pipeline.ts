// runCheck: the stages in order — load rules and records, evaluate, build the report.
import { hasErrors } from './diagnostics/diagnostic.js';
import { InputError } from './diagnostics/input-error.js';
import { DEFAULT_RULES_DIR } from './default-rules.js';
import { evaluateRecords } from './evaluate/evaluate-records.js';
import { loadRecords } from './load/load-records.js';
import { loadRules } from './load/load-rules.js';
import { buildReport } from './report/build-report.js';
import type { Diagnostic, Report, RuleSet } from './types.js';

export interface CheckOptions {
  records: readonly string[];
  /** Rule files or folders; the shipped rules when empty. */
  rules?: readonly string[];
  skipInvalid?: boolean;
  asOf?: string;
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

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const { rules, diagnostics } = loadRuleSetOrThrow(opts.rules);
  const records = loadRecords(opts.records, { skipInvalid: opts.skipInvalid ?? false });
  diagnostics.push(...records.diagnostics);
  if (hasErrors(diagnostics)) throw new InputError(diagnostics);
  const findings = await evaluateRecords(records.value.records, rules);
  const report = buildReport({ records: records.value, rules, findings, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
  return { report, diagnostics, skipped: records.value.skipped };
}
