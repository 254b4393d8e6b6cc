// runCheck: the stages in order — load rules and records, evaluate, build the report; runStreamedCheck: the same with a sink for streamed findings.
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
import { reportParts, writeParts, type RenderOptions, type StreamedFormat } from './report/render.js';
import { ReportSpool } from './report/report-spool.js';
import { streamCheck, type StreamCheckOptions, type StreamCheckResult } from './stream/check-stream.js';
import type { TextSink } from './stream/text-sink.js';
import type { Diagnostic, Finding, Report, RuleSet } from './types.js';

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
  const r = loadRules(paths?.length ? paths : [DEFAULT_RULES_DIR]);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  return { rules: r.value, diagnostics: r.diagnostics };
}

/** The rule set a run with broken rules reads its records against: nothing is evaluated, the records' own problems are still found. */
const NO_RULES: RuleSet = { rules: [], lists: [] };

/** With broken rules: the rules' problems and the errors of the records read in the same pass. */
function brokenRules(ruleProblems: readonly Diagnostic[], recordProblems: readonly Diagnostic[]): InputError {
  return new InputError([...ruleProblems, ...recordProblems.filter((d) => d.severity === 'error')]);
}

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const loaded = loadRules(opts.rules?.length ? opts.rules : [DEFAULT_RULES_DIR]);
  // Broken rules: the one pass over the records still runs, to list the records' own problems too.
  const broken = hasErrors(loaded.diagnostics);
  const { engine, workers, stdin, lineOffset, onProgress, asOf } = opts;
  const diagnostics = loaded.diagnostics;
  const rules = broken ? NO_RULES : asOf ? ruleSetAsOf(loaded.value, asOf) : loaded.value;
  // The decisions and the baseline are read before any record, so that a mistake in them costs nothing.
  const dispositionList = !broken && opts.dispositions !== undefined ? loadDispositions(opts.dispositions) : undefined;
  const baselineFindings = !broken && opts.baseline !== undefined ? loadBaseline(opts.baseline) : undefined;
  const run = await streamCheck({
    inputs: opts.records,
    rules,
    skipInvalid: !broken && (opts.skipInvalid ?? false),
    keepRecords: !broken,
    screening: opts.screening !== false,
    engine,
    workers,
    stdin,
    lineOffset,
    onProgress,
  });
  if (broken) throw brokenRules(diagnostics, run.diagnostics);
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

/** Where streamed findings go, in input order, as soon as every record before them is done. */
export type FindingSink = (findings: Finding[]) => void | Promise<void>;

export interface StreamedCheckOptions extends Omit<StreamCheckOptions, 'onFindings' | 'keepRecords'> {
  sink: FindingSink;
}

/**
 * The streamed path (`check --format ndjson`): the same stages as runCheck, with findings passed
 * to the sink as they are found instead of being gathered into a report. The caller loads the rules
 * (loadRuleSetOrThrow) and reports the result's problems.
 */
export function runStreamedCheck(opts: StreamedCheckOptions): Promise<StreamCheckResult> {
  const { sink, ...rest } = opts;
  return streamCheck({ ...rest, screening: rest.screening !== false, keepRecords: false, onFindings: sink });
}

export interface SpooledCheckResult {
  /** Warnings (and, with skipInvalid, the records left out). */
  diagnostics: Diagnostic[];
  skipped: number;
  /** Whether a finding reached the failure threshold. */
  reached: boolean;
  /** The records marked `status: draft`, for the caller to refuse or label. */
  drafts: { id: string; location: Diagnostic['location'] }[];
  /**
   * Writes the report in a format to the sink and closes it (the same bytes as renderReport of the
   * whole run); the temporary files are removed once every format is written (or on failure).
   */
  write(sink: TextSink, format: StreamedFormat, opts?: RenderOptions): Promise<void>;
  /** Removes the temporary files (after the last write, or when nothing is to be written). */
  discard(): void;
}

/**
 * runCheck for reports written in bounded memory (every format but JUnit): findings and activities
 * go to temporary files as they are found, and each report is written from them once the run succeeded.
 */
export async function runCheckSpooled(opts: CheckOptions & { fails(f: Finding): boolean }): Promise<SpooledCheckResult> {
  if (opts.dispositions !== undefined || opts.baseline !== undefined)
    throw new Error('runCheckSpooled takes no dispositions or baseline: use runCheck');
  const loaded = loadRules(opts.rules?.length ? opts.rules : [DEFAULT_RULES_DIR]);
  if (hasErrors(loaded.diagnostics)) {
    const { engine, workers, stdin, lineOffset } = opts;
    const run = await streamCheck({
      inputs: opts.records,
      rules: NO_RULES,
      skipInvalid: false,
      keepRecords: false,
      engine,
      workers,
      stdin,
      lineOffset,
    });
    throw brokenRules(loaded.diagnostics, run.diagnostics);
  }
  const { engine, workers, stdin, lineOffset, onProgress, asOf } = opts;
  const diagnostics = loaded.diagnostics;
  const rules = asOf ? ruleSetAsOf(loaded.value, asOf) : loaded.value;
  const spool = new ReportSpool();
  const later: Diagnostic[] = [];
  const drafts: SpooledCheckResult['drafts'] = [];
  let reached = false;
  const add = (findings: Finding[]): void => {
    if (!reached) reached = findings.some(opts.fails);
    spool.addFindings(findings);
  };
  try {
    const run = await streamCheck({
      inputs: opts.records,
      rules,
      skipInvalid: opts.skipInvalid ?? false,
      keepRecords: false,
      screening: opts.screening !== false,
      engine,
      workers,
      stdin,
      lineOffset,
      onProgress,
      ...(asOf ? { activitiesAfter: asOf } : {}),
      // The record comes whole only when it is a draft or ends after asOf (or was read from a YAML or JSON file).
      onActivity: (line, r) => {
        spool.addActivity(line);
        if (!r) return;
        if (r.record.status === 'draft') drafts.push({ id: r.record.id, location: r.location });
        if (asOf) later.push(...recordsAfter([r], asOf));
      },
      onFindings: add,
    });
    diagnostics.push(...sortDiagnostics(run.diagnostics), ...later);
    if (hasErrors(diagnostics)) throw new InputError(diagnostics);
    const { records } = run;
    const rulePaths = opts.rules?.length ? opts.rules : [];
    // The manifest, as runCheck adds it (no dispositions or baseline on this path).
    const finish = (report: Report): void => {
      account(report, {
        records: opts.records,
        rules: rulePaths,
        ruleRoots: rulePaths.length ? rulePaths : [DEFAULT_RULES_DIR],
        skipInvalid: opts.skipInvalid ?? false,
        ...(asOf ? { asOf } : {}),
        today: opts.today ?? new Date().toISOString().slice(0, 10),
      });
    };
    return {
      diagnostics,
      skipped: records.skipped,
      reached,
      drafts,
      write: async (sink, format, renderOptions) => {
        try {
          await writeParts(sink, reportParts(spool.source({ rules, records, ...(asOf ? { asOf } : {}), finish }), format, renderOptions));
        } catch (e) {
          spool.discard();
          throw e;
        }
      },
      discard: () => spool.discard(),
    };
  } catch (e) {
    spool.discard();
    throw e;
  }
}
