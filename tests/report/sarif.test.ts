import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { artifactUri, renderSarif } from '../../src/report/sarif.js';
import { emptyReport, HOSTILE_RECORD_ID, sampleReport } from './fixtures.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = path.resolve(repoRoot, 'tests/fixtures/sarif/sarif-schema-2.1.0.json');

// Both packages are CommonJS: under NodeNext their default import is module.exports, whose
// `default` property is the class and the plugin.
const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
}
const validate = validator();

// The parts of a SARIF log these tests read.
interface Log {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: Rule[]; supportedTaxonomies: { name: string; index: number }[] } };
    taxonomies: { name: string; informationUri: string; taxa: { id: string; properties: { verified: boolean } }[] }[];
    results: Result[];
  }[];
}
interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri?: string;
  relationships?: { target: { id: string; index: number; toolComponent: { name: string; index: number } } }[];
  properties: { tags: string[]; outcome: string; provisions: unknown[] };
}
interface Result {
  ruleId: string;
  ruleIndex?: number;
  kind: string;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number; startColumn: number } };
  }[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

function parse(text: string): Log {
  return JSON.parse(text) as Log;
}

describe('renderSarif', () => {
  const text = renderSarif(sampleReport());
  const log = parse(text);
  const run = log.runs[0]!;

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(parse(renderSarif(emptyReport()))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is checked by a live validator: broken logs fail', () => {
    const noVersion = parse(text) as Partial<Log>;
    delete noVersion.version;
    expect(validate(noVersion)).toBe(false);

    const badKind = parse(text);
    (badKind.runs[0]!.results[0] as { kind: string }).kind = 'violation';
    expect(validate(badKind)).toBe(false);

    const badLine = parse(text);
    badLine.runs[0]!.results[0]!.locations[0]!.physicalLocation.region.startLine = 0;
    expect(validate(badLine)).toBe(false);

    // Formats are checked too: a raw path with a space and quotes is no URI reference.
    const rawPath = parse(text);
    rawPath.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'cases/odd dir/"x".yaml';
    expect(validate(rawPath)).toBe(false);
  });

  it('is deterministic and ends in a newline', () => {
    expect(renderSarif(sampleReport())).toBe(text);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('describes every rule of the catalog', () => {
    const rules = run.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(sampleReport().ruleCatalog.map((r) => r.id));
    const arms = rules[0]!;
    expect(arms.name).toBe('ArmsProcurementFromDprk');
    expect(arms.shortDescription.text).toBe('Procurement of arms and related materiel from the DPRK');
    expect(arms.helpUri).toBe('https://undocs.org/S/RES/1718(2006)');
    expect(arms.properties.outcome).toBe('violation');
    expect(arms.properties.provisions).toHaveLength(2);
    expect(rules.find((r) => r.id === 'satellite-launch-technology')?.helpUri).toBe('https://undocs.org/S/PRST/2012/13');
    expect(rules.find((r) => r.id === 'labour-repatriation')?.helpUri).toBe('https://undocs.org/S/RES/2397(2017)');
    // Tags are a set in SARIF: the duplicated tag is written once.
    expect(rules.find((r) => r.id === 'old-rule-superseded')?.properties.tags).toEqual(['arms']);
  });

  it('has a taxonomy per resolution, a taxon per paragraph, and rules related to them', () => {
    expect(run.taxonomies.map((t) => t.name)).toEqual([
      'S/RES/1718 (2006)',
      'S/PRST/2012/13',
      'S/RES/2270 (2016)',
      'S/RES/2321 (2016)',
      'S/RES/2397 (2017)',
    ]);
    expect(run.taxonomies[3]!.taxa.map((t) => t.id)).toEqual(['11', '46']);
    expect(run.taxonomies[2]!.taxa[0]!.properties.verified).toBe(false);
    expect(run.tool.driver.supportedTaxonomies).toEqual(run.taxonomies.map((t, index) => ({ name: t.name, index })));
    for (const rule of run.tool.driver.rules) {
      for (const { target } of rule.relationships ?? []) {
        const taxonomy = run.taxonomies[target.toolComponent.index]!;
        expect(taxonomy.name).toBe(target.toolComponent.name);
        expect(taxonomy.taxa[target.index]!.id).toBe(target.id);
      }
    }
    expect(run.tool.driver.rules[0]!.relationships?.map((r) => `${r.target.toolComponent.name} ${r.target.id}`)).toEqual([
      'S/RES/1718 (2006) 8(b)',
      'S/RES/2270 (2016) 6',
    ]);
  });

  it('writes each finding as a result with a consistent kind and level', () => {
    const report = sampleReport();
    expect(run.results).toHaveLength(report.findings.length);
    expect(run.results.map((r) => [r.kind, r.level])).toEqual([
      ['fail', 'error'],
      ['fail', 'error'],
      ['pass', 'none'],
      ['fail', 'error'],
      ['fail', 'note'],
    ]);
    for (const result of run.results) {
      // SARIF 2.1.0 §3.27.9: a level other than "none" requires kind "fail".
      if (result.level !== 'none') expect(result.kind).toBe('fail');
      expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    }
  });

  it('locates each result in its record file', () => {
    const first = run.results[0]!;
    expect(first.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'cases/2023-11/records.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 12, startColumn: 5 },
    });
    const hostile = run.results.find((r) => r.properties.recordId === HOSTILE_RECORD_ID)!;
    expect(hostile.locations[0]!.physicalLocation.artifactLocation.uri).toBe(
      'cases/odd%20dir/%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E.yaml',
    );
  });

  it('turns file paths into URI references', () => {
    expect(artifactUri('cases\\a b\\records.yaml')).toBe('cases/a%20b/records.yaml');
    expect(artifactUri('./records.yaml')).toBe('records.yaml');
    expect(artifactUri('/tmp/x/records.yaml')).toBe('file:///tmp/x/records.yaml');
    expect(artifactUri('C:\\work\\records.yaml')).toBe('file:///C:/work/records.yaml');
    expect(artifactUri('a:b/records.yaml')).toBe('a%3Ab/records.yaml');
  });

  it('fingerprints results by record and rule, whatever their order', () => {
    expect(run.results[0]!.partialFingerprints).toEqual({ 'recordRule/v1': 'artillery-deliveries:arms-procurement-from-dprk' });
    const reversed = sampleReport();
    reversed.findings.reverse();
    const again = parse(renderSarif(reversed))
      .runs[0]!.results.map((r) => r.partialFingerprints['recordRule/v1'])
      .sort();
    expect(again).toEqual(run.results.map((r) => r.partialFingerprints['recordRule/v1']).sort());
  });

  it('carries evidence, provisions, exemption, notes and explanation as properties', () => {
    const [violation, straddling, exempt] = run.results;
    expect(violation!.properties).toMatchObject({
      recordId: 'artillery-deliveries',
      evidence: 'alleged',
      evidenceDetail: { level: 'alleged', claimant: 'Governments of the ROK and the US', wording: ['believe'] },
      notes: [],
    });
    expect(violation!.properties.explanation).toHaveLength(3);
    expect(straddling!.properties.notes).toEqual([expect.stringContaining('straddles 2019-12-22')]);
    expect(exempt!.properties.exemption).toMatchObject({ id: 'medical-exchange', title: 'Medical exchanges are excepted' });
    expect(violation!.properties).not.toHaveProperty('exemption');
  });

  it('keeps hostile text intact as JSON strings', () => {
    const hostile = run.results.find((r) => r.properties.recordId === HOSTILE_RECORD_ID)!;
    expect(hostile.message.text).toContain('<script>window.__pwned=1</script>');
    expect(text).not.toMatch(/[\u0000-\u001f](?<!\n)/);
  });
});
