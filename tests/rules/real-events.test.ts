// Real events of 2016-2025, encoded from public reports: the shipped rules flag what an analyst
// would flag, cite what an analyst would cite, clear the intercepted vessel, and keep every
// source's evidence level.
import { describe, expect, it } from 'vitest';
import { evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';

const rules = loadRules(['rules/unsc-dprk']).value;
const records = loadRecords(['tests/fixtures/real-events/records.yaml']);

const cites = (f: { provisions: { resolution?: number; symbol: string; paragraph?: string }[] }) =>
  f.provisions.map((p) => (p.resolution !== undefined ? `${p.resolution} ${p.paragraph}` : p.symbol));

describe('real events against the shipped rules', () => {
  it('loads the records without problems', () => {
    expect(records.diagnostics).toEqual([]);
  });

  it('flags, reviews and clears as an analyst would, with the same findings on both paths', async () => {
    const plain = await evaluateRecords(records.value.records, rules, { engine: 'plain' });
    const fast = await evaluateRecords(records.value.records, rules);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
    expect(fast.map((f) => `${f.recordId} ${f.ruleId} ${f.outcome} ${f.evidence}`)).toEqual([
      'bybit-theft dprk-cyber-theft review reported',
      'otc-laundering acting-for-designated-or-evading review alleged',
      'otc-laundering dprk-cyber-proceeds-laundering violation alleged',
      'wise-honest-coal dprk-coal-iron-export-2371 violation reported',
      'winmore-transfer sts-transfer-dprk-flagged violation alleged',
      'winmore-transfer supply-refined-petroleum-2375 review alleged',
      'kwangmyongsong-4 dprk-launch-ballistic-missile-technology violation confirmed',
      'sixth-nuclear-test dprk-nuclear-test violation confirmed',
    ]);
  });

  it('never raises an evidence level', async () => {
    const findings = await evaluateRecords(records.value.records, rules);
    const level = new Map(records.value.records.map((r) => [r.record.id, r.record.evidence.level]));
    for (const f of findings) expect([f.recordId, f.evidence]).toEqual([f.recordId, level.get(f.recordId)]);
  });

  it('cites the provisions in force on each date, and the financial measures for cyber theft', async () => {
    const findings = await evaluateRecords(records.value.records, rules);
    const by = (record: string, rule: string) => cites(findings.find((f) => f.recordId === record && f.ruleId === rule)!);
    expect(by('bybit-theft', 'dprk-cyber-theft')).toEqual(['2094 11', '1718 8(d)', '2094 27', '2270 32']);
    expect(by('otc-laundering', 'dprk-cyber-proceeds-laundering')).toEqual(['2094 11']);
    // The launch of 7 February 2016 came before resolution 2270 (2 March 2016).
    expect(by('kwangmyongsong-4', 'dprk-launch-ballistic-missile-technology')).toEqual([
      '2087 3',
      'S/PRST/2012/13',
      '1718 2',
      '1874 2',
      '1874 3',
      '1718 5',
      '2094 2',
    ]);
    // The test of 3 September 2017 came before resolution 2375 (11 September 2017).
    expect(by('sixth-nuclear-test', 'dprk-nuclear-test')).toEqual([
      '1718 2',
      '1874 2',
      '2087 3',
      '2094 2',
      '2270 2',
      '2321 2',
      '2356 2',
      '2371 2',
    ]);
  });
});
