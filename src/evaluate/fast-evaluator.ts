// The fast evaluation path: compiled predicates decide, synchronously and from facts computed on
// demand, which rules a record meets; json-rules-engine then runs only for those rules, and its
// result (explanation, exemptions) makes the finding, exactly as on the plain path.
import { LeafTable, compilePredicate, nextRecord, type CompileOptions, type LeafCost, type Predicate } from '../compile/compile-predicate.js';
import type { CompiledRule } from '../compile/compile-rules.js';
import { buildDesignationIndex } from '../compile/designation-index.js';
import { relateToWindow } from '../dates/date-span.js';
import type { ConditionTree, Finding, LoadedRecord, RuleSet } from '../types.js';
import type { Evaluator } from './evaluate-records.js';
import { LazyFacts } from './fast-facts.js';

type Reader = NonNullable<CompileOptions['read']>;

export interface FastEvaluator extends Evaluator {
  /** The rules a record meets (type, dates and `when`), decided without json-rules-engine. */
  match(loaded: LoadedRecord): CompiledRule[];
}

interface Entry {
  compiled: CompiledRule;
  when: Predicate;
  types: Set<string> | undefined;
  from: string;
  until: string | undefined;
}

/** Facts computed from the designation lists cost the most; lists derived from parties and goods, some. */
const EXPENSIVE = new Set(['designatedParties', 'designatedVessels']);
const DERIVED = /Countries$|^party(Kinds|Roles)$|^goodsCategories$|^hsCodes$/;
const leafCost: LeafCost = (leaf) =>
  (EXPENSIVE.has(leaf.fact) ? 20 : DERIVED.test(leaf.fact) ? 3 : 1) + (leaf.operator.startsWith('date') ? 2 : 0);

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

/**
 * Builds the fast evaluator over the plain one (createEvaluator on the same rule set), whose
 * compiled rules, engines and finding builder it reuses.
 */
export function createFastEvaluator(ruleSet: RuleSet, plain: Evaluator): FastEvaluator {
  const index = buildDesignationIndex(ruleSet.lists);
  // Rules share many leaves (the DPRK as supplier, as recipient...): each is evaluated once a record.
  const leaves = new LeafTable();
  const entries: Entry[] = plain.rules.map((compiled) => ({
    compiled,
    when: compilePredicate(compiled.loaded.rule.when, { cost: leafCost, leaves, read: LazyFacts.reader as Reader }),
    types: possibleTypes(compiled.loaded.rule.when),
    from: compiled.loaded.rule.applies.from,
    until: compiled.loaded.rule.applies.until,
  }));
  // Rules indexed by the record types they can match; rules that can match any type are in every list.
  const anyType = entries.filter((e) => !e.types);
  const byType = new Map<string, Entry[]>();
  for (const e of entries) for (const t of e.types ?? []) byType.set(t, []);
  for (const [t, list] of byType) list.push(...entries.filter((e) => !e.types || e.types.has(t)));

  const memo = leaves.newMemo();
  const match = (loaded: LoadedRecord): CompiledRule[] => {
    const list = byType.get(loaded.record.type) ?? anyType;
    let out: CompiledRule[] | undefined;
    let facts: LazyFacts | undefined;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (relateToWindow(loaded.span, e.from, e.until) === 'outside') continue;
      if (!facts) {
        facts = new LazyFacts(loaded.record, index, memo);
        nextRecord(memo);
      }
      if (e.when(facts)) (out ??= []).push(e.compiled);
    }
    return out ?? [];
  };

  return {
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
