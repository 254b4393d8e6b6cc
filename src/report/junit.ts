// The JUnit XML report, for CI systems that show test results.
//
// One <testsuite> per rule (so a CI view groups results by the obligation checked), and in it one
// <testcase> per record whose date span reaches the rule's `applies` window: classname is the rule
// id, name the record id. A finding at or above `failOn` is a <failure>; findings below it (and
// exempt findings, which never fail) are written to the testcase's <system-out>. A record with a
// finding for a rule is listed under that rule even if its span lies outside the window, so that no
// finding is lost.

import type { DateSpan, Finding, Report, RuleSummary } from '../types.js';
import { memorySource, type ReportSource } from './report-source.js';
import { provisionLabel } from './citation.js';
import { escapeAttribute as attr, escapeText as text } from './markup-escape.js';
import { failsAt, type FailOn } from './outcome-rank.js';
import { relateToWindow } from '../dates/date-span.js';
import { valueText } from './value-text.js';
import { findingLines } from './accountability-lines.js';

export { failsAt, type FailOn } from './outcome-rank.js';

/** Whether a record's span reaches the rule's window. */
export function spanReaches(span: DateSpan, applies: RuleSummary['applies']): boolean {
  return relateToWindow(span, applies.from, applies.until) !== 'outside';
}

function details(finding: Finding): string {
  const lines = [
    `${finding.outcome} · ${finding.evidence}: ${finding.message}`,
    `Rule: ${finding.ruleId} (${finding.ruleTitle})`,
    `Record: ${finding.recordId} at ${finding.location.file}:${finding.location.line}:${finding.location.column}, dated ${finding.date.text} (${finding.date.start} to ${finding.date.end})`,
    `Provisions: ${finding.provisions
      .map((p) => `${provisionLabel(p)}, adopted ${p.adopted}${p.verified ? '' : ` [unverified${p.note ? `: ${p.note}` : ''}]`}`)
      .join('; ')}`,
  ];
  if (finding.exemption) {
    lines.push(`Exemption: ${finding.exemption.id}${finding.exemption.title ? ` (${finding.exemption.title})` : ''}`);
  }
  for (const note of finding.notes) lines.push(`Note: ${note}`);
  for (const line of findingLines(finding)) lines.push(line[0]!.toUpperCase() + line.slice(1));
  const evidence = finding.evidenceDetail;
  lines.push(
    `Evidence: ${evidence.level}${evidence.claimant ? `, claimed by ${evidence.claimant}` : ''}` +
      (evidence.wording.length > 0 ? `; wording ${evidence.wording.map((w) => `"${w}"`).join(', ')}` : ''),
  );
  for (const source of evidence.sources) {
    const named = [source.publisher, source.author, source.date, source.title, source.url, source.ref].filter(Boolean).join(' · ');
    lines.push(`  Source: ${named || '(unnamed)'}`);
    if (source.quote) lines.push(`    "${source.quote}"`);
  }
  if (finding.explanation.length > 0) lines.push('Explanation:');
  for (const line of finding.explanation) {
    const held = line.held === null ? 'not evaluated' : line.held ? 'held' : 'did not hold';
    const scope = [line.negated ? 'negated' : '', line.exemption ? `exemption ${line.exemption}` : ''].filter(Boolean).join(', ');
    lines.push(
      `  ${line.condition}: ${line.fact} ${line.operator} ${valueText(line.expected)}; actual ${valueText(line.actual)}: ${held}${scope ? ` (${scope})` : ''}`,
    );
  }
  return lines.join('\n');
}

interface Case {
  recordId: string;
  findings: Finding[];
}

const disposed = (f: Finding) => f.disposition?.status === 'applied';

function testcase(ruleId: string, entry: Case, failOn: FailOn, onlyNew: boolean): { xml: string; failed: boolean; skipped: boolean } {
  // A finding taken out by a disposition never fails: it is a skipped test, with the decision as
  // message. With onlyNew, a finding the baseline already had does not fail either.
  const fails = (f: Finding) => !disposed(f) && (!onlyNew || f.baseline === 'new') && failsAt(f, failOn);
  const failing = entry.findings.filter(fails);
  const passing = entry.findings.filter((f) => !fails(f));
  const skippedBy = failing.length === 0 ? entry.findings.find(disposed) : undefined;
  const open = `    <testcase classname="${attr(ruleId)}" name="${attr(entry.recordId)}"`;
  if (entry.findings.length === 0) return { xml: `${open}/>`, failed: false, skipped: false };
  const fingerprints = entry.findings.filter((f) => f.fingerprint);
  const body = [
    ...(fingerprints.length
      ? [
          '      <properties>',
          ...fingerprints.map((f) => `        <property name="fingerprint" value="${attr(f.fingerprint!)}"/>`),
          '      </properties>',
        ]
      : []),
    ...(skippedBy
      ? [`      <skipped message="${attr(`disposed: ${skippedBy.disposition!.decision} — ${skippedBy.disposition!.reason}`)}"/>`]
      : []),
    ...failing.map(
      (f) =>
        `      <failure message="${attr(`${f.outcome} · ${f.evidence}: ${f.message}`)}" type="${f.outcome}">${text(details(f))}</failure>`,
    ),
    ...(passing.length > 0 ? [`      <system-out>${text(passing.map(details).join('\n\n'))}</system-out>`] : []),
  ];
  return { xml: [`${open}>`, ...body, '    </testcase>'].join('\n'), failed: failing.length > 0, skipped: skippedBy !== undefined };
}

