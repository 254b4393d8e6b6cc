// Validates NDJSON records quickly: a second compilation of the record schema answers "valid?"
// in half the time (long enums, such as the 250 country codes, become set lookups), and only a
// record it rejects goes through validateRecord for the located diagnostics. A valid record comes
// out exactly as validateRecord makes it; tests/scale compare the two.
import { Ajv } from 'ajv';
import { toDateSpan, isPartialDate } from '../dates/date-span.js';
import type { RawRecord } from '../load/record-file.js';
import type { ActivityRecord, Diagnostic, LoadedRecord, Source } from '../types.js';
import { recordSchema } from '../validate/schemas.js';
import { validateRecord } from '../validate/validate-record.js';

const NO_SOURCES: ReadonlyMap<string, Source> = new Map();

/** Keywords this second compilation knows to mean the same as in the first; any other disables it. */
const KNOWN_KEYWORDS = new Set([
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'propertyNames', 'items', 'minItems',
  'maxItems', 'minLength', 'maxLength', 'minimum', 'maximum', 'pattern', 'anyOf', 'oneOf', 'allOf', 'not', 'format',
  'description', 'title', '$comment', 'examples', 'default',
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
  for (const [keyword, min] of [['minChars', true], ['maxChars', false]] as const) {
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

export type RecordValidator = (raw: RawRecord) => { loaded?: LoadedRecord; diagnostics: Diagnostic[] };

/** A validator for records without a `sources:` list of their own (NDJSON lines). */
export function createRecordValidator(): RecordValidator {
  const quick = compileQuickCheck();
  if (!quick) return (raw) => validateRecord(raw, NO_SOURCES);
  return (raw) => {
    if (!quick(raw.value)) return validateRecord(raw, NO_SOURCES);
    const record = raw.value as ActivityRecord;
    const span = toDateSpan(record.date);
    const citations = record.evidence.sources ?? [];
    // A date range that runs backwards, or a citation by reference: the full path says what is wrong.
    if (!span || citations.some((c) => c.ref !== undefined)) return validateRecord(raw, NO_SOURCES);
    // The record is this line's own (parsed from it, used by nothing else): it is completed in
    // place, its keys in the order validateRecord's copy has them.
    if (record.evidence.sources === undefined) record.evidence.sources = citations;
    return { loaded: { record, span, location: raw.location }, diagnostics: [] };
  };
}
