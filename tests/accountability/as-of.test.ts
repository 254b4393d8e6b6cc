// --as-of DAY: the provisions adopted and the designations listed by that day, and a warning for
// each record dated after it.
import { describe, expect, it } from 'vitest';
import { recordsAfter, ruleSetAsOf } from '../../src/accountability/as-of.js';
import { buildDesignationIndex } from '../../src/compile/designation-index.js';
import { toDateSpan } from '../../src/dates/date-span.js';
import { loadRules } from '../../src/load/load-rules.js';
import type { LoadedRecord, Report } from '../../src/types.js';
import { runCli } from '../helpers/run-cli.js';
import { CASE_DIR } from './case-copy.js';

const shipped = loadRules(['rules/unsc-dprk']).value;

describe('the rule set as of a day', () => {
  it('keeps only the provisions adopted by the day, and the rules that then had one', () => {
    const day = '2016-06-01';
    const set = ruleSetAsOf(shipped, day);
    expect(set.rules.length).toBeLessThan(shipped.rules.length);
    expect(set.rules.length).toBeGreaterThan(0);
    for (const { rule } of set.rules) {
      expect(rule.provisions.length).toBeGreaterThan(0);
      for (const p of rule.provisions) expect(p.adopted <= day, `${rule.id} ${p.symbol}`).toBe(true);
      expect(rule.applies.from <= day).toBe(true);
    }
    // The labour bans of 2017 did not exist yet; on 2016-01-01 the arms embargo of 2006 did, citing 1718 and 1874 but not 2270 (2016-03-02).
    const ids = set.rules.map((r) => r.rule.id);
    expect(ids).not.toContain('labour-repatriation');
    const arms = ruleSetAsOf(shipped, '2016-01-01').rules.find((r) => r.rule.id === 'arms-procurement-from-dprk')!.rule;
    expect(arms.provisions.map((p) => p.resolution)).toEqual([1718, 1874]);
    // The shipped rules are left as they were.
    expect(shipped.rules.find((r) => r.rule.id === 'arms-procurement-from-dprk')!.rule.provisions.map((p) => p.resolution)).toEqual([
      1718, 1874, 2270,
    ]);
  });

  it('keeps only the designations listed by the day', () => {
    const set = ruleSetAsOf(shipped, '2017-06-01');
    const list = set.lists[0]!;
    expect(list.entries.length).toBeLessThan(shipped.lists[0]!.entries.length);
    expect(list.entries.every((e) => e.listedOn === undefined || e.listedOn <= '2017-06-01')).toBe(true);
    // The Foreign Trade Bank was listed on 2017-08-05: a dealing in 2018 is with a designated party
    // under today's list, and not under the list of 2017-06-01.
    const bank = { name: 'Foreign Trade Bank', kind: 'organisation' as const, country: 'KP' };
    expect(buildDesignationIndex(shipped.lists).entriesFor(bank, '2018-12-31')).toHaveLength(1);
    expect(buildDesignationIndex(set.lists).entriesFor(bank, '2018-12-31')).toEqual([]);
  });

  it('warns of each record dated after the day, or running past it', () => {
    const rec = (id: string, date: string | { from: string; to: string }): LoadedRecord => ({
      record: { id, type: 'launch', date, evidence: { level: 'confirmed' } },
      span: toDateSpan(date)!,
      location: { file: 'r.yaml', line: 3, column: 5 },
    });
    const warnings = recordsAfter(
      [rec('before', '2023-01'), rec('after', '2023-03-02'), rec('across', { from: '2023-02', to: '2023-04' })],
      '2023-02-28',
    );
    expect(warnings.map((w) => `${w.location.line} ${w.severity} ${w.code} ${w.message.split(' the --as-of')[0]}`)).toEqual([
      "3 warning dated-after-as-of record 'after' is dated after",
      "3 warning dated-after-as-of record 'across' runs past",
    ]);
  });
});

describe('check --as-of', () => {
  it('says which day, warns of later records and checks with the law of that day', async () => {
    const r = await runCli(['check', CASE_DIR, '--format', 'json', '--fail-on', 'none', '--as-of', '2023-10-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /records\.yaml:41:5: warning dated-after-as-of: record 'commission-protocol-2023-11-15' is dated after the --as-of day 2023-10-01/,
    );
    expect(r.stderr).toMatch(/warning dated-after-as-of: record 'artillery-rounds-to-russia' runs past/);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.asOf).toBe('2023-10-01');
    expect(report.manifest!.options.asOf).toBe('2023-10-01');
    const text = await runCli(['check', CASE_DIR, '--fail-on', 'none', '--as-of', '2016-06-01']);
    expect(text.stdout).toContain('Law and list as of 2016-06-01: provisions adopted and designations listed after it are not applied.');
    const all = JSON.parse((await runCli(['check', CASE_DIR, '--format', 'json', '--fail-on', 'none'])).stdout) as Report;
    const old = JSON.parse(
      (await runCli(['check', CASE_DIR, '--format', 'json', '--fail-on', 'none', '--as-of', '2016-06-01'])).stdout,
    ) as Report;
    expect(old.rules).toBeLessThan(all.rules);
    expect(old.findings.flatMap((f) => f.provisions).every((p) => p.adopted <= '2016-06-01')).toBe(true);
  });
});
