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
  /** Record types the rule can match (possibleTypes of its `when`); undefined means any type. Both evaluators skip a rule for other types. */
  types?: ReadonlySet<string>;
}

/**
 * The record types for which a tree can hold (undefined: any type). Sound by construction: a leaf
 * `type in [...]` or `type equal x` holds only for those types, `all` only where every child can,
 * `any` only where some child can; anything else may hold for any type.
 */
export function possibleTypes(tree: ConditionTree): Set<string> | undefined {
  if ('all' in tree) {
    let out: Set<string> | undefined;
    for (const t of tree.all) {
      const s = possibleTypes(t);
      if (s) out = out ? new Set([...out].filter((x) => s.has(x))) : s;
    }
    return out;
  }
  if ('any' in tree) {
    if (tree.any.length === 0) return undefined;
    const out = new Set<string>();
    for (const t of tree.any) {
      const s = possibleTypes(t);
      if (!s) return undefined;
      for (const x of s) out.add(x);
    }
    return out;
  }
  if ('fact' in tree && tree.fact === 'type' && !tree.path) {
    if (tree.operator === 'equal' && typeof tree.value === 'string') return new Set([tree.value]);
    if (tree.operator === 'in' && Array.isArray(tree.value)) return new Set(tree.value.filter((v): v is string => typeof v === 'string'));
  }
  return undefined;
}

export function compileRule(loaded: LoadedRule): CompiledRule {
  const { rule } = loaded;
  return {
    loaded,
    main: { name: rule.id, conditions: toEngineConditions(rule.when), event: { type: rule.id } },
    exemptions: (rule.unless ?? []).map((ex) => ({ name: ex.id, conditions: toEngineConditions(ex.when), event: { type: ex.id } })),
    types: possibleTypes(rule.when),
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
