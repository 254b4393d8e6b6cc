import { describe, expect, it } from 'vitest';
import { toDateSpan } from '../../src/dates/date-span.js';
import { createEvaluator } from '../../src/evaluate/evaluate-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { runExamples } from '../../src/tester/run-examples.js';
import type { ActivityRecord, Finding } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';

const loaded = loadRules(['rules/']);
const evaluator = createEvaluator(loaded.value);

async function findings(record: Omit<ActivityRecord, 'id' | 'evidence'>): Promise<Finding[]> {
  const r = { id: 'r', evidence: { level: 'confirmed' as const }, ...record };
  return evaluator.evaluate({ record: r, span: toDateSpan(r.date)!, location: { file: 'x', line: 1, column: 1 } });
}

const DPRK = { name: "Democratic People's Republic of Korea", kind: 'state' as const, country: 'KP' };
const notViolation = (fs: Finding[]) => fs.filter((f) => f.outcome !== 'exempt').map((f) => `${f.ruleId}: ${f.outcome}`);

describe('the shipped rule set', () => {
  it('loads without errors or warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value.lists.map((l) => [l.list, l.date])).toEqual([['un-1718', '2025-08-02']]);
  });

  it('passes every example of every rule', async () => {
    const results = await runExamples(loaded.value);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results.length).toBeGreaterThan(200);
  });

  it('covers every family, citing only the DPRK resolutions, 2664 and S/PRST/2012/13, each by its symbol', async () => {
    const r = await runCli(['rules', 'list', '--format', 'json']);
    const { rules } = JSON.parse(r.stdout) as {
      rules: { tags: string[]; provisions: { resolution?: number; symbol: string; paragraph?: string }[] }[];
    };
    const tags = new Set(rules.flatMap((x) => x.tags));
    for (const family of ['arms', 'launches', 'labour', 'science', 'joint-ventures', 'trade', 'maritime', 'finance', 'designations']) {
      expect(tags, family).toContain(family);
    }
    const known = new Set([
      'S/RES/1695 (2006)',
      'S/RES/1718 (2006)',
      'S/RES/1874 (2009)',
      'S/RES/2087 (2013)',
      'S/RES/2094 (2013)',
      'S/RES/2270 (2016)',
      'S/RES/2321 (2016)',
      'S/RES/2356 (2017)',
      'S/RES/2371 (2017)',
      'S/RES/2375 (2017)',
      'S/RES/2397 (2017)',
      'S/RES/2664 (2022)',
      'S/PRST/2012/13',
    ]);
    const provisions = rules.flatMap((x) => x.provisions);
    expect(provisions.map((p) => p.symbol).filter((symbol) => !known.has(symbol))).toEqual([]);
    // A presidential statement has no numbered paragraphs: symbol and date only.
    expect(provisions.filter((p) => p.symbol.startsWith('S/PRST/')).map((p) => [p.resolution, p.paragraph])).toEqual(
      provisions.filter((p) => p.symbol.startsWith('S/PRST/')).map(() => [undefined, undefined]),
    );
  });
});

