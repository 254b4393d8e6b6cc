// Turns json-rules-engine's evaluated condition tree into our explanation lines.
import type { ExplanationLine } from '../types.js';

interface EvaluatedNode {
  all?: EvaluatedNode[];
  any?: EvaluatedNode[];
  not?: EvaluatedNode;
  name?: string;
  fact?: string;
  operator?: string;
  value?: unknown;
  path?: string;
  result?: boolean;
  factResult?: unknown;
}

/** Plain copies of values, so that findings never hold the engine's or the record's objects. */
function plain(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

export function explain(node: EvaluatedNode, exemption?: string, negated = false): ExplanationLine[] {
  if (node.all) return node.all.flatMap((n) => explain(n, exemption, negated));
  if (node.any) return node.any.flatMap((n) => explain(n, exemption, negated));
  if (node.not) return explain(node.not, exemption, !negated);
  const line: ExplanationLine = {
    condition: node.name ?? `${node.fact} ${node.operator}`,
    fact: node.path ? `${node.fact}${node.path.slice(1)}` : String(node.fact),
    operator: String(node.operator),
    expected: plain(node.value),
    actual: node.result === undefined ? null : plain(node.factResult),
    held: node.result === undefined ? null : node.result,
  };
  if (exemption !== undefined) line.exemption = exemption;
  if (negated) line.negated = true;
  return [line];
}
