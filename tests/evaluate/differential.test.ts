// The fast evaluation path against json-rules-engine on random records: the same rules met, the
// same findings (explanations included), byte for byte. SCALE_RUNS sets the number of runs
// (`npm run test:long` runs a longer campaign); the seed is fixed, SCALE_SEED changes it.
import fc from 'fast-check';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDesignationIndex } from '../../src/compile/designation-index.js';
import { deriveFacts } from '../../src/compile/derive-facts.js';
import { createEvaluator, evaluateRecords } from '../../src/evaluate/evaluate-records.js';
import { createFastEvaluator } from '../../src/evaluate/fast-evaluator.js';
import { LazyFacts } from '../../src/evaluate/fast-facts.js';
import { loadRules } from '../../src/load/load-rules.js';
import type { RuleSet } from '../../src/types.js';
import { KNOWN_FACTS } from '../../src/vocabulary/facts.js';
import {
  leafArbitrary,
  loadRecord,
  maybeInvalidRecordArbitrary,
  recordArbitrary,
  ruleArbitrary,
  ruleVocabulary,
} from '../helpers/arbitraries.js';
import { parseNdjsonLine } from '../../src/load/record-file.js';
import { NO_SOURCES, validateLocated, validateRecord } from '../../src/validate/validate-record.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RUNS = Number(process.env.SCALE_RUNS ?? 200);
const SEED = Number(process.env.SCALE_SEED ?? 20231115);
const params = { seed: SEED, numRuns: RUNS };
/** Long campaigns need more than the default minute per test. */
const TIMEOUT = Math.max(300_000, RUNS * 400);

let shipped: RuleSet;
let words: string[];

beforeAll(() => {
  const r = loadRules([path.join(root, 'rules')]);
  const errors = r.diagnostics.filter((d) => d.severity === 'error');
  expect(errors).toEqual([]);
  shipped = r.value;
  words = ruleVocabulary(shipped);
});

/** Checks one rule set on a batch of records: per (record, rule) and per record, fast = plain. */
async function compare(ruleSet: RuleSet, values: object[]): Promise<number> {
  const plain = createEvaluator(ruleSet);
  const fast = createFastEvaluator(createEvaluator(ruleSet));
  let findings = 0;
  for (const [i, value] of values.entries()) {
    const loaded = loadRecord(value, `rec-${i}`, i + 1);
    const matched = new Set(fast.match(loaded).map((c) => c.loaded.rule.id));
    for (const { rule } of ruleSet.rules) {
      const pair = await plain.evaluatePair(loaded, rule.id);
      if (pair.held !== matched.has(rule.id)) {
        throw new Error(
          `rule ${rule.id} on ${JSON.stringify(loaded.record)}: json-rules-engine says ${pair.held}, the predicate ${matched.has(rule.id)}`,
        );
      }
    }
    const want = await plain.evaluate(loaded);
    const got = await fast.evaluate(loaded);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    findings += want.length;
  }
  return findings;
}

describe('fast path = json-rules-engine', () => {
  it(
    'derives every fact a rule can read as deriveFacts does',
    () => {
      const index = buildDesignationIndex(shipped.lists);
      fc.assert(
        fc.property(recordArbitrary({ lists: shipped.lists, words }), (value) => {
          const { record } = loadRecord(value, 'rec');
          const want = deriveFacts(record, index);
          const lazy = new LazyFacts(record, index);
          const names = new Set([...KNOWN_FACTS, ...Object.keys(record.facts ?? {}), ...Object.keys(want), 'unknownFact']);
          for (const name of names) expect([name, lazy.get(name)]).toEqual([name, want[name]]);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'on the shipped rules: the same rules met and the same findings, explanations included',
    async () => {
      let total = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(recordArbitrary({ lists: shipped.lists, words }), { minLength: 1, maxLength: 8 }), async (values) => {
          total += await compare(shipped, values);
        }),
        params,
      );
      // The generator must reach the rules, or the comparison proves little.
      expect(total).toBeGreaterThan(RUNS / 4);
    },
    TIMEOUT,
  );

  it(
    'on random hand-written rules: the same rules met and the same findings',
    async () => {
      let total = 0;
      const rules = fc.tuple(...Array.from({ length: 6 }, (_, i) => ruleArbitrary(words, i)));
      await fc.assert(
        fc.asyncProperty(
          rules,
          fc.array(recordArbitrary({ lists: shipped.lists, words }), { minLength: 1, maxLength: 6 }),
          async (rs, values) => {
            total += await compare({ rules: rs, lists: shipped.lists }, values);
          },
        ),
        params,
      );
      expect(total).toBeGreaterThan(RUNS / 4);
    },
    TIMEOUT,
  );

  it(
    'on single random leaves, every operator: the same result as json-rules-engine',
    async () => {
      const leaf = leafArbitrary(words).chain((l) => fc.oneof(fc.constant(l), fc.constant({ not: l })));
      const rules = fc.tuple(...Array.from({ length: 6 }, (_, i) => ruleArbitrary(words, i, leaf)));
      await fc.assert(
        fc.asyncProperty(
          rules,
          fc.array(recordArbitrary({ lists: shipped.lists, words }), { minLength: 1, maxLength: 8 }),
          async (rs, values) => {
            await compare({ rules: rs, lists: shipped.lists }, values);
          },
        ),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'validates records by the quick check as by the located check: the same record, or the same problems',
    () => {
      let valid = 0;
      fc.assert(
        fc.property(maybeInvalidRecordArbitrary({ lists: shipped.lists, words }), (value) => {
          const line = JSON.stringify(value);
          const raw = parseNdjsonLine(line, 7, 'records.ndjson');
          if ('code' in raw) throw new Error(`generated line is not JSON: ${line}`);
          const again = parseNdjsonLine(line, 7, 'records.ndjson') as typeof raw;
          const want = validateLocated(raw, NO_SOURCES);
          const got = validateRecord(again, NO_SOURCES, { owned: true });
          expect(JSON.stringify(validateRecord(raw, NO_SOURCES))).toBe(JSON.stringify(want));
          expect(JSON.stringify(got)).toBe(JSON.stringify(want));
          if (want.loaded) valid++;
        }),
        { ...params, numRuns: RUNS * 5 },
      );
      expect(valid).toBeGreaterThan(RUNS / 2);
      expect(valid).toBeLessThan(RUNS * 5 - RUNS / 2);
    },
    TIMEOUT,
  );

  it(
    'gives the same findings through evaluateRecords with either engine',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(recordArbitrary({ lists: shipped.lists, words }), { minLength: 1, maxLength: 20 }), async (values) => {
          const records = values.map((v, i) => loadRecord(v, `rec-${i}`, i + 1));
          const plain = await evaluateRecords(records, shipped, { engine: 'plain' });
          const fast = await evaluateRecords(records, shipped);
          expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
        }),
        { ...params, numRuns: Math.max(10, Math.floor(RUNS / 10)) },
      );
    },
    TIMEOUT,
  );
});
