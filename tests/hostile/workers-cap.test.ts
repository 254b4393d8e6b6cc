// --workers is bounded: at most one thread a core (said on stderr when more are asked for), and
// never more threads than chunks of input to check.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';
import { streamCheck } from '../../src/stream/check-stream.js';
import { capWorkers } from '../../src/cli/stream-flags.js';
import { runCli } from '../helpers/run-cli.js';

const RULES = 'tests/fixtures/broken/support/rules.yaml';
const record = (i: number) =>
  JSON.stringify({
    id: `r${i}`,
    type: 'arms-transfer',
    date: '2023',
    parties: [{ name: 'DPRK', country: 'KP', role: 'supplier' }],
    evidence: { level: 'alleged' },
  });
const THREE = [record(1), record(2), record(3)].join('\n') + '\n';

function threeLineFile(): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'sc-workers-')), 'three.ndjson');
  writeFileSync(file, THREE);
  return file;
}

describe('--workers', () => {
  it('is capped at the cores, with a one-line notice', () => {
    let said = '';
    const out = { write: (s: string) => (said += s) };
    expect(capWorkers(1000, out, 2)).toBe(2);
    expect(said).toBe('--workers 1000: this machine has 2 cores; using 2 threads\n');
    said = '';
    expect(capWorkers(2, out, 2)).toBe(2);
    expect(capWorkers(1, out, 1)).toBe(1);
    expect(said).toBe('');
  });

  it('says so on the command line and checks the records', async () => {
    const r = await runCli(['check', threeLineFile(), '--rules', RULES, '--format', 'ndjson', '--workers', '1000']);
    const cores = availableParallelism();
    expect(r.stderr).toBe(
      `--workers 1000: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} thread${cores === 1 ? '' : 's'}\n`,
    );
    expect(r.stdout.trim().split('\n')).toHaveLength(3);
    expect(r.code).toBe(1);
  });

  it('starts no worker thread for an input of one chunk, from a file or from a pipe', async () => {
    const rules = loadRules([RULES]).value;
    const file = await streamCheck({ inputs: [threeLineFile()], rules, workers: 1000 });
    expect(file.workers).toBe(1);
    expect(file.findings).toHaveLength(3);
    const piped = await streamCheck({ inputs: ['-'], rules, workers: 64, stdin: { stream: Readable.from([Buffer.from(THREE)]) } });
    expect(piped.workers).toBe(1);
    expect(piped.findings).toHaveLength(3);
  });
});
