import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIN_YEAR } from '../../src/dates/date-span.js';
import { MAX_DIAGNOSTICS_PER_FILE } from '../../src/diagnostics/diagnostic.js';
import { MAX_LOCATED_VALUES } from '../../src/load/json-error.js';
import { MAX_STRUCTURED_FILE_BYTES, RULES_LIMIT, STRUCTURED_LIMIT } from '../../src/load/text-file.js';
import { MAX_ALIAS_COUNT, MAX_NESTING, MAX_VALUE_MARKS } from '../../src/load/yaml-document.js';
import { MAX_LINE_BYTES } from '../../src/stream/line-chunks.js';
import { MAX_CONDITIONS, MAX_DEPTH } from '../../src/validate/validate-conditions.js';
import { MAX_FORMER_NAMES, MAX_MESSAGE_CHARS, MAX_RECORD_LIST_ITEMS } from '../../src/validate/schemas.js';
import { runCli } from '../helpers/run-cli.js';

const readme = readFileSync('README.md', 'utf8');

describe('README', () => {
  it('starts with the two commands a new user runs', () => {
    const first = /```sh\n([\s\S]*?)```/.exec(readme)![1]!;
    expect(first).toMatch(/^npm install && npm start/m);
    expect(first).toMatch(/^npm test/m);
  });

  it('shows an excerpt of the bundled case report that matches what npm start prints', async () => {
    const excerpt = /## What a report says[\s\S]*?```text\n([\s\S]*?)```/.exec(readme)![1]!;
    const actual = (await runCli(['check', 'cases/2023-11-dprk-russia-commission', '--fail-on', 'none'])).stdout;
    const lines = excerpt.split('\n').filter((l) => l.trim() !== '' && l !== '...');
    expect(lines.length).toBeGreaterThan(10);
    for (const line of lines) expect(actual.split('\n'), line).toContain(line);
    const at = /artillery-rounds-to-russia\s+cases\/2023-11-dprk-russia-commission\/records\.yaml:(\d+):/.exec(actual)![1];
    expect(readme).toContain(`(\`records.yaml\`, line ${at})`);
  });

  it('"Writing a rule" ends in a passing rules test, as it says', async () => {
    const yaml = /```yaml title=my-rules\/statues\.yaml\n([\s\S]*?)```/.exec(readme)![1]!;
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'sc-guide-')), 'my-rules');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'statues.yaml'), yaml);
    expect((await runCli(['rules', 'validate', dir])).code).toBe(0);
    const r = await runCli(['rules', 'test', dir]);
    expect(r.stdout).toBe('4 passed, 0 failed\n');
    expect(readme).toContain('prints `4 passed, 0 failed`');
    const both = await runCli(['rules', 'validate', 'rules/', dir]);
    expect(both.code, both.stderr).toBe(0);
  });

  it('lists every limit in its table, with the numbers the code uses', () => {
    const section = /\n## Limits\n([\s\S]*?)\n## /.exec(readme)![1]!;
    const rows = new Map(
      [...section.matchAll(/^\| ([^|]+?) \| (.+) \|$/gm)]
        .filter((m) => m[1] !== 'what' && !m[1]!.startsWith('-'))
        .map((m) => [m[1]!, m[2]!]),
    );
    const n = (value: number) => value.toLocaleString('en-US');
    const mib = (bytes: number) => `${bytes / 2 ** 20} MiB`;
    const expected: [string, string[]][] = [
      ['a YAML or JSON record file', [mib(MAX_STRUCTURED_FILE_BYTES)]],
      ['a rule file or designation list', [mib(RULES_LIMIT.maxBytes!)]],
      ['one NDJSON line', [mib(MAX_LINE_BYTES)]],
      ['values in a YAML or JSON document', [n(MAX_VALUE_MARKS)]],
      ['nesting in a YAML or JSON document', [`${MAX_NESTING} levels`]],
      ['aliases expanded in one YAML document', [n(MAX_ALIAS_COUNT)]],
      [
        'parties and goods of one record',
        [`${n(MAX_RECORD_LIST_ITEMS)} each`, `${n(MAX_RECORD_LIST_ITEMS)} wallets`, `${MAX_FORMER_NAMES} former names`],
      ],
      ['dates', [`from the year ${MIN_YEAR} on`, `naming the year ${MIN_YEAR}`]],
      ['condition trees', [`${MAX_DEPTH} levels deep`, `${n(MAX_CONDITIONS)} leaves`]],
      ["a rule's message", [`${n(MAX_MESSAGE_CHARS)} characters`]],
      ['problems listed per file', [`${MAX_DIAGNOSTICS_PER_FILE},`]],
      ['values located in one NDJSON line', [n(MAX_LOCATED_VALUES)]],
    ];
    for (const [what, parts] of expected) {
      expect(rows.has(what), `no row "${what}" in the README's limits table`).toBe(true);
      for (const part of parts) expect(rows.get(what), what).toContain(part);
    }
    // The record file limit is the one the loader applies.
    expect(STRUCTURED_LIMIT.maxBytes).toBe(MAX_STRUCTURED_FILE_BYTES);
    // Every number in the table is one of the checked ones (no row drifts unnoticed).
    const numbers = (text: string) => (text.match(/\d[\d,]*(?![\d-])/g) ?? []).map((x) => x.replace(/,$/, ''));
    const checked = new Set(expected.flatMap(([, parts]) => numbers(parts.join(' '))));
    for (const [what, limit] of rows) {
      if (['values in a YAML or JSON document', 'dates'].includes(what)) continue; // "900,000", "0999", "2023-02-30": examples
      // (Single digits are no limits here: "column 1".)
      for (const number of numbers(limit).filter((x) => x.length > 1)) expect(checked.has(number), `${what}: ${number}`).toBe(true);
    }
  });
});
