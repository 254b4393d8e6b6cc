// Evaluates records against rules with json-rules-engine, one record at a time, into findings.
import { asCompiled, type CompiledRuleSet } from '../compile/compile-rule-set.js';
import { makeEngine, type CompiledRule } from '../compile/compile-rules.js';
import { deriveFacts, type Facts } from '../compile/derive-facts.js';
import { relateToWindow, type WindowRelation } from '../dates/date-span.js';
import { compareLocations } from '../diagnostics/diagnostic.js';
import type { ActivityRecord, ExplanationLine, Finding, LoadedRecord, Provision, Rule, RuleSet } from '../types.js';
import type { Evaluator, PairResult } from './evaluator.js';
import { explain } from './explanation.js';
import { findingFingerprint } from './fingerprint.js';
import { createFastEvaluator } from './fast-evaluator.js';
import { fillMessage } from './message.js';

type Engine = ReturnType<typeof makeEngine>;

export type { Evaluator, PairResult } from './evaluator.js';

function straddleNote(loaded: LoadedRecord, relation: WindowRelation, from: string, until?: string): string[] {
  const { span } = loaded;
  if (relation === 'straddles-start') {
    return [
      `The activity's date (${span.text}, ${span.start} to ${span.end}) straddles ${from}, the day this provision applies from: part of it may fall before.`,
    ];
  }
  if (relation === 'straddles-end') {
    return [
      `The activity's date (${span.text}, ${span.start} to ${span.end}) runs past ${until}, the last day this provision applies: part of it may fall after.`,
    ];
  }
  return [];
}

/**
 * The provisions a finding cites. With `citeInForce`, those adopted on or before the activity's
 * last day; a provision adopted within the activity's span is cited with a note, since part of the
 * activity may precede it.
 */
function citedProvisions(rule: Rule, loaded: LoadedRecord): { provisions: Provision[]; notes: string[] } {
  if (rule.citeInForce !== true) return { provisions: rule.provisions, notes: [] };
  const { span } = loaded;
  const provisions = rule.provisions.filter((p) => p.adopted <= span.end);
  const later = [...new Set(provisions.filter((p) => p.adopted > span.start).map((p) => `${p.resolution ?? p.symbol} of ${p.adopted}`))];
  const notes =
    later.length === 0
      ? []
      : [
          `Adopted within the activity's date (${span.text}, ${span.start} to ${span.end}), so cited though part of the activity may precede it: ${later.join('; ')}.`,
        ];
  return { provisions, notes };
}

