// Stable finding fingerprints: what the rule read of the record, not where or how the record is written.
import { createHash } from 'node:crypto';
import type { Facts } from '../compile/derive-facts.js';
import { resolvePath } from '../compile/path-resolver.js';
import type { ConditionTree, Provision, Rule } from '../types.js';

/** JSON with object keys sorted at every level, so that key order in the source does not matter. */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value as object)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

function collectReads(tree: ConditionTree, out: Set<string>): void {
  if ('all' in tree) tree.all.forEach((t) => collectReads(t, out));
  else if ('any' in tree) tree.any.forEach((t) => collectReads(t, out));
  else if ('not' in tree) collectReads(tree.not, out);
  else if ('fact' in tree) out.add(tree.path ? `${tree.fact}\u0000${tree.path}` : tree.fact);
}

const readsCache = new WeakMap<Rule, string[]>();

/** The facts (with their paths) that a rule's conditions and exemptions read, sorted. */
export function factsRead(rule: Rule): string[] {
  let reads = readsCache.get(rule);
  if (!reads) {
    const set = new Set<string>();
    collectReads(rule.when, set);
    for (const ex of rule.unless ?? []) collectReads(ex.when, set);
    readsCache.set(rule, (reads = [...set].sort()));
  }
  return reads;
}

/** How a provision is named in a fingerprint: its symbol and paragraph. */
function provisionKey(p: Provision | undefined): string {
  return p ? `${p.symbol}${p.paragraph !== undefined ? ` para ${p.paragraph}` : ''}` : '';
}

/**
 * SHA-256 (hex) over the rule id, the principal provision cited, a canonical JSON of the values of
 * exactly the facts the rule reads, and the record id. The file, line, key order and formatting of
 * the record, other records and other rules do not enter it.
 */
export function findingFingerprint(rule: Rule, principal: Provision | undefined, recordId: string, facts: Facts): string {
  const read: Record<string, unknown> = {};
  for (const key of factsRead(rule)) {
    const [fact, path] = key.split('\u0000') as [string, string | undefined];
    const value = Object.hasOwn(facts, fact) ? facts[fact] : undefined;
    read[path ? `${fact}${path.slice(1)}` : fact] = path ? (resolvePath(value, path) ?? null) : (value ?? null);
  }
  const body = canonicalJson({ v: 1, rule: rule.id, provision: provisionKey(principal), facts: read, record: recordId });
  return createHash('sha256').update(body).digest('hex');
}
