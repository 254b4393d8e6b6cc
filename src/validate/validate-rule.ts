// Checks one raw rule: schema, condition trees, exemptions, message placeholders and examples.
import { isDay } from '../dates/date-span.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PathKey } from '../diagnostics/locate.js';
import type { Diagnostic, Exemption, LoadedRule, Rule, RuleExample, SourceLocation } from '../types.js';
import { ConditionChecker, type NamedConditions } from './validate-conditions.js';
import { checkSchema, type Locate } from './schema-check.js';
import { provisionProblems, withSymbol } from './validate-provision.js';
import { recordSchema, ruleValidationSchema } from './schemas.js';

/** Fills what an example record may leave out: its id and its evidence. */
export function exampleRecord(example: Pick<RuleExample, 'id' | 'record'>): Record<string, unknown> {
  return { id: example.id, evidence: { level: 'confirmed' }, ...(example.record as Record<string, unknown>) };
}

const PLACEHOLDER_PATH = /^(record|facts|rule)(\.[A-Za-z0-9_-]+)*$/;
/** The longest text between {{ and }}: no path is longer, and a long run costs the filling regex dear. */
const MAX_PLACEHOLDER = 200;

/**
 * The placeholders of a message and what is wrong with each, in one pass. (A regular expression
 * here backtracks badly: "{{" and a few thousand spaces took seconds.)
 */
export function placeholderProblems(message: string): string[] {
  const out: string[] = [];
  let i = message.indexOf('{{');
  while (i !== -1) {
    const end = message.indexOf('}}', i + 2);
    if (end === -1) {
      out.push('a placeholder opened with {{ is never closed with }}');
      break;
    }
    const inner = message.slice(i + 2, end);
    if (inner.length > MAX_PLACEHOLDER)
      out.push(`a placeholder is ${inner.length} characters long; at most ${MAX_PLACEHOLDER} are allowed`);
    else if (!PLACEHOLDER_PATH.test(inner.trim()))
      out.push(`placeholder {{${inner}}} must be a path that starts with record., facts. or rule.`);
    i = message.indexOf('{{', end + 2);
  }
  return out;
}

/** The period and the message, checked wherever they are well formed, even in a rule with other problems. */
function fieldProblems(rule: Partial<Rule>, path: PathKey[], locate: Locate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const applies = rule.applies as { from?: unknown; until?: unknown } | undefined;
  if (applies && isDay(applies.from) && isDay(applies.until) && (applies.until as string) < (applies.from as string)) {
    out.push(diagnostic('invalid-date', "'applies.until' is before 'applies.from'", locate([...path, 'applies', 'until'])));
  }
  // Point-in-time citations: on the first day the rule applies, some provision must be in force.
  if (rule.citeInForce === true && applies && isDay(applies.from) && Array.isArray(rule.provisions)) {
    const days = rule.provisions.map((p) => p?.adopted).filter(isDay) as string[];
    if (days.length > 0 && days.every((d) => d > (applies.from as string))) {
      out.push(
        diagnostic(
          'invalid-date',
          `'applies.from' (${applies.from as string}) is before every provision's adoption: with citeInForce, a finding would cite nothing`,
          locate([...path, 'applies', 'from']),
        ),
      );
    }
  }
  if (typeof rule.message === 'string') {
    for (const problem of placeholderProblems(rule.message))
      out.push(diagnostic('invalid-placeholder', problem, locate([...path, 'message'])));
  }
  return out;
}

export function validateRule(
  value: unknown,
  path: PathKey[],
  locate: Locate,
  named: NamedConditions,
): { loaded?: LoadedRule; diagnostics: Diagnostic[] } {
  const diagnostics = checkSchema(ruleValidationSchema, value, path, locate, 'a rule');
  const checker = new ConditionChecker(locate, named);
  if (diagnostics.length > 0) {
    // Report the condition trees' problems too, all at once, where the trees are there to check.
    const v = (value ?? {}) as Partial<Rule>;
    if (v.when && typeof v.when === 'object') checker.check(v.when, [...path, 'when']);
    if (Array.isArray(v.unless)) {
      v.unless.forEach((ex, i) => ex && typeof ex.when === 'object' && checker.check(ex.when, [...path, 'unless', i, 'when']));
    }
    return { diagnostics: [...diagnostics, ...checker.diagnostics, ...fieldProblems(v, path, locate)] };
  }
  const rule = value as Rule;
  const when = checker.check(rule.when, [...path, 'when']);
  const unless: Exemption[] = [];
  const exemptionIds = new Set<string>();
  (rule.unless ?? []).forEach((ex, i) => {
    if (exemptionIds.has(ex.id)) {
      checker.diagnostics.push(
        diagnostic('duplicate-exemption-id', `exemption id '${ex.id}' is used twice in this rule`, locate([...path, 'unless', i, 'id'])),
      );
    }
    exemptionIds.add(ex.id);
    const tree = checker.check(ex.when, [...path, 'unless', i, 'when']);
    (ex.provisions ?? []).forEach((p, j) => diagnostics.push(...provisionProblems(p, [...path, 'unless', i, 'provisions', j], locate)));
    if (tree) unless.push({ ...ex, when: tree, provisions: (ex.provisions ?? []).map(withSymbol) });
  });
  rule.provisions.forEach((p, j) => diagnostics.push(...provisionProblems(p, [...path, 'provisions', j], locate)));
  for (const d of checker.diagnostics) diagnostics.push(d);
  for (const d of fieldProblems(rule, path, locate)) diagnostics.push(d);
  const examples: RuleExample[] = [];
  const exampleIds = new Set<string>();
  (rule.examples ?? []).forEach((ex, i) => {
    const exPath = [...path, 'examples', i];
    if (exampleIds.has(ex.id))
      diagnostics.push(diagnostic('duplicate-example-id', `example id '${ex.id}' is used twice in this rule`, locate([...exPath, 'id'])));
    exampleIds.add(ex.id);
    const problems = checkSchema(recordSchema, exampleRecord(ex), [...exPath, 'record'], locate);
    for (const d of problems) diagnostics.push(d);
    examples.push({ ...ex, location: locate(exPath) });
  });
  if (diagnostics.some((d) => d.severity === 'error') || !when) return { diagnostics };
  const location: SourceLocation = locate(path);
  return {
    loaded: { rule: { ...rule, provisions: rule.provisions.map(withSymbol), tags: rule.tags ?? [], when, unless, examples }, location },
    diagnostics,
  };
}
