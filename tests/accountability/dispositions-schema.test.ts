// The published dispositions schema is the one validation uses, and it accepts what the tool accepts.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { dispositionsFileSchema } from '../../src/accountability/dispositions-schema.js';
import { parseDispositions } from '../../src/accountability/dispositions-file.js';

const published = JSON.parse(readFileSync('schemas/dispositions.schema.json', 'utf8'));

describe('schemas/dispositions.schema.json', () => {
  it('is the schema of the source (run `npm run schemas` after changing it)', () => {
    expect(published).toEqual(JSON.parse(JSON.stringify(dispositionsFileSchema())));
  });

  it('accepts the example in docs/accountability.md and rejects an entry naming no finding', () => {
    const doc = readFileSync('docs/accountability.md', 'utf8');
    const example = /```yaml\n(# dispositions\.yaml[\s\S]*?)```/.exec(doc)![1]!;
    const validate = new Ajv({ strict: false }).compile(published);
    expect(validate(parse(example)), JSON.stringify(validate.errors)).toBe(true);
    expect(parseDispositions(example, 'dispositions.yaml').diagnostics).toEqual([]);
    expect(validate({ dispositions: [{ decision: 'licensed', reason: 'r', decidedBy: 'x', decidedOn: '2024-01-01' }] })).toBe(false);
  });
});
