// Runs every rule's own examples and says which pass and which do not.
import { toDateSpan } from '../dates/date-span.js';
import { createEvaluator } from '../evaluate/evaluate-records.js';
import type { ActivityRecord, RuleSet, SourceLocation } from '../types.js';
import { exampleRecord } from '../validate/validate-rule.js';

export interface ExampleResult {
  ruleId: string;
  exampleId: string;
  expected: string;
  actual: string;
  passed: boolean;
  location: SourceLocation;
  /** Why it failed, for a failure that is not an outcome mismatch. */
  problem?: string;
}

export async function runExamples(ruleSet: RuleSet): Promise<ExampleResult[]> {
  const evaluator = createEvaluator(ruleSet);
  const results: ExampleResult[] = [];
  for (const { rule, location } of ruleSet.rules) {
    const examples = rule.examples ?? [];
    if (!examples.some((e) => e.outcome !== 'none')) {
      results.push({ ruleId: rule.id, exampleId: '(none)', expected: 'an example the rule flags', actual: 'none written', passed: false, location, problem: 'every rule needs an example it flags' });
    }
    if (!examples.some((e) => e.outcome === 'none')) {
      results.push({ ruleId: rule.id, exampleId: '(none)', expected: 'an example the rule clears', actual: 'none written', passed: false, location, problem: 'every rule needs an example it clears' });
    }
    for (const ex of examples) {
      const record = exampleRecord(ex) as unknown as ActivityRecord;
      const span = toDateSpan(record.date)!;
      const where = ex.location ?? location;
      const pair = await evaluator.evaluatePair({ record, span, location: where }, rule.id);
      const actual = pair.finding?.outcome ?? 'none';
      results.push({ ruleId: rule.id, exampleId: ex.id, expected: ex.outcome, actual, passed: actual === ex.outcome, location: where });
    }
  }
  return results;
}
