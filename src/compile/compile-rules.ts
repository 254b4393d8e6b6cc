// Turns loaded rules into json-rules-engine rules, and builds engines for sets of them.
import { Engine, Rule as EngineRule } from 'json-rules-engine';
import type { ConditionTree, LoadedRule } from '../types.js';
import { OPERATORS } from '../vocabulary/operators.js';
import { resolvePath } from './path-resolver.js';

type EngineT = InstanceType<typeof Engine>;

/** The options an engine rule is built from. Each engine gets its own Rule objects. */
export interface EngineRuleSpec {
  name: string;
  conditions: Record<string, unknown>;
  event: { type: string };
}

/** The engine's condition form: leaves as written; a bare leaf at the root wrapped in `all`. */
function toEngineConditions(tree: ConditionTree): Record<string, unknown> {
  if ('all' in tree || 'any' in tree || 'not' in tree) return tree as Record<string, unknown>;
  return { all: [tree] };
}

export interface CompiledRule {
  loaded: LoadedRule;
  /** The rule's `when`, as an engine rule. */
  main: EngineRuleSpec;
  /** One engine rule for each exemption, in the order written. */
  exemptions: EngineRuleSpec[];
  /** Record types the rule can match, when its `when` says so; undefined means any type. */
  types?: ReadonlySet<string>;
}

/** When `when` is `all` with a leaf on `type` (equal or in), only those types can match. */
export function selectorTypes(tree: ConditionTree): Set<string> | undefined {
  const leaves = 'all' in tree ? tree.all : [tree];
  for (const c of leaves) {
    if ('fact' in c && c.fact === 'type' && c.path === undefined) {
      if (c.operator === 'equal' && typeof c.value === 'string') return new Set([c.value]);
      if (c.operator === 'in' && Array.isArray(c.value)) return new Set(c.value.map(String));
    }
  }
  return undefined;
}

export function compileRule(loaded: LoadedRule): CompiledRule {
  const { rule } = loaded;
  return {
    loaded,
    main: { name: rule.id, conditions: toEngineConditions(rule.when), event: { type: rule.id } },
    exemptions: (rule.unless ?? []).map((ex) => ({ name: ex.id, conditions: toEngineConditions(ex.when), event: { type: ex.id } })),
    types: selectorTypes(rule.when),
  };
}

/** A json-rules-engine Engine with our operators and path resolver, holding the given rules. */
export function makeEngine(rules: readonly EngineRuleSpec[]): EngineT {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  for (const [name, op] of Object.entries(OPERATORS)) {
    engine.addOperator(name, (fact: unknown, value: unknown) => op.test(fact, value));
  }
  for (const r of rules) engine.addRule(new EngineRule(r as never));
  return engine;
}
