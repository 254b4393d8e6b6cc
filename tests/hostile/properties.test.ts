// Property-based tests over the loaders and the evaluator: any input loads or gives located
// diagnostics, nothing escapes but InputError, nothing hangs, and evaluation is deterministic.
//
// CI runs a short campaign with a fixed seed. `npm run test:props` runs a longer one with a new
// seed each time (FC_RUNS sets the number of runs, FC_SEED replays a seed a failure printed).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEvaluator, evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { findJsonProblem } from '../../src/load/json-error.js';
import { loadRecords } from '../../src/load/load-records.js';
import { loadRules } from '../../src/load/load-rules.js';
import { parseNdjsonLine, parseRecordFile } from '../../src/load/record-file.js';
import { parseRuleFile } from '../../src/load/rule-file.js';
import { parseYaml } from '../../src/load/yaml-document.js';
import { firstInvalidUtf8 } from '../../src/load/text-file.js';
import { OPERATOR_NAMES } from '../../src/vocabulary/operators.js';
import type { Diagnostic, LoadedRecord, RuleSet } from '../../src/types.js';
import { recordSchema } from '../../src/validate/schemas.js';
import { validateRecord } from '../../src/validate/validate-record.js';
import { COUNTRY_CODES } from '../../src/vocabulary/countries.js';
import { KNOWN_FACTS } from '../../src/vocabulary/facts.js';
import { runCli } from '../helpers/run-cli.js';
import { pollutionVisible, prototypeSnapshot } from './prototype.js';
import { budget } from '../helpers/time-budget.js';

const LONG = process.env.npm_lifecycle_event === 'test:props';
const RUNS = Number(process.env.FC_RUNS ?? (LONG ? 1000 : 40));
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : LONG ? Date.now() : 20_241_129;
const TIMEOUT = 30_000 + RUNS * 200;
/** No single input may take longer than this to load or evaluate. */
const PER_RUN_MS = budget(2_000);

fc.configureGlobal({ seed: SEED, numRuns: RUNS, endOnFailure: true });

const before = prototypeSnapshot();
const work = mkdtempSync(path.join(tmpdir(), 'sc-props-'));
let counter = 0;
function tmpFile(ext: string, content: string | Uint8Array): string {
  const file = path.join(work, `input-${counter++}${ext}`);
  writeFileSync(file, content);
  return file;
}

/** Every diagnostic names the file, a line and a column inside the text, a code and a message. */
function expectLocated(ds: readonly Diagnostic[], file: string, text?: string): void {
  const lines = text === undefined ? Infinity : text.split('\n').length;
  for (const d of ds) {
    expect(d.location.file).toBe(file);
    expect(Number.isInteger(d.location.line) && d.location.line >= 1 && d.location.line <= lines + 1, JSON.stringify(d)).toBe(true);
    expect(Number.isInteger(d.location.column) && d.location.column >= 1, JSON.stringify(d)).toBe(true);
    expect(d.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(d.message.length).toBeGreaterThan(0);
    expect(['error', 'warning']).toContain(d.severity);
  }
}

function within<T>(f: () => T): T {
  const start = performance.now();
  const v = f();
  expect(performance.now() - start).toBeLessThan(PER_RUN_MS);
  return v;
}

// ---------------------------------------------------------------- arbitraries

/** Pieces of YAML and JSON, valid and broken, including hostile ones. */
const PIECES = [
  '- ',
  ': ',
  '\n',
  '\n  ',
  '  ',
  '    ',
  '[',
  ']',
  '{',
  '}',
  ', ',
  '&a ',
  '*a',
  '&b ',
  '*b',
  '!!binary ',
  '!!str ',
  '!x ',
  '"',
  "'",
  '# c',
  '---\n',
  '...\n',
  '? ',
  '|\n',
  '>-\n',
  '\t',
  '\r\n',
  '%YAML 1.1\n',
  '<<: ',
  '~',
  'null',
  'true',
  '1e400',
  '.nan',
  '.inf',
  '-5',
  '0x1F',
  '030617',
  '2023',
  '"2023-02-30"',
  '"2023-11"',
  'id',
  'type',
  'date',
  'evidence',
  'level',
  'alleged',
  'parties',
  'name',
  'country',
  'KP',
  'role',
  'supplier',
  'records',
  'rules',
  'conditions',
  'when',
  'all',
  'any',
  'not',
  'condition',
  'fact',
  'operator',
  'value',
  'equal',
  'in',
  '__proto__',
  'constructor',
  'prototype',
  'polluted',
  '{{record.id}}',
  'é',
  '\u2028',
  '\ufeff',
  'x'.repeat(50),
];
const yamlish = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(''));

