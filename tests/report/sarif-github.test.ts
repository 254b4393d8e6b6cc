// SARIF output meets GitHub code scanning's constraints: rule help (GH2012), result levels,
// locations relative to declared bases (GH1005/GH1006), messages, rule ids and fingerprints.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderSarif } from '../../src/report/sarif.js';
import { uriBases } from '../../src/report/sarif-uri.js';
import type { Report } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';
import { emptyReport, sampleReport } from './fixtures.js';
import { githubProblems } from './sarif-github.js';

const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(path.resolve('tests/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object);

interface Rule {
  id: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: string };
}
interface Result {
  ruleId: string;
  kind: string;
  level: string;
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
}
interface Run {
  tool: { driver: { rules: Rule[] } };
  originalUriBaseIds?: Record<string, { uri?: string; description: { text: string } }>;
  results: Result[];
}
const runOf = (text: string): Run => (JSON.parse(text) as { runs: Run[] }).runs[0]!;

/** The sample report with its record files moved outside the working folder. */
function outsideReport(): Report {
  const report = sampleReport();
  report.findings = report.findings.map((f, i) => ({
    ...f,
    location: { ...f.location, file: i % 2 === 0 ? `/srv/data/case a/${f.location.file}` : `/other/place/records-${i}.yaml` },
  }));
  return report;
}

function checkBoth(text: string): void {
  const log = JSON.parse(text) as object;
  expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  expect(githubProblems(log)).toEqual([]);
}

describe('SARIF for GitHub code scanning', () => {
  it('passes the schema and every GitHub check, for a sample, an empty run and files outside the working folder', () => {
    checkBoth(renderSarif(sampleReport()));
    checkBoth(renderSarif(emptyReport()));
    checkBoth(renderSarif(outsideReport()));
  });

  it('passes them for the shipped case, named relatively and absolutely', async () => {
    const dir = 'cases/2023-11-dprk-russia-commission';
    for (const arg of [dir, path.resolve(dir)]) {
      const r = await runCli(['check', arg, '--format', 'sarif', '--fail-on', 'none']);
      expect(r.code, r.stderr).toBe(0);
      checkBoth(r.stdout);
      expect(r.stdout).not.toContain('file://');
    }
  });

  it('the checks are live: a log missing what GitHub needs fails them', () => {
    const log = JSON.parse(renderSarif(outsideReport())) as { runs: (Run & Record<string, unknown>)[] };
    const run = log.runs[0]!;
    delete (run.tool.driver.rules[0] as Partial<Rule>).help;
    run.results[0]!.level = 'none';
    run.results[1]!.locations[0]!.physicalLocation.artifactLocation = { uri: 'file:///srv/data/records.yaml' };
    run.results[2]!.ruleId = 'no-such-rule';
    delete run.originalUriBaseIds;
    const problems = githubProblems(log);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^GH2012 at \/runs\/0\/tool\/driver\/rules\/0: no help object/),
        expect.stringMatching(/^LEVEL at \/runs\/0\/results\/0\/level/),
        expect.stringMatching(/^GH1006 at \/runs\/0\/results\/1\/locations\/0: "file:\/\/\/srv\/data\/records.yaml" is an absolute URI/),
        expect.stringMatching(/^RULEID at \/runs\/0\/results\/2/),
        expect.stringMatching(/^GH1006 at \/runs\/0\/results\/3\/locations\/0: uriBaseId "INPUT\d" is not declared/),
      ]),
    );
  });

  it('gives every rule help naming its provisions with symbol, paragraph, adoption date and verification', () => {
    const rules = runOf(renderSarif(sampleReport())).tool.driver.rules;
    const arms = rules.find((r) => r.id === 'arms-procurement-from-dprk')!;
    expect(arms.help.text).toContain('S/RES/1718 (2006) para 8(b), adopted 2006-10-14, verified');
    expect(arms.help.text).toContain(
      'S/RES/2270 (2016) para 6, adopted 2016-03-02, unverified (content verified; paragraph number from memory)',
    );
    expect(arms.help.text).toMatch(/What it checks: .*dated from \d{4}-\d{2}-\d{2}/);
    expect(arms.help.text).toContain('How to read a finding');
    expect(arms.help.text).toContain('speculative:');
    expect(arms.help.markdown).toContain(
      '| [S/RES/1718 \\(2006\\) para 8\\(b\\)](https://undocs.org/S/RES/1718(2006)) | 2006-10-14 | verified |',
    );
    expect(arms.help.markdown).toContain('**How to read a finding.**');
    const prst = rules.find((r) => r.id === 'satellite-launch-technology')!;
    expect(prst.help.text).toContain('S/PRST/2012/13, adopted');
  });

  it('gives findings for review level note (kind fail), and review rules a default level of note', () => {
    const run = runOf(renderSarif(sampleReport()));
    const review = run.results.filter(
      (r) => run.tool.driver.rules.find((rule) => rule.id === r.ruleId)!.defaultConfiguration.level === 'note',
    );
    expect(review.length).toBeGreaterThan(0);
    expect(run.results.map((r) => [r.kind, r.level])).toContainEqual(['fail', 'note']);
    expect(run.results.some((r) => r.level === 'none' && r.kind !== 'pass')).toBe(false);
  });

  it('locates records relative to %SRCROOT% inside the working folder and to an INPUTn root outside it', () => {
    const inside = runOf(renderSarif(sampleReport()));
    expect(inside.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({
      uri: 'cases/2023-11/records.yaml',
      uriBaseId: '%SRCROOT%',
    });
    expect(Object.keys(inside.originalUriBaseIds!)).toEqual(['%SRCROOT%']);

    const outside = runOf(renderSarif(outsideReport()));
    expect(outside.originalUriBaseIds).toEqual({
      INPUT1: { uri: 'file:///other/place/', description: { text: 'A folder of record files outside the working folder.' } },
      INPUT2: {
        uri: 'file:///srv/data/case%20a/cases/2023-11/',
        description: { text: 'A folder of record files outside the working folder.' },
      },
      INPUT3: {
        uri: 'file:///srv/data/case%20a/cases/odd%20dir/',
        description: { text: 'A folder of record files outside the working folder.' },
      },
    });
    expect(outside.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'records.yaml', uriBaseId: 'INPUT2' });
    expect(outside.results[1]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'records-1.yaml', uriBaseId: 'INPUT1' });
  });

  it('names roots by the outermost folder, the same way whatever the order', () => {
    const a = uriBases(['/d/x/records.yaml', '/d/x/sub/more.yaml', 'C:\\w\\r.yaml', 'local.yaml']);
    const b = uriBases(['local.yaml', 'C:\\w\\r.yaml', '/d/x/sub/more.yaml', '/d/x/records.yaml']);
    expect(a.originalUriBaseIds).toEqual(b.originalUriBaseIds);
    expect(Object.keys(a.originalUriBaseIds)).toEqual(['%SRCROOT%', 'INPUT1', 'INPUT2']);
    expect(a.locate('/d/x/sub/more.yaml')).toEqual({ uri: 'sub/more.yaml', uriBaseId: 'INPUT1' });
    expect(a.locate('C:\\w\\r.yaml')).toEqual({ uri: 'r.yaml', uriBaseId: 'INPUT2' });
    expect(a.originalUriBaseIds.INPUT2!.uri).toBe('file:///C:/w/');
  });
});
