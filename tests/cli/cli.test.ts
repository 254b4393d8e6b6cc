import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const RULES = ['--rules', 'tests/fixtures/core/rules.yaml'];
const RECORDS = 'tests/fixtures/core/records.yaml';

function tmpDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'sc-cli-'));
}

describe('check', () => {
  it('prints a text report grouped by record and exits 1 on a violation', async () => {
    const r = await runCli(['check', RECORDS, ...RULES]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Record shells  tests/fixtures/core/records.yaml:6:5');
    expect(r.stdout).toContain('VIOLATION, alleged  test-arms-from-dprk');
    expect(r.stdout).toContain('cites S/RES/1718 (2006) para 8(b), adopted 2006-10-14');
    expect(r.stdout).toContain('Record food');
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    expect((await runCli(['check', RECORDS, ...RULES], {}, true)).stdout).toContain('\u001b[31m');
    expect((await runCli(['check', RECORDS, ...RULES], { NO_COLOR: '1' }, true)).stdout).not.toContain('\u001b[');
    expect((await runCli(['check', RECORDS, ...RULES, '--no-color'], {}, true)).stdout).not.toContain('\u001b[');
  });

  it('writes the JSON contract', async () => {
    const r = await runCli(['check', RECORDS, ...RULES, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    expect(report.tool).toEqual({ name: 'sanctions-check', version: '0.1.0' });
    expect(report.records).toBe(5);
    expect(report.rules).toBe(2);
    expect(report.summary).toEqual({ violation: 1, review: 1, exempt: 1 });
    const f = report.findings[0];
    expect(Object.keys(f)).toEqual(
      expect.arrayContaining(['recordId', 'ruleId', 'provisions', 'outcome', 'evidence', 'message', 'location', 'explanation']),
    );
    expect(f.provisions[0]).toMatchObject({ resolution: 1718, paragraph: '8(b)', adopted: '2006-10-14', verified: true });
    expect(f.explanation[0]).toEqual(
      expect.objectContaining({ condition: 'is-arms-transfer', expected: ['arms-transfer'], actual: 'arms-transfer', held: true }),
    );
    expect(f.location).toEqual({ file: 'tests/fixtures/core/records.yaml', line: 6, column: 5 });
  });

  it('gives byte-identical output for the same input', async () => {
    for (const format of ['text', 'json', 'markdown']) {
      const a = await runCli(['check', RECORDS, ...RULES, '--format', format]);
      const b = await runCli(['check', RECORDS, ...RULES, '--format', format]);
      expect(b.stdout, format).toBe(a.stdout);
    }
  });

  it('honours --fail-on', async () => {
    expect((await runCli(['check', RECORDS, ...RULES, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['check', 'tests/fixtures/core/records.yaml', ...RULES, '--fail-on', 'review'])).code).toBe(1);
    expect((await runCli(['check', RECORDS, ...RULES, '--fail-on', 'maybe'])).code).toBe(2);
  });

  it('writes several formats from one run, each file whole', async () => {
    const dir = tmpDir();
    const md = path.join(dir, 'r.md');
    const js = path.join(dir, 'r.json');
    writeFileSync(md, 'old contents');
    const r = await runCli(['check', RECORDS, ...RULES, '--format', 'markdown', '--output', md, '--format', 'json', '--output', js]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(md, 'utf8')).toMatch(/^# Sanctions compliance report/);
    expect(JSON.parse(readFileSync(js, 'utf8')).findings).toHaveLength(3);
    expect(readdirSync(dir).sort()).toEqual(['r.json', 'r.md']);
  });

  it('writes nothing when the input is invalid, and leaves an existing output alone', async () => {
    const dir = tmpDir();
    const out = path.join(dir, 'report.json');
    writeFileSync(out, 'previous');
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, '- id: x\n  type: launch\n  date: "2023-02-30"\n  evidence: { level: confirmed }\n');
    const r = await runCli(['check', bad, ...RULES, '--format', 'json', '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:3:9: invalid-date: "2023-02-30" is not a real date/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dir).sort()).toEqual(['bad.yaml', 'report.json']);
  });

  it('refuses an output in a missing folder before doing any work', async () => {
    const r = await runCli(['check', RECORDS, ...RULES, '--format', 'json', '--output', '/no/such/folder/r.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the folder /no/such/folder does not exist');
    expect(existsSync('/no/such/folder')).toBe(false);
  });

  it('treats usage errors as exit 2 with a message, not a trace', async () => {
    for (const args of [['check'], ['check', RECORDS, '--format', 'pdf'], ['nonsense'], ['check', 'missing.yaml', ...RULES]]) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

describe('rules', () => {
  it('lists rules as JSON with their provisions', async () => {
    const r = await runCli(['rules', 'list', 'tests/fixtures/core/rules.yaml', '--format', 'json']);
    expect(r.code).toBe(0);
    const { rules } = JSON.parse(r.stdout);
    expect(rules.map((x: { id: string }) => x.id)).toEqual(['test-arms-from-dprk', 'test-repatriation']);
    expect(Object.keys(rules[0])).toEqual(['id', 'title', 'outcome', 'status', 'tags', 'provisions', 'applies']);
  });

  it('validates, and reports every problem of several files at once', async () => {
    const dir = tmpDir();
    writeFileSync(path.join(dir, 'a.yaml'), '- id: x\n  title: [unclosed\n');
    writeFileSync(path.join(dir, 'b.yaml'), readFileSync('tests/fixtures/core/rules.yaml', 'utf8'));
    writeFileSync(
      path.join(dir, 'c.yaml'),
      readFileSync('tests/fixtures/core/rules.yaml', 'utf8').replace('operator: in,', 'operator: within,'),
    );
    const r = await runCli(['rules', 'validate', path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'), path.join(dir, 'c.yaml')]);
    expect(r.code).toBe(2);
    const lines = r.stderr
      .trim()
      .split('\n')
      .map((l) => l.replace(dir + '/', ''));
    expect(lines).toEqual([
      'a.yaml:3:1: yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]',
      expect.stringMatching(/^c\.yaml:18:59: unknown-operator: unknown operator 'within'/),
      "c.yaml:35:5: duplicate-rule-id: rule id 'test-repatriation' is already used at " +
        path.join(dir, 'b.yaml').replace(/^\//, '/') +
        ':35',
      '3 error(s); nothing was written',
    ]);
  });

  it('runs every example and fails on a mismatch, naming rule and example', async () => {
    expect((await runCli(['rules', 'test', 'tests/fixtures/core/rules.yaml'])).stdout).toBe('4 passed, 0 failed\n');
    const dir = tmpDir();
    const broken = readFileSync('tests/fixtures/core/rules.yaml', 'utf8').replace(
      'id: clears-2018\n        outcome: none',
      'id: clears-2018\n        outcome: review',
    );
    writeFileSync(path.join(dir, 'r.yaml'), broken);
    const r = await runCli(['rules', 'test', path.join(dir, 'r.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL test-repatriation › clears-2018: expected review, got none/);
    expect(r.stdout).toContain('FAIL test-repatriation › (none): every rule needs an example it clears');
    expect(r.stdout).toContain('3 passed, 2 failed');
  });
});

describe('explain', () => {
  it('shows every condition with expected, actual and held', async () => {
    const r = await runCli(['explain', '--record', 'workers-no-place', '--rule', 'test-repatriation', RECORDS, ...RULES]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('outcome: none');
    expect(r.stdout).toMatch(/ yes {2}dprk-workers {2}\(workerCountries includesAny \["KP"\] → \["KP"\]\)/);
    expect(r.stdout).toMatch(/ no {3}abroad {2}\(placeCountry notEqual KP → \(missing\)\)/);
  });

  it('says which id it cannot find', async () => {
    const r = await runCli(['explain', '--record', 'nope', '--rule', 'test-repatriation', RECORDS, ...RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no record 'nope'");
  });
});
