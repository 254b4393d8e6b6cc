// `verify` re-runs a JSON report from its manifest: exit 0 when untouched, 1 naming the file when
// one byte of a rule file changes, 2 for a file that is not a report.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import type { Report } from '../../src/types.js';
import { stringify } from 'yaml';
import { CASE_FILE, caseDoc, record, tempDir } from './case-copy.js';

let dir = '';
let report = '';
let rules = '';
let records = '';

beforeAll(async () => {
  dir = tempDir();
  rules = path.join(dir, 'rules');
  cpSync('rules/unsc-dprk', rules, { recursive: true });
  records = path.join(dir, 'records.yaml');
  cpSync(CASE_FILE, records);
  report = path.join(dir, 'report.json');
  const r = await runCli([
    'check',
    records,
    '--rules',
    rules,
    '--format',
    'json',
    '--output',
    report,
    '--fail-on',
    'none',
    '--as-of',
    '2024-01-31',
  ]);
  expect(r.code, r.stderr).toBe(0);
});

describe('verify', () => {
  it('names every file with its hash, relative to the working folder', () => {
    const { manifest } = JSON.parse(readFileSync(report, 'utf8')) as Report;
    const rel = (p: string) => path.relative(process.cwd(), p).split(path.sep).join('/');
    expect(manifest!.arguments).toEqual({ records: [rel(records)], rules: [rel(rules)] });
    expect(manifest!.ruleSet.files.map((f) => f.path)).toContain(rel(path.join(rules, 'arms.yaml')));
    expect(manifest!.inputs).toEqual([
      { path: rel(records), size: readFileSync(records).length, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    ]);
    expect(manifest!.designationLists).toEqual([
      expect.objectContaining({ list: 'un-1718', date: '2025-08-02', path: rel(path.join(rules, 'lists', 'un-1718.json')) }),
    ]);
    expect(manifest!.options).toEqual({ skipInvalid: false, asOf: '2024-01-31' });
  });

  it('passes on an untouched report', async () => {
    const r = await runCli(['verify', report]);
    expect(r.stdout).toContain('findings identical (10)');
    expect(r.stdout).toContain('every file named in the manifest has the same SHA-256');
    expect(r.code).toBe(0);
  });

  it('fails, naming the file, after one byte of a rule file changes', async () => {
    const arms = path.join(rules, 'arms.yaml');
    const original = readFileSync(arms);
    const changed = Buffer.from(original);
    const at = changed.indexOf('#'.charCodeAt(0));
    changed[at + 1] = changed[at + 1] === 0x20 ? 0x21 : 0x20;
    writeFileSync(arms, changed);
    try {
      const r = await runCli(['verify', report]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`${path.relative(process.cwd(), arms).split(path.sep).join('/')}: rule file differs (SHA-256 was`);
      expect(r.stdout).toContain('findings identical (10)');
    } finally {
      writeFileSync(arms, original);
    }
  });

  it('fails when the findings differ, saying which', async () => {
    const original = readFileSync(records, 'utf8');
    writeFileSync(records, original.replace('category: ammunition', 'category: missiles'));
    try {
      const r = await runCli(['verify', report]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        'changed finding: artillery-rounds-to-russia / arms-procurement-from-dprk (fingerprint changed: a fact the rule reads is different)',
      );
      expect(r.stdout).toMatch(/records\.yaml: input differs/);
    } finally {
      writeFileSync(records, original);
    }
  });

  it('fails, naming it, when an input is gone', async () => {
    const gone = path.join(dir, 'gone.yaml');
    cpSync(CASE_FILE, gone);
    const out = path.join(dir, 'gone.json');
    expect((await runCli(['check', gone, '--format', 'json', '--output', out, '--fail-on', 'none'])).code).toBe(0);
    rmSync(gone);
    const r = await runCli(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/gone\.yaml: input cannot be read/);
    expect(r.stdout).toContain('the report cannot be re-run: 1 file(s) changed, added or gone since the report');
  });

  it('fails, naming it, when a case folder holds a new record file', async () => {
    const folder = path.join(dir, 'case');
    cpSync(CASE_FILE, path.join(folder, 'records.yaml'));
    const out = path.join(dir, 'folder.json');
    expect((await runCli(['check', folder, '--format', 'json', '--output', out, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['verify', out])).code).toBe(0);
    const rounds = {
      ...record(caseDoc(), 'artillery-rounds-to-russia'),
      id: 'more-artillery-rounds-to-russia',
      evidence: { level: 'alleged' },
    };
    writeFileSync(path.join(folder, 'more.yaml'), stringify([rounds]));
    const r = await runCli(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/case\/more\.yaml: input added since the report/);
    expect(r.stdout).toMatch(/new finding: more-artillery-rounds-to-russia/);
  });

  it('fails, naming it, when a new record file in the folder stops the check', async () => {
    const folder = path.join(dir, 'case2');
    cpSync(CASE_FILE, path.join(folder, 'records.yaml'));
    const out = path.join(dir, 'folder2.json');
    expect((await runCli(['check', folder, '--format', 'json', '--output', out, '--fail-on', 'none'])).code).toBe(0);
    writeFileSync(path.join(folder, 'broken.yaml'), '- id: [\n');
    const r = await runCli(['verify', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(r.stdout).toMatch(/case2\/broken\.yaml: input added since the report/);
    expect(r.stdout).toContain('the report cannot be re-run: 1 file(s) changed, added or gone since the report');
  });

  it('exits 2 for a file that is not a report with a manifest', async () => {
    const r = await runCli(['verify', records]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/records\.yaml:\d+:\d+: /);
    const noManifest = path.join(dir, 'old.json');
    writeFileSync(noManifest, '{"findings": []}\n');
    const m = await runCli(['verify', noManifest]);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('old.json:1:1: no-manifest');
  });
});
