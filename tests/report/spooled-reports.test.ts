// Each report written from temporary files (check with one --format: json, sarif, text, markdown,
// html, junit) is byte for byte the report renderReport writes from the whole run in memory: several files
// named out of order, YAML, JSON and NDJSON, standard input, skipped records, --as-of, no findings,
// --output, --list-activities; nothing is left behind, also when the run is interrupted.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeGenerator } from '../../bench/generate.mjs';
import { run } from '../../src/cli/run.js';
import { runCheck, type CheckOptions } from '../../src/pipeline.js';
import { renderReport, STREAMED_FORMATS, type StreamedFormat } from '../../src/report/render.js';
import type { ActivityListing } from '../../src/report/report-source.js';
import type { FailOn } from '../../src/report/outcome-rank.js';
import { runCli } from '../helpers/run-cli.js';

let dir: string;
let spoolDir: string;
const savedTmp = process.env.TMPDIR;

/** The report as the whole run in memory renders it. */
async function inMemory(
  opts: CheckOptions,
  format: StreamedFormat = 'json',
  activities?: ActivityListing,
  failOn: FailOn = 'violation',
): Promise<string> {
  return renderReport((await runCheck(opts)).report, format, { failOn, ...(activities ? { activities } : {}) });
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
  writeFileSync(path.join(dir, 'quiet-too.ndjson'), ndjson(50, 47, 0).replace(/"id":"r/g, '"id":"q'));
  writeFileSync(path.join(dir, 'mixed.ndjson'), readFileSync('tests/fixtures/broken/records/skip-invalid/ndjson-mixed.ndjson'));
});

afterAll(() => {
  process.env.TMPDIR = savedTmp;
  if (savedTmp === undefined) delete process.env.TMPDIR;
  rmSync(dir, { recursive: true, force: true });
  rmSync(spoolDir, { recursive: true, force: true });
});

describe('reports in bounded memory', () => {
  for (const format of STREAMED_FORMATS) {
    it(`${format}: equals the in-memory report for files named out of order, and with --list-activities`, async () => {
      const files = ['b-events.yaml', 'a-declarations.ndjson', 'c-core.json', 'quiet-too.ndjson'].map((f) => path.join(dir, f));
      const r = await runCli(['check', ...files, '--format', format, '--fail-on', 'none']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(await inMemory({ records: files }, format, undefined, 'none'));
      for (const listing of ['findings', 'all'] as const) {
        const l = await runCli(['check', ...files, '--format', format, '--list-activities', listing]);
        expect(l.code).toBe(1);
        expect(l.stdout).toBe(await inMemory({ records: files }, format, listing));
      }
      const none = await runCli(['check', path.join(dir, 'quiet.ndjson'), '--format', format]);
      expect(none.code).toBe(0);
      expect(none.stdout).toBe(await inMemory({ records: [path.join(dir, 'quiet.ndjson')] }, format));
      expect(readdirSync(spoolDir)).toEqual([]);
    });
  }

  it('lists only the activities with findings when asked, and counts the rest', async () => {
    const files = [path.join(dir, 'a-declarations.ndjson'), path.join(dir, 'quiet-too.ndjson')];
    const all = await runCli(['check', ...files, '--format', 'html', '--fail-on', 'none']);
    const some = await runCli(['check', ...files, '--format', 'html', '--fail-on', 'none', '--list-activities', 'findings']);
    const rows = (html: string) => (html.match(/<tr id="record-/g) ?? []).length;
    expect(rows(all.stdout)).toBe(250);
    const report = JSON.parse((await runCli(['check', ...files, '--format', 'json', '--fail-on', 'none'])).stdout) as {
      findings: { recordId: string }[];
    };
    const withFindings = new Set(report.findings.map((f) => f.recordId)).size;
    expect(withFindings).toBeGreaterThan(10);
    expect(rows(some.stdout)).toBe(withFindings);
    expect(some.stdout).toContain(
      `${250 - withFindings} other activities have no finding: not listed here (--list-activities all lists them).`,
    );
    const md = await runCli(['check', ...files, '--format', 'markdown', '--fail-on', 'none', '--list-activities', 'findings']);
    expect(md.stdout).toContain(`Records with no finding: ${250 - withFindings} (not named here; --list-activities all names them).`);
  });

  it('equals the in-memory report for files named out of order, in three formats', async () => {
    const files = ['b-events.yaml', 'a-declarations.ndjson', 'c-core.json'].map((f) => path.join(dir, f));
    const r = await runCli(['check', ...files, '--format', 'json', '--fail-on', 'none']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = await inMemory({ records: files });
    expect(r.stdout).toBe(expected);
    const report = JSON.parse(r.stdout) as { findings: { location: { file: string } }[]; activities: unknown[] };
    // Findings of the NDJSON file (named second) come first, as the whole report sorts them by file.
    expect([...new Set(report.findings.map((f) => path.basename(f.location.file)))]).toEqual([
      'a-declarations.ndjson',
      'b-events.yaml',
      'c-core.json',
    ]);
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
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => undefined },
      env: {},
      stdin: Readable.from([text]),
    };
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
