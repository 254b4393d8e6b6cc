// What an evaluator offers, whichever path (json-rules-engine on every rule, or compiled predicates first) it takes.
import type { CompiledRule } from '../compile/compile-rules.js';
import type { WindowRelation } from '../dates/date-span.js';
import type { ExplanationLine, Finding, LoadedRecord } from '../types.js';

/** What one rule says of one record, whether or not it produces a finding. */
export interface PairResult {
  relation: WindowRelation;
  /** Whether the rule's `when` held (false when the dates do not reach). */
  held: boolean;
  /** The exemption that held, if any. */
  exemption?: string;
  explanation: ExplanationLine[];
  finding?: Finding;
}

export interface Evaluator {
  readonly rules: readonly CompiledRule[];
  /** The findings for one record, sorted by rule id. */
  evaluate(loaded: LoadedRecord): Promise<Finding[]>;
  /** The findings for one record under the given rules only (their dates already checked), sorted by rule id. */
  evaluateRules(loaded: LoadedRecord, candidates: readonly CompiledRule[]): Promise<Finding[]>;
  /** Evaluates one record under one rule, with the full explanation even when nothing holds. */
  evaluatePair(loaded: LoadedRecord, ruleId: string): Promise<PairResult>;
}
