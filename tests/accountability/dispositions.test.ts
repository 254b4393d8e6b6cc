// Dispositions: applied ones are shown and counted apart and never fail the run; expired ones stop
// applying; stale ones are reported; a malformed file is refused with located errors.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDispositions } from '../../src/accountability/dispositions-file.js';
import { runCli } from '../helpers/run-cli.js';
import type { Report } from '../../src/types.js';
import { CASE_DIR, tempDir } from './case-copy.js';

const ROUNDS = 'artillery-rounds-to-russia';
let fpRounds = '';
let dir = '';

/** Disposes of every violation: the artillery rounds by a short fingerprint, the others by record and rule. */
function dispositionsYaml(violations: { recordId: string; ruleId: string }[], extra = ''): string {
  const lines = ['dispositions:'];
  for (const v of violations) {
    if (v.recordId === ROUNDS) lines.push(`  - fingerprint: ${fpRounds.slice(0, 12)}`);
    else lines.push(`  - record: ${v.recordId}`, `    rule: ${v.ruleId}`);
    lines.push(
      '    decision: accepted-risk',
      '    reason: reviewed with counsel',
      '    decidedBy: A. Analyst',
      '    decidedOn: 2024-01-10',
    );
    if (v.recordId === ROUNDS) lines.push('    legalBasis: 1718 Committee exemption ref. X', '    expires: 2024-06-30');
  }
  return lines.join('\n') + '\n' + extra;
}

let violations: { recordId: string; ruleId: string }[] = [];

