// Compiles a rule set once: every rule in the engine's form and the designation index, shared by both evaluators.
import type { RuleSet } from '../types.js';
import { compileRule, type CompiledRule } from './compile-rules.js';
import { buildDesignationIndex, type DesignationIndex } from './designation-index.js';

export interface CompiledRuleSet {
  readonly ruleSet: RuleSet;
  /** The rules, in the rule set's order. */
  readonly rules: readonly CompiledRule[];
  readonly byId: ReadonlyMap<string, CompiledRule>;
  /** The designation lists, indexed for lookup by reference, IMO number, name and alias. */
  readonly index: DesignationIndex;
}

export function compileRuleSet(ruleSet: RuleSet): CompiledRuleSet {
  const rules = ruleSet.rules.map(compileRule);
  return {
    ruleSet,
    rules,
    byId: new Map(rules.map((r) => [r.loaded.rule.id, r])),
    index: buildDesignationIndex(ruleSet.lists),
  };
}

/** A rule set compiled once, whether it comes compiled or not. */
export function asCompiled(rules: RuleSet | CompiledRuleSet): CompiledRuleSet {
  return 'byId' in rules ? rules : compileRuleSet(rules);
}