/** The plain evaluator: json-rules-engine on every rule a record's type and date allow. */
export function createEvaluator(ruleSet: RuleSet | CompiledRuleSet): Evaluator {
  const compiled = asCompiled(ruleSet);
  const { rules, byId, index } = compiled;
  const engines = new Map<string, Engine>();
  const exemptionEngines = new Map<string, Engine>();

  const engineFor = (candidates: readonly CompiledRule[]): Engine => {
    const key = candidates.map((c) => c.loaded.rule.id).join('\n');
    let e = engines.get(key);
    if (!e) engines.set(key, (e = makeEngine(candidates.map((c) => c.main))));
    return e;
  };
  const exemptionEngineFor = (c: CompiledRule): Engine => {
    let e = exemptionEngines.get(c.loaded.rule.id);
    if (!e) exemptionEngines.set(c.loaded.rule.id, (e = makeEngine(c.exemptions)));
    return e;
  };

  /** Runs the exemptions of a rule; returns the first (as written) that held, and their explanation. */
  const runExemptions = async (c: CompiledRule, facts: Facts) => {
    if (c.exemptions.length === 0) return { held: undefined, explanation: [] as ExplanationLine[] };
    const { results, failureResults } = await exemptionEngineFor(c).run(facts);
    const all = [...results, ...failureResults];
    const explanation: ExplanationLine[] = [];
    let held: string | undefined;
    for (const ex of c.exemptions) {
      const r = all.find((x) => x.name === ex.name);
      if (!r) continue;
      explanation.push(...explain(r.conditions as never, ex.name));
      if (r.result && held === undefined) held = ex.name;
    }
    return { held, explanation };
  };

  const makeFinding = (
    c: CompiledRule,
    loaded: LoadedRecord,
    facts: Facts,
    relation: WindowRelation,
    explanation: ExplanationLine[],
    exemptionId?: string,
  ): Finding => {
    const { rule } = c.loaded;
    const { record } = loaded;
    const ex = exemptionId === undefined ? undefined : rule.unless?.find((u) => u.id === exemptionId);
    const cited = citedProvisions(rule, loaded);
    const finding: Finding = {
      recordId: record.id,
      ruleId: rule.id,
      ruleTitle: rule.title,
      provisions: cited.provisions,
      outcome: ex ? 'exempt' : rule.outcome,
      evidence: record.evidence.level,
      evidenceDetail: evidenceDetailOf(record),
      message: (record.status === 'draft' ? 'DRAFT (unreviewed record): ' : '') + fillMessage(rule.message, { record, facts, rule }),
      location: loaded.location,
      date: loaded.span,
      notes: [...straddleNote(loaded, relation, rule.applies.from, rule.applies.until), ...cited.notes],
      explanation,
      fingerprint: findingFingerprint(rule, rule.provisions[0], record.id, facts),
    };
    if (record.status === 'draft') finding.draft = true;
    if (ex) finding.exemption = { id: ex.id, ...(ex.title !== undefined ? { title: ex.title } : {}), provisions: ex.provisions ?? [] };
    return finding;
  };

  const candidatesFor = (loaded: LoadedRecord) =>
    rules.filter(
      (c) =>
        (!c.types || c.types.has(loaded.record.type)) &&
        relateToWindow(loaded.span, c.loaded.rule.applies.from, c.loaded.rule.applies.until) !== 'outside',
    );

  const evaluateRules = async (loaded: LoadedRecord, candidates: readonly CompiledRule[]): Promise<Finding[]> => {
    if (candidates.length === 0) return [];
    const facts = deriveFacts(loaded.record, index);
    const { results } = await engineFor(candidates).run(facts);
    const findings: Finding[] = [];
    for (const r of results) {
      const c = byId.get(String(r.name))!;
      const ex = await runExemptions(c, facts);
      const relation = relateToWindow(loaded.span, c.loaded.rule.applies.from, c.loaded.rule.applies.until);
      findings.push(makeFinding(c, loaded, facts, relation, [...explain(r.conditions as never), ...ex.explanation], ex.held));
    }
    return findings.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  };

  return {
    compiled,
    rules,
    evaluate: (loaded) => evaluateRules(loaded, candidatesFor(loaded)),
    evaluateRules,
    async evaluatePair(loaded, ruleId) {
      const c = byId.get(ruleId);
      if (!c) throw new Error(`no rule '${ruleId}'`);
      const relation = relateToWindow(loaded.span, c.loaded.rule.applies.from, c.loaded.rule.applies.until);
      const facts = deriveFacts(loaded.record, index);
      const { results, failureResults } = await makeEngine([c.main]).run(facts);
      const r = [...results, ...failureResults][0]!;
      const ex = await runExemptions(c, facts);
      const explanation = [...explain(r.conditions as never), ...ex.explanation];
      const held = r.result === true && relation !== 'outside';
      const out: PairResult = { relation, held, explanation };
      if (ex.held !== undefined) out.exemption = ex.held;
      if (held) out.finding = makeFinding(c, loaded, facts, relation, explanation, ex.held);
      return out;
    },
  };
}

export interface EvaluateOptions {
  /**
   * `fast` (the default) decides with compiled predicates which rules a record meets and runs
   * json-rules-engine only for those, for the explanation; `plain` runs json-rules-engine on every
   * rule the record's type and date allow. Both give the same findings.
   */
  engine?: 'fast' | 'plain';
}

/** Evaluates every record, one at a time, and returns findings sorted by file, line and rule id. */
export async function evaluateRecords(records: readonly LoadedRecord[], ruleSet: RuleSet, opts: EvaluateOptions = {}): Promise<Finding[]> {
  const plain = createEvaluator(ruleSet);
  const evaluator = opts.engine === 'plain' ? plain : createFastEvaluator(plain);
  const findings: Finding[] = [];
  for (const r of records) findings.push(...(await evaluator.evaluate(r)));
  return sortFindings(findings);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      compareLocations(a.location, b.location) ||
      (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** A finding's copy of the evidence its record rests on. */
export function evidenceDetailOf(record: ActivityRecord): Finding['evidenceDetail'] {
  return {
    level: record.evidence.level,
    ...(record.evidence.claimant !== undefined ? { claimant: record.evidence.claimant } : {}),
    wording: record.evidence.wording ?? [],
    sources: record.evidence.sources ?? [],
  };
}
