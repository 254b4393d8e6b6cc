// Loads rule sets from files and folders: every rule validated, ids unique, lists read.
import path from 'node:path';
import { diagnostic, limitDiagnostics, sortDiagnostics, type Result } from '../diagnostics/diagnostic.js';
import type { RuleSet } from '../types.js';
import { testsDesignations } from '../vocabulary/condition-facts.js';
import { parseDesignationList } from './designation-list.js';
import { displayPath, expandPaths } from './input-paths.js';
import { parseRuleFile } from './rule-file.js';
import { RULES_LIMIT, readTextFile } from './text-file.js';

export function loadRules(paths: readonly string[]): Result<RuleSet> {
  const { files, diagnostics } = expandPaths(paths, {
    extensions: ['.yaml', '.yml', '.json'],
    recursive: true,
    what: 'rule files',
    allowEmpty: true,
  });
  const set: RuleSet = { rules: [], lists: [] };
  const seen = new Map<string, string>();
  for (const abs of files) {
    const file = displayPath(abs);
    const isList = abs.toLowerCase().endsWith('.json');
    if (isList && path.basename(path.dirname(abs)) !== 'lists') continue;
    const { text, diagnostics: readProblems } = readTextFile(abs, file, RULES_LIMIT);
    diagnostics.push(...readProblems);
    if (text === undefined) continue;
    if (isList) {
      const r = parseDesignationList(text, file);
      diagnostics.push(...r.diagnostics);
      if (r.list) set.lists.push(r.list);
      continue;
    }
    const r = parseRuleFile(text, file);
    for (const d of limitDiagnostics(r.diagnostics)) diagnostics.push(d);
    for (const loaded of r.rules) {
      const first = seen.get(loaded.rule.id);
      if (first !== undefined) {
        diagnostics.push(diagnostic('duplicate-rule-id', `rule id '${loaded.rule.id}' is already used at ${first}`, loaded.location));
        continue;
      }
      seen.set(loaded.rule.id, `${loaded.location.file}:${loaded.location.line}`);
      set.rules.push(loaded);
    }
  }
  if (set.rules.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    const where = paths[0] ?? '.';
    diagnostics.push(
      diagnostic('no-rules', 'no rules found here (rule files are .yaml or .yml)', {
        file: displayPath(path.resolve(where)),
        line: 1,
        column: 1,
      }),
    );
  }
  const listed = set.rules.find((r) => testsDesignations(r.rule.when));
  if (listed && set.lists.length === 0) {
    diagnostics.push(
      diagnostic(
        'no-designation-list',
        `rule '${listed.rule.id}' tests designated parties, but no designation list was loaded (put the list in a lists/ folder beside the rules, e.g. rules/unsc-dprk/lists/un-1718.json, and pass the folder)`,
        listed.location,
        'warning',
      ),
    );
  }
  set.rules.sort((a, b) => (a.rule.id < b.rule.id ? -1 : 1));
  return { value: set, diagnostics: sortDiagnostics(diagnostics) };
}
