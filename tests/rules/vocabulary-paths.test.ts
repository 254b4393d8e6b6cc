// Each field the record vocabulary gained reaches both evaluation paths with the same findings.
import { describe, expect, it } from 'vitest';
import { evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import type { RuleSet } from '../../src/types.js';

const own = loadRules(['tests/fixtures/vocabulary/rules.yaml']);
const shipped = loadRules(['rules/unsc-dprk']);
const records = loadRecords(['tests/fixtures/vocabulary/records.yaml']);
// The vessel list, so that former names can be matched.
const rules: RuleSet = { rules: own.value.rules, lists: shipped.value.lists };

describe('new record fields on both evaluation paths', () => {
  it('loads the fixtures without problems', () => {
    // Only the warning that this file has no list of its own beside it: the shipped list is added below.
    expect(own.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(records.diagnostics).toEqual([]);
  });

  it('gives byte-identical findings with json-rules-engine alone and with the fast path', async () => {
    const plain = await evaluateRecords(records.value.records, rules, { engine: 'plain' });
    const fast = await evaluateRecords(records.value.records, rules, { engine: 'fast' });
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
  });

  it('meets each field where the record has it, and not where it does not', async () => {
    for (const engine of ['plain', 'fast'] as const) {
      const findings = await evaluateRecords(records.value.records, rules, { engine });
      expect(findings.map((f) => `${f.recordId} ${f.ruleId} ${f.outcome}`)).toEqual([
        'charter reads-charterer violation',
        'test-by-state reads-attendee review',
        'test-by-state reads-tester violation',
        'bybit reads-cyber-roles review',
        'bybit reads-wallets review',
        'laundering reads-cyber-roles review',
        'renamed-vessel reads-former-names review',
        'intercepted reads-shipment-stage review',
        'workers reads-head-count review',
        'students reads-purposes review',
        'football reads-purposes review',
        'rajin-venture reads-venture-purpose exempt',
        'used-later reads-use-date review',
      ]);
      const workers = findings.find((f) => f.recordId === 'workers')!;
      expect(workers.message).toBe('workers: 1500 workers');
    }
  });
});

describe('validation of the new fields', () => {
  it('reports a bad wallet address, a head count of zero and an unknown venture purpose at their places', () => {
    const { diagnostics } = loadRecords(['tests/fixtures/vocabulary/invalid-records.yaml']);
    expect(diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.code}`)).toEqual([
      '6:47 invalid-value',
      '7:52 invalid-number',
      '9:21 invalid-value',
    ]);
  });
});
