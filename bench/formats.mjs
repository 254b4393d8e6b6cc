// The benchmark's report formats: the command line run over NDJSON records with each --format,
// timed end to end, its peak RSS measured from outside the process (GNU time's maximum resident
// set size, or the kernel's VmHWM polled when /usr/bin/time is missing). A run that fails (out of
// memory, say) is recorded as failed with its exit code, and the benchmark goes on.
//   node bench/formats.mjs [--records N] [--big N] [--seed N] [--formats json,text]   (after npm run build)
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const cli = path.join(root, 'dist', 'cli', 'main.js');
const TIME = '/usr/bin/time';

/** The seeded input of `records` records, generated once and kept in the temporary folder. */
export async function benchInput(records, seed, designatedNames, log) {
  const input = path.join(tmpdir(), `sanctions-check-bench-v2-${records}-${seed}.ndjson`);
  if (!existsSync(input) || statSync(input).size === 0) {
    log?.(`generating ${records.toLocaleString('en-US')} records (seed ${seed}) in ${input}`);
    await generate(input, records, seed, { designatedNames });
  }
  return input;
}

/** Reads VmHWM (peak resident set) of a live process, in kB; undefined once it is gone. */
function vmHwm(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs `sanctions-check check <input> --format <format>` with the report on /dev/null.
 * Returns { format, records, exit, ms, recordsPerSecond, peakRssMb, how }.
 */
export function measureFormat({ input, records, format, rules, extra = [] }) {
  const scratch = mkdtempSync(path.join(tmpdir(), 'sanctions-check-format-'));
  const timeFile = path.join(scratch, 'time.txt');
  const args = [cli, 'check', input, '--rules', rules, '--format', format, '--fail-on', 'none', ...extra];
  const useTime = existsSync(TIME);
  const [command, argv] = useTime ? [TIME, ['-o', timeFile, '-f', '%M', process.execPath, ...args]] : [process.execPath, args];
  const devNull = openSync('/dev/null', 'w');
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { stdio: ['ignore', devNull, 'pipe'] });
    closeSync(devNull);
    let stderr = '';
    // The first 64 KiB: V8's "heap out of memory" line comes before its native stack trace.
    child.stderr.setEncoding('utf8').on('data', (s) => {
      if (stderr.length < 65536) stderr = (stderr + s).slice(0, 65536);
    });
    let polled = 0;
    const poll = useTime ? undefined : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid) ?? 0)), 50);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - started;
      if (poll) clearInterval(poll);
      let kb = polled;
      if (useTime) {
        const lines = readFileSync(timeFile, 'utf8').trim().split('\n');
        kb = Number(lines.at(-1));
      }
      rmSync(scratch, { recursive: true, force: true });
      const exit = code ?? 128 + (signal === 'SIGABRT' ? 6 : signal === 'SIGKILL' ? 9 : 15);
      resolve({
        format,
        records,
        exit,
        ms,
        recordsPerSecond: exit === 0 ? Math.round((records * 1000) / ms) : null,
        peakRssMb: Math.round(kb / 1024),
        how: useTime ? 'GNU time, maximum resident set size' : 'VmHWM from /proc, polled every 50 ms',
        ...(exit === 0 ? {} : { lastError: lastLine(stderr) }),
      });
    });
  });
}

/** The last line of a failed run's stderr that says what happened, for the log. */
function lastLine(stderr) {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.find((l) => /heap out of memory|Invalid string length|RangeError|error/i.test(l)) ?? lines.at(-1) ?? '';
}

/** One line of the benchmark's table for a format run. */
export function formatRow(m) {
  const name = `--format ${m.format}, ${m.records.toLocaleString('en-US')} records`;
  const rate =
    m.exit === 0 ? `${m.recordsPerSecond.toLocaleString('en-US').padStart(10)} records/s` : `failed (exit ${m.exit})`.padStart(20);
  return `${name.padEnd(38)} ${rate}  ${(m.ms / 1000).toFixed(2).padStart(7)} s  ${String(m.peakRssMb).padStart(5)} MB peak RSS${m.exit === 0 ? '' : `  (${m.lastError})`}`;
}

/** The format runs of the benchmark: `records` records in json, sarif, html and text, and `big` in json. */
export async function benchFormats({ records, big, seed, rules, designatedNames, log, formats = ['json', 'sarif', 'html', 'text'] }) {
  const small = await benchInput(records, seed, designatedNames, log);
  const runs = [];
  for (const format of formats) {
    const m = await measureFormat({ input: small, records, format, rules });
    log(formatRow(m));
    runs.push(m);
  }
  if (big > 0 && formats.includes('json')) {
    const large = await benchInput(big, seed, designatedNames, log);
    const m = await measureFormat({ input: large, records: big, format: 'json', rules });
    log(formatRow(m));
    runs.push(m);
  }
  return runs;
}

/** Names on the UN list shipped with the rules, for the few records that name a designated party. */
export function designatedNames(rules) {
  try {
    const list = JSON.parse(readFileSync(path.join(rules, 'unsc-dprk', 'lists', 'un-1718.json'), 'utf8'));
    return [...list.entries.map((e) => e.name), ...list.vessels.flatMap((v) => v.names)];
  } catch {
    return [];
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const option = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    if (i === -1) return fallback;
    const v = Number(process.argv[i + 1]);
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`--${name} takes a whole number; got ${process.argv[i + 1]}`);
    return v;
  };
  const rules = path.join(root, 'rules');
  const runs = await benchFormats({
    records: option('records', 1_000_000),
    big: option('big', 5_000_000),
    seed: option('seed', 1718),
    rules,
    designatedNames: designatedNames(rules),
    log: (s) => process.stdout.write(s + '\n'),
    ...(process.argv.includes('--formats') ? { formats: process.argv[process.argv.indexOf('--formats') + 1].split(',') } : {}),
  });
  process.stdout.write(
    JSON.stringify({
      formats: runs.map(({ format, records, exit, recordsPerSecond, peakRssMb }) => ({
        format,
        records,
        exit,
        recordsPerSecond,
        peakRssMb,
      })),
    }) + '\n',
  );
}
