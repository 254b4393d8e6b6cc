import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RECORD_EXTENSIONS } from '../../src/load/load-records.js';
import { runCli } from '../helpers/run-cli.js';

// Every case folder has expected reports, reviewed by a person; `npm run update-expected` rewrites
// them from fresh output (then review the diff before committing).
const cases = readdirSync('cases')
  .map((name) => path.join('cases', name))
  .filter((dir) => statSync(dir).isDirectory());

const hasRecords = (dir: string) => readdirSync(dir).some((f) => RECORD_EXTENSIONS.some((ext) => f.endsWith(ext)));

describe('expected case reports', () => {
  it('exist for every case, and only for cases that exist', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const dir of cases) {
      expect(hasRecords(dir), `${dir} holds no record files but has a folder`).toBe(true);
      for (const f of ['report.json', 'report.md']) {
        expect(existsSync(path.join(dir, 'expected', f)), `${dir}/expected/${f}`).toBe(true);
      }
    }
  });

  for (const dir of cases) {
    it(`match fresh output for ${dir}`, async () => {
      for (const [format, file] of [
        ['json', 'report.json'],
        ['markdown', 'report.md'],
      ] as const) {
        const r = await runCli(['check', dir, '--format', format, '--fail-on', 'none']);
        expect(r.code, r.stderr).toBe(0);
        await expect(r.stdout).toMatchFileSnapshot(path.resolve(dir, 'expected', file));
      }
    });
  }
});
