// `sanctions-check check`: evaluate records against rules and write the report(s).
import { Command } from 'commander';
import { UsageError } from '../../diagnostics/input-error.js';
import { runCheck } from '../../pipeline.js';
import { FORMATS, renderReport, type Format } from '../../report/render.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { exitCodeForFindings, type FailOn } from '../exit-codes.js';
import { checkOutputPath, useColor, writeFilesAtomically, type Io } from '../io.js';
import { collect, oneOf, parseDay, parseFailOn } from '../options.js';

interface CheckFlags {
  rules?: string[];
  format?: string[];
  output?: string[];
  failOn?: FailOn;
  skipInvalid?: boolean;
  asOf?: string;
  color?: boolean;
}

/** Pairs the i-th --format with the i-th --output; one format may go to stdout. */
export function planOutputs(formats: readonly string[], outputs: readonly string[]): { format: Format; path?: string }[] {
  const fs = formats.length ? formats : ['text'];
  if (outputs.length > fs.length) throw new UsageError('more --output than --format options: give a --format before each --output');
  const plan = fs.map((f, i) => ({ format: oneOf(f, FORMATS, '--format'), ...(outputs[i] !== undefined ? { path: outputs[i] } : {}) }));
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
    .option('--format <format>', `report format (repeatable): ${FORMATS.join(', ')}`, collect)
    .option('--output <file>', 'write the report for the matching --format to FILE, whole or not at all (repeatable)', collect)
    .option('--fail-on <level>', 'exit 1 when a finding reaches this outcome: violation, review or none', parseFailOn, 'violation' as FailOn)
    .option('--skip-invalid', 'report invalid records as warnings, count them and go on without them')
    .option('--as-of <day>', 'the day the report speaks as of (printed in it; no date is printed otherwise)', (v) => parseDay(v, '--as-of'))
    .option('--no-color', 'no colour in the text report')
    .action(async (records: string[], flags: CheckFlags) => {
      const plan = planOutputs(flags.format ?? [], flags.output ?? []);
      for (const p of plan) if (p.path) checkOutputPath(p.path);
      const result = await runCheck({
        records,
        ...(flags.rules ? { rules: flags.rules } : {}),
        skipInvalid: flags.skipInvalid ?? false,
        ...(flags.asOf ? { asOf: flags.asOf } : {}),
      });
      printDiagnostics(io, result.diagnostics);
      if (result.skipped > 0) io.stderr.write(`${result.skipped} invalid record(s) skipped\n`);
      const color = useColor(io, flags.color);
      const files: { path: string; content: string }[] = [];
      for (const p of plan) {
        const text = renderReport(result.report, p.format, { color: p.path ? false : color, failOn: flags.failOn ?? 'violation' });
        if (p.path) files.push({ path: p.path, content: text });
        else io.stdout.write(text);
      }
      writeFilesAtomically(files);
      setExit(exitCodeForFindings(result.report.findings, flags.failOn ?? 'violation'));
    });
}
