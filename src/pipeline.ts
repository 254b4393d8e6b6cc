// runCheck: the stages in order — load rules and records, evaluate, build the report.
import { hasErrors, sortDiagnostics } from './diagnostics/diagnostic.js';
import { InputError } from './diagnostics/input-error.js';
import { DEFAULT_RULES_DIR } from './default-rules.js';
import { sortFindings } from './evaluate/evaluate-records.js';
import { loadRules } from './load/load-rules.js';
import { buildReport } from './report/build-report.js';
import { JsonReportSpool } from './report/json-stream.js';
import type { TextSink } from './stream/ndjson-output.js';
import { streamCheck, type StreamCheckOptions } from './stream/check-stream.js';
import type { Diagnostic, Finding, Report, RuleSet } from './types.js';

export interface CheckOptions extends Pick<StreamCheckOptions, 'engine' | 'workers' | 'stdin' | 'lineOffset' | 'onProgress'> {
  /** Record files or folders; `-` reads NDJSON from `stdin`. */
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
  const findings = sortFindings(run.findings);
  const report = buildReport({ records: run.records, rules, findings, ...(asOf ? { asOf } : {}) });
  return { report, diagnostics, skipped: run.records.skipped };
}

export interface JsonCheckResult {
  /** Warnings (and, with skipInvalid, the records left out). */
  diagnostics: Diagnostic[];
  skipped: number;
  /** Whether a finding reached the failure threshold. */
  reached: boolean;
  /** Writes the JSON report (the same bytes as renderJson) to the sink and closes it. */
  write(sink: TextSink): Promise<void>;
}

/**
 * runCheck for the JSON report alone, in bounded memory: findings and activities go to a temporary
 * file as they are found, and the report is written from it once the run succeeded.
 */
export async function runCheckJson(opts: CheckOptions & { fails(f: Finding): boolean }): Promise<JsonCheckResult> {
  const loaded = loadRules(opts.rules && opts.rules.length ? opts.rules : [DEFAULT_RULES_DIR]);
  if (hasErrors(loaded.diagnostics)) throw new InputError([...loaded.diagnostics, ...(await recordProblems(opts))]);
  const { value: rules, diagnostics } = loaded;
  const { engine, workers, stdin, lineOffset, onProgress, asOf } = opts;
  const spool = new JsonReportSpool();
  let reached = false;
  try {
    const run = await streamCheck({
      inputs: opts.records, rules, skipInvalid: opts.skipInvalid ?? false, keepRecords: true, engine, workers, stdin, lineOffset, onProgress,
      onRecord: (r) => spool.addRecord(r),
      onFindings: (findings) => {
        if (!reached) reached = findings.some(opts.fails);
        spool.addFindings(findings);
      },
    });
    diagnostics.push(...sortDiagnostics(run.diagnostics));
    if (hasErrors(diagnostics)) throw new InputError(diagnostics);
    const { records } = run;
    return {
      diagnostics,
      skipped: records.skipped,
      reached,
      write: (sink) => spool.writeTo(sink, { rules, records, ...(asOf ? { asOf } : {}) }),
    };
  } catch (e) {
    spool.discard();
    throw e;
  }
}
