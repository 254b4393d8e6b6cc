// Compiles a rule's condition tree into a plain synchronous predicate that decides exactly what
// json-rules-engine decides for the same tree, with the same operators and path resolver.
//
// The engine's semantics, as implemented in json-rules-engine 7 (rule.js, almanac.js):
// - `all` holds when every child holds, `any` when one does, `not` negates its child;
// - an EMPTY `all` or `any` holds (the engine resolves an empty condition list to true);
// - a leaf reads its fact (undefined when the record does not have it); with a `path`, the path
//   is resolved only when the fact is a non-null object, otherwise the fact itself is compared;
// - a leaf holds when the operator returns true.
// Predicates are pure, so they may stop at the first child that decides the result.
import type { ConditionTree } from '../types.js';
import { OPERATORS } from './operators.js';
import { resolvePath } from './path-resolver.js';

/** Where a predicate reads facts from: by name, undefined when absent. */
export interface FactSource {
  get(name: string): unknown;
}

export type Predicate = (facts: FactSource) => boolean;

const always: Predicate = () => true;

function compileLeaf(fact: string, operator: string, value: unknown, path: string | undefined): Predicate {
  const spec = OPERATORS[operator];
  if (!spec) throw new Error(`unknown operator '${operator}'`);
  const test = spec.test;
  if (path) {
    return (facts) => {
      let v = facts.get(fact);
      if (v !== null && v !== undefined && typeof v === 'object') v = resolvePath(v, path);
      return test(v, value) === true;
    };
  }
  return (facts) => test(facts.get(fact), value) === true;
}

export function compilePredicate(tree: ConditionTree): Predicate {
  if ('all' in tree) {
    const parts = tree.all.map(compilePredicate);
    if (parts.length === 0) return always;
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(facts)) return false;
      return true;
    };
  }
  if ('any' in tree) {
    const parts = tree.any.map(compilePredicate);
    if (parts.length === 0) return always;
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(facts)) return true;
      return false;
    };
  }
  if ('not' in tree) {
    const inner = compilePredicate(tree.not);
    return (facts) => !inner(facts);
  }
  if ('condition' in tree) {
    // Loaded rules have their references inlined; one left here is a bug upstream.
    throw new Error(`condition reference '${tree.condition}' was not inlined`);
  }
  return compileLeaf(tree.fact, tree.operator, tree.value, tree.path);
}

/** The names of the facts a tree reads. */
export function factsRead(tree: ConditionTree, out = new Set<string>()): Set<string> {
  if ('all' in tree) tree.all.forEach((t) => factsRead(t, out));
  else if ('any' in tree) tree.any.forEach((t) => factsRead(t, out));
  else if ('not' in tree) factsRead(tree.not, out);
  else if ('fact' in tree) out.add(tree.fact);
  return out;
}
