// The law and the list as of a day: provisions adopted and designations listed after it are left
// out, and records dated after it are warned about.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LoadedRecord, LoadedRule, Provision, RuleSet } from '../types.js';

const inForce = (day: string) => (p: Provision) => p.adopted <= day;

/**
 * The rule set as it stood on `day`: each rule cites only the provisions adopted by then; a rule
 * none of whose provisions was adopted yet, or that applies only from a later day, is left out;
 * an exemption resting only on later provisions is left out; list entries and vessels listed
 * after the day are left out.
 */
export function ruleSetAsOf(set: RuleSet, day: string): RuleSet {
  const rules: LoadedRule[] = [];
  for (const loaded of set.rules) {
    const { rule } = loaded;
    const provisions = rule.provisions.filter(inForce(day));
    if (provisions.length === 0 || rule.applies.from > day) continue;
    const unless = rule.unless?.filter((u) => !u.provisions || u.provisions.length === 0 || u.provisions.some(inForce(day)));
    const kept = { ...rule, provisions };
    if (unless) kept.unless = unless.map((u) => (u.provisions ? { ...u, provisions: u.provisions.filter(inForce(day)) } : u));
    rules.push({ ...loaded, rule: kept });
  }
  const lists = set.lists.map((l) => ({
    ...l,
    entries: l.entries.filter((e) => e.listedOn === undefined || e.listedOn <= day),
    vessels: l.vessels.filter((v) => v.listedOn === undefined || v.listedOn <= day),
  }));
  return { rules, lists };
}

/** A warning for each record whose date runs past `day`: the rules and list of that day may not cover it. */
export function recordsAfter(records: readonly LoadedRecord[], day: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of records) {
    if (r.span.end <= day) continue;
    const how = r.span.start > day ? 'is dated after' : 'runs past';
    out.push(
      diagnostic(
        'dated-after-as-of',
        `record '${r.record.id}' ${how} the --as-of day ${day} (${r.span.text}, ${r.span.start} to ${r.span.end}): it is checked against the rules and list of ${day}`,
        r.location,
        'warning',
      ),
    );
  }
  return out;
}
