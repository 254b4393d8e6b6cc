// The JSON Schemas of record files and rule files, built from the vocabularies in one place.
// `npm run schemas` writes them to schemas/ for editors; validation uses the same objects.
import { COUNTRY_CODES } from '../vocabulary/countries.js';
import {
  EVIDENCE_LEVEL_NAMES,
  EXEMPTION_FACTS,
  GOODS_CATEGORIES,
  PARTY_KINDS,
  PARTY_ROLES,
  RECORD_FIELDS,
  RECORD_STATUSES,
  RECORD_TYPES,
  type ValueKind,
} from '../vocabulary/records.js';
import { OPERATOR_NAMES } from '../vocabulary/operators.js';

type Schema = Record<string, unknown>;

/** Parties and goods of one record, and wallets of one party: at most this many each. */
export const MAX_RECORD_LIST_ITEMS = 1000;
/** Former names of one party. */
export const MAX_FORMER_NAMES = 100;
/** Characters in a rule's message. */
export const MAX_MESSAGE_CHARS = 4000;

const PARTIAL_DATE_PATTERN = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const FORBIDDEN_KEYS = { not: { enum: ['__proto__', 'constructor', 'prototype'] } };

const partialDate: Schema = {
  type: 'string',
  pattern: PARTIAL_DATE_PATTERN,
  format: 'partial-date',
  description: 'A date of the precision the source gives: "2023", "2023-11" or "2023-11-15". Quote it.',
};
const day: Schema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  format: 'partial-date',
  description: 'A day, "2017-09-11". Quote it.',
};
const country: Schema = { type: 'string', enum: COUNTRY_CODES, description: 'ISO 3166-1 alpha-2 code, e.g. KP, RU.' };
const text: Schema = { type: 'string', minLength: 1 };
const id: Schema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', maxLength: 200 };

const dateOrRange: Schema = {
  anyOf: [
    partialDate,
    {
      type: 'object',
      required: ['from', 'to'],
      additionalProperties: false,
      properties: { from: partialDate, to: partialDate },
    },
  ],
  description: 'A date ("2023", "2023-11", "2023-11-15") or a range {from, to}.',
};

/** What says where a source is, shared by a listed source and a citation written out in full. */
const sourceDescription = {
  publisher: text,
  author: text,
  date: partialDate,
  title: text,
  url: { type: 'string', pattern: '^https?://' },
  file: text,
} satisfies Record<string, Schema>;

const source: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: { id, ...sourceDescription, note: text },
};

const citation: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ref: id,
    quote: text,
    ...sourceDescription,
    start: { type: 'integer', minimum: 0, description: 'where the quote starts in the source file, in UTF-16 code units (as drafted)' },
    end: { type: 'integer', minimum: 0, description: 'where the quote ends in the source file (exclusive)' },
  },
};

/** The schema of a field of a plain kind (records.ts, ValueKind). */
function valueSchema(kind: ValueKind): Schema {
  if (typeof kind !== 'string') return { type: 'string', enum: kind };
  switch (kind) {
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return partialDate;
    case 'country':
      return country;
    case 'count':
      return { type: 'integer', minimum: 1, maximum: 1e9 };
    default:
      return text;
  }
}

/** Record fields of a plain kind that rules test by name, from the vocabulary's table. */
const plainFields: Schema = Object.fromEntries(
  Object.entries(RECORD_FIELDS).flatMap(([name, f]) => (f.kind === 'structured' ? [] : [[name, valueSchema(f.kind)]])),
);

const quantity: Schema = { type: 'number', minimum: 0, maximum: 1e15 };

