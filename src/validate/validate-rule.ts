// Checks one raw rule: schema, condition trees, exemptions, message placeholders and examples.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PathKey } from '../load/yaml-document.js';
import type { Diagnostic, Exemption, LoadedRule, Rule, RuleExample, SourceLocation } from '../types.js';
import { ConditionChecker, type NamedConditions } from './validate-conditions.js';
import { checkSchema, type Locate } from './schema-check.js';
import { recordSchema, ruleValidationSchema } from './schemas.js';

/** Fills what an example record may leave out: its id and its evidence. */
export function exampleRecord(example: Pick<RuleExample, 'id' | 'record'>): Record<string, unknown> {
  return { id: example.id, evidence: { level: 'confirmed' }, ...(example.record as Record<string, unknown>) };
}

const PLACEHOLDER = /\{\{\s*([^}]*?)\s*\}\}/g;
const PLACEHOLDER_PATH = /^(record|facts|rule)(\.[A-Za-z0-9_-]+)*$/;

export function validateRule(
  value: unknown,
  path: PathKey[],
  locate: Locate,
  named: NamedConditions,
): { loaded?: LoadedRule; diagnostics: Diagnostic[] } {
  const diagnostics = checkSchema(ruleValidationSchema, value, path, locate);
  const checker = new ConditionChecker(locate, named);
  if (diagnostics.length > 0) {
    // Report the condition trees' problems too, all at once, where the trees are there to check.
    const v = (value ?? {}) as Partial<Rule>;
    if (v.when && typeof v.when === 'object') checker.check(v.when, [...path, 'when']);
    if (Array.isArray(v.unless)) {
      v.unless.forEach((ex, i) => ex && typeof ex.when === 'object' && checker.check(ex.when, [...path, 'unless', i, 'when']));
    }
    return { diagnostics: [...diagnostics, ...checker.diagnostics] };
  }
  const rule = value as Rule;
  const when = checker.check(rule.when, [...path, 'when']);
  const unless: Exemption[] = [];
  const exemptionIds = new Set<string>();
  (rule.unless ?? []).forEach((ex, i) => {
    if (exemptionIds.has(ex.id)) {
      checker.diagnostics.push(diagnostic('duplicate-exemption-id', `exemption id '${ex.id}' is used twice in this rule`, locate([...path, 'unless', i, 'id'])));
    }
    exemptionIds.add(ex.id);
    const tree = checker.check(ex.when, [...path, 'unless', i, 'when']);
    if (tree) unless.push({ ...ex, when: tree, provisions: ex.provisions ?? [] });
  });
  diagnostics.push(...checker.diagnostics);
  if (rule.applies.until !== undefined && rule.applies.until < rule.applies.from) {
    diagnostics.push(diagnostic('invalid-date', "'applies.until' is before 'applies.from'", locate([...path, 'applies', 'until'])));
  }
  for (const m of rule.message.matchAll(PLACEHOLDER)) {
    if (!PLACEHOLDER_PATH.test(m[1]!)) {
      diagnostics.push(diagnostic('invalid-placeholder', `placeholder {{${m[1]}}} must start with record., facts. or rule.`, locate([...path, 'message'])));
    }
  }
  const examples: RuleExample[] = [];
  const exampleIds = new Set<string>();
  (rule.examples ?? []).forEach((ex, i) => {
    const exPath = [...path, 'examples', i];
    if (exampleIds.has(ex.id)) diagnostics.push(diagnostic('duplicate-example-id', `example id '${ex.id}' is used twice in this rule`, locate([...exPath, 'id'])));
    exampleIds.add(ex.id);
    const problems = checkSchema(recordSchema, exampleRecord(ex), [...exPath, 'record'], locate);
    diagnostics.push(...problems);
    examples.push({ ...ex, location: locate(exPath) });
  });
  if (diagnostics.some((d) => d.severity === 'error') || !when) return { diagnostics };
  const location: SourceLocation = locate(path);
  return {
    loaded: { rule: { ...rule, tags: rule.tags ?? [], when, unless, examples }, location },
    diagnostics,
  };
}
