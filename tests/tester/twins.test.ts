// Every fast twin held to its plain original on every bundled record: the bundled case, every record
// file under tests/fixtures (broken ones included, for the validators), the benchmark's generated
// records, and every rule example (through `rules test`, which fails on a disagreement).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';
import { DEFAULT_RULES_DIR } from '../../src/default-rules.js';
import { LazyFacts } from '../../src/evaluate/fast-facts.js';
import { parseNdjsonLine, parseRecordFile } from '../../src/load/record-file.js';
import { loadRules } from '../../src/load/load-rules.js';
import { runExamples } from '../../src/tester/run-examples.js';
import { createTwinCheck, validatorDifferences } from '../../src/tester/twin-check.js';
import type { LoadedRecord, RuleSet, Source } from '../../src/types.js';
import { NO_SOURCES, validateLocated } from '../../src/validate/validate-record.js';

const RECORD_FILE = /\.(ya?ml|json|ndjson|jsonl)$/i;

/** Record files under a folder: named for records, or inside a `records` folder. */
function recordFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...recordFiles(p));
    else if (RECORD_FILE.test(name) && (/records/.test(name) || p.split(path.sep).includes('records'))) out.push(p);
  }
  return out;
}

function rulesOf(paths: string[]): RuleSet {
  const r = loadRules(paths);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value;
}

const shipped = rulesOf([DEFAULT_RULES_DIR]);

/** Each file's records, validated by both paths; the valid ones come back loaded. */
function validatedRecords(file: string, differences: string[]): LoadedRecord[] {
  const parsed = parseRecordFile(readFileSync(file, 'utf8'), file);
  const sources = new Map<string, Source>(parsed.sources.map((s) => [s.value.id!, s.value]));
  const out: LoadedRecord[] = [];
  for (const raw of parsed.records) {
    for (const d of validatorDifferences(raw, sources)) differences.push(`${file}:${raw.location.line}: ${d}`);
    const { loaded } = validateLocated(raw, sources);
    if (loaded) out.push(loaded);
  }
  return out;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('fast twins on every bundled record', () => {
  it('validators, facts and findings agree on the bundled case and every fixture record file', async () => {
    const files = [...recordFiles('cases'), ...recordFiles('tests/fixtures')];
    const differences: string[] = [];
    const shippedTwins = createTwinCheck(shipped);
    let valid = 0;
    for (const file of files) {
      const records = validatedRecords(file, differences);
      // A fixture with rules of its own beside it is checked against them too.
      const own = path.join(path.dirname(file), 'rules.yaml');
      const checks = [shippedTwins];
      try {
        if (statSync(own).isFile() && !file.includes(`${path.sep}broken${path.sep}`)) checks.push(createTwinCheck(rulesOf([own])));
      } catch {
        // no rules of its own
      }
      for (const loaded of records) {
        valid++;
        for (const check of checks)
          for (const d of await check(loaded)) differences.push(`${file}:${loaded.location.line} (${loaded.record.id}): ${d}`);
      }
    }
    expect(differences).toEqual([]);
    expect(files.length).toBeGreaterThan(60);
    expect(valid).toBeGreaterThan(80);
  }, 120_000);

  it("validators, facts and findings agree on the benchmark's generated records", async () => {
    const next = makeGenerator(1718);
    const twins = createTwinCheck(shipped);
    const differences: string[] = [];
    for (let i = 1; i <= 1500; i++) {
      const line = JSON.stringify(next(i));
      const raw = parseNdjsonLine(line, i, 'bench.ndjson');
      if ('code' in raw) throw new Error(`generated line ${i} is not JSON`);
      differences.push(...validatorDifferences(raw, NO_SOURCES));
      const { loaded } = validateLocated(raw, NO_SOURCES);
      if (!loaded) throw new Error(`generated record ${i} is not valid`);
      differences.push(...(await twins(loaded)));
    }
    expect(differences).toEqual([]);
  }, 120_000);
});

describe('rules test', () => {
  it('fails an example on which the fast path reads a fact differently', async () => {
    const ruleSet = rulesOf(['tests/fixtures/core/rules.yaml']);
    expect((await runExamples(ruleSet)).every((r) => r.passed)).toBe(true);
    const real = LazyFacts.prototype.get;
    vi.spyOn(LazyFacts.prototype, 'get').mockImplementation(function (this: LazyFacts, name: string) {
      return name === 'partyCountries' ? ['ZZ'] : real.call(this, name);
    });
    const failed = (await runExamples(ruleSet)).filter((r) => !r.passed);
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.problem).toMatch(/^the fast path disagrees with the plain one: fact 'partyCountries' is \["ZZ"\] on the fast path/);
  });
});
