// Parses one rule file and validates each rule in it, with its named conditions.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, LoadedRule } from '../types.js';
import { checkSchema } from '../validate/schema-check.js';
import { ruleFileEnvelopeSchema } from '../validate/schemas.js';
import { validateRule } from '../validate/validate-rule.js';
import type { NamedConditions } from '../validate/validate-conditions.js';
import { parseYaml, type PathKey } from './yaml-document.js';

export function parseRuleFile(text: string, file: string): { rules: LoadedRule[]; diagnostics: Diagnostic[] } {
  const doc = parseYaml(text, file, { holds: 'rules' });
  const diagnostics = [...doc.diagnostics];
  const rules: LoadedRule[] = [];
  if (doc.value === undefined) return { rules, diagnostics };
  if (doc.value === null) {
    diagnostics.push(diagnostic('empty-file', 'holds no rules', doc.locate([])));
    return { rules, diagnostics };
  }
  let list: unknown;
  let base: PathKey[] = [];
  let conditions: Record<string, unknown> = {};
  if (Array.isArray(doc.value)) list = doc.value;
  else if (typeof doc.value === 'object') {
    const env = checkSchema(ruleFileEnvelopeSchema, doc.value, [], doc.locate);
    for (const d of env) diagnostics.push(d);
    if (env.length > 0) return { rules, diagnostics };
    const v = doc.value as { rules: unknown[]; conditions?: Record<string, unknown> };
    list = v.rules;
    base = ['rules'];
    conditions = v.conditions ?? {};
  } else {
    diagnostics.push(diagnostic('invalid-type', 'a rule file holds a list of rules, or a mapping with `rules:`', doc.locate([])));
    return { rules, diagnostics };
  }
  const named: NamedConditions = {
    trees: new Map(Object.entries(conditions)),
    path: (name) => ['conditions', name],
  };
  (list as unknown[]).forEach((value, i) => {
    const r = validateRule(value, [...base, i], doc.locate, named);
    for (const d of r.diagnostics) diagnostics.push(d);
    if (r.loaded) rules.push(r.loaded);
  });
  return { rules, diagnostics };
}
