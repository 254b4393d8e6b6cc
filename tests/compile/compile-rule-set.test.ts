// compileRuleSet: one compilation and one designation index, shared by the plain and the fast evaluator.
import { describe, expect, it } from 'vitest';
import { asCompiled, compileRuleSet } from '../../src/compile/compile-rule-set.js';
import { DEFAULT_RULES_DIR } from '../../src/default-rules.js';
import { createEvaluator } from '../../src/evaluate/evaluate-records.js';
import { createFastEvaluator } from '../../src/evaluate/fast-evaluator.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';

const shipped = loadRules([DEFAULT_RULES_DIR]).value;

describe('compileRuleSet', () => {
  it('compiles every rule once, in order, and indexes the designation lists', () => {
    const compiled = compileRuleSet(shipped);
    expect(compiled.rules.map((r) => r.loaded.rule.id)).toEqual(shipped.rules.map((r) => r.rule.id));
    expect([...compiled.byId.keys()].sort()).toEqual(shipped.rules.map((r) => r.rule.id).sort());
    expect(shipped.lists.length).toBeGreaterThan(0);
    expect(compiled.index).toBeDefined();
    expect(asCompiled(compiled)).toBe(compiled);
  });

  it("gives the fast evaluator the plain one's compilation: same rules, same index", () => {
    const compiled = compileRuleSet(shipped);
    const plain = createEvaluator(compiled);
    const fast = createFastEvaluator(plain);
    expect(plain.compiled).toBe(compiled);
    expect(fast.compiled).toBe(compiled);
    expect(fast.rules).toBe(plain.rules);
  });

  it('makes evaluators that agree on the bundled case', async () => {
    const plain = createEvaluator(shipped);
    const fast = createFastEvaluator(plain);
    const { records } = loadRecords(['cases/2023-11-dprk-russia-commission']).value;
    expect(records.length).toBeGreaterThan(0);
    let findings = 0;
    for (const r of records) {
      const a = await plain.evaluate(r);
      const b = await fast.evaluate(r);
      expect(b).toEqual(a);
      findings += a.length;
    }
    expect(findings).toBeGreaterThan(0);
  });
});
