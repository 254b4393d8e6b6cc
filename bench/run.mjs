// The benchmark: one seeded synthetic workload, the shipped rules, four measurements.
//   npm run bench [-- --records N] [--sample N] [--workers N] [--repeat N] [--seed N]
// (1) floor: reading and JSON.parse of the NDJSON, nothing else;
// (2) reference: json-rules-engine used naively (one Engine with every rule, one run per record), on a sample;
// (3) sanctions-check on one thread; (4) on every core; then each report format end to end
// (bench/formats.mjs): json, sarif, html and text on the same records, json on --big records
// (default 5,000,000; 0 leaves it out; --no-formats leaves every format run out); then the same
// records as NDJSON, JSON and YAML files, time and peak RSS (bench/structured.mjs; --no-structured
// leaves it out).
// (3) sanctions-check on one thread; (4) on every core; then screening queries per second (bench/screening.mjs).
// Each runs in a child process (its peak memory is its own); timings are the best of --repeat runs.
// The last line printed is one JSON object with the figures.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { benchFormats } from './formats.mjs';
import { benchStructured } from './structured.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i === -1) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(v) || v < 1) throw new Error(`--${name} takes a whole number; got ${process.argv[i + 1]}`);
  return v;
}

const records = option('records', 1_000_000);
const sample = Math.min(records, option('sample', 20_000));
const workers = option('workers', availableParallelism());
const repeat = option('repeat', 2);
const seed = option('seed', 1718);
const big = process.argv.includes('--big') && process.argv[process.argv.indexOf('--big') + 1] === '0' ? 0 : option('big', 5_000_000);
const formats = !process.argv.includes('--no-formats');
const rules = path.join(root, 'rules');
const out = path.join(tmpdir(), `sanctions-check-bench-${process.pid}`);
mkdirSync(out, { recursive: true });
const input = path.join(tmpdir(), `sanctions-check-bench-v2-${records}-${seed}.ndjson`);

const log = (s) => process.stdout.write(s + '\n');

/** Runs bench/measure.mjs in a child process; returns its figures and the wall time from spawn to exit. */
function measure(args) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, 'measure.mjs'), ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const wallMs = performance.now() - started;
  if (r.status !== 0) throw new Error(`measure ${args[0]} failed:\n${r.stderr}`);
  const last = r.stdout.trim().split('\n').at(-1);
  return { ...JSON.parse(last), wallMs };
}

function best(args) {
  let b;
  for (let i = 0; i < repeat; i++) {
    const m = measure(args);
    if (!b || m.ms < b.ms) b = { ...m, maxRssMb: Math.max(m.maxRssMb, b?.maxRssMb ?? 0) };
    else b.maxRssMb = Math.max(b.maxRssMb, m.maxRssMb);
  }
  return b;
}

/** The machine's own scaling: `n` floors at once, as records per second over all of them. */
async function concurrentFloors(n) {
  const started = performance.now();
  await Promise.all(
    Array.from(
      { length: n },
      () =>
        new Promise((resolve, reject) => {
          const child = spawn(process.execPath, [path.join(here, 'measure.mjs'), 'floor', input], { stdio: 'ignore' });
          child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`floor exited with ${code}`))));
        }),
    ),
  );
  return (n * records * 1000) / (performance.now() - started);
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The findings of the first `lines` lines of an NDJSON findings file, as text. */
function firstLines(file, lines) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '' && JSON.parse(l).location.line <= lines)
    .map((l) => l + '\n')
    .join('');
}

/** Names on the UN list shipped with the rules, for the few records that name a designated party. */
function designatedNames() {
  try {
    const list = JSON.parse(readFileSync(path.join(rules, 'unsc-dprk', 'lists', 'un-1718.json'), 'utf8'));
    return [...list.entries.map((e) => e.name), ...list.vessels.flatMap((v) => v.names)];
  } catch {
    return [];
  }
}

if (!existsSync(input) || statSync(input).size === 0) {
  log(`generating ${records.toLocaleString('en-US')} records (seed ${seed}) in ${input}`);
  await generate(input, records, seed, { designatedNames: designatedNames() });
}
const mb = statSync(input).size / 1048576;
log(
  `input: ${records.toLocaleString('en-US')} records, ${mb.toFixed(0)} MiB; ${availableParallelism()} cores; node ${process.version}; load average ${loadavg()[0].toFixed(2)}`,
);

const floor = best(['floor', input]);
let ceiling = 0;
for (let i = 0; i < repeat; i++) ceiling = Math.max(ceiling, await concurrentFloors(workers));
const reference = measure(['reference', input, rules, String(sample), path.join(out, 'reference.ndjson')]);
const single = best(['check', input, rules, '1', path.join(out, 'single.ndjson')]);
const parallel = best(['check', input, rules, String(workers), path.join(out, 'parallel.ndjson')]);

