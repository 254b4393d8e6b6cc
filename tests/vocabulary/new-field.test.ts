// Adding a record field is one line in the vocabulary's table: with RECORD_FIELDS and
// EXEMPTION_FACTS extended here (in memory), the field is validated with a located message, a rule
// may name it, the rule checks warn on a word outside its list, and a condition on it gives the same
// finding on the plain and the fast evaluator, in files read whole and in NDJSON streams.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { runCheck } from '../../src/pipeline.js';
import { runExamples } from '../../src/tester/run-examples.js';
import { createTwinCheck } from '../../src/tester/twin-check.js';
import { recordSchema } from '../../src/validate/schemas.js';
import { KNOWN_FACTS } from '../../src/vocabulary/facts.js';

vi.mock('../../src/vocabulary/records.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/vocabulary/records.js')>();
  return {
    ...real,
    // The two lines a contributor would add to src/vocabulary/records.ts.
    RECORD_FIELDS: { ...real.RECORD_FIELDS, cargoClass: { kind: ['tanker', 'bulk-carrier'], absent: 'nothing' } },
    EXEMPTION_FACTS: { ...real.EXEMPTION_FACTS, cargoInspected: 'boolean' },
  };
});

const dir = mkdtempSync(path.join(tmpdir(), 'sanctions-new-field-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

const rules = write(
  'rules.yaml',
  `rules:
  - id: tanker-from-dprk
    title: A DPRK tanker not inspected
    status: stable
    provisions:
      - { resolution: 2397, paragraph: "9", adopted: "2017-12-22", verified: true }
    outcome: violation
    applies: { from: "2017-12-22" }
    when:
      all:
        - { name: is-port-call, fact: type, operator: equal, value: port-call }
        - { name: tanker, fact: cargoClass, operator: equal, value: tanker }
        - { name: dprk, fact: partyCountries, operator: includesAny, value: [KP] }
    unless:
      - id: inspected
        title: Inspected
        when: { all: [ { name: inspected, fact: cargoInspected, operator: equal, value: true } ] }
    message: "{{record.id}}: a {{facts.cargoClass}} from the DPRK"
    examples:
      - id: flags-tanker
        outcome: violation
        record: { type: port-call, date: "2023-05", cargoClass: tanker, parties: [ { name: Ship, kind: vessel, country: KP } ] }
      - id: exempts-inspected
        outcome: exempt
        record: { type: port-call, date: "2023-05", cargoClass: tanker, facts: { cargoInspected: true }, parties: [ { name: Ship, kind: vessel, country: KP } ] }
      - id: clears-bulk-carrier
        outcome: none
        record: { type: port-call, date: "2023-05", cargoClass: bulk-carrier, parties: [ { name: Ship, kind: vessel, country: KP } ] }
`,
);

const RECORDS = [
  {
    id: 'tanker',
    type: 'port-call',
    date: '2023-05',
    cargoClass: 'tanker',
    parties: [{ name: 'Ship', kind: 'vessel', country: 'KP' }],
    evidence: { level: 'reported' },
  },
  {
    id: 'inspected-tanker',
    type: 'port-call',
    date: '2023-06',
    cargoClass: 'tanker',
    facts: { cargoInspected: true },
    parties: [{ name: 'Ship', kind: 'vessel', country: 'KP' }],
    evidence: { level: 'reported' },
  },
  {
    id: 'bulk',
    type: 'port-call',
    date: '2023-07',
    cargoClass: 'bulk-carrier',
    parties: [{ name: 'Ship', kind: 'vessel', country: 'KP' }],
    evidence: { level: 'reported' },
  },
  {
    id: 'unsaid',
    type: 'port-call',
    date: '2023-08',
    parties: [{ name: 'Ship', kind: 'vessel', country: 'KP' }],
    evidence: { level: 'reported' },
  },
];

describe('a record field added to the vocabulary', () => {
  it('is in the record schema and among the facts a rule may name', () => {
    const props = (recordSchema as { properties: Record<string, unknown> }).properties;
    expect(props.cargoClass).toEqual({ type: 'string', enum: ['tanker', 'bulk-carrier'] });
    expect(KNOWN_FACTS.has('cargoClass')).toBe(true);
    expect(KNOWN_FACTS.has('cargoInspected')).toBe(true);
  });

  it('is validated with a located message', () => {
    const bad = write(
      'bad.yaml',
      'records:\n  - { id: r1, type: port-call, date: "2023", cargoClass: tankr, evidence: { level: reported } }\n',
    );
    const r = loadRecords([bad]);
    expect(r.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([['invalid-value', 2, 58]]);
    expect(r.diagnostics[0]!.message).toMatch(/tanker/);
  });

  it('is known to the rule checks, which warn on a word outside its list', () => {
    const odd = write(
      'odd.yaml',
      `rules:\n  - id: odd\n    title: Odd\n    status: stable\n    provisions: [ { resolution: 2397, paragraph: "9", adopted: "2017-12-22", verified: true } ]\n    outcome: review\n    applies: { from: "2017-12-22" }\n    when: { all: [ { name: x, fact: cargoClass, operator: equal, value: tankr } ] }\n    message: odd\n    examples:\n      - { id: a, outcome: review, record: { type: port-call, date: "2023", cargoClass: tanker } }\n      - { id: b, outcome: none, record: { type: port-call, date: "2023" } }\n`,
    );
    const r = loadRules([odd]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.diagnostics.map((d) => d.code)).toContain('condition-never-matches');
  });

  it('gives the same findings on the plain and the fast evaluator, in files read whole and in NDJSON', async () => {
    const loaded = loadRules([rules]);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const yaml = write('records.yaml', `records:\n${RECORDS.map((r) => `  - ${JSON.stringify(r)}`).join('\n')}\n`);
    const ndjson = write('records.ndjson', RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
    // rules test: the rule's examples, each also through the fast twins.
    expect((await runExamples(loaded.value)).filter((r) => !r.passed)).toEqual([]);
    const twins = createTwinCheck(loaded.value);
    const records = loadRecords([yaml]);
    expect(records.diagnostics).toEqual([]);
    for (const r of records.value.records) expect(await twins(r)).toEqual([]);
    const outcomes: string[][] = [];
    for (const file of [yaml, ndjson]) {
      for (const engine of ['plain', 'fast'] as const) {
        const { report } = await runCheck({ records: [file], rules: [rules], engine, workers: 1, screening: false, today: '2024-01-01' });
        outcomes.push(report.findings.map((f) => `${f.recordId} ${f.ruleId} ${f.outcome}`));
      }
    }
    expect(outcomes[0]).toEqual(['tanker tanker-from-dprk violation', 'inspected-tanker tanker-from-dprk exempt']);
    for (const o of outcomes) expect(o).toEqual(outcomes[0]);
  });
});