/** Mutations of a valid rule or record file: a piece cut, doubled or replaced. */
function mutated(base: string): fc.Arbitrary<string> {
  return fc.array(fc.tuple(fc.nat(), fc.nat({ max: 8 }), fc.constantFrom('', ...PIECES)), { minLength: 1, maxLength: 4 }).map((edits) => {
    let s = base;
    for (const [at, len, insert] of edits) {
      const i = at % (s.length + 1);
      s = s.slice(0, i) + insert + s.slice(i + len);
    }
    return s;
  });
}

const VALID_RECORDS = `case: { title: A case }
sources:
  - { id: paper, publisher: Example Daily, date: "2023-11-16" }
records:
  - id: shells
    type: arms-transfer
    date: "2023"
    parties:
      - { name: DPRK, kind: state, country: KP, role: supplier }
      - { name: Russia, kind: state, country: RU, role: recipient }
    goods: [ { category: ammunition, hs: "9306", quantity: 1000 } ]
    facts: { committeeApproval: false }
    evidence: { level: alleged, sources: [ { ref: paper, quote: "They believe it." } ] }
`;

const VALID_RULES = `conditions:
  dprk-supplies:
    any:
      - { name: supplier-is-dprk, fact: supplierCountries, operator: includesAny, value: [KP] }
rules:
  - id: arms
    title: Arms
    status: stable
    provisions: [ { resolution: 1718, paragraph: "8(b)", adopted: "2006-10-14", verified: true } ]
    outcome: violation
    applies: { from: "2006-10-14" }
    when:
      all:
        - { name: is-arms, fact: type, operator: in, value: [arms-transfer] }
        - { condition: dprk-supplies }
    unless:
      - { id: approved, when: { name: approved, fact: committeeApproval, operator: equal, value: true } }
    message: "{{record.id}}: {{facts.supplierCountries}}"
`;

type FactsSchema = { properties: Record<string, { type?: string; enum?: string[]; format?: string }> };
const factSchemas = ((recordSchema.properties as Record<string, unknown>).facts as FactsSchema).properties;
const enumOf = (field: string): string[] => {
  const items =
    (recordSchema.properties as Record<string, { items?: { properties: Record<string, { enum?: string[] }> } }>)[
      field === 'category' ? 'goods' : 'parties'
    ]!.items!.properties[field]!.enum ?? [];
  return items;
};
const RECORD_TYPES = (recordSchema.properties as Record<string, { enum?: string[] }>).type!.enum ?? [];
const COUNTRIES = ['KP', 'RU', 'CN', 'IR', 'US', 'KR', ...COUNTRY_CODES.slice(0, 10)];

const year = fc.integer({ min: 1990, max: 2030 });
const month = fc.integer({ min: 1, max: 12 }).map((m) => String(m).padStart(2, '0'));
const dayOf = fc.integer({ min: 1, max: 28 }).map((d) => String(d).padStart(2, '0'));
const partialDate = fc.oneof(
  year.map(String),
  fc.tuple(year, month).map(([y, m]) => `${y}-${m}`),
  fc.tuple(year, month, dayOf).map(([y, m, d]) => `${y}-${m}-${d}`),
);
const dateOrRange = fc.oneof(
  partialDate,
  fc.tuple(year, year).map(([a, b]) => ({ from: String(Math.min(a, b)), to: String(Math.max(a, b)) })),
);

const factValue = (name: string): fc.Arbitrary<unknown> => {
  const s = factSchemas[name]!;
  if (s.type === 'boolean') return fc.boolean();
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.format === 'partial-date') return partialDate;
  return fc.constantFrom('Rajin', 'Nampo', 'other');
};
const facts = fc
  .subarray(Object.keys(factSchemas), { maxLength: 5 })
  .chain((names) => fc.tuple(...names.map((n) => factValue(n).map((v) => [n, v] as const))))
  .map((pairs) => Object.fromEntries(pairs));

