// Loading and evaluating hostile input never touches a prototype: `__proto__`, `constructor` and
// `prototype` as keys, ids, names, paths and placeholders, through every loader and the evaluator.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { parseNdjsonLine } from '../../src/load/record-file.js';
import { parseYaml } from '../../src/load/yaml-document.js';
import { runCli } from '../helpers/run-cli.js';
import { pollutionVisible, prototypeSnapshot } from './prototype.js';

const before = prototypeSnapshot();

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(path.join(tmpdir(), 'sc-proto-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(d, name), text);
  return d;
}

const HOSTILE_YAML = [
  '__proto__: { polluted: yes }\n',
  'constructor: { prototype: { polluted: yes } }\n',
  '- __proto__: { polluted: yes }\n  constructor: { prototype: { isAdmin: true } }\n',
  'a: &p { polluted: yes }\n__proto__: *p\n',
  '{"__proto__": {"polluted": true}, "prototype": {"polluted": true}}\n',
  '? __proto__\n: { polluted: yes }\n',
  '<<: { polluted: yes }\n',
  'records:\n  - { id: __proto__, type: other, date: "2023", evidence: { level: alleged }, facts: { __proto__: { polluted: true } } }\n',
];

/** A valid rule set whose leaves, paths and message reach for prototypes. */
const RULES = `conditions:
  proto-path:
    any:
      - { name: proto-path, fact: facts, path: $.__proto__.polluted, operator: exists, value: true }
      - { name: ctor-path, fact: parties, path: "$[0].constructor.prototype", operator: exists, value: true }
rules:
  - id: reach-for-prototypes
    title: Reaches for prototypes
    status: stable
    provisions: [ { resolution: 1718, paragraph: "8(b)", adopted: "2006-10-14", verified: true } ]
    outcome: review
    applies: { from: "2006-10-14" }
    when:
      any:
        - { name: is-other, fact: type, operator: equal, value: other }
        - { condition: proto-path }
    message: "{{record.__proto__.polluted}} {{record.constructor.prototype}} {{facts.__proto__}} {{rule.constructor}} {{record.id}}"
`;

const RECORDS = `- id: toString
  type: other
  date: "2023"
  summary: constructor
  parties:
    - { name: __proto__, role: other }
    - { name: constructor, kind: person }
  facts: { polluted: true, isAdmin: true, toString: x, valueOf: y, hasOwnProperty: z }
  evidence: { level: alleged, claimant: prototype }
- id: constructor
  type: other
  date: "2023"
  evidence: { level: alleged }
`;

describe('prototype pollution', () => {
  it('parsing hostile YAML and JSON leaves every prototype alone', () => {
    for (const text of HOSTILE_YAML) parseYaml(text, 'h.yaml');
    parseNdjsonLine('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}', 1, 'h.ndjson');
    expect(pollutionVisible()).toEqual([undefined, undefined, undefined, undefined]);
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('loading hostile record and rule files leaves every prototype alone', () => {
    const files: Record<string, string> = {};
    HOSTILE_YAML.forEach((t, i) => (files[`h${i}.yaml`] = t));
    files['h.ndjson'] = '{"__proto__": {"polluted": true}, "id": "x"}\n{"id": "y", "facts": {"__proto__": {"polluted": true}}}\n';
    files['h.json'] = '[{"__proto__": {"polluted": true}}, {"constructor": {"prototype": {"polluted": true}}}]';
    const d = dir(files);
    const records = loadRecords([d]);
    expect(records.diagnostics.length).toBeGreaterThan(0);
    const rules = loadRules([d]);
    expect(rules.diagnostics.length).toBeGreaterThan(0);
    expect(pollutionVisible()).toEqual([undefined, undefined, undefined, undefined]);
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('evaluating records and rules that reach for prototypes finds nothing there', async () => {
    const d = dir({ 'rules.yaml': RULES, 'records.yaml': RECORDS });
    const r = await runCli([
      'check',
      path.join(d, 'records.yaml'),
      '--rules',
      path.join(d, 'rules.yaml'),
      '--format',
      'json',
      '--fail-on',
      'none',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.findings.map((f: { recordId: string; message: string }) => [f.recordId, f.message])).toEqual([
      ['toString', '(unknown) (unknown) (unknown) (unknown) toString'],
      ['constructor', '(unknown) (unknown) (unknown) (unknown) constructor'],
    ]);
    // The conditions on prototype paths did not hold: only the type did.
    for (const f of report.findings) {
      const held = f.explanation.filter((x: { held: boolean | null }) => x.held === true).map((x: { condition: string }) => x.condition);
      expect(held).toEqual(['is-other']);
    }
    expect(pollutionVisible()).toEqual([undefined, undefined, undefined, undefined]);
    expect(prototypeSnapshot()).toEqual(before);
  });

  it('running the whole command line on hostile files leaves every prototype alone', async () => {
    const d = dir(Object.fromEntries(HOSTILE_YAML.map((t, i) => [`h${i}.yaml`, t])));
    for (let i = 0; i < HOSTILE_YAML.length; i++) {
      const file = path.join(d, `h${i}.yaml`);
      expect((await runCli(['check', file, '--rules', 'tests/fixtures/broken/support/rules.yaml'])).code).toBe(2);
      expect((await runCli(['rules', 'validate', file])).code).toBe(2);
    }
  });

  afterAll(() => {
    expect(pollutionVisible()).toEqual([undefined, undefined, undefined, undefined]);
    expect(prototypeSnapshot()).toEqual(before);
  });
});
