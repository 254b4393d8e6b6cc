// `sanctions-check check`: evaluate records against rules and write the report(s).
import { readFileSync, statSync } from 'node:fs';
import { Command } from 'commander';
import { ruleSetAsOf } from '../../accountability/as-of.js';
import { UsageError } from '../../diagnostics/input-error.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { draftRecordDiagnostic } from '../../diagnostics/draft-record.js';
import { InputError } from '../../diagnostics/input-error.js';
import { expandPaths } from '../../load/input-paths.js';
import { loadRecords } from '../../load/load-records.js';
import { MAX_STRUCTURED_FILE_BYTES } from '../../load/text-file.js';
import { isNdjson } from '../../load/record-file.js';
import type { Diagnostic } from '../../types.js';
import { loadRuleSetOrThrow, runCheck, runCheckSpooled } from '../../pipeline.js';
import { failsAt } from '../../report/outcome-rank.js';
import { terminalSafe } from '../../report/plain-text.js';
import { FORMATS, renderReport, STREAMED_FORMATS, type Format, type StreamedFormat } from '../../report/render.js';
import { LIST_ALL_UP_TO, type ActivityListing } from '../../report/report-source.js';
import { fileSink, renderNdjson, streamSink, writeNdjsonFindings } from '../ndjson-output.js';
import { parseCount, streamOptionsFor, type StreamFlags } from '../stream-flags.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { EXIT, exitCodeForFindings, type FailOn } from '../exit-codes.js';
import { RECORD_EXTENSIONS } from '../../load/load-records.js';
import { refuseClashingOutputs, resolveOutput, writeOutputs, type OutputTarget } from '../output-file.js';
import { useColor, type Io } from '../io.js';
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
  /** false with --no-screening. */
  screening?: boolean;
  dispositions?: string;
  baseline?: string;
  failOnNew?: boolean;
  includeDrafts?: boolean;
  listActivities?: ActivityListing;
}

/** Draft records (status: draft) are refused unless --include-drafts: one located problem for each. */
function refuseDrafts(drafts: readonly { id: string; location: Diagnostic['location'] }[]): void {
  if (drafts.length === 0) return;
  throw new InputError(drafts.map((d) => draftRecordDiagnostic(d.id, d.location)));
}

/**
 * Whether a record file can hold a draft: its bytes name `draft`, or hold a backslash (an escape
 * could spell it). Most files do neither and are not read ahead a second time, which for a large
 * YAML file doubled the time and the peak memory of a run.
 */
function mayHoldDraft(file: string): boolean {
  try {
    // A file too large to be read whole loads no records at all.
    if (statSync(file).size > MAX_STRUCTURED_FILE_BYTES) return false;
    const bytes = readFileSync(file);
    return bytes.includes('draft') || bytes.includes(0x5c);
  } catch {
    return true; // loadRecords says what is wrong, as before
  }
}

/** The draft records of the YAML and JSON record files among the inputs (NDJSON is streamed, not read ahead). */
function draftsInStructuredFiles(inputs: readonly string[]): { id: string; location: Diagnostic['location'] }[] {
  const { files: found } = expandPaths(
    inputs.filter((p) => p !== '-'),
    { extensions: ['.yaml', '.yml', '.json'], recursive: false, what: 'record files' },
  );
  const files = found.filter((f) => !isNdjson(f) && mayHoldDraft(f));
  if (files.length === 0) return [];
  const loaded = loadRecords(files);
  return loaded.value.records.filter((r) => r.record.status === 'draft').map((r) => ({ id: r.record.id, location: r.location }));
}

/**
 * Pairs the i-th --format with the i-th --output; one format may go to stdout (no --output, or
 * `--output -`, or a path naming standard output such as /dev/stdout).
 */
export function planOutputs(formats: readonly string[], outputs: readonly string[]): { format: CheckFormat; path?: string }[] {
  const fs = formats.length ? formats : ['text'];
  if (outputs.length > fs.length) throw new UsageError('more --output than --format options: give a --format before each --output');
  const plan = fs.map((f, i) => ({
    format: oneOf(f, CHECK_FORMATS, '--format'),
    ...(outputs[i] !== undefined && outputs[i] !== '-' ? { path: outputs[i] } : {}),
  }));
  if (plan.filter((p) => p.path === undefined).length > 1) {
    throw new UsageError('only one --format can go to standard output: give the others an --output FILE');
  }
  return plan;
}

/**
 * Looks at every output before any work: standard output and standard error named as paths are
 * written as such; an output given twice, or one that is an input, is refused.
 */
