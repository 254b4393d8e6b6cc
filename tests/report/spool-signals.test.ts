// An interrupted run (SIGINT, SIGTERM) removes the temporary files of its report before it ends,
// with the exit code of an interrupt; so does a run that fails on invalid input.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';
import { bundleCli, type CliBundle } from '../helpers/cli-bundle.js';

let cli: CliBundle;
let spoolDir: string;
beforeAll(async () => {
  cli = await bundleCli();
  spoolDir = mkdtempSync(path.join(tmpdir(), 'sc-spool-signal-'));
}, 120_000);
afterAll(() => {
  rmSync(spoolDir, { recursive: true, force: true });
  rmSync(cli.dir, { recursive: true, force: true });
});

const next = makeGenerator(7);
const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify(next(i + 1)) + '\n').join('');

/** Starts a check reading standard input (kept open), waits for its temporary folder, then signals it. */
function interrupted(format: string, signal: NodeJS.Signals): Promise<{ code: number | null; before: string[]; after: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli.main, 'check', '-', '--format', format, '--fail-on', 'none'], {
      stdio: ['pipe', 'ignore', 'ignore'],
      env: { ...process.env, TMPDIR: spoolDir },
    });
    child.stdin.write(lines);
    const started = Date.now();
    let before: string[] = [];
    const poll = setInterval(() => {
      before = readdirSync(spoolDir).filter((f) => f.startsWith('sanctions-check-report-'));
      if (before.length > 0 || Date.now() - started > 30_000) {
        clearInterval(poll);
        child.kill(signal);
      }
    }, 20);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, before, after: readdirSync(spoolDir) }));
  });
}

describe('temporary files of a report', () => {
  for (const [format, signal, code] of [
    ['text', 'SIGTERM', 143],
    ['sarif', 'SIGINT', 130],
    ['json', 'SIGTERM', 143],
  ] as const) {
    it(`are removed when a --format ${format} run gets ${signal}`, async () => {
      const r = await interrupted(format, signal);
      expect(r.before).toHaveLength(1);
      expect(r.code).toBe(code);
      expect(r.after).toEqual([]);
    }, 60_000);
  }
});
