// `sanctions-check check`: evaluate records against rules and write the report(s).
import { Command } from 'commander';
import { UsageError } from '../../diagnostics/input-error.js';
import { diagnostic, formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { InputError } from '../../diagnostics/input-error.js';
import { expandPaths } from '../../load/input-paths.js';
import { loadRecords } from '../../load/load-records.js';
import { isNdjson } from '../../load/record-file.js';
import type { Diagnostic } from '../../types.js';
import { loadRuleSetOrThrow, runCheck } from '../../pipeline.js';
import { failsAt } from '../../report/outcome-rank.js';
import { terminalSafe } from '../../report/plain-text.js';
import { FORMATS, renderReport, type Format } from '../../report/render.js';
import { fileSink, renderNdjson, streamSink, writeNdjsonFindings } from '../../stream/ndjson-output.js';
import { parseCount, streamOptionsFor, type StreamFlags } from '../../stream/stream-flags.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { EXIT, exitCodeForFindings, type FailOn } from '../exit-codes.js';
import { checkOutputPath, useColor, writeFilesAtomically, type Io } from '../io.js';
import { collect, oneOf, parseDay, parseFailOn } from '../options.js';

/** The report formats, and ndjson: one finding per line, written as the records are read. */
const CHECK_FORMATS = [...FORMATS, 'ndjson'] as const;
type CheckFormat = (typeof CHECK_FORMATS)[number];

interface CheckFlags extends StreamFlags {
  rules?: string[];
  format?: string[];
  output?: string[];
  failOn?: FailOn;
  skipInvalid?: boolean;
  asOf?: string;
  color?: boolean;
  includeDrafts?: boolean;
}

const DRAFT_ADVICE = 'review it and set `status: reviewed` (or remove `status`), or pass --include-drafts to check drafts as they are';

/** Draft records (status: draft) are refused unless --include-drafts: one located problem for each. */
function refuseDrafts(drafts: readonly { id: string; location: Diagnostic['location'] }[]): void {
  if (drafts.length === 0) return;
  throw new InputError(drafts.map((d) => diagnostic('draft-record', `record '${d.id}' is a draft (status: draft): ${DRAFT_ADVICE}`, d.location)));
}

/** The draft records of the YAML and JSON record files among the inputs (NDJSON is streamed, not read ahead). */
function draftsInStructuredFiles(inputs: readonly string[]): { id: string; location: Diagnostic['location'] }[] {
  const { files: found } = expandPaths(inputs.filter((p) => p !== '-'), { extensions: ['.yaml', '.yml', '.json'], recursive: false, what: 'record files' });
  const files = found.filter((f) => !isNdjson(f));
  if (files.length === 0) return [];
  const loaded = loadRecords(files);
  return loaded.value.records.filter((r) => r.record.status === 'draft').map((r) => ({ id: r.record.id, location: r.location }));
}

/** Pairs the i-th --format with the i-th --output; one format may go to stdout. */
export function planOutputs(formats: readonly string[], outputs: readonly string[]): { format: CheckFormat; path?: string }[] {
  const fs = formats.length ? formats : ['text'];
  if (outputs.length > fs.length) throw new UsageError('more --output than --format options: give a --format before each --output');
  const plan = fs.map((f, i) => ({ format: oneOf(f, CHECK_FORMATS, '--format'), ...(outputs[i] !== undefined ? { path: outputs[i] } : {}) }));
  if (plan.filter((p) => p.path === undefined).length > 1) {
    throw new UsageError('only one --format can go to standard output: give the others an --output FILE');
  }
  return plan;
}

export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('check activity records against the rules and report the findings')
    .argument('<records...>', 'record files (.yaml, .json, .ndjson) or case folders')
    .option('--rules <path>', 'rule file or folder (repeatable; default: the rules shipped with the package)', collect)
    .option('--format <format>', `report format (repeatable): ${CHECK_FORMATS.join(', ')}`, collect)
    .option('--output <file>', 'write the report for the matching --format to FILE, whole or not at all (repeatable)', collect)
    .option('--fail-on <level>', 'exit 1 when a finding reaches this outcome: violation, review or none', parseFailOn, 'violation' as FailOn)
    .option('--skip-invalid', 'report invalid records as warnings, count them and go on without them')
    .option('--as-of <day>', 'the day the report speaks as of (printed in it; no date is printed otherwise)', (v) => parseDay(v, '--as-of'))
    .option('--no-color', 'no colour in the text report')
    .option('--include-drafts', 'check records marked `status: draft` too (refused otherwise); their findings are labelled DRAFT')
    .option('--workers <n>', 'threads that check records, this one included (default: every core for NDJSON input of 16 MiB or more, else 1)', (v) => parseCount(v, '--workers', 1))
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('--engine <engine>', 'fast (the default) or plain: json-rules-engine on every rule, slower, for comparison', (v) => oneOf(v, ['fast', 'plain'] as const, '--engine'))
    .option('--stdin-name <name>', 'the file name reported for records read from standard input (-)')
    .option('--line-offset <n>', 'add N to the line numbers of NDJSON input (for one shard of a larger file)', (v) => parseCount(v, '--line-offset', 0))
    .action(async (records: string[], flags: CheckFlags) => {
      const plan = planOutputs(flags.format ?? [], flags.output ?? []);
      for (const p of plan) if (p.path) checkOutputPath(p.path);
      const { done, ...stream } = streamOptionsFor(io, records, flags);
      const failOn = flags.failOn ?? 'violation';
      if (plan.length === 1 && plan[0]!.format === 'ndjson') {
        // Findings go out as they are found; problems in the input are printed as they are met.
        const { rules, diagnostics } = loadRuleSetOrThrow(flags.rules);
        if (!flags.includeDrafts) refuseDrafts(draftsInStructuredFiles(records));
        printDiagnostics(io, diagnostics);
        const out = plan[0]!.path;
        let run;
        try {
          run = await writeNdjsonFindings(out ? fileSink(out) : streamSink(io.stdout), {
            ...stream,
            inputs: records,
            rules,
            skipInvalid: flags.skipInvalid ?? false,
            fails: (f) => failsAt(f, failOn),
            onDiagnostic: (d) => io.stderr.write(terminalSafe(formatDiagnostic(d)) + '\n'),
          });
        } finally {
          done();
        }
        const { result, reached } = run;
        if (result.records.skipped > 0) io.stderr.write(`${result.records.skipped} invalid record(s) skipped\n`);
        if (result.errors > 0) {
          io.stderr.write(`${result.errors} error(s); ${out ? 'nothing was written' : 'no findings were written after the first'}\n`);
          setExit(EXIT.invalid);
        } else setExit(reached ? EXIT.findings : EXIT.ok);
        return;
      }
      const result = await runCheck({
        records,
        ...(flags.rules ? { rules: flags.rules } : {}),
        skipInvalid: flags.skipInvalid ?? false,
        ...(flags.asOf ? { asOf: flags.asOf } : {}),
        ...stream,
      }).finally(done);
      if (!flags.includeDrafts) refuseDrafts(result.report.activities.filter((a) => a.draft));
      printDiagnostics(io, result.diagnostics);
      if (result.skipped > 0) io.stderr.write(`${result.skipped} invalid record(s) skipped\n`);
      const color = useColor(io, flags.color);
      const files: { path: string; content: string }[] = [];
      for (const p of plan) {
        const text =
          p.format === 'ndjson' ? renderNdjson(result.report.findings) : renderReport(result.report, p.format as Format, { color: p.path ? false : color, failOn });
        if (p.path) files.push({ path: p.path, content: text });
        else io.stdout.write(text);
      }
      writeFilesAtomically(files);
      setExit(exitCodeForFindings(result.report.findings, failOn));
    });
}
