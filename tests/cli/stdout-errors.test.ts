// Failed writes to standard output: a full device, a descriptor not open for writing or a closed
// one end the run with exit 2 and one line; a reader that stops early (`| head`) ends it quietly.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCli, type CliBundle } from '../helpers/cli-bundle.js';

const IS_ROOT = process.getuid?.() === 0;
const RULES = path.resolve('tests/fixtures/core/rules.yaml');
const RECORDS = path.resolve('tests/fixtures/core/records.yaml');

let cli: CliBundle;
beforeAll(async () => {
  cli = await bundleCli();
}, 120_000);

const COMMANDS: [string, string[]][] = [
  ['check (text)', ['check', RECORDS, '--rules', RULES]],
  ['check (json)', ['check', RECORDS, '--rules', RULES, '--format', 'json']],
  ['check (ndjson)', ['check', RECORDS, '--rules', RULES, '--format', 'ndjson']],
  ['check (ndjson from standard input)', ['check', '-', '--rules', RULES, '--format', 'ndjson']],
  ['rules list', ['rules', 'list', RULES]],
  ['rules validate', ['rules', 'validate', RULES]],
  ['rules test', ['rules', 'test', RULES]],
];

const NDJSON =
  JSON.stringify({
    id: 'r1',
    type: 'arms-transfer',
    date: '2023',
    parties: [{ name: 'DPRK', country: 'KP', role: 'supplier' }],
    evidence: { level: 'alleged' },
  }) + '\n';

/** Runs the bundled CLI with standard output on `fd`, standard input from an NDJSON file. */
function runWithStdout(args: string[], fd: number): { status: number | null; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-stdin-'));
  writeFileSync(path.join(dir, 'in.ndjson'), NDJSON);
  const input = openSync(path.join(dir, 'in.ndjson'), 'r');
  try {
    const r = spawnSync(process.execPath, [cli.main, ...args], { stdio: [input, fd, 'pipe'], encoding: 'utf8', timeout: 60_000 });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(input);
  }
}

function expectOneLine(r: { status: number | null; stderr: string }, message: string): void {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stderr).toBe(`error: cannot write to standard output: ${message}\n`);
}

describe.each(COMMANDS)('%s', (_name, args) => {
  it('exits 2 with one line when standard output is a full device (a descriptor not open for writing when not root)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-full-'));
    if (IS_ROOT) {
      const full = path.join(dir, 'full');
      expect(spawnSync('mknod', [full, 'c', '1', '7']).status).toBe(0);
      const fd = openSync(full, 'w');
      try {
        expectOneLine(runWithStdout(args, fd), 'no space left on device');
      } finally {
        closeSync(fd);
      }
      expect(readdirSync(dir)).toEqual(['full']);
    }
    // Standard output open for reading only: every write fails with EBADF.
    const file = path.join(dir, 'read-only.txt');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    try {
      expectOneLine(runWithStdout(args, fd), 'it is not open for writing (bad file descriptor)');
    } finally {
      closeSync(fd);
    }
  });

  it('exits 2 with one line when standard output is closed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-closed-'));
    writeFileSync(path.join(dir, 'in.ndjson'), NDJSON);
    const r = spawnSync('sh', ['-c', 'exec "$0" "$@" >&- <"$SC_IN"', process.execPath, cli.main, ...args], {
      encoding: 'utf8',
      env: { ...process.env, SC_IN: path.join(dir, 'in.ndjson') },
      timeout: 60_000,
    });
    expectOneLine(r, 'it is closed; redirect it to a file, or use --output');
  });

  it('ends quietly when the reader stops early', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli.main, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      child.stdin.end(NDJSON);
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
      // Like `| head -c 1`: take one piece, then close the pipe.
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('exit', (code) => resolve({ code, stderr }));
    });
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  });
});

describe('a failed write to standard output leaves no file behind', () => {
  it('writes no --output when the report to standard output fails', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sc-both-'));
    const file = path.join(dir, 'read-only.txt');
    writeFileSync(file, '');
    const fd = openSync(file, 'r');
    try {
      const r = runWithStdout(
        ['check', RECORDS, '--rules', RULES, '--format', 'text', '--format', 'json', '--output', path.join(dir, 'report.json')],
        fd,
      );
      expect(r.status).toBe(2);
    } finally {
      closeSync(fd);
    }
    expect(readdirSync(dir)).toEqual(['read-only.txt']);
  });
});
