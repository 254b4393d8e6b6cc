// The SARIF 2.1.0 report: every rule as a reportingDescriptor, each resolution cited as a taxonomy
// whose taxa are its paragraphs, and each finding as a result located in its record file.
//
// Kind and level follow SARIF 2.1.0 §3.27.9–3.27.10: a level other than "none" requires kind "fail".
// So a violation is kind "fail" with level "error"; a finding for review is kind "fail" with level
// "note" (code scanning shows it, below errors and warnings); an exempt finding is kind "pass" with
// level "none" (the rule was evaluated and an exception held).

import { FACTS_FINGERPRINT, sarifAccountability, sarifRunAccountability } from './sarif-accountability.js';
import type { Finding, FindingOutcome, Provision, Report, RuleSummary } from '../types.js';
import { ruleHelp } from './sarif-help.js';
import { uriBases, type UriBases } from './sarif-uri.js';
import { memorySource, type ReportSource } from './report-source.js';
import { compareProvisions, naturalCompare, provisionKey, provisionLabel, resolutionLabel, resolutionUrl } from './citation.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const FINGERPRINT = 'recordRule/v1';

const KIND_AND_LEVEL: Record<FindingOutcome, { kind: 'fail' | 'pass'; level: 'error' | 'note' | 'none' }> = {
  violation: { kind: 'fail', level: 'error' },
  review: { kind: 'fail', level: 'note' },
  exempt: { kind: 'pass', level: 'none' },
};

interface TaxonomyEntry {
  name: string;
  first: Provision;
  paragraphs: Map<string, Provision>;
}

/** Taxonomies (one per resolution) and where each paragraph sits in them. */
interface Taxonomies {
  components: ({ name: string } & Record<string, unknown>)[];
  reference(provision: Provision): { id: string; index: number; toolComponent: { name: string; index: number } } | undefined;
}

function taxonomies(report: Report, findings: Iterable<Finding>): Taxonomies {
  const byResolution = new Map<string, TaxonomyEntry>();
  const cite = (provision: Provision): void => {
    const key = provision.symbol;
    const entry = byResolution.get(key) ?? { name: resolutionLabel(provision), first: provision, paragraphs: new Map() };
    const paragraph = provision.paragraph ?? '';
    if (!entry.paragraphs.has(paragraph)) entry.paragraphs.set(paragraph, provision);
    byResolution.set(key, entry);
  };
  for (const rule of report.ruleCatalog) rule.provisions.forEach(cite);
  for (const f of findings) {
    f.provisions.forEach(cite);
    f.exemption?.provisions.forEach(cite);
  }
  const entries = [...byResolution.values()].sort((a, b) => compareProvisions(a.first, b.first));
  const where = new Map<string, { id: string; index: number; toolComponent: { name: string; index: number } }>();
  const components = entries.map((entry, componentIndex) => {
    const paragraphs = [...entry.paragraphs.values()].sort((a, b) => naturalCompare(a.paragraph ?? '', b.paragraph ?? ''));
    paragraphs.forEach((provision, index) => {
      where.set(provisionKey(provision), {
        id: provision.paragraph ?? provision.symbol,
        index,
        toolComponent: { name: entry.name, index: componentIndex },
      });
    });
    const numbered = entry.first.resolution !== undefined;
    return {
      name: entry.name,
      fullName: numbered
        ? `United Nations Security Council resolution ${entry.first.resolution} (${entry.first.adopted.slice(0, 4)})`
        : `United Nations Security Council document ${entry.name}`,
      organization: 'United Nations Security Council',
      informationUri: resolutionUrl(entry.first),
      shortDescription: { text: `${entry.name}, adopted ${entry.first.adopted}` },
      isComprehensive: false,
      taxa: paragraphs.map((provision) => ({
        id: provision.paragraph ?? provision.symbol,
        name: provisionLabel(provision),
        shortDescription: { text: `${provisionLabel(provision)}${provision.verified ? '' : ' (unverified)'}` },
        ...(provision.text ? { fullDescription: { text: provision.text } } : {}),
        helpUri: resolutionUrl(provision),
        properties: { adopted: provision.adopted, verified: provision.verified, ...(provision.note ? { note: provision.note } : {}) },
      })),
    };
  });
  return { components, reference: (provision) => where.get(provisionKey(provision)) };
}