function resolveOutputs(plan: readonly { format: CheckFormat; path?: string }[], records: readonly string[], rules: readonly string[]) {
  const resolved = plan.map((p) => {
    const target = p.path === undefined ? undefined : resolveOutput(p.path);
    const to: OutputTarget | 2 | undefined =
      target?.kind === 'descriptor' && (target.fd === 1 || target.fd === 2) ? (target.fd === 1 ? undefined : 2) : target;
    return { format: p.format, to };
  });
  if (resolved.filter((p) => p.to === undefined).length > 1) {
    throw new UsageError('only one --format can go to standard output: give the others an --output FILE');
  }
  const targets = resolved.flatMap((p) => (p.to === undefined || p.to === 2 ? [] : [p.to]));
  if (targets.length > 0) {
    const inputs = [
      ...records,
      ...rules,
      ...expandPaths(
        records.filter((r) => r !== '-'),
        { extensions: RECORD_EXTENSIONS, recursive: false, what: 'record files', allowEmpty: true },
      ).files,
      ...expandPaths(rules, { extensions: ['.yaml', '.yml', '.json'], recursive: true, what: 'rule files', allowEmpty: true }).files,
    ];
    refuseClashingOutputs(targets, inputs);
  }
  return resolved;
}

export function checkCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('check')
    .description('check activity records against the rules and report the findings')
    .argument(
      '<records...>',
      'record files (.yaml/.yml, .json, .ndjson/.jsonl), case folders (every record file directly inside), or - for NDJSON on standard input',
    )
    .option('--rules <path>', 'rule file or folder (repeatable; default: the rules shipped with the package)', collect)
    .option('--format <format>', `report format (repeatable): ${CHECK_FORMATS.join(', ')}`, collect)
    .option(
      '--output <file>',
      'write the report for the matching --format to FILE, whole or not at all; a device or named pipe is written into, a link is followed; - is standard output (repeatable)',
      collect,
    )
    .option(
      '--fail-on <level>',
      'exit 1 when a finding reaches this outcome: violation, review or none',
      parseFailOn,
      'violation' as FailOn,
    )
    .option('--skip-invalid', 'report invalid records as warnings, count them and go on without them')
    .option(
      '--as-of <day>',
      'check with the provisions adopted and the designations listed by this day; warn of records dated after it; the report says which day (no date is printed otherwise)',
      (v) => parseDay(v, '--as-of'),
    )
    .option(
      '--dispositions <file>',
      'YAML file of decisions on findings (accepted-risk, false-positive, licensed, ...): disposed findings are shown, counted apart and never fail the run',
    )
    .option('--baseline <report.json>', 'a previous JSON report: mark each finding new or unchanged, and list those resolved')
    .option('--fail-on-new', 'with --baseline: exit 1 only for new findings that reach --fail-on')
    .option('--no-color', 'no colour in the text report')
    .option(
      '--list-activities <which>',
      `activities the HTML and markdown reports list (and the timeline draws): all, or findings (those with findings; the rest are counted). Default: all up to ${LIST_ALL_UP_TO} records, else findings`,
      (v) => oneOf(v, ['all', 'findings'] as const, '--list-activities'),
    )
    .option(
      '--no-screening',
      'leave out screening: no review findings for parties whose names are close to a listed name (exact matches still fire the designated-party rules)',
    )
    .option('--include-drafts', 'check records marked `status: draft` too (refused otherwise); their findings are labelled DRAFT')
    .option(
      '--workers <n>',
      'threads that check records, this one included, at most one a core (default: every core for NDJSON input of 16 MiB or more, else 1)',
      (v) => parseCount(v, '--workers', 1),
    )
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .option('--engine <engine>', 'fast (the default) or plain: json-rules-engine on every rule, slower, for comparison', (v) =>
      oneOf(v, ['fast', 'plain'] as const, '--engine'),
    )
    .option('--stdin-name <name>', 'the file name reported for records read from standard input (-)')
    .option('--line-offset <n>', 'add N to the line numbers of NDJSON input (for one shard of a larger file)', (v) =>
      parseCount(v, '--line-offset', 0),
    )
    .addHelpText(
      'after',
      `
Inputs:
  .yaml, .yml      YAML record files (read whole)
  .json            a JSON record file (read whole)
  .ndjson, .jsonl  JSON Lines, one record per line (streamed)
  FOLDER           a case folder: every record file directly inside it
  -                standard input, as NDJSON: cat records.ndjson | sanctions-check check -
                   (also: sanctions-check check - < PIPE for a named pipe)
A file named twice (also as ./FILE or through a link) is read once. Devices and named pipes
are not read as files: stream them through standard input (-).
`,
    )
    .action(async (records: string[], flags: CheckFlags) => {
      const plan = resolveOutputs(planOutputs(flags.format ?? [], flags.output ?? []), records, [
        ...(flags.rules ?? []),
        ...(flags.dispositions === undefined ? [] : [flags.dispositions]),
        ...(flags.baseline === undefined ? [] : [flags.baseline]),
      ]);
      if (flags.failOnNew && flags.baseline === undefined) throw new UsageError('--fail-on-new needs --baseline OLD.json');
      if (plan.length === 1 && plan[0]!.format === 'ndjson' && (flags.dispositions !== undefined || flags.baseline !== undefined)) {
        throw new UsageError('--dispositions and --baseline need a report: add --format json (or another report format)');
      }
      const { done, ...stream } = streamOptionsFor(io, records, flags);
      const failOn = flags.failOn ?? 'violation';
      if (plan.length === 1 && plan[0]!.format === 'ndjson') {
        // Findings go out as they are found; problems in the input are printed as they are met.
        const loaded = loadRuleSetOrThrow(flags.rules);
        const { diagnostics } = loaded;
        const rules = flags.asOf ? ruleSetAsOf(loaded.rules, flags.asOf) : loaded.rules;
        if (!flags.includeDrafts) refuseDrafts(draftsInStructuredFiles(records));
        printDiagnostics(io, diagnostics);
        const out = plan[0]!.to;
        let run;
        try {
          const sink = out === undefined ? streamSink(io.stdout) : out === 2 ? streamSink(io.stderr) : await fileSink(out);
          run = await writeNdjsonFindings(sink, {
            ...stream,
            inputs: records,
            rules,
            skipInvalid: flags.skipInvalid ?? false,
            refuseDrafts: !flags.includeDrafts,
            screening: flags.screening !== false,
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
      const streamed = (STREAMED_FORMATS as readonly string[]).includes(plan[0]!.format);
      if (plan.length === 1 && streamed && flags.dispositions === undefined && flags.baseline === undefined) {
        // One report alone is written from temporary files: memory does not grow with the records.
        const out = plan[0]!.to;
        const run = await runCheckSpooled({
          records,
          screening: flags.screening !== false,
          ...(flags.rules ? { rules: flags.rules } : {}),
          skipInvalid: flags.skipInvalid ?? false,
          ...(flags.asOf ? { asOf: flags.asOf } : {}),
          ...stream,
          fails: (f) => failsAt(f, failOn),
        }).finally(done);
        try {
          if (!flags.includeDrafts) refuseDrafts(run.drafts);
          printDiagnostics(io, run.diagnostics);
          if (run.skipped > 0) io.stderr.write(`${run.skipped} invalid record(s) skipped\n`);
          const sink = out === undefined ? streamSink(io.stdout) : out === 2 ? streamSink(io.stderr) : await fileSink(out);
          await run.write(sink, plan[0]!.format as StreamedFormat, {
            color: out === undefined ? useColor(io, flags.color) : false,
            failOn,
            ...(flags.listActivities ? { activities: flags.listActivities } : {}),
          });
        } finally {
          run.discard();
        }
        setExit(run.reached ? EXIT.findings : EXIT.ok);
        return;
      }
      const result = await runCheck({
        records,
        screening: flags.screening !== false,
        ...(flags.rules ? { rules: flags.rules } : {}),
        skipInvalid: flags.skipInvalid ?? false,
        ...(flags.asOf ? { asOf: flags.asOf } : {}),
        ...(flags.dispositions !== undefined ? { dispositions: flags.dispositions } : {}),
        ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
        ...stream,
      }).finally(done);
      if (!flags.includeDrafts) refuseDrafts(result.report.activities.filter((a) => a.draft));
      printDiagnostics(io, result.diagnostics);
      if (result.skipped > 0) io.stderr.write(`${result.skipped} invalid record(s) skipped\n`);
      const color = useColor(io, flags.color);
      const files: { target: OutputTarget; content: string }[] = [];
      for (const p of plan) {
        const text =
          p.format === 'ndjson'
            ? renderNdjson(result.report.findings)
            : renderReport(result.report, p.format as Format, {
                color: p.to === undefined ? color : false,
                failOn,
                failOnNew: flags.failOnNew ?? false,
                ...(flags.listActivities ? { activities: flags.listActivities } : {}),
              });
        if (p.to === undefined) io.stdout.write(text);
        else if (p.to === 2) io.stderr.write(text);
        else files.push({ target: p.to, content: text });
      }
      await writeOutputs(files);
      setExit(exitCodeForFindings(result.report.findings, failOn, { onlyNew: flags.failOnNew ?? false }));
    });
}
