// The JSON Schema of a dispositions file: the analysts' decisions on findings.
import { DISPOSITION_DECISIONS } from '../types.js';

const day = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' };
const text = { type: 'string', minLength: 1 };

export const dispositionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['decision', 'reason', 'decidedBy', 'decidedOn'],
  properties: {
    fingerprint: {
      type: 'string',
      pattern: '^[0-9a-f]{12,64}$',
      description: "the finding's fingerprint, whole or its first 12 or more characters",
    },
    record: { ...text, description: 'the record id (with rule, instead of a fingerprint)' },
    rule: { ...text, description: 'the rule id (with record, instead of a fingerprint)' },
    decision: { type: 'string', enum: [...DISPOSITION_DECISIONS] },
    reason: text,
    decidedBy: text,
    decidedOn: day,
    legalBasis: { ...text, description: "e.g. a Committee exemption's reference" },
    expires: { ...day, description: 'the last day the decision applies' },
  },
} as const;

export const dispositionsEnvelopeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['dispositions'],
  properties: { dispositions: { type: 'array' } },
} as const;

/** The schema published in schemas/dispositions.schema.json for editors. */
export function dispositionsFileSchema(): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'sanctions-check/dispositions.schema.json',
    title: 'sanctions-check dispositions file',
    description: 'Decisions on findings: each names a finding by fingerprint, or by record and rule.',
    type: 'object',
    additionalProperties: false,
    required: ['dispositions'],
    properties: {
      dispositions: {
        type: 'array',
        items: { ...dispositionSchema, anyOf: [{ required: ['fingerprint'] }, { required: ['record', 'rule'] }] },
      },
    },
  };
}