function suiteProperties(rule: RuleSummary): string {
  const properties: [string, string][] = [
    ['title', rule.title],
    ['outcome', rule.outcome],
    ['status', rule.status],
    ['applies.from', rule.applies.from],
    ...(rule.applies.until ? ([['applies.until', rule.applies.until]] as [string, string][]) : []),
    ...rule.provisions.map((p): [string, string] => ['provision', `${provisionLabel(p)}${p.verified ? '' : ' (unverified)'}`]),
  ];
  return [
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`),
    '    </properties>',
  ].join('\n');
}

/** The report as JUnit XML. Pure and deterministic; a timestamp appears only when report.asOf is set. */
export function renderJunit(report: Report, failOn: FailOn, opts: { onlyNew?: boolean } = {}): string {
  return [...junitParts(memorySource(report), failOn, opts)].join('');
}

/**
 * The JUnit XML in pieces. Under each rule go the records whose span reaches its window, in report
 * order, then any other record with a finding for it, in finding order. The test cases are put
 * aside by rule (source.scratch) in one pass over the activities, since the counts come first.
 */
export function* junitParts(source: ReportSource, failOn: FailOn, opts: { onlyNew?: boolean } = {}): Generator<string> {
  const { report } = source;
  const onlyNew = opts.onlyNew ?? false;
  // Findings of a rule missing from the catalog still get a suite, named from the finding, with a
  // window no record reaches: it lists exactly the records of those findings.
  const catalog: RuleSummary[] = [...report.ruleCatalog];
  const known = new Set(catalog.map((rule) => rule.id));
  for (const finding of source.findings()) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    catalog.push({
      id: finding.ruleId,
      title: finding.ruleTitle,
      outcome: finding.outcome === 'review' ? 'review' : 'violation',
      status: 'stable',
      tags: [],
      provisions: finding.provisions,
      applies: { from: '9999-12-31' },
    });
  }
  const suites = catalog.map((rule) => ({ rule, cases: source.scratch(), tests: 0, failed: 0, skipped: 0 }));
  const add = (suite: (typeof suites)[number], entry: Case): string => {
    const c = testcase(suite.rule.id, entry, failOn, onlyNew);
    suite.tests++;
    if (c.failed) suite.failed++;
    if (c.skipped) suite.skipped++;
    return c.xml;
  };
  // (rule, record) pairs listed under the rule's window; other findings are listed after it.
  const placed = new Set<string>();
  for (const { activity, findings } of source.records()) {
    for (const suite of suites) {
      if (!spanReaches(activity.date, suite.rule.applies)) continue;
      const own = findings.filter((f) => f.ruleId === suite.rule.id);
      if (own.length > 0) placed.add(`${suite.rule.id}\0${activity.id}`);
      suite.cases.append(JSON.stringify(add(suite, { recordId: activity.id, findings: own })));
    }
  }
  const extra = new Map<string, Map<string, Case>>();
  for (const finding of source.findings()) {
    if (placed.has(`${finding.ruleId}\0${finding.recordId}`)) continue;
    const byRecord = extra.get(finding.ruleId) ?? new Map<string, Case>();
    extra.set(finding.ruleId, byRecord);
    const entry = byRecord.get(finding.recordId) ?? { recordId: finding.recordId, findings: [] };
    entry.findings.push(finding);
    byRecord.set(finding.recordId, entry);
  }
  const extraXml = suites.map((suite) => [...(extra.get(suite.rule.id)?.values() ?? [])].map((entry) => add(suite, entry)));
  const timestamp = report.asOf ? ` timestamp="${attr(`${report.asOf.slice(0, 10)}T00:00:00`)}"` : '';
  const tests = suites.reduce((n, s) => n + s.tests, 0);
  const failures = suites.reduce((n, s) => n + s.failed, 0);
  const skips = suites.reduce((n, s) => n + s.skipped, 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${attr(`${report.tool.name} ${report.tool.version}`)}" tests="${tests}" failures="${failures}" errors="0"${skips ? ` skipped="${skips}"` : ''}>\n`;
  for (const [i, suite] of suites.entries()) {
    yield `  <testsuite name="${attr(suite.rule.id)}" tests="${suite.tests}" failures="${suite.failed}" errors="0" skipped="${suite.skipped}"${timestamp}>\n`;
    yield suiteProperties(suite.rule) + '\n';
    for (const line of suite.cases.lines()) yield (JSON.parse(line) as string) + '\n';
    for (const xml of extraXml[i]!) yield xml + '\n';
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}
