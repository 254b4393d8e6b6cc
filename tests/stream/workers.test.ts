// Worker threads: one thread and several give the same output, byte for byte, whether records come
// from a file or a pipe, with problems in them or not. Worker threads run built JavaScript, so the
// package is compiled to a folder of its own first.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULES = path.join(root, 'tests', 'fixtures', 'scale', 'rules');
let build: string;
let work: string;

function cli(args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [path.join(build, 'cli', 'main.js'), 'check', ...args, '--rules', RULES], {
    cwd: work,
    input,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

beforeAll(() => {
  build = mkdtempSync(path.join(root, '.tmp-scale-build-'));
  execFileSync(
    process.execPath,
    [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.build.json'), '--outDir', build],
    {
      cwd: root,
    },
  );
  work = mkdtempSync(path.join(build, 'work-'));
  // About 20 MiB: over the size from which every core is used unless told otherwise.
  const next = makeGenerator(11);
  let text = '';
  for (let i = 1; i <= 34_000; i++) {
    const r = next(i);
    if (i % 40 === 0) (r.parties as { country?: string }[])[0]!.country = 'KP';
    text += JSON.stringify(r) + '\n';
  }
  writeFileSync(path.join(work, 'records.ndjson'), text);
  const lines = text.split('\n');
  lines[1000] = '{"id": broken';
  lines[20_000] = lines[19_999]!; // a duplicate id
  // A duplicate id on a record that is also invalid: both problems are reported.
  lines[30_000] = JSON.stringify({ ...(JSON.parse(lines[29_999]!) as object), date: '2023-02-30' });
  writeFileSync(path.join(work, 'flawed.ndjson'), lines.join('\n'));
}, 120_000);

afterAll(() => {
  if (build) rmSync(build, { recursive: true, force: true });
});

describe('worker threads', () => {
  it('give the same findings with 1, 2 and 3 threads and by default', () => {
    const one = cli(['records.ndjson', '--format', 'ndjson', '--workers', '1']);
    expect(one.stderr).toBe('');
    expect(one.code).toBe(1);
    expect(one.stdout.split('\n').length).toBeGreaterThan(300);
    for (const w of [['--workers', '2'], ['--workers', '3'], []]) {
      const many = cli(['records.ndjson', '--format', 'ndjson', ...w]);
      // More threads than cores are not started: the run says so and uses every core.
      const asked = Number(w[1] ?? 0);
      expect(many.stderr).toBe(
        asked > availableParallelism()
          ? `--workers ${asked}: this machine has ${availableParallelism()} cores; using ${availableParallelism()} threads\n`
          : '',
      );
      expect(many.code).toBe(1);
      expect(many.stdout).toBe(one.stdout);
    }
  });

  it('give the same whole report with 1 and 2 threads', () => {
    const one = cli(['records.ndjson', '--format', 'json', '--workers', '1']);
    const two = cli(['records.ndjson', '--format', 'json', '--workers', '2']);
    expect(one.code).toBe(1);
    expect(JSON.parse(one.stdout).records).toBe(34_000);
    expect(two.stdout).toBe(one.stdout);
  });

  it('read standard input as they read the file (starting threads once it proves large)', () => {
    const file = cli(['records.ndjson', '--format', 'ndjson', '--workers', '1']);
    const input = readFileSync(path.join(work, 'records.ndjson'));
    const piped = cli(['-', '--stdin-name', 'records.ndjson', '--format', 'ndjson'], input);
    expect(piped.stderr).toBe('');
    expect(piped.stdout).toBe(file.stdout);
  });

  it('take part in the work: a large input is checked on both threads, with the same findings', async () => {
    const lib = (await import(pathToFileURL(path.join(build, 'index.js')).href)) as typeof import('../../src/index.js');
    const rules = lib.loadRules([RULES]).value!;
    const input = path.join(work, 'records.ndjson');
    const one = await lib.streamCheck({ inputs: [input], rules, workers: 1 });
    const two = await lib.streamCheck({ inputs: [input], rules, workers: 2 });
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(2);
    expect(two.recordCount).toBe(34_000);
    expect(two.findings).toEqual(one.findings);
  });

  it('report the same problems, in the same order, and skip the same records', () => {
    for (const flags of [[], ['--skip-invalid']]) {
      const one = cli(['flawed.ndjson', '--format', 'ndjson', '--workers', '1', ...flags]);
      const two = cli(['flawed.ndjson', '--format', 'ndjson', '--workers', '2', ...flags]);
      expect(two).toEqual(one);
      expect(one.stderr).toMatch(/flawed\.ndjson:1001:\d+: (warning )?invalid-json/);
      expect(one.stderr).toMatch(
        /flawed\.ndjson:20001:1: (warning )?duplicate-record-id: record id '\S+' is already used at flawed\.ndjson:20000/,
      );
      expect(one.stderr).toMatch(
        /flawed\.ndjson:30001:1: (warning )?duplicate-record-id: record id '\S+' is already used at flawed\.ndjson:30000/,
      );
      expect(one.stderr).toMatch(/flawed\.ndjson:30001:\d+: (warning )?invalid-date/);
      expect(one.code).toBe(flags.length ? 1 : 2);
    }
  });

  it('screen parties on every thread: the same findings, screening ones included, with 1 and 2 threads, in NDJSON and JSON', () => {
    // the shipped rules and list; names that only resemble a listed one, among ordinary ones
    const lines: string[] = [];
    for (let i = 0; i < 6000; i++) {
      const name = i % 50 === 0 ? 'Mun Cheong-cheol' : i % 77 === 0 ? 'Korea Ryonbong General Corp' : `Dalian Trading ${i}`;
      const kind = i % 50 === 0 ? 'person' : 'organisation';
      lines.push(
        JSON.stringify({
          id: `s${i}`,
          type: 'financial-transfer',
          date: '2019-05-01',
          parties: [{ name, kind }],
          evidence: { level: 'reported' },
        }),
      );
    }
    writeFileSync(path.join(work, 'screened.ndjson'), lines.join('\n') + '\n');
    const run = (format: string, workers: string) => {
      const r = spawnSync(
        process.execPath,
        [path.join(build, 'cli', 'main.js'), 'check', 'screened.ndjson', '--format', format, '--workers', workers, '--fail-on', 'none'],
        { cwd: work, maxBuffer: 1 << 28 },
      );
      return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
    };
    const one = run('ndjson', '1');
    expect(one.code).toBe(0);
    const ids = one.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { recordId: string; ruleId: string })
      .filter((f) => f.ruleId === 'screening-possible-designated-party')
      .map((f) => f.recordId);
    // every 50th a person resembling KPi.012, every 77th an entity resembling a listed one (0 and 3850 are both)
    expect(ids).toHaveLength(120 + 76);
    expect(ids.slice(0, 4)).toEqual(['s0', 's50', 's77', 's100']);
    expect(run('ndjson', '2').stdout).toBe(one.stdout);
    const json = run('json', '1');
    expect(run('json', '2').stdout).toBe(json.stdout);
    const findings = (JSON.parse(json.stdout) as { findings: unknown[] }).findings;
    expect(findings.map((f) => JSON.stringify(f))).toEqual(one.stdout.trim().split('\n'));
  });
});
