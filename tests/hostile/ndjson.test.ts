// Large NDJSON input with bad lines: each is reported by its line number; with --skip-invalid it is
// reported and counted, and every line is accounted for, checked or skipped.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { budget } from '../helpers/time-budget.js';

const RULES = 'tests/fixtures/broken/support/rules.yaml';
const LINES = 100_000;

const record = (i: number) =>
  JSON.stringify({
    id: `r${i}`,
    type: i % 2 ? 'meeting' : 'arms-transfer',
    date: '2023',
    parties: [{ name: 'DPRK', country: 'KP', role: 'supplier' }],
    evidence: { level: 'reported' },
  });

function file(lines: string[]): string {
  const f = path.join(mkdtempSync(path.join(tmpdir(), 'sc-ndjson-')), 'records.ndjson');
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}

function large(bad: Record<number, string>): string {
  return file(Array.from({ length: LINES }, (_, i) => bad[i + 1] ?? record(i + 1)));
}

describe('a large NDJSON file', () => {
  it('with one bad line in the middle fails, naming that line and column', async () => {
    const f = large({ 54_321: '{"id": "r54321", "type": "meeting", "date": "2023" "evidence": {}}' });
    const started = performance.now();
    const r = await runCli(['check', f, '--rules', RULES, '--format', 'json']);
    expect(performance.now() - started).toBeLessThan(budget(20_000));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${f}:54321:52: invalid-json: not valid JSON: unexpected '"'; expected ',' or '}'\n1 error(s); nothing was written\n`,
    );
  }, 60_000);

  it('with a truncated last line fails, naming it', async () => {
    const f = file([record(1), record(2), record(3).slice(0, 40)]);
    const r = await runCli(['check', f, '--rules', RULES]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${f}:3:36: invalid-json: not valid JSON: the line ends inside the string that starts here; is it cut short?\n1 error(s); nothing was written\n`,
    );
  });

  it('with --skip-invalid reports and counts each bad line, and checks every other one', async () => {
    const bad = {
      10: '{"id": "r10", "type": "meeting"',
      20_000: '{"id": "r20000", "type": "meeting", "date": "2023-02-30", "evidence": {"level": "reported"}}',
      54_321: 'not json at all',
      99_999: record(1),
    };
    const f = large(bad);
    const r = await runCli(['check', f, '--rules', RULES, '--skip-invalid', '--format', 'json']);
    expect(r.code).toBe(1);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('(record skipped)'));
    expect(warnings.map((l) => l.split(':')[1])).toEqual(['10', '20000', '54321', '99999']);
    expect(r.stderr).toContain('4 invalid record(s) skipped\n');
    const report = JSON.parse(r.stdout);
    // Nothing dropped silently: every line is a record checked or a record skipped and named.
    expect(report.records + warnings.length).toBe(LINES);
    expect(report.summary.violation).toBe(report.findings.length);
    expect(report.findings.length).toBe((LINES - 4) / 2);
  }, 60_000);
});

describe('a line of millions of values', () => {
  // 12 MiB of `{},` in one list: parsing it is unavoidable, but locating the problem must not
  // cost a path for each of its four million items.
  const items = new Array(4_000_000).fill('{}').join(',');
  const line = (tail: string) =>
    `{"id": "big", "type": "meeting", "date": "2023", "evidence": {"level": "reported"}, "facts": {"purpose": [${items}]}${tail}}`;

  it('is refused at the field that is wrong, within bounds of time and memory', async () => {
    const f = file([record(1), line('')]);
    const started = performance.now();
    const r = await runCli(['check', f, '--rules', RULES]);
    expect(performance.now() - started).toBeLessThan(budget(20_000));
    expect(r.code).toBe(2);
    const column = line('').indexOf('[') + 1;
    expect(r.stderr).toContain(`${f}:2:${column}: invalid-type: 'purpose' is a list; it must be text\n`);
  }, 60_000);

  it('is located at the deepest part it reached when the problem lies past what the scan records', async () => {
    const f = file([line(', "extra": 1')]);
    const r = await runCli(['check', f, '--rules', RULES]);
    expect(r.code).toBe(2);
    // `extra` comes after four million values: the record itself is named, at column 1.
    expect(r.stderr).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: [a-z-]+: .*extra`, 'm'));
  }, 60_000);
});
