// Messages at the edges a user reaches: an oversized rule file is told to split its rules (NDJSON
// is for records), and error counts past the per-file cap are the same whatever the input kind
// and the output format.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/diagnostics/diagnostic.js';
import { MAX_STRUCTURED_FILE_BYTES } from '../../src/load/text-file.js';
import { runCli } from '../helpers/run-cli.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sanctions-check-messages-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('messages', () => {
  it('tell an oversized rule file to split its rules, not to use NDJSON', async () => {
    const rules = path.join(dir, 'rules');
    const big = path.join(rules, 'big.yaml');
    mkdirSync(rules);
    writeFileSync(big, `# ${'x'.repeat(MAX_STRUCTURED_FILE_BYTES + 10)}\nrules: []\n`);
    const r = await runCli(['rules', 'validate', rules]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/file-too-large: .*split the rules across several files/);
    expect(r.stderr).not.toMatch(/NDJSON/i);
  });

  it('count every error past the cap alike for YAML, JSON and NDJSON, and for every output format', async () => {
    const count = MAX_DIAGNOSTICS_PER_FILE + 300;
    const records = Array.from({ length: count }, (_, i) => ({
      id: `r${i}`,
      type: 'meeting',
      date: '2023',
      evidence: { level: 'rumoured' },
    }));
    writeFileSync(path.join(dir, 'many.ndjson'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(path.join(dir, 'many.json'), JSON.stringify({ records }, null, 1));
    writeFileSync(path.join(dir, 'many.yaml'), records.map((r) => `- ${JSON.stringify(r)}\n`).join(''));
    const totals: string[] = [];
    for (const file of ['many.ndjson', 'many.json', 'many.yaml']) {
      for (const format of ['text', 'ndjson']) {
        const r = await runCli(['check', path.join(dir, file), '--format', format]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`too-many-problems: 300 more errors in this file from here on are not listed`);
        totals.push(`${file} ${format}: ${/(\d+) error\(s\)/.exec(r.stderr)?.[1]}`);
      }
    }
    expect(totals).toEqual(['ndjson', 'json', 'yaml'].flatMap((k) => ['text', 'ndjson'].map((f) => `many.${k} ${f}: ${count}`)));
  });
});
