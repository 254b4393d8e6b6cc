// Baselines: each finding new or unchanged since a previous JSON report, and those resolved
// listed, in every format; --fail-on-new fails only on new findings.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { Report } from '../../src/types.js';
import { caseDoc, tempDir, writeCase } from './case-copy.js';

// Last week: the artillery rounds and the workers. This week: the workers unchanged, the rounds
// gone (resolved), the spy-satellite launch added (new).
let dir = '';
let baseline = '';
let current = '';

beforeAll(async () => {
  dir = tempDir();
  const doc = caseDoc();
  const keep = (ids: string[]) => ({ ...doc, records: doc.records.filter((r) => ids.includes(String(r.id))) });
  const before = writeCase(dir, 'last-week.yaml', keep(['artillery-rounds-to-russia', 'dprk-missile-tests-since-2021']));
  current = writeCase(dir, 'this-week.yaml', keep(['dprk-missile-tests-since-2021', 'dprk-planned-spy-satellite-launch']));
  const r = await runCli(['check', before, '--format', 'json', '--fail-on', 'none']);
  expect(r.code, r.stderr).toBe(0);
  baseline = path.join(dir, 'last-week.json');
  writeFileSync(baseline, r.stdout);
});

describe('--baseline', () => {
  it('marks one finding new, one unchanged and lists one resolved', async () => {
    const r = await runCli(['check', current, '--format', 'json', '--fail-on', 'none', '--baseline', baseline]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.findings.map((f) => [f.recordId, f.baseline])).toEqual([
      ['dprk-missile-tests-since-2021', 'unchanged'],
      ['dprk-planned-spy-satellite-launch', 'new'],
    ]);
    expect(report.baseline).toMatchObject({ new: 1, unchanged: 1 });
    expect(report.baseline!.resolved).toEqual([
      expect.objectContaining({ recordId: 'artillery-rounds-to-russia', ruleId: 'arms-procurement-from-dprk', outcome: 'violation' }),
    ]);
    expect(report.manifest!.options.baseline!.path).toMatch(/last-week\.json$/);
  });

  it('shows new, unchanged and resolved in every format', async () => {
    const base = ['check', current, '--fail-on', 'none', '--baseline', baseline];
    const text = (await runCli([...base, '--format', 'text'])).stdout;
    expect(text).toMatch(/Since the baseline .*last-week\.json: 1 new, 1 unchanged, 1 resolved/);
    expect(text).toMatch(/resolved: artillery-rounds-to-russia \/ arms-procurement-from-dprk \(violation, fingerprint [0-9a-f]{12}\)/);
    expect(text).toMatch(/fingerprint [0-9a-f]{12} · new since the baseline/);
    const md = (await runCli([...base, '--format', 'markdown'])).stdout;
    expect(md).toMatch(/\| unchanged \|/);
    expect(md).toMatch(/\| new \|/);
    expect(md).toContain('- resolved: artillery-rounds-to-russia / arms-procurement-from-dprk');
    const html = (await runCli([...base, '--format', 'html'])).stdout;
    expect(html).toContain('new since the baseline');
    expect(html).toContain('resolved: artillery-rounds-to-russia / arms-procurement-from-dprk');
    const sarif = JSON.parse((await runCli([...base, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].results.map((x: { baselineState: string }) => x.baselineState)).toEqual(['unchanged', 'new']);
    expect(sarif.runs[0].properties.baseline.resolved).toHaveLength(1);
    const junit = (await runCli([...base, '--format', 'junit'])).stdout;
    expect(junit).toMatch(/Fingerprint [0-9a-f]{12} · new since the baseline/);
    expect(junit).toMatch(/Fingerprint [0-9a-f]{12} · unchanged since the baseline/);
  });

  it('with --fail-on-new, fails only on new findings', async () => {
    // Both weeks' violations: the missile tests are unchanged, so only the new review could fail.
    const onlyOld = await runCli(['check', current, '--format', 'json', '--baseline', baseline, '--fail-on-new']);
    expect(onlyOld.code).toBe(0);
    const failsOnReview = await runCli([
      'check',
      current,
      '--format',
      'json',
      '--baseline',
      baseline,
      '--fail-on-new',
      '--fail-on',
      'review',
    ]);
    expect(failsOnReview.code).toBe(1);
    const withoutNew = await runCli(['check', current, '--format', 'json', '--baseline', baseline]);
    expect(withoutNew.code).toBe(1);
    // JUnit failures follow the exit code.
    const junit = (await runCli(['check', current, '--format', 'junit', '--baseline', baseline, '--fail-on-new'])).stdout;
    expect(junit).toMatch(/<testsuites [^>]*failures="0"/);
    expect((await runCli(['check', current, '--format', 'junit', '--baseline', baseline])).stdout).toMatch(/<testsuites [^>]*failures="1"/);
  });

  it('refuses --fail-on-new without a baseline, and a baseline that is not a report', async () => {
    const r = await runCli(['check', current, '--fail-on-new']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-on-new needs --baseline');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{"findings": [1,\n 2,]}');
    const b = await runCli(['check', current, '--baseline', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/bad\.json:2:\d+: invalid-json/);
    expect(b.stderr).not.toMatch(/\n\s+at /);
  });
});
