// Sharding: a file split into shards (as `split -l` cuts it), each checked on its own from
// standard input with --stdin-name and --line-offset, gives, merged, exactly the findings of one
// run over the whole file (docs/scale.md shows the same with GNU parallel).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGenerator } from '../../bench/generate.mjs';
import { run } from '../../src/cli/run.js';
import { displayPath } from '../../src/load/input-paths.js';
import type { Finding } from '../../src/types.js';

const RULES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'scale', 'rules');
const SHARD_LINES = 1300;
let dir: string;
let file: string;
let lines: string[];

async function check(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = { code: 0, stdout: '', stderr: '' };
  out.code = await run(['check', ...args, '--rules', RULES, '--format', 'ndjson', '--fail-on', 'none'], {
    stdout: { write: (s: string) => (out.stdout += s) },
    stderr: { write: (s: string) => (out.stderr += s) },
    env: {},
    ...(stdin !== undefined ? { stdin: Readable.from([Buffer.from(stdin)]) } : {}),
  });
  return out;
}

/** The shards `split -l SHARD_LINES` makes, in order. */
function shards(): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += SHARD_LINES)
    out.push(
      lines
        .slice(i, i + SHARD_LINES)
        .map((l) => l + '\n')
        .join(''),
    );
  return out;
}

/** The order the tool writes findings in: file, line, then rule id. */
function toolOrder(a: Finding, b: Finding): number {
  if (a.location.file !== b.location.file) return a.location.file < b.location.file ? -1 : 1;
  return a.location.line - b.location.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'sanctions-shards-'));
  const next = makeGenerator(23);
  lines = Array.from({ length: 6000 }, (_, i) => {
    const r = next(i + 1);
    if (i % 9 === 0) (r.parties as { country?: string }[])[0]!.country = 'KP';
    return JSON.stringify(r);
  });
  lines[2000] = ''; // a blank line is a line too
  file = path.join(dir, 'records.ndjson');
  writeFileSync(file, lines.map((l) => l + '\n').join(''));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sharded runs', () => {
  it('merged in shard order, give exactly the findings of one run', async () => {
    const whole = await check([file]);
    expect(whole.code).toBe(0);
    expect(whole.stderr).toBe('');
    expect(whole.stdout.split('\n').length).toBeGreaterThan(200);
    const parts = shards();
    expect(parts.length).toBe(5);
    let merged = '';
    for (const [i, shard] of parts.entries()) {
      const r = await check(['-', '--stdin-name', displayPath(file), '--line-offset', String(i * SHARD_LINES), '--workers', '1'], shard);
      expect(r.stderr).toBe('');
      merged += r.stdout;
    }
    expect(merged).toBe(whole.stdout);
  });

  it('merged in any order and sorted as the tool sorts, give the same', async () => {
    const whole = await check([file]);
    const parts = shards();
    const outputs: string[] = [];
    for (const i of [3, 0, 4, 2, 1]) {
      const r = await check(['-', '--stdin-name', displayPath(file), '--line-offset', String(i * SHARD_LINES)], parts[i]);
      outputs.push(r.stdout);
    }
    const findings = outputs
      .join('')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Finding)
      .sort(toolOrder);
    expect(findings.map((f) => JSON.stringify(f) + '\n').join('')).toBe(whole.stdout);
  });
});