export const recordSchema: Schema = {
  type: 'object',
  required: ['id', 'type', 'date', 'evidence'],
  additionalProperties: false,
  properties: {
    id,
    type: { type: 'string', enum: RECORD_TYPES },
    summary: text,
    date: dateOrRange,
    parties: {
      type: 'array',
      maxItems: MAX_RECORD_LIST_ITEMS,
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: text,
          kind: { type: 'string', enum: PARTY_KINDS },
          country,
          role: { type: 'string', enum: PARTY_ROLES },
          formerNames: {
            type: 'array',
            maxItems: MAX_FORMER_NAMES,
            items: text,
            description: 'Names the party (most often a vessel) went by before: each is matched against the designation list too.',
          },
          count: {
            type: 'integer',
            minimum: 1,
            maximum: 1e9,
            description: 'How many persons the party stands for (a head count of workers, say).',
          },
          wallets: {
            type: 'array',
            maxItems: MAX_RECORD_LIST_ITEMS,
            items: { type: 'string', pattern: '^[A-Za-z0-9:._-]{8,128}$' },
            description:
              'Virtual-asset wallet addresses the party holds or used, as written on the chain ("0x47666fab8bd0ac7003bce3f5c3585383f09486e2").',
          },
          identifiers: {
            type: 'object',
            propertyNames: FORBIDDEN_KEYS,
            additionalProperties: { type: 'string' },
            properties: {
              unRef: { type: 'string', pattern: '^KP[ie]\\.\\d{3}$', description: 'UN 1718 reference number, e.g. KPe.001' },
              imo: { type: 'string', pattern: '^\\d{7}$', description: 'IMO number: seven digits, as a string' },
            },
          },
        },
      },
    },
    goods: {
      type: 'array',
      maxItems: MAX_RECORD_LIST_ITEMS,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          description: text,
          category: { type: 'string', enum: GOODS_CATEGORIES },
          hs: { type: 'string', pattern: '^\\d{2,10}$', description: 'HS code as a quoted string of 2 to 10 digits, e.g. "030617".' },
          quantity,
          unit: text,
          value: {
            type: 'object',
            required: ['amount', 'currency'],
            additionalProperties: false,
            properties: { amount: quantity, currency: { type: 'string', pattern: '^[A-Z]{3}$' } },
          },
          origin: country,
        },
      },
    },
    place: { type: 'object', additionalProperties: false, properties: { country, name: text } },
    facts: {
      type: 'object',
      propertyNames: { ...FORBIDDEN_KEYS, pattern: '^[A-Za-z][A-Za-z0-9_]*$' },
      additionalProperties: { type: ['string', 'number', 'boolean'] },
      properties: Object.fromEntries(Object.entries(EXEMPTION_FACTS).map(([k, v]) => [k, valueSchema(v)])),
    },
    evidence: {
      type: 'object',
      required: ['level'],
      additionalProperties: false,
      properties: {
        level: { type: 'string', enum: EVIDENCE_LEVEL_NAMES },
        claimant: text,
        wording: { type: 'array', items: text },
        sources: { type: 'array', items: citation },
      },
    },
    notes: text,
    tags: { type: 'array', items: text },
    status: {
      type: 'string',
      enum: RECORD_STATUSES,
      description: 'draft: made by `sanctions-check draft` and not yet reviewed; `check` refuses it without --include-drafts',
    },
    draft: {
      type: 'object',
      additionalProperties: false,
      properties: {
        undetermined: { type: 'array', items: text, description: 'what the drafter could not determine, for the analyst to fill in' },
        rules: { type: 'array', items: text, description: 'the drafting rules that fired' },
      },
    },
    ...plainFields,
  },
};

export const recordEnvelopeSchema: Schema = {
  type: 'object',
  required: ['records'],
  additionalProperties: false,
  properties: {
    case: {
      type: 'object',
      additionalProperties: false,
      properties: { title: text, description: text },
    },
    sources: { type: 'array', items: { ...source, required: ['id'] } },
    records: { type: 'array' },
  },
};

const provision: Schema = {
  type: 'object',
  required: ['adopted', 'verified'],
  additionalProperties: false,
  properties: {
    resolution: { type: 'integer', minimum: 1, description: "a resolution's number, e.g. 1718; omitted for other instruments" },
    symbol: {
      type: 'string',
      pattern: '^S/[A-Z]+/[0-9]+(/[0-9]+)*( \\([0-9]{4}\\))?$',
      description: 'the UN document symbol, e.g. "S/RES/1718 (2006)" or "S/PRST/2012/13"; required where there is no resolution number',
    },
    paragraph: {
      type: 'string',
      minLength: 1,
      description:
        'a resolution\'s operative paragraph, e.g. "8(b)" or "17"; quote it; omitted for instruments without numbered paragraphs',
    },
    adopted: day,
    text,
    verified: {
      type: 'boolean',
      description: 'true only where the note names a source (publisher, address, quoted words) that carries the paragraph number',
    },
    note: text,
  },
};