beforeAll(async () => {
  const r = await runCli(['check', CASE_DIR, '--format', 'json', '--fail-on', 'none']);
  const report = JSON.parse(r.stdout) as Report;
  fpRounds = report.findings.find((f) => f.recordId === ROUNDS)!.fingerprint!;
  violations = report.findings.filter((f) => f.outcome === 'violation').map(({ recordId, ruleId }) => ({ recordId, ruleId }));
  dir = tempDir();
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('--dispositions', () => {
  it('takes every disposed violation out of --fail-on, shows it and counts it apart', async () => {
    const file = write('all.yaml', dispositionsYaml(violations));
    const without = await runCli(['check', CASE_DIR, '--format', 'json', '--as-of', '2024-02-01']);
    expect(without.code).toBe(1);
    const r = await runCli(['check', CASE_DIR, '--format', 'json', '--as-of', '2024-02-01', '--dispositions', file]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary).toEqual({ violation: 0, review: 4, exempt: 0 });
    expect(report.dispositions!.disposed).toEqual({ violation: violations.length, review: 0, exempt: 0 });
    expect(report.dispositions!.expired).toEqual([]);
    expect(report.dispositions!.stale).toEqual([]);
    const rounds = report.findings.find((f) => f.recordId === ROUNDS)!;
    expect(rounds.disposition).toMatchObject({
      status: 'applied',
      decision: 'accepted-risk',
      legalBasis: '1718 Committee exemption ref. X',
      expires: '2024-06-30',
    });
    expect(rounds.disposition!.location.line).toBe(2);
    // Still shown in every report.
    expect(report.findings).toHaveLength(10);
    expect(report.manifest!.options.dispositions!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.manifest!.options.expiryDay).toBe('2024-02-01');
  });

  it('lets a finding count again once its disposition has expired (relative to --as-of), with a warning', async () => {
    const file = write('expiring.yaml', dispositionsYaml(violations));
    const r = await runCli(['check', CASE_DIR, '--format', 'json', '--as-of', '2024-07-01', '--dispositions', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/expiring\.yaml:2:5: warning expired-disposition: the accepted-risk decision on artillery-rounds-to-russia/);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.summary.violation).toBe(1);
    expect(report.dispositions!.expired.map((e) => e.recordId)).toEqual([ROUNDS]);
    expect(report.findings.find((f) => f.recordId === ROUNDS)!.disposition!.status).toBe('expired');
  });

  it('reports an entry that matches no finding as stale', async () => {
    const stale = [
      '  - record: no-such-record',
      '    rule: arms-procurement-from-dprk',
      '    decision: false-positive',
      '    reason: r',
      '    decidedBy: B',
      '    decidedOn: 2024-01-11',
      '',
    ].join('\n');
    const file = write('stale.yaml', dispositionsYaml(violations.slice(0, 1), stale));
    const r = await runCli(['check', CASE_DIR, '--format', 'json', '--fail-on', 'none', '--as-of', '2024-02-01', '--dispositions', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stale\.yaml:\d+:5: warning stale-disposition: no finding matches record 'no-such-record'/);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.dispositions!.stale.map((s) => s.record)).toEqual(['no-such-record']);
  });

  it('refuses a malformed file with every problem located, exit 2, and writes nothing', async () => {
    const bad = [
      'dispositions:',
      '  - fingerprint: zz',
      '    decision: ignore',
      '    reason: r',
      '    decidedBy: C',
      '    decidedOn: 2024-13-01',
      '  - record: x',
      '    decision: licensed',
      '    reason: r',
      '    decidedBy: C',
      '    decidedOn: 2024-01-01',
      '',
    ].join('\n');
    const file = write('bad.yaml', bad);
    const out = path.join(dir, 'never.json');
    const r = await runCli(['check', CASE_DIR, '--format', 'json', '--output', out, '--dispositions', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain(`${file}:2:18: `);
    expect(r.stderr).toMatch(/:3:15: .*decision/);
    expect(r.stderr).toMatch(/:6:16: .*2024-13-01/);
    expect(r.stderr).toMatch(/:7:5: .*disposition-target/);
    expect(() => readFileSync(out)).toThrow();
  });

  it('parses a list without the `dispositions:` key, and refuses a duplicate', () => {
    const entry = (n: number) =>
      [`- record: a`, '  rule: b', '  decision: under-review', '  reason: r', '  decidedBy: D', `  decidedOn: 2024-01-0${n}`].join('\n');
    const r = parseDispositions(`${entry(1)}\n${entry(2)}\n`, 'd.yaml');
    expect(r.dispositions).toHaveLength(1);
    expect(r.diagnostics.map((d) => `${d.location.line}:${d.location.column} ${d.code}`)).toEqual(['7:3 duplicate-disposition']);
  });

  it('shows the disposed findings and the counts apart in every format', async () => {
    const file = write('every.yaml', dispositionsYaml(violations.slice(0, 2)));
    const base = ['check', CASE_DIR, '--as-of', '2024-02-01', '--dispositions', file, '--fail-on', 'none'];
    const text = (await runCli([...base, '--format', 'text'])).stdout;
    expect(text).toContain('Disposed, counted apart: 2 (2 violation, 0 review, 0 exempt); 0 expired, 0 stale');
    expect(text).toContain('disposed: accepted-risk by A. Analyst on 2024-01-10');
    expect(text).toContain('Findings: 4 violation, 4 review, 0 exempt');
    const md = (await runCli([...base, '--format', 'markdown'])).stdout;
    expect(md).toContain('- Disposed, counted apart: 2 (2 violation, 0 review, 0 exempt)');
    expect(md).toMatch(/\| disposed \(accepted-risk\) \|/);
    expect(md).toContain('| violation | 4 |');
    const html = (await runCli([...base, '--format', 'html'])).stdout;
    expect(html).toContain('Disposed, counted apart: 2 (2 violation, 0 review, 0 exempt)');
    expect(html).toContain('<h2 id="manifest-h">Run manifest</h2>');
    const sarif = JSON.parse((await runCli([...base, '--format', 'sarif'])).stdout);
    const results = sarif.runs[0].results as {
      suppressions?: { status: string; justification: string }[];
      partialFingerprints: Record<string, string>;
    }[];
    expect(results.filter((x) => x.suppressions?.[0]?.status === 'accepted')).toHaveLength(2);
    expect(results.every((x) => /^[0-9a-f]{64}$/.test(x.partialFingerprints['sanctionsCheck/v1']!))).toBe(true);
    expect(sarif.runs[0].properties.dispositions.disposed.violation).toBe(2);
    const junit = (await runCli(['check', CASE_DIR, '--as-of', '2024-02-01', '--dispositions', file, '--format', 'junit'])).stdout;
    const xml = new XMLParser({ ignoreAttributes: false }).parse(junit);
    expect(xml.testsuites['@_skipped']).toBe('2');
    expect(xml.testsuites['@_failures']).toBe(String(violations.length - 2));
    expect(junit).toContain(`<property name="fingerprint" value="${fpRounds}"/>`);
    const json = JSON.parse((await runCli([...base, '--format', 'json'])).stdout) as Report;
    expect(json.dispositions!.disposed.violation).toBe(2);
  });
});