const party = fc.record(
  {
    name: fc.constantFrom('DPRK', 'Russia', 'Korea Mining Development Trading Corporation', 'A. Person', 'Ship One'),
    kind: fc.constantFrom(...enumOf('kind')),
    country: fc.constantFrom(...COUNTRIES),
    role: fc.constantFrom(...enumOf('role')),
  },
  { requiredKeys: ['name'] },
);
const goods = fc.record(
  {
    category: fc.constantFrom(...enumOf('category')),
    hs: fc.constantFrom('9306', '2701', '270112', '84', '030617', '7108'),
    quantity: fc.double({ min: 0, max: 1e15, noNaN: true, noDefaultInfinity: true }),
    origin: fc.constantFrom(...COUNTRIES),
  },
  { requiredKeys: [] },
);

/** Records that are valid by construction (the property checks that they are). */
const validRecord = fc.record(
  {
    type: fc.constantFrom(...RECORD_TYPES),
    date: dateOrRange,
    parties: fc.array(party, { maxLength: 4 }),
    goods: fc.array(goods, { maxLength: 3 }),
    place: fc.record({ country: fc.constantFrom(...COUNTRIES) }),
    facts,
    evidence: fc.record({ level: fc.constantFrom('confirmed', 'reported', 'alleged', 'speculative') }),
  },
  { requiredKeys: ['type', 'date', 'evidence'] },
);

function loaded(values: readonly Record<string, unknown>[]): LoadedRecord[] {
  return values.map((value, i) => {
    const raw = {
      value: { id: `r${i}`, ...value },
      path: [i],
      locate: () => ({ file: 'gen.yaml', line: i + 1, column: 3 }),
      location: { file: 'gen.yaml', line: i + 1, column: 3 },
    };
    const r = validateRecord(raw, new Map());
    expect(r.diagnostics).toEqual([]);
    return r.loaded!;
  });
}

/** Condition trees over every fact and operator, with values of every shape. */
const leafValue = fc.oneof(
  fc.constantFrom(...RECORD_TYPES, ...COUNTRIES, 'supplier', 'coal', 'humanitarian', '2017-12-22', '2701', true, false, 0, 5, 'x'),
  fc.array(fc.constantFrom(...RECORD_TYPES.slice(0, 5), 'KP', 'RU', 'supplier', '2701', '84'), { minLength: 1, maxLength: 4 }),
);
const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('all'), tie('any'), tie('not')),
  leaf: fc.record({
    name: fc.constantFrom('a', 'b', 'c'),
    fact: fc.constantFrom(...KNOWN_FACTS),
    operator: fc.constantFrom(...OPERATOR_NAMES),
    value: leafValue,
  }),
  all: fc.array(tie('node'), { maxLength: 4 }).map((all) => ({ all })),
  any: fc.array(tie('node'), { maxLength: 4 }).map((any) => ({ any })),
  not: tie('node').map((not) => ({ not })),
})).node;

function ruleText(when: unknown, unlessWhen?: unknown): string {
  const rule = {
    id: 'generated',
    title: 'Generated',
    status: 'stable',
    provisions: [{ resolution: 1718, paragraph: '8(b)', adopted: '2006-10-14', verified: true }],
    outcome: 'violation',
    applies: { from: '2006-10-14' },
    when,
    ...(unlessWhen ? { unless: [{ id: 'exempt', when: unlessWhen }] } : {}),
    message: '{{record.id}} {{facts.partyCountries}}',
  };
  return JSON.stringify({ rules: [rule] }, null, 1);
}

// ---------------------------------------------------------------- properties

