// Holds each fast twin to its plain original on one record: the quick record check to the located one, the lazily read facts to deriveFacts, the fast evaluator's findings to json-rules-engine's.
import { isDeepStrictEqual } from 'node:util';
import { deriveFacts } from '../compile/derive-facts.js';
import { createEvaluator } from '../evaluate/evaluate-records.js';
import { createFastEvaluator } from '../evaluate/fast-evaluator.js';
import { LazyFacts } from '../evaluate/fast-facts.js';
import type { LocatedValue } from '../diagnostics/locate.js';
import type { LoadedRecord, RuleSet, Source } from '../types.js';
import { NO_SOURCES, validateLocated, validateRecord } from '../validate/validate-record.js';
import { KNOWN_FACTS } from '../vocabulary/facts.js';

/** How a value reads in a message: JSON, or "absent". */
function shown(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

/** The disagreements of the record validator's quick path with the located check on one raw record. */
export function validatorDifferences(raw: LocatedValue, sources: ReadonlyMap<string, Source> = NO_SOURCES): string[] {
  const plain = JSON.stringify(validateLocated(raw, sources));
  const quick = JSON.stringify(validateRecord(raw, sources));
  return quick === plain ? [] : [`the quick record check gives ${quick}, the located check ${plain}`];
}

/** The facts a rule could read whose lazily read value differs from deriveFacts'. */
export function factDifferences(loaded: LoadedRecord, index: Parameters<typeof deriveFacts>[1]): string[] {
  const want = deriveFacts(loaded.record, index);
  const lazy = new LazyFacts(loaded.record, index);
  const names = new Set([...KNOWN_FACTS, ...Object.keys(loaded.record.facts ?? {}), ...Object.keys(want)]);
  const out: string[] = [];
  for (const name of [...names].sort()) {
    const got = lazy.get(name);
    if (!isDeepStrictEqual(got, want[name]))
      out.push(`fact '${name}' is ${shown(got)} on the fast path, ${shown(want[name])} from deriveFacts`);
  }
  return out;
}

export type TwinCheck = (loaded: LoadedRecord) => Promise<string[]>;

/**
 * A check of one loaded record against the rule set on both paths: its facts, then its findings
 * (rules met, explanations, exemptions), byte for byte. Returns the disagreements, none when the
 * twins agree.
 */
export function createTwinCheck(ruleSet: RuleSet): TwinCheck {
  const plain = createEvaluator(ruleSet);
  const fast = createFastEvaluator(plain);
  const { index } = plain.compiled;
  return async (loaded) => {
    const out = factDifferences(loaded, index);
    const want = JSON.stringify(await plain.evaluate(loaded));
    const got = JSON.stringify(await fast.evaluate(loaded));
    if (got !== want) out.push(`findings differ: json-rules-engine gives ${want}, the fast path ${got}`);
    return out;
  };
}
