// Every problem at once: a record whose id repeats another's is reported as a duplicate even when
// it has other errors too, in YAML, JSON and NDJSON, read in the main thread or by workers.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const DIR = 'tests/fixtures/broken/records';
const dups = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.includes('duplicate-record-id'))
    .map((l) => l.split(': ')[0]);

describe('duplicate ids of invalid records', () => {
  it("are reported with the record's other problems in YAML and JSON", async () => {
    const yaml = await runCli(['check', `${DIR}/ids-duplicate-also-invalid.yaml`]);
    expect(yaml.code).toBe(2);
    expect(dups(yaml.stderr)).toEqual([`${DIR}/ids-duplicate-also-invalid.yaml:3:3`, `${DIR}/ids-duplicate-also-invalid.yaml:5:3`]);
    expect(yaml.stderr).toContain(':3:36: invalid-date');
    const json = await runCli(['check', `${DIR}/json-duplicate-id-also-invalid.json`]);
    expect(dups(json.stderr)).toEqual([`${DIR}/json-duplicate-id-also-invalid.json:4:5`]);
    expect(json.stderr).toContain('\'level\' is "rumoured"');
  });

  // Worker threads run the same chunk processor (tests/stream/workers.test.ts checks them on a build).
  for (const workers of ['1']) {
    it(`are reported with the record's other problems in NDJSON (--workers ${workers}), skipped or not`, async () => {
      const file = `${DIR}/ndjson-duplicate-id-also-invalid.ndjson`;
      const r = await runCli(['check', file, '--workers', workers]);
      expect(r.code).toBe(2);
      expect(dups(r.stderr)).toEqual([`${file}:3:1`, `${file}:5:1`]);
      expect(r.stderr).toContain(`${file}:3:36: invalid-date`);
      const skipped = await runCli(['check', file, '--workers', workers, '--skip-invalid', '--fail-on', 'none']);
      expect(skipped.stderr).toContain(
        `${file}:3:1: warning duplicate-record-id: record id 'r1' is already used at ${file}:1 (record skipped)`,
      );
      expect(skipped.stderr).toContain('3 invalid record(s) skipped');
    });
  }
});
