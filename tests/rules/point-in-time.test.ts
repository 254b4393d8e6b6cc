// Point-in-time citations: a launch or test cites the resolutions in force on its date, no more.
import { describe, expect, it } from 'vitest';
import { toDateSpan } from '../../src/dates/date-span.js';
import { evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { parseRuleFile } from '../../src/load/rule-file.js';
import { buildReport } from '../../src/report/build-report.js';
import type { ActivityRecord, LoadedRecord } from '../../src/types.js';

const shipped = loadRules(['rules/unsc-dprk']).value;

function launch(id: string, date: ActivityRecord['date'], type = 'launch'): LoadedRecord {
  const record: ActivityRecord = {
    id,
    type,
    date,
    parties: [
      { name: "Democratic People's Republic of Korea", kind: 'state', country: 'KP', role: type === 'launch' ? 'launcher' : 'tester' },
    ],
    goods: [{ category: 'missiles' }],
    place: { country: 'KP' },
    evidence: { level: 'confirmed' },
  };
  return { record, span: toDateSpan(date)!, location: { file: 'launches.yaml', line: 1, column: 1 } };
}

const resolutions = (f: { provisions: { resolution?: number; symbol: string }[] }) => [
  ...new Set(f.provisions.map((p) => String(p.resolution ?? p.symbol))),
];

describe('citations that depend on the activity date', () => {
  it('cites for each launch the resolutions adopted by its day, on both evaluation paths', async () => {
    const records = [launch('unha-2', '2009-04-05'), launch('kwangmyongsong-4', '2016-02-07'), launch('hwasong-17', '2022-11-18')];
    for (const engine of ['plain', 'fast'] as const) {
      const findings = (await evaluateRecords(records, shipped, { engine })).filter(
        (f) => f.ruleId === 'dprk-launch-ballistic-missile-technology',
      );
      // Findings of records at one place come in record-id order.
      expect(findings.map((f) => [f.recordId, resolutions(f)])).toEqual([
        ['hwasong-17', ['2087', 'S/PRST/2012/13', '1718', '1874', '2094', '2270', '2321', '2356', '2371', '2375', '2397']],
        ['kwangmyongsong-4', ['2087', 'S/PRST/2012/13', '1718', '1874', '2094']],
        ['unha-2', ['1718']],
      ]);
      // The binding decision to suspend ballistic-missile activity, not only the demand.
      expect(findings.find((f) => f.recordId === 'unha-2')!.provisions.map((p) => `${p.resolution} ${p.paragraph}`)).toEqual([
        '1718 2',
        '1718 5',
      ]);
      expect(findings.every((f) => f.notes.length === 0)).toBe(true);
    }
  });

  it('cites a resolution adopted within the activity span, with a note', async () => {
    const [finding] = (await evaluateRecords([launch('tests-of-2017', '2017', 'nuclear-test')], shipped)).filter(
      (f) => f.ruleId === 'dprk-nuclear-test',
    );
    expect(resolutions(finding!)).toContain('2397');
    expect(finding!.notes).toEqual([
      "Adopted within the activity's date (2017, 2017-01-01 to 2017-12-31), so cited though part of the activity may precede it: 2356 of 2017-06-02; 2371 of 2017-08-05; 2375 of 2017-09-11; 2397 of 2017-12-22.",
    ]);
  });

  it('puts on the report timeline only the adoptions the findings cite', async () => {
    const records = [launch('unha-2', '2009-04-05')];
    const findings = (await evaluateRecords(records, shipped)).filter((f) => f.ruleId === 'dprk-launch-ballistic-missile-technology');
    const report = buildReport({ records: { records, sources: [], cases: [] }, rules: shipped, findings });
    expect(report.timeline.map((m) => m.label)).toEqual(['Resolution 1718 adopted']);
  });

  it('rejects a rule whose findings could cite nothing', () => {
    const text = [
      '- id: too-early',
      '  title: t',
      '  status: draft',
      '  citeInForce: true',
      '  provisions: [{ resolution: 2270, paragraph: "2", adopted: "2016-03-02", verified: false }]',
      '  outcome: violation',
      '  applies: { from: "2006-10-14" }',
      '  when: { all: [{ name: t, fact: type, operator: equal, value: launch }] }',
      '  message: m',
    ].join('\n');
    const { diagnostics } = parseRuleFile(text, 'too-early.yaml');
    expect(diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.code}`)).toEqual(['7:20 invalid-date']);
  });
});