describe('loaders, on any input', () => {
  it(
    'random bytes as record and rule files load or give located diagnostics',
    () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('.yaml', '.json', '.ndjson'), (bytes, ext) => {
          const file = tmpFile(ext, bytes);
          const r = within(() => loadRecords([file]));
          expectLocated(r.diagnostics, path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file));
          const rules = within(() => loadRules([file]));
          for (const d of rules.diagnostics) expect(d.location.line).toBeGreaterThanOrEqual(1);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'random YAML-ish text as records and as rules loads or gives located diagnostics',
    () => {
      fc.assert(
        fc.property(fc.oneof(yamlish, mutated(VALID_RECORDS), mutated(VALID_RULES)), (text) => {
          const records = within(() => parseRecordFile(text, 'r.yaml'));
          expectLocated(records.diagnostics, 'r.yaml', text);
          for (const raw of records.records) expectLocated(validateRecord(raw, new Map()).diagnostics, 'r.yaml', text);
          const rules = within(() => parseRuleFile(text, 'rules.yaml'));
          expectLocated(rules.diagnostics, 'rules.yaml', text);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'random JSON values as NDJSON records and as YAML records give located diagnostics',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue({ maxDepth: 6 }),
            validRecord.map((r) => ({ id: 'x', ...r })),
            fc.dictionary(
              fc.constantFrom('id', 'type', 'date', 'evidence', 'parties', 'facts', '__proto__'),
              fc.jsonValue({ maxDepth: 3 }),
            ),
          ),
          (value) => {
            const line = JSON.stringify(value);
            const raw = within(() => parseNdjsonLine(line, 3, 'r.ndjson'));
            if ('code' in raw) expectLocated([raw], 'r.ndjson');
            else {
              const v = within(() => validateRecord(raw, new Map()));
              expectLocated(v.diagnostics, 'r.ndjson');
              for (const d of v.diagnostics) expect(d.location.line).toBe(3);
            }
            const file = within(() => parseRecordFile(JSON.stringify([value], null, 2), 'r.json'));
            expectLocated(file.diagnostics, 'r.json');
          },
        ),
      );
    },
    TIMEOUT,
  );

  it(
    'random JSON values and random condition trees as rules load or give located diagnostics',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue({ maxDepth: 5 }).map((v) => JSON.stringify({ rules: [v] })),
            tree.map((t) => ruleText(t)),
            fc.jsonValue({ maxDepth: 4 }).map((v) => ruleText(v)),
          ),
          (text) => {
            const r = within(() => parseRuleFile(text, 'rules.yaml'));
            expectLocated(r.diagnostics, 'rules.yaml', text);
          },
        ),
      );
    },
    TIMEOUT,
  );

  it(
    'the JSON scanner agrees with JSON.parse, and points inside the text',
    () => {
      const jsonish = fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
        fc
          .tuple(
            fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
            fc.nat(),
            fc.nat({ max: 3 }),
            fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\t', '\u0000', '0', '-', 'e', ' ', 'tru', '[', '{'),
          )
          .map(([s, at, len, ins]) => s.slice(0, at % (s.length + 1)) + ins + s.slice((at % (s.length + 1)) + len)),
      );
      fc.assert(
        fc.property(jsonish, (text) => {
          let valid = true;
          try {
            JSON.parse(text);
          } catch {
            valid = false;
          }
          const problem = findJsonProblem(text);
          expect(problem === undefined, text).toBe(valid);
          if (problem) expect(problem.offset >= 0 && problem.offset <= text.length).toBe(true);
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'the JSON locator of NDJSON lines finds what the YAML parser finds',
    () => {
      const keyArb = fc.constantFrom('id', 'type', 'facts', 'a', 'b', '0', '__proto__', 'x y', 'é', '"q"');
      const value = fc.jsonValue({ maxDepth: 4 }).chain((v) => fc.constant(v));
      const objectArb = fc.dictionary(
        keyArb,
        fc.oneof(value, fc.dictionary(keyArb, value), fc.array(fc.dictionary(keyArb, value), { maxLength: 3 })),
        { maxKeys: 6 },
      );
      fc.assert(
        fc.property(
          objectArb,
          fc.array(fc.oneof(keyArb, fc.nat({ max: 3 })), { maxLength: 4 }),
          fc.boolean(),
          fc.constantFrom('', ' ', '  '),
          (obj, path, key, pad) => {
            const line = JSON.stringify(obj, null, 0).replace(/([,:])/g, `$1${pad}`);
            fc.pre(JSON.stringify(JSON.parse(line)) === JSON.stringify(obj));
            const raw = parseNdjsonLine(line, 1, 'l.ndjson');
            if ('code' in raw) return;
            const viaYaml = parseYaml(line, 'l.ndjson').locate(path, { key });
            expect(raw.locate(path, { key }).column).toBe(viaYaml.column);
          },
        ),
      );
    },
    TIMEOUT,
  );

  it(
    'the UTF-8 check finds exactly the first byte a strict decoder refuses',
    () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 20 }).map((s) => new TextEncoder().encode(s)),
        fc
          .tuple(fc.string({ unit: 'binary', maxLength: 10 }), fc.uint8Array({ maxLength: 3 }))
          .map(([s, tail]) => new Uint8Array([...new TextEncoder().encode(s), ...tail])),
      );
      fc.assert(
        fc.property(bytes, (b) => {
          const at = firstInvalidUtf8(b);
          const strict = new TextDecoder('utf-8', { fatal: true });
          let valid = true;
          try {
            strict.decode(b);
          } catch {
            valid = false;
          }
          expect(at === b.length).toBe(valid);
          strict.decode(b.subarray(0, at));
          if (!valid) expect(() => strict.decode(b.subarray(0, at + 4))).toThrow();
        }),
      );
    },
    TIMEOUT,
  );
});

