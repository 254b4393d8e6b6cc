// The facts a condition tree tests, read from its parsed form (not from its text).
import type { ConditionTree } from '../types.js';

/** The facts that look parties and vessels up in the designation lists. */
export const DESIGNATION_FACTS: ReadonlySet<string> = new Set(['designatedParties', 'designatedVessels']);

/** Every fact a leaf of the tree tests, walking all, any and not (a reference to a named condition adds none). */
export function factsTested(tree: ConditionTree, out: Set<string> = new Set()): Set<string> {
  if ('all' in tree) for (const t of tree.all) factsTested(t, out);
  else if ('any' in tree) for (const t of tree.any) factsTested(t, out);
  else if ('not' in tree) factsTested(tree.not, out);
  else if ('fact' in tree) out.add(tree.fact);
  return out;
}

/** Whether the tree tests a designation fact, so that it needs a designation list to mean anything. */
export function testsDesignations(tree: ConditionTree): boolean {
  for (const fact of factsTested(tree)) if (DESIGNATION_FACTS.has(fact)) return true;
  return false;
}
