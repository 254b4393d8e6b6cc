// SARIF with dispositions and a baseline (suppressions, baselineState, run properties) is valid SARIF 2.1.0.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { CASE_DIR, tempDir } from './case-copy.js';

const Ajv = ajvDraft04.default;
const addFormats = ajvFormats.default;

describe('SARIF with accountability', () => {
  it('validates against the SARIF 2.1.0 schema', async () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync('tests/fixtures/sarif/sarif-schema-2.1.0.json', 'utf8')) as object);
    const dir = tempDir();
    const baseline = path.join(dir, 'old.json');
    // A previous report with no findings: every finding is new.
    writeFileSync(baseline, '{"findings": []}\n');
    const dispositions = path.join(dir, 'd.yaml');
    writeFileSync(
      dispositions,
      [
        '- record: artillery-rounds-to-russia',
        '  rule: arms-procurement-from-dprk',
        '  decision: licensed',
        '  reason: r',
        '  decidedBy: x',
        '  decidedOn: 2024-01-01',
        '  legalBasis: ref',
      ].join('\n') + '\n',
    );
    const r = await runCli([
      'check',
      CASE_DIR,
      '--format',
      'sarif',
      '--fail-on',
      'none',
      '--as-of',
      '2024-02-01',
      '--baseline',
      baseline,
      '--dispositions',
      dispositions,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const results = log.runs[0].results as { baselineState: string; suppressions?: unknown[] }[];
    expect(results.every((x) => x.baselineState === 'new')).toBe(true);
    expect(results.filter((x) => x.suppressions)).toHaveLength(1);
  });
});