describe('where the measures do not reach, nothing fires', () => {
  it('food or medicine sent to the DPRK', async () => {
    for (const category of ['food', 'medicine']) {
      const fs = await findings({
        type: 'trade-shipment',
        date: '2022-05',
        parties: [
          { name: 'Exporter', kind: 'organisation', country: 'CN', role: 'supplier' },
          { ...DPRK, role: 'recipient' },
        ],
        goods: [{ description: category, category, origin: 'CN' }],
      });
      expect(notViolation(fs), category).toEqual([]);
    }
  });

  it('coal of foreign origin shipped through Rajin with advance notice, whatever its origin; without a stated notice, a review', async () => {
    for (const origin of ['RU', 'MN', 'CN']) {
      const shipment = {
        type: 'trade-shipment',
        date: '2019-03',
        parties: [
          { name: 'Port operator', kind: 'organisation' as const, country: 'KP', role: 'supplier' },
          { name: 'Buyer', kind: 'organisation' as const, country: 'CN', role: 'recipient' },
        ],
        goods: [{ description: 'coal', category: 'coal', hs: '2701', origin }],
        place: { country: 'KP', name: 'Rajin' },
      };
      expect(notViolation(await findings({ ...shipment, facts: { routeVia: 'Rajin', committeeNotified: true } })), origin).toEqual([]);
      expect(notViolation(await findings({ ...shipment, facts: { routeVia: 'Rajin' } })), origin).toEqual([
        'dprk-coal-rajin-transit-notice-unknown: review',
      ]);
    }
  });

  it('DPRK workers abroad in 2018 under contracts finalized before 11 September 2017, but not from 23 December 2019', async () => {
    const workers = {
      type: 'labour-deployment',
      parties: [
        { name: 'DPRK construction workers', kind: 'person' as const, country: 'KP', role: 'worker' },
        { name: 'Contractor', kind: 'organisation' as const, country: 'RU', role: 'employer' },
      ],
      place: { country: 'RU' },
      facts: { contractDate: '2017-06', earningIncome: true, newActivity: false },
    };
    expect(notViolation(await findings({ ...workers, date: '2018' }))).toEqual([]);
    const later = await findings({ ...workers, date: '2020-03' });
    expect(later.map((f) => [f.ruleId, f.outcome])).toContainEqual(['labour-repatriation', 'violation']);
  });

  it('names the host State from the record when the record gives a host but no place', async () => {
    const fs = await findings({
      type: 'labour-deployment',
      date: '2021-03',
      parties: [
        { name: 'DPRK workers', kind: 'person', country: 'KP', role: 'worker' },
        { name: 'Russian Federation', kind: 'state', country: 'RU', role: 'host' },
      ],
      facts: { earningIncome: true },
    });
    const repatriation = fs.find((f) => f.ruleId === 'labour-repatriation');
    expect(repatriation?.message).toContain('earning income in RU after 22 December 2019');
    expect(repatriation?.message).not.toContain('(unknown)');
  });

  it('a medical exchange', async () => {
    const fs = await findings({
      type: 'scientific-cooperation',
      date: '2019-04',
      parties: [
        { name: 'DPRK Ministry of Public Health', kind: 'organisation', country: 'KP', role: 'partner' },
        { name: 'Hospital', kind: 'organisation', country: 'SE', role: 'partner' },
      ],
      facts: { field: 'medical', purpose: 'medical', officiallySponsored: true },
    });
    expect(notViolation(fs)).toEqual([]);
  });

  it('a committee-approved humanitarian shipment', async () => {
    const fs = await findings({
      type: 'trade-shipment',
      date: '2021-02',
      parties: [
        { name: 'Aid agency', kind: 'organisation', country: 'CH', role: 'supplier' },
        { ...DPRK, role: 'recipient' },
      ],
      goods: [{ description: 'water pumps', category: 'machinery', hs: '8413', origin: 'CH' }],
      facts: { committeeApproval: true, purpose: 'humanitarian' },
    });
    expect(notViolation(fs)).toEqual([]);
    expect(fs.length).toBeGreaterThan(0);
  });

  it('trade cooperation as such, and a meeting', async () => {
    const parties = [
      { ...DPRK, role: 'partner' },
      { name: 'Russian Federation', kind: 'state' as const, country: 'RU', role: 'partner' },
    ];
    expect(await findings({ type: 'meeting', date: '2023-11-15', parties })).toEqual([]);
    expect(await findings({ type: 'agreement', date: '2023-11-15', parties, facts: { purpose: 'commercial' } })).toEqual([]);
  });
});

describe('where they do reach, the right provisions fire', () => {
  it('arms from the DPRK, arms to the DPRK, a DPRK launch', async () => {
    const from = await findings({
      type: 'arms-transfer',
      date: '2023-10',
      parties: [
        { ...DPRK, role: 'supplier' },
        { name: 'Buyer', kind: 'state', country: 'RU', role: 'recipient' },
      ],
      goods: [{ category: 'ammunition' }],
    });
    expect(from.map((f) => f.ruleId)).toContain('arms-procurement-from-dprk');
    const to = await findings({
      type: 'arms-transfer',
      date: '2017',
      parties: [
        { name: 'Seller', kind: 'organisation', country: 'BY', role: 'supplier' },
        { ...DPRK, role: 'recipient' },
      ],
      goods: [{ category: 'arms' }],
    });
    expect(to.map((f) => f.ruleId)).toContain('arms-supply-to-dprk');
    const launch = await findings({
      type: 'launch',
      date: '2023-11-21',
      parties: [{ ...DPRK, role: 'launcher' }],
      goods: [{ category: 'space-launch-technology' }],
    });
    expect(launch.map((f) => [f.ruleId, f.outcome])).toContainEqual(['dprk-launch-ballistic-missile-technology', 'violation']);
  });

  it('a designated vessel only from the day it was listed', async () => {
    const call = (date: string) =>
      findings({
        type: 'port-call',
        date,
        parties: [{ name: 'AN SAN 1', kind: 'vessel', identifiers: { imo: '7303803' } }],
        place: { country: 'CN' },
      });
    const designated = (fs: Finding[]) => fs.map((f) => f.ruleId).filter((id) => id.startsWith('designated-'));
    expect(designated(await call('2018-03-29'))).toEqual([]);
    expect(designated(await call('2018-03-30')).length).toBeGreaterThan(0);
  });

  it('a designated vessel, by IMO number', async () => {
    const fs = await findings({
      type: 'port-call',
      date: '2019-05',
      parties: [{ name: 'Some ship', kind: 'vessel', identifiers: { imo: '8916580' } }],
      place: { country: 'VN' },
    });
    expect(fs.map((f) => f.ruleId).some((id) => id.startsWith('designated-vessel'))).toBe(true);
  });
});
