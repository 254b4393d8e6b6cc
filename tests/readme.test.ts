import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

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
});
