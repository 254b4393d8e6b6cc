// Every schema the validator compiles is a valid JSON Schema: the validator itself skips the
// meta-schema check at start-up, so it is made here.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { dispositionSchema, dispositionsEnvelopeSchema } from '../../src/accountability/dispositions-schema.js';
import { recordEnvelopeSchema, recordSchema, ruleFileEnvelopeSchema, ruleValidationSchema } from '../../src/validate/schemas.js';

describe('the schemas validation compiles', () => {
  const schemas = {
    recordSchema,
    recordEnvelopeSchema,
    ruleValidationSchema,
    ruleFileEnvelopeSchema,
    dispositionSchema,
    dispositionsEnvelopeSchema,
  };
  for (const [name, schema] of Object.entries(schemas)) {
    it(`${name} is valid against the meta-schema`, () => {
      const ajv = new Ajv({ strict: false, allowUnionTypes: true });
      expect(ajv.validateSchema(schema as object), JSON.stringify(ajv.errors)).toBe(true);
    });
  }

  it('a broken schema is caught by the same check', () => {
    const ajv = new Ajv({ strict: false });
    expect(ajv.validateSchema({ type: 'object', properties: { a: { type: 'nonsense' } } })).toBe(false);
  });
});
