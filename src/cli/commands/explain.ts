// `sanctions-check explain`: one record under one rule, every condition with expected, actual, held.
import { Command } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { InputError, UsageError } from '../../diagnostics/input-error.js';
import { createEvaluator } from '../../evaluate/evaluate-records.js';
import { loadRecords } from '../../load/load-records.js';
import { loadRuleSetOrThrow } from '../../pipeline.js';
import { citation, heldText } from '../../report/labels.js';
import { oneLine, showValue } from '../../report/plain-text.js';
import { printDiagnostics } from '../diagnostics-output.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { collect, oneOf } from '../options.js';

export function explainCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('explain')
    .description('show how one rule evaluates one record: every condition, expected, actual, held')
    .requiredOption('--record <id>', 'the record id')
    .requiredOption('--rule <id>', 'the rule id')
    .argument('<records...>', 'record files or case folders')
    .option('--rules <path>', 'rule file or folder (repeatable)', collect)
    .option('--format <format>', 'text or json', 'text')
    .action(async (paths: string[], flags: { record: string; rule: string; rules?: string[]; format: string }) => {
      const format = oneOf(flags.format, ['text', 'json'] as const, '--format');
      const { rules, diagnostics } = loadRuleSetOrThrow(flags.rules);
      const records = loadRecords(paths);
      diagnostics.push(...records.diagnostics);
      if (hasErrors(diagnostics)) throw new InputError(diagnostics);
      printDiagnostics(io, diagnostics);
      const loaded = records.value.records.find((r) => r.record.id === flags.record);
      if (!loaded) throw new UsageError(`no record '${flags.record}' in ${paths.join(', ')}`);
      const rule = rules.rules.find((r) => r.rule.id === flags.rule);
      if (!rule) throw new UsageError(`no rule '${flags.rule}'; \`sanctions-check rules list\` shows them`);
      const pair = await createEvaluator(rules).evaluatePair(loaded, flags.rule);
      const outcome = pair.finding?.outcome ?? 'none';
      if (format === 'json') {
        io.stdout.write(
          JSON.stringify(
            {
              recordId: flags.record,
              ruleId: flags.rule,
              dates: pair.relation,
              outcome,
              exemption: pair.exemption ?? null,
              explanation: pair.explanation,
              finding: pair.finding ?? null,
            },
            null,
            2,
          ) + '\n',
        );
      } else {
        const w = (s: string) => io.stdout.write(s + '\n');
        w(`Record ${oneLine(flags.record)} under rule ${rule.rule.id}: ${rule.rule.title}`);
        for (const p of rule.rule.provisions) w(`  cites ${citation(p)}`);
        const dates = {
          inside: 'inside the period the rule applies',
          outside: 'outside the period the rule applies',
          'straddles-start': 'straddling the day the rule starts to apply',
          'straddles-end': 'straddling the last day the rule applies',
        }[pair.relation];
        w(`  activity date ${loaded.span.text} (${loaded.span.start} to ${loaded.span.end}): ${dates}`);
        w(`  outcome: ${outcome}${pair.exemption ? ` (exemption ${pair.exemption})` : ''}`);
        w('');
        w('  held  condition  (fact operator expected → actual)');
        for (const x of pair.explanation) {
          const held = x.held === null ? ' -- ' : x.held ? ' yes' : ' no ';
          const effect = x.negated && x.held !== null ? `  [${heldText(x.held, true).replace(/`/g, '')}]` : '';
          const name = `${x.exemption ? `[exemption ${x.exemption}] ` : ''}${x.negated ? 'NOT ' : ''}${x.condition}`;
          w(
            `  ${held}  ${oneLine(name)}  (${x.fact} ${x.operator} ${oneLine(showValue(x.expected))} → ${oneLine(showValue(x.actual))})${effect}`,
          );
        }
      }
      setExit(EXIT.ok);
    });
}
