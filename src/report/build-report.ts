// Builds the report: findings with counts, activities, the rule catalogue and the timeline.
import { addDays } from '../dates/date-span.js';
import type { EvidenceLevel, Finding, FindingOutcome, Milestone, Report, RecordSet, RuleSet, RuleSummary } from '../types.js';
import { TOOL } from '../version.js';
import { activity } from '../evaluate/activity-summary.js';

export { activity } from '../evaluate/activity-summary.js';

export interface BuildReportInput {
  records: RecordSet;
  rules: RuleSet;
  findings: Finding[];
  /** The day the report speaks as of; left out unless given, so output stays reproducible. */
  asOf?: string;
}

export function summarizeRule(rule: RuleSet['rules'][number]['rule']): RuleSummary {
  return {
    id: rule.id,
    title: rule.title,
    outcome: rule.outcome,
    status: rule.status,
    tags: rule.tags,
    provisions: rule.provisions,
    applies: rule.applies,
  };
}

/** Adoption days of the resolutions cited, and the deadlines behind rules that start after adoption. */
function timeline(findings: readonly Finding[], rules: RuleSet): Milestone[] {
  const points = new Map<string, Milestone>();
  const cited = new Set(findings.map((f) => f.ruleId));
  // The provisions the findings cite (a rule with point-in-time citations cites fewer than it lists).
  for (const f of findings) {
    for (const p of f.provisions) {
      const label = p.resolution !== undefined ? `Resolution ${p.resolution} adopted` : `${p.symbol} adopted`;
      points.set(`${p.adopted} adoption ${label}`, { date: p.adopted, kind: 'adoption', label });
    }
  }
  for (const { rule } of rules.rules) {
    if (!cited.has(rule.id)) continue;
    // A start that is no provision's adoption day is the day after a deadline or transition period.
    const principal = rule.provisions[0]!;
    if (rule.applies.from > principal.adopted && !rule.provisions.some((p) => p.adopted === rule.applies.from)) {
      const day = addDays(rule.applies.from, -1);
      const label = `Deadline under ${principal.resolution !== undefined ? `${principal.resolution} para ${principal.paragraph}` : principal.symbol}`;
      points.set(`${day} deadline ${label}`, { date: day, kind: 'deadline', label });
    }
  }
  return [...points.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, m]) => m);
}

export function buildReport(input: BuildReportInput): Report {
  const summary: Record<FindingOutcome, number> = { violation: 0, review: 0, exempt: 0 };
  const byEvidence: Record<EvidenceLevel, number> = { confirmed: 0, reported: 0, alleged: 0, speculative: 0 };
  for (const f of input.findings) {
    summary[f.outcome]++;
    byEvidence[f.evidence]++;
  }
  const report: Report = {
    tool: { ...TOOL },
    records: input.records.records.length,
    rules: input.rules.rules.length,
    lists: input.rules.lists.map((l) => ({ list: l.list, title: l.title, date: l.date })),
    cases: input.records.cases,
    findings: input.findings,
    activities: input.records.records.map(activity),
    ruleCatalog: input.rules.rules.map((r) => summarizeRule(r.rule)),
    timeline: timeline(input.findings, input.rules),
    summary,
    byEvidence,
  };
  if (input.asOf !== undefined) report.asOf = input.asOf;
  return report;
}
