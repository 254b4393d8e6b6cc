// `sanctions-check rules list | validate | test`: the rule sets themselves.
import { Command } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { InputError } from '../../diagnostics/input-error.js';
import { DEFAULT_RULES_DIR } from '../../default-rules.js';
import { loadRules } from '../../load/load-rules.js';
import { summarizeRule } from '../../report/build-report.js';
import { citation } from '../../report/labels.js';
import { runExamples } from '../../tester/run-examples.js';
import type { RuleSet } from '../../types.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { collect, oneOf } from '../options.js';

function load(io: Io, paths: string[]): RuleSet {
  const r = loadRules(paths.length ? paths : [DEFAULT_RULES_DIR]);
  if (hasErrors(r.diagnostics)) throw new InputError(r.diagnostics);
  printDiagnostics(io, r.diagnostics);
  return r.value;
}

const pathsOf = (args: string[], flags: { rules?: string[] }) => [...args, ...(flags.rules ?? [])];

export function rulesCommand(io: Io, setExit: (code: number) => void): Command {
  const rules = new Command('rules').description('list, validate and test rule sets');

  rules
    .command('list')
    .description('list the rules with their provisions')
    .argument('[paths...]', 'rule files or folders (default: the shipped rules)')
    .option('--rules <path>', 'rule file or folder (repeatable)', collect)
    .option('--format <format>', 'text or json', 'text')
    .action((args: string[], flags: { rules?: string[]; format: string }) => {
      const format = oneOf(flags.format, ['text', 'json'] as const, '--format');
      const set = load(io, pathsOf(args, flags));
      const summaries = set.rules.map((r) => summarizeRule(r.rule));
      if (format === 'json') {
        io.stdout.write(
          JSON.stringify({ rules: summaries, lists: set.lists.map((l) => ({ list: l.list, title: l.title, date: l.date })) }, null, 2) +
            '\n',
        );
      } else {
        for (const s of summaries) {
          io.stdout.write(`${s.id}  [${s.outcome}, ${s.status}]  ${s.title}\n`);
          for (const p of s.provisions) io.stdout.write(`    ${citation(p)}\n`);
        }
        io.stdout.write(`${summaries.length} rule(s)\n`);
      }
      setExit(EXIT.ok);
    });

  rules
    .command('validate')
    .description('check rule files and report every problem with its location')
    .argument('[paths...]', 'rule files or folders (default: the shipped rules)')
    .option('--rules <path>', 'rule file or folder (repeatable)', collect)
    .action((args: string[], flags: { rules?: string[] }) => {
      const set = load(io, pathsOf(args, flags));
      io.stdout.write(`${set.rules.length} rule(s) valid\n`);
      setExit(EXIT.ok);
    });

  rules
    .command('test')
    .description("run every rule's own examples, each through both evaluation paths")
    .argument('[paths...]', 'rule files or folders (default: the shipped rules)')
    .option('--rules <path>', 'rule file or folder (repeatable)', collect)
    .action(async (args: string[], flags: { rules?: string[] }) => {
      const set = load(io, pathsOf(args, flags));
      const results = await runExamples(set);
      const failed = results.filter((r) => !r.passed);
      for (const f of failed) {
        const l = f.location;
        const why = f.problem ?? `expected ${f.expected}, got ${f.actual}`;
        io.stdout.write(`FAIL ${f.ruleId} › ${f.exampleId}: ${why}  (${l.file}:${l.line}:${l.column})\n`);
      }
      io.stdout.write(`${results.length - failed.length} passed, ${failed.length} failed\n`);
      setExit(failed.length ? EXIT.findings : EXIT.ok);
    });

  return rules;
}