/** "arms-procurement-from-dprk" → "ArmsProcurementFromDprk", the identifier-like name SARIF suggests. */
function pascalName(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part !== '')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function uniqueByKey(provisions: readonly Provision[]): Provision[] {
  const seen = new Set<string>();
  return provisions.filter((p) => {
    const key = provisionKey(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function citationLines(provisions: readonly Provision[]): string {
  return provisions
    .map((p) => `${provisionLabel(p)}, adopted ${p.adopted}${p.verified ? '' : ` (unverified${p.note ? `: ${p.note}` : ''})`}`)
    .join('; ');
}

function reportingDescriptor(rule: RuleSummary, taxa: Taxonomies): object {
  const provisions = uniqueByKey(rule.provisions);
  const principal = provisions[0];
  const applies = rule.applies.until ? `from ${rule.applies.from} until ${rule.applies.until}` : `from ${rule.applies.from}`;
  const relationships = provisions
    .map((p) => taxa.reference(p))
    .filter((target) => target !== undefined)
    .map((target) => ({ target, kinds: ['relevant'] }));
  return {
    id: rule.id,
    name: pascalName(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: `${rule.title}. Cites ${citationLines(provisions) || 'no provision'}. Applies ${applies}.` },
    ...(principal ? { helpUri: resolutionUrl(principal) } : {}),
    help: ruleHelp(rule, provisions),
    defaultConfiguration: { level: rule.outcome === 'violation' ? 'error' : 'note' },
    ...(relationships.length > 0 ? { relationships } : {}),
    properties: {
      tags: [...new Set(rule.tags)],
      outcome: rule.outcome,
      status: rule.status,
      applies: rule.applies,
      provisions: rule.provisions,
    },
  };
}

export { artifactUri } from './sarif-uri.js';

function result(finding: Finding, ruleIndex: Map<string, number>, taxa: Taxonomies, bases: UriBases): object {
  const index = ruleIndex.get(finding.ruleId);
  const references = uniqueByKey(finding.provisions)
    .map((p) => taxa.reference(p))
    .filter((reference) => reference !== undefined);
  return {
    ruleId: finding.ruleId,
    ...(index !== undefined ? { ruleIndex: index } : {}),
    ...KIND_AND_LEVEL[finding.outcome],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: bases.locate(finding.location.file),
          region: { startLine: Math.max(1, finding.location.line), startColumn: Math.max(1, finding.location.column) },
        },
        logicalLocations: [{ name: finding.recordId, kind: 'record' }],
      },
    ],
    partialFingerprints: {
      [FINGERPRINT]: `${finding.recordId}:${finding.ruleId}`,
      ...(finding.fingerprint ? { [FACTS_FINGERPRINT]: finding.fingerprint } : {}),
    },
    ...sarifAccountability(finding),
    ...(references.length > 0 ? { taxa: references } : {}),
    properties: {
      recordId: finding.recordId,
      outcome: finding.outcome,
      evidence: finding.evidence,
      evidenceDetail: finding.evidenceDetail,
      date: finding.date,
      provisions: finding.provisions,
      ...(finding.exemption ? { exemption: finding.exemption } : {}),
      notes: finding.notes,
      explanation: finding.explanation,
    },
  };
}

/** The report as a SARIF 2.1.0 log (JSON text ending in a newline). Pure and deterministic. */
export function renderSarif(report: Report): string {
  return [...sarifParts(memorySource(report))].join('');
}

/** `"results": []` as the log's indentation writes it, where the results go. */
const RESULTS_MARK = '\n      "results": []';

/** The SARIF log in pieces: the log around its results, and each result as it is read. */
export function* sarifParts(source: ReportSource): Generator<string> {
  const { report } = source;
  const taxa = taxonomies(report, source.findings());
  const ruleIndex = new Map(report.ruleCatalog.map((rule, index) => [rule.id, index]));
  const files = new Set<string>();
  for (const f of source.findings()) files.add(f.location.file);
  const bases = uriBases([...files]);
  const semver = /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(report.tool.version);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: report.tool.name,
            version: report.tool.version,
            ...(semver ? { semanticVersion: report.tool.version } : {}),
            rules: report.ruleCatalog.map((rule) => reportingDescriptor(rule, taxa)),
            supportedTaxonomies: taxa.components.map((component, index) => ({ name: component.name, index })),
          },
        },
        ...(Object.keys(bases.originalUriBaseIds).length > 0 ? { originalUriBaseIds: bases.originalUriBaseIds } : {}),
        taxonomies: taxa.components,
        columnKind: 'utf16CodeUnits',
        results: [],
        properties: {
          ...(report.asOf ? { asOf: report.asOf } : {}),
          records: report.records,
          rules: report.rules,
          lists: report.lists,
          cases: report.cases,
          summary: report.summary,
          byEvidence: report.byEvidence,
          ...sarifRunAccountability(report),
        },
      },
    ],
  };
  const text = `${JSON.stringify(log, null, 2)}\n`;
  const at = text.indexOf(RESULTS_MARK);
  if (at === -1 || text.indexOf(RESULTS_MARK, at + 1) !== -1) throw new Error("the SARIF log's layout changed: its results were not found");
  yield text.slice(0, at) + '\n      "results": ';
  let first = true;
  for (const finding of source.findings()) {
    const element = JSON.stringify(result(finding, ruleIndex, taxa, bases), null, 2).replace(/\n/g, '\n        ');
    yield `${first ? '[' : ','}\n        ${element}`;
    first = false;
  }
  yield (first ? '[]' : '\n      ]') + text.slice(at + RESULTS_MARK.length);
}
