// Compiles a rule's condition tree into a plain synchronous predicate that decides exactly what
// json-rules-engine decides for the same tree, with the same operators and path resolver.
//
// The engine's semantics, as implemented in json-rules-engine 7 (rule.js, almanac.js):
// - `all` holds when every child holds, `any` when one does, `not` negates its child;
// - an EMPTY `all` or `any` holds (the engine resolves an empty condition list to true);
// - a leaf reads its fact (undefined when the record does not have it); with a `path`, the path
//   is resolved only when the fact is a non-null object, otherwise the fact itself is compared;
// - a leaf holds when the operator returns true.
// Predicates are pure, so they may try children in any order, stop at the first that decides,
// and reuse a leaf's result for the same record.
import type { ConditionLeaf, ConditionTree } from '../types.js';
import { OPERATORS } from '../vocabulary/operators.js';
import { resolvePath } from './path-resolver.js';

/** Results of leaves already evaluated for the current record: valid where stamps[i] === stamp. */
export interface LeafMemo {
  stamps: Uint32Array;
  results: Uint8Array;
  stamp: number;
}

/** Where a predicate reads facts from: by name, undefined when absent. */
export interface FactSource {
  get(name: string): unknown;
  /** Required by predicates compiled with a LeafTable. */
  memo?: LeafMemo;
}

export type Predicate = (facts: FactSource) => boolean;

/** A guess at what evaluating a leaf costs, to try cheap leaves first. */
export type LeafCost = (leaf: ConditionLeaf) => number;

/** Numbers the distinct leaves of many trees, so that each is evaluated once per record. */
export class LeafTable {
  private readonly ids = new Map<string, number>();
  get size(): number {
    return this.ids.size;
  }
  idOf(leaf: ConditionLeaf): number {
    const key = JSON.stringify([leaf.fact, leaf.operator, leaf.path ?? null, leaf.value]);
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }
  /** A memo for this table's leaves, to be passed with the facts of each record (see nextRecord). */
  newMemo(): LeafMemo {
    return { stamps: new Uint32Array(Math.max(1, this.size)), results: new Uint8Array(Math.max(1, this.size)), stamp: 1 };
  }
}

/** Forgets the results of the previous record. */
export function nextRecord(memo: LeafMemo): void {
  if (memo.stamp === 0xffffffff) {
    memo.stamps.fill(0);
    memo.stamp = 0;
  }
  memo.stamp++;
}

export interface CompileOptions {
  cost?: LeafCost;
  /** How a leaf reads its fact, resolved once per leaf (default: facts.get(name)). */
  read?: (fact: string) => (facts: FactSource) => unknown;
  /** Share leaf results between the predicates compiled with the same table. */
  leaves?: LeafTable;
}

const always: Predicate = () => true;

function compileLeaf(leaf: ConditionLeaf, read: CompileOptions['read']): Predicate {
  const { fact, operator, value, path } = leaf;
  const spec = OPERATORS[operator];
  if (!spec) throw new Error(`unknown operator '${operator}'`);
  const test = spec.test;
  const get = read ? read(fact) : (facts: FactSource) => facts.get(fact);
  if (path) {
    return (facts) => {
      let v = get(facts);
      if (v !== null && v !== undefined && typeof v === 'object') v = resolvePath(v, path);
      return test(v, value) === true;
    };
  }
  return (facts) => test(get(facts), value) === true;
}

function remembered(id: number, evaluate: Predicate): Predicate {
  return (facts) => {
    const m = facts.memo!;
    if (m.stamps[id] === m.stamp) return m.results[id] === 1;
    const r = evaluate(facts);
    m.stamps[id] = m.stamp;
    m.results[id] = r ? 1 : 0;
    return r;
  };
}

function treeCost(tree: ConditionTree, cost: LeafCost): number {
  if ('all' in tree) return tree.all.reduce((n, t) => n + treeCost(t, cost), 0);
  if ('any' in tree) return tree.any.reduce((n, t) => n + treeCost(t, cost), 0);
  if ('not' in tree) return treeCost(tree.not, cost);
  if ('condition' in tree) return 0;
  return cost(tree);
}

/** Children cheapest first: only the work done changes, never the result. */
function cheapestFirst(list: readonly ConditionTree[], cost: LeafCost | undefined): readonly ConditionTree[] {
  if (!cost) return list;
  return list
    .map((t, i) => ({ t, i, c: treeCost(t, cost) }))
    .sort((a, b) => a.c - b.c || a.i - b.i)
    .map((x) => x.t);
}

export function compilePredicate(tree: ConditionTree, opts: CompileOptions = {}): Predicate {
  const compile = (t: ConditionTree) => compilePredicate(t, opts);
  if ('all' in tree) {
    const parts = cheapestFirst(tree.all, opts.cost).map(compile);
    if (parts.length === 0) return always;
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (let i = 0; i < parts.length; i++) if (!parts[i]!(facts)) return false;
      return true;
    };
  }
  if ('any' in tree) {
    const parts = cheapestFirst(tree.any, opts.cost).map(compile);
    if (parts.length === 0) return always;
    if (parts.length === 1) return parts[0]!;
    return (facts) => {
      for (let i = 0; i < parts.length; i++) if (parts[i]!(facts)) return true;
      return false;
    };
  }
  if ('not' in tree) {
    const inner = compile(tree.not);
    return (facts) => !inner(facts);
  }
  if ('condition' in tree) {
    // Loaded rules have their references inlined; one left here is a bug upstream.
    throw new Error(`condition reference '${tree.condition}' was not inlined`);
  }
  const leaf = compileLeaf(tree, opts.read);
  return opts.leaves ? remembered(opts.leaves.idOf(tree), leaf) : leaf;
}
