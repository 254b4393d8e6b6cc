// The record schema compiled a second time, for speed: it answers "valid?" in half the time of
// the located check (long enums, such as the 250 country codes, become set lookups), and says
// nothing of where a problem is. Built from the same schema object (schemas.ts), so the two cannot
// drift apart by edit; validateRecord uses it first and runs the located check on what it rejects.
import { Ajv } from 'ajv';
import { isPartialDate, toDateSpan } from '../dates/date-span.js';
import type { DateSpan } from '../types.js';
import { recordSchema } from './schemas.js';

/** Keywords this second compilation knows to mean the same as in the first; any other disables it. */
const KNOWN_KEYWORDS = new Set([
  'type',
  'enum',
  'const',
  'required',
  'properties',
  'additionalProperties',
  'propertyNames',
  'items',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'pattern',
  'anyOf',
  'oneOf',
  'allOf',
  'not',
  'format',
  'description',
  'title',
  '$comment',
  'examples',
  'default',
]);
const KNOWN_FORMATS = new Set(['partial-date']);
/** Enums longer than this are checked with a Set. */
const SET_ENUM = 8;

/** Keywords whose value holds schemas (and so are walked); the others hold plain values. */
const SCHEMA_MAPS = new Set(['properties']);
const SCHEMA_VALUES = new Set(['additionalProperties', 'propertyNames', 'items', 'not']);
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf']);

/** The schema with long string enums as `inSet`; undefined when the schema uses anything unknown here. */
export function withSetEnums(schema: unknown): unknown {
  if (typeof schema === 'boolean') return schema;
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (!KNOWN_KEYWORDS.has(k)) return undefined;
    if (k === 'format' && !KNOWN_FORMATS.has(String(v))) return undefined;
    if (k === 'enum' && Array.isArray(v) && v.length > SET_ENUM && v.every((x) => typeof x === 'string')) {
      out.inSet = v;
    } else if ((k === 'minLength' || k === 'maxLength') && Number.isInteger(v)) {
      // Lengths count code points; most strings need no counting at all (see lengthCheck).
      out[k === 'minLength' ? 'minChars' : 'maxChars'] = v;
    } else if (SCHEMA_MAPS.has(k)) {
      const props: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(v as Record<string, unknown>)) {
        const t = withSetEnums(sub);
        if (t === undefined) return undefined;
        props[name] = t;
      }
      out[k] = props;
    } else if (SCHEMA_VALUES.has(k)) {
      const t = withSetEnums(v);
      if (t === undefined) return undefined;
      out[k] = t;
    } else if (SCHEMA_LISTS.has(k)) {
      const list = (v as unknown[]).map(withSetEnums);
      if (list.some((t) => t === undefined)) return undefined;
      out[k] = list;
    } else out[k] = v;
  }
  return out;
}

/** Code points in a string, as JSON Schema counts length. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/**
 * A string of L UTF-16 units holds between L/2 and L code points: only strings whose length is
 * near the limit are counted.
 */
function lengthCheck(limit: number, min: boolean): (data: unknown) => boolean {
  if (min) return (data) => typeof data !== 'string' || data.length >= 2 * limit || (data.length >= limit && codePoints(data) >= limit);
  return (data) => typeof data !== 'string' || data.length <= limit || (data.length <= 2 * limit && codePoints(data) <= limit);
}

function compileQuickCheck(): ((value: unknown) => boolean) | undefined {
  const schema = withSetEnums(recordSchema);
  if (schema === undefined) return undefined;
  // The schema is checked against the meta-schema where it is written (tests/validate), not on every start.
  const ajv = new Ajv({ allErrors: false, strict: false, strictNumbers: true, allowUnionTypes: true, validateSchema: false });
  ajv.addFormat('partial-date', { type: 'string', validate: isPartialDate });
  for (const [keyword, min] of [
    ['minChars', true],
    ['maxChars', false],
  ] as const) {
    ajv.addKeyword({ keyword, schemaType: 'number', compile: (limit: number) => lengthCheck(limit, min) });
  }
  ajv.addKeyword({
    keyword: 'inSet',
    schemaType: 'array',
    compile: (list: string[]) => {
      const set = new Set<unknown>(list);
      return (data: unknown) => set.has(data);
    },
  });
  const validate = ajv.compile(schema as object);
  return (value) => validate(value) === true;
}

/** The day span of a record's date (read without a regular expression; nothing to remember). */
export function spanOf(date: unknown): DateSpan | undefined {
  return toDateSpan(date);
}

let compiled: ((value: unknown) => boolean) | undefined | null = null;

/**
 * Whether a value passes the record schema, by the quick compilation; undefined when the schema
 * uses a keyword this compilation does not know (then every record takes the located check).
 * Compiled on first use.
 */
export function quickRecordCheck(value: unknown): boolean | undefined {
  if (compiled === null) compiled = compileQuickCheck();
  return compiled?.(value);
}
