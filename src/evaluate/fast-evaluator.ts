// The fast evaluation path: compiled predicates decide, synchronously and from facts computed on
// demand, which rules a record meets; json-rules-engine then runs only for those rules, and its
// result (explanation, exemptions) makes the finding, exactly as on the plain path.
import { compilePredicate, type Predicate } from '../compile/compile-predicate.js';
import type { CompiledRule } from '../compile/compile-rules.js';
import { buildDesignationIndex } from '../compile/designation-index.js';
import { relateToWindow } from '../dates/date-span.js';
import type { Finding, LoadedRecord, RuleSet } from '../types.js';
import type { Evaluator } from './evaluate-records.js';
import { LazyFacts } from './fast-facts.js';

export interface FastEvaluator extends Evaluator {
  /** The rules a record meets (type, dates and `when`), decided without json-rules-engine. */
  match(loaded: LoadedRecord): CompiledRule[];
}

interface Entry {
  compiled: CompiledRule;
  when: Predicate;
  from: string;
  until: string | undefined;
}

/**
 * Builds the fast evaluator over the plain one (createEvaluator on the same rule set), whose
 * compiled rules, engines and finding builder it reuses.
 */
export function createFastEvaluator(ruleSet: RuleSet, plain: Evaluator): FastEvaluator {
  const index = buildDesignationIndex(ruleSet.lists);
  const entries: Entry[] = plain.rules.map((compiled) => ({
    compiled,
    when: compilePredicate(compiled.loaded.rule.when),
    from: compiled.loaded.rule.applies.from,
    until: compiled.loaded.rule.applies.until,
  }));
  // Rules indexed by the record types they can match; rules that do not say go in every list.
  const anyType = entries.filter((e) => !e.compiled.types);
  const byType = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const t of e.compiled.types ?? []) if (!byType.has(t)) byType.set(t, []);
  }
  for (const [t, list] of byType) list.push(...entries.filter((e) => e.compiled.types?.has(t) || !e.compiled.types));

  const match = (loaded: LoadedRecord): CompiledRule[] => {
    const list = byType.get(loaded.record.type) ?? anyType;
    let out: CompiledRule[] | undefined;
    let facts: LazyFacts | undefined;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (relateToWindow(loaded.span, e.from, e.until) === 'outside') continue;
      facts ??= new LazyFacts(loaded.record, index);
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
