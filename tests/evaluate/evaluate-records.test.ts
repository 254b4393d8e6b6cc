import { describe, expect, it } from 'vitest';
import { createEvaluator, evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { toDateSpan } from '../../src/dates/date-span.js';
import type { ActivityRecord, LoadedRecord } from '../../src/types.js';

const rules = loadRules(['tests/fixtures/core/rules.yaml']).value;
const records = loadRecords(['tests/fixtures/core/records.yaml']).value.records;

function loaded(record: Partial<ActivityRecord> & { date: ActivityRecord['date'] }): LoadedRecord {
  const r = { id: 'r', type: 'other', evidence: { level: 'confirmed' }, ...record } as ActivityRecord;
  return { record: r, span: toDateSpan(r.date)!, location: { file: 'x.yaml', line: 1, column: 1 } };
}

describe('evaluateRecords', () => {
  it('finds what the rules say, keeps the evidence level apart from the outcome', async () => {
    const findings = await evaluateRecords(records, rules);
    expect(findings.map((f) => [f.recordId, f.ruleId, f.outcome, f.evidence])).toEqual([
      ['shells', 'test-arms-from-dprk', 'violation', 'alleged'],
      ['approved-transfer', 'test-arms-from-dprk', 'exempt', 'confirmed'],
      ['workers-2019', 'test-repatriation', 'review', 'reported'],
    ]);
  });

  it('explains each named leaf: expected, actual, held', async () => {
    const [shells] = await evaluateRecords(records.slice(0, 1), rules);
    expect(shells!.explanation).toEqual([
      { condition: 'is-arms-transfer', fact: 'type', operator: 'in', expected: ['arms-transfer'], actual: 'arms-transfer', held: true },
      { condition: 'supplier-is-dprk', fact: 'supplierCountries', operator: 'includesAny', expected: ['KP'], actual: ['KP'], held: true },
      { condition: 'origin-is-dprk', fact: 'originCountries', operator: 'includesAny', expected: ['KP'], actual: null, held: false },
      {
        condition: 'approved',
        fact: 'committeeApproval',
        operator: 'equal',
        expected: true,
        actual: null,
        held: false,
        exemption: 'committee-approved',
      },
    ]);
    expect(shells!.message).toBe('shells: KP supplied arms to RU');
    expect(shells!.location).toEqual({ file: 'tests/fixtures/core/records.yaml', line: 6, column: 5 });
    expect(shells!.evidenceDetail).toMatchObject({ level: 'alleged', claimant: 'Two governments', wording: ['believe'] });
  });

  it('names the exemption that holds and still reports the finding', async () => {
    const findings = await evaluateRecords(records, rules);
    const exempt = findings.find((f) => f.outcome === 'exempt')!;
    expect(exempt.exemption).toEqual({
      id: 'committee-approved',
      title: 'Approved in advance by the Committee',
      provisions: [{ resolution: 2270, symbol: 'S/RES/2270 (2016)', paragraph: '8(b)', adopted: '2016-03-02', verified: true }],
    });
  });

  it('flags a record that straddles the start date, with a note', async () => {
    const findings = await evaluateRecords(records, rules);
    const straddle = findings.find((f) => f.recordId === 'workers-2019')!;
    expect(straddle.notes).toHaveLength(1);
    expect(straddle.notes[0]).toContain('straddles 2019-12-23');
  });

  it('does not apply a provision before its date', async () => {
    const e = createEvaluator(rules);
    const before = loaded({
      type: 'labour-deployment',
      date: '2019-12-22',
      place: { country: 'RU' },
      parties: [{ name: 'w', country: 'KP', role: 'worker' }],
    });
    const after = loaded({ ...before.record, date: '2019-12-23' });
    expect(await e.evaluate(before)).toEqual([]);
    expect((await e.evaluate(after)).map((f) => f.outcome)).toEqual(['review']);
  });

  it('never lets a missing fact pass a notEqual', async () => {
    const e = createEvaluator(rules);
    const noPlace = loaded({ type: 'labour-deployment', date: '2021', parties: [{ name: 'w', country: 'KP', role: 'worker' }] });
    const pair = await e.evaluatePair(noPlace, 'test-repatriation');
    expect(pair.held).toBe(false);
    expect(pair.explanation.find((x) => x.condition === 'abroad')).toMatchObject({ actual: null, held: false });
  });

  it('is deterministic: the same records give identical findings', async () => {
    const a = JSON.stringify(await evaluateRecords(records, rules));
    const b = JSON.stringify(await evaluateRecords([...records].reverse(), rules));
    expect(b).toBe(a);
  });
});
