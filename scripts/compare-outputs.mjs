// Checks that a change leaves every output byte for byte as it was: builds another commit (before)
// beside this working tree (after), runs both on the bundled case in every report format and on the
// benchmark's seeded records, and compares what they print and their exit codes.
// Usage: node scripts/compare-outputs.mjs <commit> [--records N] [--seed N]
// Both builds read the rules of this working tree, so only the code is compared.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '../bench/generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const ref = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!ref) {
  process.stderr.write('usage: node scripts/compare-outputs.mjs <commit> [--records N] [--seed N]\n');
  process.exit(2);
}
const records = option('records', 100_000);
const seed = option('seed', 1718);

const work = mkdtempSync(path.join(tmpdir(), 'sanctions-compare-'));
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');

/** Builds a commit's src/ into a folder of its own; returns the path of its CLI. */
function buildCommit(commit) {
  const dir = path.join(work, 'before');
  execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: root, stdio: 'ignore' });
  execFileSync('sh', ['-c', `mkdir -p "${dir}" && git archive "${commit}" | tar -x -C "${dir}"`], { cwd: root, stdio: 'inherit' });
  symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
  return path.join(dir, 'dist', 'cli', 'main.js');
}

function run(cli, argv) {
  const r = spawnSync(process.execPath, [cli, ...argv], { cwd: root, maxBuffer: 1 << 30 });
  return { code: r.status, hash: createHash('sha256').update(r.stdout).digest('hex'), bytes: r.stdout.length, stderr: r.stderr.toString() };
}

try {
  const before = buildCommit(ref);
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  const after = path.join(root, 'dist', 'cli', 'main.js');
  const data = path.join(work, `bench-${records}-${seed}.ndjson`);
  await generate(data, records, seed);

  const CASE = 'cases/2023-11-dprk-russia-commission';
  const runs = [
    ...['text', 'json', 'markdown', 'html', 'sarif', 'junit', 'ndjson'].map((f) => ['check', CASE, '--format', f]),
    ['rules', 'test', 'rules'],
    ['check', data, '--format', 'ndjson', '--workers', '1'],
    ['check', data, '--format', 'ndjson', '--workers', '2'],
    ['check', data, '--format', 'json', '--workers', '2'],
    ['check', data, '--format', 'sarif', '--workers', '2'],
  ].map((a) => (a[0] === 'check' ? [...a, '--rules', 'rules', '--fail-on', 'none'] : a));

  let differ = 0;
  for (const argv of runs) {
    const b = run(before, argv);
    const a = run(after, argv);
    const same = a.hash === b.hash && a.code === b.code && a.stderr === b.stderr;
    if (!same) differ++;
    const shown = argv.map((x) => (x === data ? `<bench ${records} records>` : x)).join(' ');
    process.stdout.write(
      `${same ? 'same' : 'DIFFERENT'}  ${shown}  (${a.bytes} bytes, exit ${a.code}${same ? '' : `; before: ${b.bytes} bytes, exit ${b.code}`})\n`,
    );
  }
  process.stdout.write(differ ? `${differ} output(s) differ from ${ref}\n` : `every output is byte-identical to ${ref}'s\n`);
  process.exitCode = differ ? 1 : 0;
} finally {
  if (existsSync(work)) rmSync(work, { recursive: true, force: true });
}
