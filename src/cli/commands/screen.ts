// `sanctions-check screen`: names, a query file or the parties of record files, screened against the designation lists.
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { InputError, UsageError } from '../../diagnostics/input-error.js';
import { loadRecords } from '../../load/load-records.js';
import { loadRuleSetOrThrow } from '../../pipeline.js';
import { parseQueries } from '../../screen/screen-input.js';
import { renderScreen, SCREEN_FORMATS, type ScreenRun } from '../../screen/screen-output.js';
import { DEFAULT_THRESHOLDS, Screener, type ScreenQuery, type Thresholds } from '../../screen/screener.js';
import type { ScreenKind } from '../../screen/name-forms.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { exitCodeForScreening } from '../exit-codes.js';
import type { Io } from '../io.js';
import { refuseClashingOutputs, resolveOutput, writeOutputs } from '../output-file.js';
import { collect, oneOf, parseDay } from '../options.js';

interface ScreenFlags {
  input?: string[];
  records?: string[];
  rules?: string[];
  format: string;
  output?: string;
  threshold?: string;
  kind?: string;
  country?: string;
  born?: string;
  asOf?: string;
}

export function parseThresholds(value: string | undefined): Thresholds {
  if (value === undefined) return DEFAULT_THRESHOLDS;
  const parts = value.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  const ok = parts.length >= 1 && parts.length <= 2 && nums.every((n) => Number.isFinite(n) && n > 0 && n <= 1);
  const match = nums[0]!;
  const possible = nums[1] ?? Math.min(DEFAULT_THRESHOLDS.possible, match);
  if (!ok || possible > match)
    throw new UsageError(`--threshold takes MATCH[,POSSIBLE], numbers in (0, 1] with POSSIBLE <= MATCH; got "${value}"`);
  return { match, possible };
}

function recordQueries(paths: string[]): ScreenQuery[] {
  const r = loadRecords(paths);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  const out: ScreenQuery[] = [];
  for (const { record } of r.value.records) {
    (record.parties ?? []).forEach((p, i) => {
      if (p.kind === 'state') return;
      const kind: ScreenKind | undefined = p.kind === 'person' || p.kind === 'organisation' || p.kind === 'vessel' ? p.kind : undefined;
      const imo = p.identifiers?.imo;
      for (const [n, name] of [p.name, ...(p.formerNames ?? [])].entries()) {
        out.push({
          id: `${record.id}#${i + 1}${n ? `/former-${n}` : ''}`,
          name,
          ...(kind ? { kind } : {}),
          ...(p.country ? { country: p.country } : {}),
          ...(imo ? { imo } : {}),
        });
      }
    });
  }
  return out;
}

export function screenCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('screen')
    .description('screen names against the designation lists under any romanization, spelling or order, and explain each candidate')
    .argument('[names...]', 'names to screen')
    .option(
      '--input <file>',
      'queries: CSV with a header (id,name,kind,country,born,imo) or NDJSON, one object a line (repeatable)',
      collect,
    )
    .option('--records <path>', 'screen the parties of these record files or folders (repeatable)', collect)
    .option('--rules <path>', 'rule file or folder whose lists to use (default: the shipped rules)', collect)
    .option('--format <format>', `output format: ${SCREEN_FORMATS.join(', ')}`, 'text')
    .option('--output <file>', 'write to a file instead of standard output')
    .option(
      '--threshold <match[,possible]>',
      `scores for "match" and "possible" (default ${DEFAULT_THRESHOLDS.match},${DEFAULT_THRESHOLDS.possible})`,
    )
    .option('--kind <kind>', 'for names given on the command line: person, organisation or vessel')
    .option('--country <country>', 'for names given on the command line: nationality or country')
    .option('--born <year>', 'for names given on the command line: year or date of birth')
    .option('--as-of <date>', 'use the list as it stood on this day (YYYY-MM-DD)')
    .addHelpText('after', '\nExit status: 0 no match, 1 at least one match, 2 bad input.')
    .action(async (names: string[], flags: ScreenFlags) => {
      const format = oneOf(flags.format, SCREEN_FORMATS, '--format');
      const thresholds = parseThresholds(flags.threshold);
      const asOf = flags.asOf ? parseDay(flags.asOf, '--as-of') : undefined;
      const kind = flags.kind ? oneOf(flags.kind, ['person', 'organisation', 'vessel'] as const, '--kind') : undefined;
      const target = flags.output === undefined ? undefined : resolveOutput(flags.output);
      if (target) refuseClashingOutputs([target], [...(flags.input ?? []), ...(flags.records ?? []), ...(flags.rules ?? [])]);
      const queries: ScreenQuery[] = names.map((name, i) => ({
        id: String(i + 1),
        name,
        ...(kind ? { kind } : {}),
        ...(flags.country ? { country: flags.country } : {}),
        ...(flags.born ? { born: flags.born } : {}),
      }));
      for (const file of flags.input ?? []) {
        let text: string;
        try {
          text = readFileSync(file, 'utf8');
        } catch (e) {
          throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
        const parsed = parseQueries(text, file);
        if (parsed.diagnostics.length) throw new InputError(parsed.diagnostics);
        queries.push(...parsed.queries);
      }
      if (flags.records?.length) queries.push(...recordQueries(flags.records));
      if (queries.length === 0) throw new UsageError('nothing to screen: give names, --input FILE or --records PATH');
      const { rules, diagnostics } = loadRuleSetOrThrow(flags.rules);
      printDiagnostics(io, diagnostics);
      const screener = new Screener(rules.lists, thresholds);
      const run: ScreenRun = {
        list: rules.lists.map((l) => ({ list: l.list, title: l.title, date: l.date })),
        thresholds,
        results: queries.map((query) => ({ query, matches: screener.screen(query, asOf) })),
      };
      const text = renderScreen(run, format);
      if (target) await writeOutputs([{ target, content: text }]);
      else io.stdout.write(text);
      setExit(exitCodeForScreening(run.results));
    });
}
