// The Dask example (examples/dask/check_ndjson.py) on a LocalCluster of two worker processes over
// loopback: its output (findings, problems, exit code) is byte for byte that of one run over the
// whole file, a record id used again in another partition included (found by its second pass).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RULES = path.join(ROOT, 'tests', 'fixtures', 'scale', 'rules');
const CLI = path.join(ROOT, 'dist', 'cli', 'main.js');
const JOB = path.join(ROOT, 'examples', 'dask');
/** Debian's python3, where python3-distributed installs Dask (another python3 on the PATH may not have it). */
const PYTHON = '/usr/bin/python3';
const LINES_PER_PARTITION = 100;

interface Output {
  stdout: string;
  stderr: string;
  code: number;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Starts one LocalCluster and runs the job's command line against it once per argument list, at once. */
const DRIVER = `
import io, json, sys
from concurrent.futures import ThreadPoolExecutor
sys.path.insert(0, sys.argv[1])
import check_ndjson
from dask.distributed import LocalCluster
def job(argv):
    out, err = io.StringIO(), io.StringIO()
    code = check_ndjson.main(argv + ["--scheduler", cluster.scheduler_address], out, err)
    return {"stdout": out.getvalue(), "stderr": err.getvalue(), "code": code}
with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None) as cluster:
    assert len(cluster.workers) == 2
    with ThreadPoolExecutor() as pool:
        results = list(pool.map(job, json.loads(sys.argv[2])))
print(json.dumps(results))
`;

let dir: string;
let jobs: Output[];
let wholeStrict: Output;
let wholeSkip: Output;
let oneShard: Output;

/** Runs a command in the test's folder, standard input from `input`. */
function runIn(command: string, args: string[], input = ''): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: dir });
    const out = { stdout: '', stderr: '', code: -1 };
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out.stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (out.stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ...out, code: code ?? -1 }));
    child.stdin.end(input);
  });
}

/** One run of the tool over the whole file, as the job must reproduce it. */
const whole = (file: string, flags: string[]): Promise<Output> =>
  runIn(process.execPath, [CLI, 'check', file, '--format', 'ndjson', '--rules', RULES, ...flags]);

/** `count` records, every seventh with the DPRK as a party (so a rule finds something). */
function records(count: number, seed: number): string[] {
  const next = makeGenerator(seed);
  return Array.from({ length: count }, (_, i) => {
    const r = next(i + 1);
    if (i % 7 === 0) (r.parties as { country?: string }[])[0]!.country = 'KP';
    return JSON.stringify(r);
  });
}

const idOf = (line: string): string => (JSON.parse(line) as { id: string }).id;
const withId = (line: string, id: string): string => JSON.stringify({ ...(JSON.parse(line) as object), id });

beforeAll(async () => {
  expect(existsSync(CLI), 'the package is built (npm install builds it)').toBe(true);
  dir = mkdtempSync(path.join(tmpdir(), 'sanctions-dask-'));
  // strict.ndjson: the first error is line 150, whose id (a record with findings) is line 8's, in
  // the first partition; line 280 uses it a third time; lines 215 and 230 share an id in one partition.
  const strict = records(300, 31);
  strict[149] = withId(strict[149]!, idOf(strict[7]!));
  strict[279] = withId(strict[279]!, idOf(strict[7]!));
  strict[229] = withId(strict[229]!, idOf(strict[214]!));
  writeFileSync(path.join(dir, 'strict.ndjson'), strict.map((l) => l + '\n').join(''));
  // skip.ndjson, checked with --skip-invalid: the same duplicates, a line that is not JSON, a record
  // the schema refuses, a blank line, Windows line endings, and no newline after the last line.
  const skip = records(300, 37);
  skip[149] = withId(skip[149]!, idOf(skip[0]!));
  skip[279] = withId(skip[279]!, idOf(skip[0]!));
  skip[229] = withId(skip[229]!, idOf(skip[214]!));
  skip[60] = '{"id": "broken", "type":';
  skip[120] = JSON.stringify({ id: 'no-type', date: '2020-01-01' });
  skip[199] = '';
  writeFileSync(path.join(dir, 'skip.ndjson'), skip.join('\r\n'));

  const command = `${quote(process.execPath)} ${quote(CLI)}`;
  const common = ['--rules', RULES, '--command', command, '--lines-per-partition', String(LINES_PER_PARTITION)];
  const argv = [
    ['strict.ndjson', ...common],
    ['skip.ndjson', '--skip-invalid', '--fail-on', 'review', ...common],
  ];
  // The cluster starts while the tool runs over the whole files and over one partition alone.
  const shardInput = strict
    .slice(100, 200)
    .map((l) => l + '\n')
    .join('');
  const shardArgs = [
    'check',
    '-',
    '--format',
    'ndjson',
    '--rules',
    RULES,
    '--stdin-name',
    'strict.ndjson',
    '--line-offset',
    '100',
    '--fail-on',
    'none',
  ];
  const [job, a, b, c] = await Promise.all([
    runIn(PYTHON, ['-c', DRIVER, JOB, JSON.stringify(argv)]),
    whole('strict.ndjson', []),
    whole('skip.ndjson', ['--skip-invalid', '--fail-on', 'review']),
    runIn(process.execPath, [CLI, ...shardArgs], shardInput),
  ]);
  expect(job.code, job.stderr).toBe(0);
  jobs = JSON.parse(job.stdout.trim().split('\n').at(-1)!) as Output[];
  [wholeStrict, wholeSkip, oneShard] = [a, b, c];
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Dask example', () => {
  it("gives exactly one run's output, stopping at a duplicate id from another partition", () => {
    const one = wholeStrict;
    const id = idOf(records(8, 31)[7]!);
    expect(one.code).toBe(2);
    expect(one.stderr).toContain(`strict.ndjson:150:1: duplicate-record-id: record id '${id}' is already used at strict.ndjson:8\n`);
    expect(one.stderr).toContain(`strict.ndjson:280:1: duplicate-record-id: record id '${id}' is already used at strict.ndjson:8\n`);
    expect(one.stdout.split('\n').length).toBeGreaterThan(10); // findings of the lines before 150
    expect(jobs[0]).toEqual(one);
  });

  it("gives exactly one run's output with --skip-invalid: problems, skipped records and findings", () => {
    const one = wholeSkip;
    expect(one.stderr).toContain(`skip.ndjson:150:1: warning duplicate-record-id:`);
    expect(one.stderr).toContain(`skip.ndjson:230:1: warning duplicate-record-id:`);
    expect(one.stderr).toContain('5 invalid record(s) skipped\n');
    const lines = one.stdout
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { location: { line: number } }).location.line);
    expect(Math.max(...lines)).toBeGreaterThan(250); // findings after the problems
    expect(one.code).toBe(1);
    expect(jobs[1]).toEqual(one);
  });

  it('finds the duplicate only in its second pass: no partition alone sees it', () => {
    // The second partition of strict.ndjson (lines 101-200, line 150 among them), checked alone.
    expect(oneShard.stderr).toBe('');
    expect(oneShard.code).toBe(0);
    expect(oneShard.stdout).toContain('"line":155,');
    expect(wholeStrict.stdout).not.toContain('"line":155,');
  });
});
