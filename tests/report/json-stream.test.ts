// The JSON report written from a temporary file (check --format json) is byte for byte the report
// renderJson writes from the whole run in memory: several files named out of order, YAML, JSON and
// NDJSON, standard input, skipped records, --as-of, no findings, --output; and nothing is left behind.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeGenerator } from '../../bench/generate.mjs';
import { run } from '../../src/cli/run.js';
import { runCheck, type CheckOptions } from '../../src/pipeline.js';
import { renderReport } from '../../src/report/render.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let spoolDir: string;
const savedTmp = process.env.TMPDIR;

/** The report as the whole run in memory renders it. */
async function inMemory(opts: CheckOptions): Promise<string> {
  return renderReport((await runCheck(opts)).report, 'json');
}

/** Generated records, every `kpEvery`-th with the DPRK as a party; with 0, none has the DPRK anywhere. */
function ndjson(count: number, seed: number, kpEvery: number): string {
  const next = makeGenerator(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = next(i + 1) as { parties: { country?: string }[]; goods?: { origin?: string }[] };
    if (kpEvery === 0) {
      for (const p of r.parties) p.country = 'FR';
      for (const g of r.goods ?? []) g.origin = 'FR';
    } else if (i % kpEvery === 0) r.parties[0]!.country = 'KP';
    return JSON.stringify(r) + '\n';
  }).join('');
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sanctions-json-stream-'));
  spoolDir = mkdtempSync(path.join(tmpdir(), 'sanctions-json-spool-'));
  process.env.TMPDIR = spoolDir; // the report's temporary files go here: the test sees them removed
  writeFileSync(path.join(dir, 'b-events.yaml'), readFileSync('tests/fixtures/real-events/records.yaml'));
  writeFileSync(path.join(dir, 'a-declarations.ndjson'), ndjson(200, 41, 5));
  writeFileSync(path.join(dir, 'c-core.json'), JSON.stringify(parse(readFileSync('tests/fixtures/core/records.yaml', 'utf8'))));
  writeFileSync(path.join(dir, 'quiet.ndjson'), ndjson(50, 43, 0));
  writeFileSync(path.join(dir, 'mixed.ndjson'), readFileSync('tests/fixtures/broken/records/skip-invalid/ndjson-mixed.ndjson'));
});

afterAll(() => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  rmSync(dir, { recursive: true, force: true });
  rmSync(spoolDir, { recursive: true, force: true });
});

describe('the JSON report in bounded memory', () => {
  it('equals the in-memory report for files named out of order, in three formats', async () => {
    const files = ['b-events.yaml', 'a-declarations.ndjson', 'c-core.json'].map((f) => path.join(dir, f));
    const r = await runCli(['check', ...files, '--format', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = await inMemory({ records: files });
    expect(r.stdout).toBe(expected);
    const report = JSON.parse(r.stdout) as { findings: { location: { file: string } }[]; activities: unknown[] };
    // Findings of the NDJSON file (named second) come first, as the whole report sorts them by file.
    expect([...new Set(report.findings.map((f) => path.basename(f.location.file)))]).toEqual(['a-declarations.ndjson', 'b-events.yaml', 'c-core.json']);
    expect(report.activities.length).toBeGreaterThan(200);
    expect(readdirSync(spoolDir)).toEqual([]);
  });

  it('equals it with --skip-invalid, --as-of and the exit code of --fail-on', async () => {
    const files = [path.join(dir, 'mixed.ndjson'), path.join(dir, 'a-declarations.ndjson')];
    const r = await runCli(['check', ...files, '--format', 'json', '--skip-invalid', '--as-of', '2026-01-02']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/invalid record\(s\) skipped\n$/);
    expect(r.stdout).toBe(await inMemory({ records: files, skipInvalid: true, asOf: '2026-01-02' }));
    expect(JSON.parse(r.stdout)).toMatchObject({ asOf: '2026-01-02' });
  });

  it('equals it with no findings, and from standard input', async () => {
    const quiet = path.join(dir, 'quiet.ndjson');
    const none = await runCli(['check', quiet, '--format', 'json']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(await inMemory({ records: [quiet] }));
    expect(none.stdout).toContain('\n  "findings": [],\n');

    const text = readFileSync(path.join(dir, 'a-declarations.ndjson'));
    let stdout = '';
    const io = { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: () => undefined }, env: {}, stdin: Readable.from([text]) };
    const code = await run(['check', '-', '--stdin-name', 'piped.ndjson', '--format', 'json', '--fail-on', 'none'], io);
    expect(code).toBe(0);
    expect(stdout).toBe(await inMemory({ records: ['-'], stdin: { stream: Readable.from([text]), name: 'piped.ndjson' } }));
  });

  it('writes --output whole, and nothing at all when the input is invalid', async () => {
    const out = path.join(dir, 'out', 'report.json');
    const files = [path.join(dir, 'a-declarations.ndjson')];
    rmSync(path.dirname(out), { recursive: true, force: true });
    mkdirSync(path.dirname(out));
    const ok = await runCli(['check', ...files, '--format', 'json', '--output', out, '--fail-on', 'none']);
    expect(ok.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(await inMemory({ records: files }));
    rmSync(out);
    const bad = await runCli(['check', path.join(dir, 'mixed.ndjson'), '--format', 'json', '--output', out]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/mixed\.ndjson:\d+:\d+: /);
    expect(readdirSync(path.dirname(out))).toEqual([]);
    expect(readdirSync(spoolDir)).toEqual([]);
  });
});
