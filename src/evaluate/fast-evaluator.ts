// The fast evaluation path: compiled predicates decide, synchronously and from facts computed on
// demand, which rules a record meets; json-rules-engine then runs only for those rules, and its
// result (explanation, exemptions) makes the finding, exactly as on the plain path.
import {
  LeafTable,
  compilePredicate,
  nextRecord,
  type CompileOptions,
  type LeafCost,
  type Predicate,
} from '../compile/compile-predicate.js';
import type { CompiledRule } from '../compile/compile-rules.js';
import { relateToWindow } from '../dates/date-span.js';
import type { ConditionLeaf, ConditionTree, Finding, LoadedRecord } from '../types.js';
import type { Evaluator } from './evaluator.js';
import { LazyFacts } from './fast-facts.js';

type Reader = NonNullable<CompileOptions['read']>;

export interface FastEvaluator extends Evaluator {
  /** The rules a record meets (type, dates and `when`), decided without json-rules-engine. */
  match(loaded: LoadedRecord): CompiledRule[];
}

interface Entry {
  compiled: CompiledRule;
  when: Predicate;
  types: ReadonlySet<string> | undefined;
  /** The leaves of the rule's gate (see gateLeaves), as a key. */
  gateKey: string;
  from: string;
  until: string | undefined;
}

/** Facts computed from the designation lists cost the most; lists derived from parties and goods, some. */
const EXPENSIVE = new Set(['designatedParties', 'designatedVessels']);
const DERIVED = /Countries$|^party(Kinds|Roles)$|^goodsCategories$|^hsCodes$/;
const leafCost: LeafCost = (leaf) =>
  (EXPENSIVE.has(leaf.fact) ? 20 : DERIVED.test(leaf.fact) ? 3 : 1) + (leaf.operator.startsWith('date') ? 2 : 0);

/** Operators that hold for most records (and `exists: false`): a poor gate. */
const BROAD = new Set(['notEqual', 'notIn', 'includesNone', 'doesNotContain']);

function gateScore(leaves: readonly ConditionLeaf[]): number {
  const broad = (l: ConditionLeaf) => BROAD.has(l.operator) || (l.operator === 'exists' && l.value === false);
  return leaves.reduce((n, l) => n + 1 + (l.fact === 'type' ? 1000 : 0) + (broad(l) ? 100 : 0), 0);
}

/**
 * Leaves one of which must hold for the tree to hold (undefined: none found). Sound by
 * construction: `all` needs each child, so any child's leaves will do (the most selective-looking
 * are chosen); `any` needs one child, so the leaves of all children; a leaf needs itself; nothing is
 * said of `not`.
 */
export function gateLeaves(tree: ConditionTree): ConditionLeaf[] | undefined {
  if ('all' in tree) {
    let best: ConditionLeaf[] | undefined;
    for (const t of tree.all) {
      const g = gateLeaves(t);
      if (g && (!best || gateScore(g) < gateScore(best))) best = g;
    }
    return best;
  }
  if ('any' in tree) {
    if (tree.any.length === 0) return undefined;
    const out: ConditionLeaf[] = [];
    for (const t of tree.any) {
      const g = gateLeaves(t);
      if (!g) return undefined;
      out.push(...g);
    }
    return out;
  }
  return 'fact' in tree ? [tree] : undefined;
}

/** Every set of leaves found necessary for the tree (the children of an `all` each give theirs). */
function gateCandidates(tree: ConditionTree): ConditionLeaf[][] {
  if ('all' in tree) return tree.all.flatMap(gateCandidates);
  const g = gateLeaves(tree);
  return g ? [g] : [];
}

/** Rules of one record type behind one gate: when none of its leaves holds, none of the rules can. */
interface Group {
  gate: Predicate | undefined;
  entries: Entry[];
}

/**
 * Builds the fast evaluator over the plain one, whose compiled rule set (rules and designation
 * index), engines and finding builder it reuses: both paths see the same rules by construction.
 */
