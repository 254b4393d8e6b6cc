// Every rule example through both evaluation paths, json-rules-engine and the fast path: the same
// rules met, the same findings with the same explanations, on the shipped rules.
import { describe, expect, it } from 'vitest';
import { toDateSpan } from '../../src/dates/date-span.js';
import { createEvaluator } from '../../src/evaluate/evaluate-records.js';
import { createFastEvaluator } from '../../src/evaluate/fast-evaluator.js';
import { loadRules } from '../../src/load/load-rules.js';
import type { ActivityRecord, LoadedRecord } from '../../src/types.js';
import { exampleRecord } from '../../src/validate/validate-rule.js';

const ruleSet = loadRules(['rules/']).value;

describe('rule examples on both evaluation paths', () => {
  it('meet the same rules and give byte-identical findings', async () => {
    const plain = createEvaluator(ruleSet);
    const fast = createFastEvaluator(createEvaluator(ruleSet));
    const differences: string[] = [];
    let examples = 0;
    for (const { rule, location } of ruleSet.rules) {
      for (const ex of rule.examples ?? []) {
        examples++;
        const record = { ...exampleRecord(ex), id: `${rule.id}/${ex.id}` } as unknown as ActivityRecord;
        const loaded: LoadedRecord = { record, span: toDateSpan(record.date)!, location: ex.location ?? location };
        const matched = new Set(fast.match(loaded).map((c) => c.loaded.rule.id));
        for (const { rule: other } of ruleSet.rules) {
          const { held } = await plain.evaluatePair(loaded, other.id);
          if (held !== matched.has(other.id))
            differences.push(`${record.id}: rule ${other.id} held ${held} on json-rules-engine, ${!held} on the fast path`);
        }
        const want = JSON.stringify(await plain.evaluate(loaded));
        const got = JSON.stringify(await fast.evaluate(loaded));
        if (got !== want) differences.push(`${record.id}: findings differ\n  json-rules-engine: ${want}\n  fast path: ${got}`);
      }
    }
    expect(differences).toEqual([]);
    expect(examples).toBeGreaterThan(300);
  }, 120_000);
});
