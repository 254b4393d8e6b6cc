// The library API: the stages, the pipeline and the types, nothing else.
export type * from './types.js';
export { loadRules } from './load/load-rules.js';
export { loadRecords, type LoadRecordsOptions, type LoadedRecords } from './load/load-records.js';
export { createEvaluator, evaluateRecords, type Evaluator, type PairResult } from './evaluate/evaluate-records.js';
export { buildReport } from './report/build-report.js';
export { renderReport, FORMATS, type Format, type RenderOptions } from './report/render.js';
export { runCheck, type CheckOptions, type CheckResult } from './pipeline.js';
export { streamCheck, type StreamCheckOptions, type StreamCheckResult } from './stream/check-stream.js';
export { runExamples, type ExampleResult } from './tester/run-examples.js';
export { formatDiagnostic, sortDiagnostics } from './diagnostics/diagnostic.js';
export { InputError, UsageError } from './diagnostics/input-error.js';
export { OPERATORS, OPERATOR_NAMES } from './vocabulary/operators.js';
export { DEFAULT_RULES_DIR } from './default-rules.js';
export { run } from './cli/run.js';
