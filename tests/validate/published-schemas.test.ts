import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { recordFileSchema, ruleFileSchema } from '../../src/validate/schemas.js';

const read = (name: string) => JSON.parse(readFileSync(`schemas/${name}`, 'utf8'));

describe('the JSON Schemas shipped for editors', () => {
  it('are the schemas validation uses (run `npm run schemas` after changing the vocabulary)', () => {
    expect(read('rule-file.schema.json')).toEqual(JSON.parse(JSON.stringify(ruleFileSchema())));
    expect(read('record-file.schema.json')).toEqual(JSON.parse(JSON.stringify(recordFileSchema())));
  });

  it('accept the shipped rules and the bundled case, and reject a broken record', () => {
    const ajv = new Ajv({ strict: false, allowUnionTypes: true });
    ajv.addFormat('partial-date', /^\d{4}(-\d{2}(-\d{2})?)?$/);
    const rules = ajv.compile(read('rule-file.schema.json'));
    const records = ajv.compile(read('record-file.schema.json'));
    expect(rules(parse(readFileSync('tests/fixtures/core/rules.yaml', 'utf8'))), JSON.stringify(rules.errors)).toBe(true);
    const article = parse(readFileSync('cases/2023-11-dprk-russia-commission/records.yaml', 'utf8'));
    expect(records(article), JSON.stringify(records.errors)).toBe(true);
    expect(records([{ id: 'x', type: 'launch', date: '2023', evidence: { level: 'sure' } }])).toBe(false);
  });
});