/** The condition-tree schema; validation checks trees in code (clearer messages), editors use this. */
const conditionDefinitions: Schema = {
  condition: {
    type: 'object',
    anyOf: [
      {
        required: ['all'],
        properties: { all: { type: 'array', items: { $ref: '#/definitions/condition' } } },
        additionalProperties: false,
      },
      {
        required: ['any'],
        properties: { any: { type: 'array', items: { $ref: '#/definitions/condition' } } },
        additionalProperties: false,
      },
      { required: ['not'], properties: { not: { $ref: '#/definitions/condition' } }, additionalProperties: false },
      { required: ['condition'], properties: { condition: { type: 'string' } }, additionalProperties: false },
      {
        required: ['name', 'fact', 'operator', 'value'],
        additionalProperties: false,
        properties: {
          name: text,
          fact: text,
          operator: { type: 'string', enum: OPERATOR_NAMES },
          value: {},
          path: { type: 'string', pattern: '^\\$(\\.[A-Za-z0-9_-]+|\\[\\d+\\])*$' },
        },
      },
    ],
  },
};

function ruleSchema(condition: Schema): Schema {
  return {
    type: 'object',
    required: ['id', 'title', 'status', 'provisions', 'outcome', 'applies', 'when', 'message'],
    additionalProperties: false,
    properties: {
      id: {
        type: 'string',
        pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
        maxLength: 120,
        description: 'kebab-case, unique across every loaded rule set',
      },
      title: text,
      description: text,
      status: { type: 'string', enum: ['draft', 'stable', 'deprecated'] },
      tags: { type: 'array', items: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' } },
      provisions: { type: 'array', minItems: 1, items: provision },
      citeInForce: {
        type: 'boolean',
        description: "true: a finding cites only the provisions adopted on or before the activity's last day (those in force then)",
      },
      outcome: { type: 'string', enum: ['violation', 'review'] },
      applies: {
        type: 'object',
        required: ['from'],
        additionalProperties: false,
        properties: { from: day, until: day },
      },
      when: condition,
      unless: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'when'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
            title: text,
            provisions: { type: 'array', items: provision },
            when: condition,
          },
        },
      },
      message: { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_CHARS },
      examples: {
        type: 'array',
        items: {
          type: 'object',
          required: ['id', 'outcome', 'record'],
          additionalProperties: false,
          properties: {
            id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
            outcome: { type: 'string', enum: ['violation', 'review', 'exempt', 'none'] },
            record: { type: 'object' },
          },
        },
      },
    },
  };
}

/** For validation: condition trees are only required to be objects here. */
export const ruleValidationSchema: Schema = ruleSchema({ type: 'object' });

export const ruleFileEnvelopeSchema: Schema = {
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  properties: {
    conditions: {
      type: 'object',
      propertyNames: { ...FORBIDDEN_KEYS, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
      additionalProperties: { type: 'object' },
    },
    rules: { type: 'array' },
  },
};

/** The published schema of a rule file, with full condition trees, for editors. */
export function ruleFileSchema(): Schema {
  const rule = ruleSchema({ $ref: '#/definitions/condition' });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'sanctions-check/rule-file.schema.json',
    title: 'sanctions-check rule file',
    definitions: { ...conditionDefinitions, rule },
    anyOf: [
      { type: 'array', items: { $ref: '#/definitions/rule' } },
      {
        ...ruleFileEnvelopeSchema,
        properties: {
          conditions: { type: 'object', additionalProperties: { $ref: '#/definitions/condition' } },
          rules: { type: 'array', items: { $ref: '#/definitions/rule' } },
        },
      },
    ],
  };
}

/** The published schema of a record file, for editors. */
export function recordFileSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'sanctions-check/record-file.schema.json',
    title: 'sanctions-check activity record file',
    definitions: { record: recordSchema },
    anyOf: [
      { type: 'array', items: { $ref: '#/definitions/record' } },
      {
        ...recordEnvelopeSchema,
        properties: { ...(recordEnvelopeSchema.properties as Schema), records: { type: 'array', items: { $ref: '#/definitions/record' } } },
      },
    ],
  };
}