export function createFastEvaluator(plain: Evaluator): FastEvaluator {
  const { index } = plain.compiled;
  // Rules share many leaves (the DPRK as supplier, as recipient...): each is evaluated once a record.
  const leaves = new LeafTable();
  const options = { cost: leafCost, leaves, read: LazyFacts.reader as Reader };
  // Each rule's gate is the necessary set of leaves it shares with the most rules (the DPRK as a
  // party, as a recipient...), so that one test rules out a whole group for most records.
  const keyOf = (set: ConditionLeaf[]) => [...new Set(set.map((l) => leaves.idOf(l)))].sort((a, b) => a - b).join(' ');
  const candidates = plain.rules.map((c) => {
    const usable = gateCandidates(c.loaded.rule.when).filter((set) => gateScore(set) < 100);
    return new Map(usable.map((set) => [keyOf(set), set]));
  });
  const shared = new Map<string, number>();
  for (const m of candidates) for (const key of m.keys()) shared.set(key, (shared.get(key) ?? 0) + 1);
  const gates = new Map<string, Predicate | undefined>([['', undefined]]);
  const entries: Entry[] = plain.rules.map((compiled, i) => {
    const { when, applies } = compiled.loaded.rule;
    let key = '';
    for (const [k, set] of candidates[i]!) {
      const better =
        !key ||
        shared.get(k)! > shared.get(key)! ||
        (shared.get(k) === shared.get(key) && gateScore(set) < gateScore(candidates[i]!.get(key)!));
      if (better) key = k;
    }
    if (!gates.has(key)) gates.set(key, compilePredicate({ any: candidates[i]!.get(key)! }, options));
    return {
      compiled,
      when: compilePredicate(when, options),
      types: compiled.types,
      gateKey: key,
      from: applies.from,
      until: applies.until,
    };
  });
  /** The rules a record of this type may meet, grouped by gate. */
  const groupsOf = (type: string | undefined): Group[] => {
    const byGate = new Map<string, Entry[]>();
    for (const e of entries) {
      if (e.types && (type === undefined || !e.types.has(type))) continue;
      const list = byGate.get(e.gateKey);
      if (list) list.push(e);
      else byGate.set(e.gateKey, [e]);
    }
    return [...byGate].map(([key, list]) => ({ gate: gates.get(key), entries: list }));
  };
  // Rules indexed by the record types they can match; rules that can match any type are in every list.
  const anyType = groupsOf(undefined);
  const byType = new Map<string, Group[]>();
  for (const e of entries) for (const t of e.types ?? []) if (!byType.has(t)) byType.set(t, groupsOf(t));

  const memo = leaves.newMemo();
  const match = (loaded: LoadedRecord): CompiledRule[] => {
    const groups = byType.get(loaded.record.type) ?? anyType;
    let out: CompiledRule[] | undefined;
    const facts = new LazyFacts(loaded.record, index, memo, loaded.span.end);
    nextRecord(memo);
    for (let g = 0; g < groups.length; g++) {
      const { gate, entries: list } = groups[g]!;
      if (gate && !gate(facts)) continue;
      for (let i = 0; i < list.length; i++) {
        const e = list[i]!;
        if (relateToWindow(loaded.span, e.from, e.until) === 'outside') continue;
        if (e.when(facts)) (out ??= []).push(e.compiled);
      }
    }
    return out ?? [];
  };

  return {
    compiled: plain.compiled,
    rules: plain.rules,
    match,
    evaluate(loaded) {
      const matched = match(loaded);
      return matched.length === 0 ? Promise.resolve<Finding[]>([]) : plain.evaluateRules(loaded, matched);
    },
    evaluateRules: (loaded, candidates) => plain.evaluateRules(loaded, candidates),
    evaluatePair: (loaded, ruleId) => plain.evaluatePair(loaded, ruleId),
  };
}