const rate = (n, ms) => (n * 1000) / ms;
const floorRate = rate(records, floor.ms);
const referenceRate = rate(reference.records, reference.loopMs);
const singleRate = rate(records, single.ms);
const parallelRate = rate(records, parallel.ms);
const sameParallel = sha(path.join(out, 'single.ndjson')) === sha(path.join(out, 'parallel.ndjson'));
const sameReference = readFileSync(path.join(out, 'reference.ndjson'), 'utf8') === firstLines(path.join(out, 'single.ndjson'), sample);
const findings = readFileSync(path.join(out, 'single.ndjson'), 'utf8').split('\n').filter(Boolean).length;

const row = (name, r, ms, rss, note = '') =>
  log(
    `${name.padEnd(28)} ${Math.round(r).toLocaleString('en-US').padStart(10)} records/s  ${(ms / 1000).toFixed(2).padStart(7)} s  ${rss ? `${rss.toFixed(0).padStart(4)} MB` : '       '}  ${note}`,
  );
log('');
row('(1) floor: read + JSON.parse', floorRate, floor.ms, floor.maxRssMb);
row(
  `(2) reference (${sample.toLocaleString('en-US')} records)`,
  referenceRate,
  reference.loopMs,
  reference.maxRssMb,
  `json-rules-engine, one Engine of ${reference.rules} rules, one run per record`,
);
row(
  '(3) sanctions-check, 1 thread',
  singleRate,
  single.ms,
  single.maxRssMb,
  `${(singleRate / referenceRate).toFixed(0)}x reference, ${(singleRate / floorRate).toFixed(2)} of floor`,
);
row(
  `(4) sanctions-check, ${workers} threads`,
  parallelRate,
  parallel.ms,
  parallel.maxRssMb,
  `${(parallelRate / singleRate).toFixed(2)}x one thread; ${(parallel.wallMs / 1000).toFixed(2)} s end to end`,
);
log(
  `    machine: ${workers} floors at once give ${(ceiling / floorRate).toFixed(2)}x one floor (the most ${workers} threads can gain here)`,
);
log('');
log(`findings: ${findings.toLocaleString('en-US')} (${((findings / records) * 100).toFixed(2)} per 100 records)`);
log(`identical findings: 1 thread = ${workers} threads: ${sameParallel}; reference = 1 thread on the sample: ${sameReference}`);

// Screening: the indexed screener against a naive Jaro–Winkler scan of every listed name (bench/screening.mjs).
const screeningRun = spawnSync(process.execPath, [path.join(here, 'screening.mjs')], { encoding: 'utf8' });
if (screeningRun.status !== 0) throw new Error(`screening bench failed:\n${screeningRun.stderr}`);
const [screeningLine, screeningJson] = screeningRun.stdout.trim().split('\n');
log(screeningLine);

rmSync(out, { recursive: true, force: true });

// Each report format, end to end, peak RSS measured from outside; a run out of memory is a row too.
let formatRuns = [];
if (formats) {
  log('');
  log('report formats (every core, report to /dev/null, time and peak RSS of the whole process):');
  formatRuns = await benchFormats({ records, big, seed, rules, designatedNames: designatedNames(), log });
}

// The same kind of records in files read whole (JSON, YAML) beside NDJSON: time and peak RSS.
let structuredRuns = [];
if (!process.argv.includes('--no-structured')) {
  log('');
  log('record files read whole, against the same records as NDJSON (one thread, --format ndjson, whole process):');
  structuredRuns = await benchStructured({ seed, rules, log });
}

const result = {
  records,
  rules: reference.rules,
  floor: Math.round(floorRate),
  reference: Math.round(referenceRate),
  single: Math.round(singleRate),
  parallel: Math.round(parallelRate),
  peakRssMb: Math.round(Math.max(single.maxRssMb, parallel.maxRssMb)),
  identical: sameParallel && sameReference,
  /** What `workers` independent floor processes at once gain over one, on this machine. */
  machineScaling: Number((ceiling / floorRate).toFixed(2)),
  /** Per report format: records per second end to end (null when the run failed), peak RSS, exit code. */
  formats: formatRuns.map(({ format, records: n, exit, recordsPerSecond, peakRssMb }) => ({
    format,
    records: n,
    exit,
    recordsPerSecond,
    peakRssMb,
  })),
  screening: JSON.parse(screeningJson),
  /** NDJSON, JSON and YAML files of the same records: seconds end to end and peak RSS of each. */
  structured: structuredRuns,
};
log(JSON.stringify(result));
if (!result.identical) process.exitCode = 1;
