// Runs every rule's own examples and says which pass and which do not; each example also holds the fast twins to the plain ones (twin-check.ts).
import { toDateSpan } from '../dates/date-span.js';
import { createEvaluator } from '../evaluate/evaluate-records.js';
import type { ActivityRecord, RuleSet, SourceLocation } from '../types.js';
import { exampleRecord } from '../validate/validate-rule.js';
import { createTwinCheck, validatorDifferences } from './twin-check.js';

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
  const twins = createTwinCheck(ruleSet);
  const results: ExampleResult[] = [];
  for (const { rule, location } of ruleSet.rules) {
    const examples = rule.examples ?? [];
    if (!examples.some((e) => e.outcome !== 'none')) {
      results.push({
        ruleId: rule.id,
        exampleId: '(none)',
        expected: 'an example the rule flags',
        actual: 'none written',
        passed: false,
        location,
        problem: 'every rule needs an example it flags',
      });
    }
    if (!examples.some((e) => e.outcome === 'none')) {
      results.push({
        ruleId: rule.id,
        exampleId: '(none)',
        expected: 'an example the rule clears',
        actual: 'none written',
        passed: false,
        location,
        problem: 'every rule needs an example it clears',
      });
    }
    for (const ex of examples) {
      const value = exampleRecord(ex);
      const record = value as unknown as ActivityRecord;
      const span = toDateSpan(record.date)!;
      const where = ex.location ?? location;
      const loaded = { record, span, location: where };
      const pair = await evaluator.evaluatePair(loaded, rule.id);
      const actual = pair.finding?.outcome ?? 'none';
      const result: ExampleResult = {
        ruleId: rule.id,
        exampleId: ex.id,
        expected: ex.outcome,
        actual,
        passed: actual === ex.outcome,
        location: where,
      };
      // The fast twins on the same example: a disagreement fails it, whatever its outcome.
      const differences = [...validatorDifferences({ value, path: [], locate: () => where, location: where }), ...(await twins(loaded))];
      if (differences.length > 0) {
        result.passed = false;
        result.problem = `the fast path disagrees with the plain one: ${differences.join('; ')}`;
      }
      results.push(result);
    }
  }
  return results;
}