describe('the command line, on any input', () => {
  it(
    'exits 0, 1 or 2, never with an internal error, for random record and rule files',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(yamlish, mutated(VALID_RECORDS), mutated(VALID_RULES)),
          fc.constantFrom('.yaml', '.json', '.ndjson'),
          async (text, ext) => {
            const file = tmpFile(ext, text);
            const check = await runCli(['check', file, '--rules', 'tests/fixtures/core/rules.yaml']);
            expect([0, 1, 2], check.stderr).toContain(check.code);
            expect(check.stderr).not.toMatch(/internal error|\n\s+at /);
            const validate = await runCli(['rules', 'validate', file]);
            expect([0, 2], validate.stderr).toContain(validate.code);
            expect(validate.stderr).not.toMatch(/internal error|\n\s+at /);
          },
        ),
        { numRuns: Math.max(10, Math.round(RUNS / 2)) },
      );
    },
    TIMEOUT,
  );
});

describe('the evaluator', () => {
  let shipped: RuleSet;
  beforeAll(() => {
    const r = loadRules(['rules']);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    shipped = r.value;
  });

  it(
    'gives identical findings for the same records, run twice and in any order',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(validRecord, { minLength: 1, maxLength: 8 }), async (values) => {
          const records = loaded(values);
          const start = performance.now();
          const a = await evaluateRecords(records, shipped);
          const b = await evaluateRecords(records, shipped);
          const c = await evaluateRecords([...records].reverse(), shipped);
          expect(performance.now() - start).toBeLessThan(PER_RUN_MS * 3);
          expect(b).toEqual(a);
          expect(c).toEqual(a);
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        }),
      );
    },
    TIMEOUT,
  );

  it(
    'evaluates any valid generated rule on any valid record without throwing, the same each time',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          tree,
          fc.option(tree, { nil: undefined }),
          fc.array(validRecord, { minLength: 1, maxLength: 4 }),
          async (when, unlessWhen, values) => {
            const parsed = parseRuleFile(ruleText(when, unlessWhen), 'generated.yaml');
            fc.pre(parsed.rules.length === 1);
            const rules: RuleSet = { rules: parsed.rules, lists: shipped.lists };
            const records = loaded(values);
            const evaluator = createEvaluator(rules);
            for (const r of records) {
              const once = await evaluator.evaluate(r);
              const again = await createEvaluator(rules).evaluate(r);
              expect(again).toEqual(once);
              for (const f of once) expect(['violation', 'review', 'exempt']).toContain(f.outcome);
            }
          },
        ),
      );
    },
    TIMEOUT,
  );
});

describe('afterwards', () => {
  it('no prototype was touched by anything above', () => {
    expect(pollutionVisible()).toEqual([undefined, undefined, undefined, undefined]);
    expect(prototypeSnapshot()).toEqual(before);
  });
});
