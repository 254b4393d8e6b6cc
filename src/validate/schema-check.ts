// Runs a JSON Schema over parsed input and turns each failure into a located, readable diagnostic.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { beforeMinYear, isPartialDate, MIN_YEAR } from '../dates/date-span.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Locate, PathKey } from '../diagnostics/locate.js';
import type { Diagnostic, DiagnosticCode } from '../types.js';
import { closeValues, closest } from './suggest.js';

// strictNumbers: NaN and Infinity (`.nan`, `.inf`, or 1e400, which parses to Infinity) are not numbers.
// verbose: errors carry their schema, for the fields a misspelt one may have meant.
// validateSchema: false: the schemas are this program's own (tests/validate check them against the
// meta-schema); compiling the meta-schema on every start cost a third of a second.
const ajv = new Ajv({ allErrors: true, strict: false, strictNumbers: true, allowUnionTypes: true, verbose: true, validateSchema: false });
ajv.addFormat('partial-date', { type: 'string', validate: (s: string) => isPartialDate(s) });

const cache = new WeakMap<object, ValidateFunction>();
function compiled(schema: object): ValidateFunction {
  let v = cache.get(schema);
  if (!v) {
    v = ajv.compile(schema);
    cache.set(schema, v);
  }
  return v;
}

export type { Locate } from '../diagnostics/locate.js';

function pathOf(instancePath: string): PathKey[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && Number.isNaN(value)) return 'not a number (.nan)';
  if (typeof value === 'number' && !Number.isFinite(value)) return `${value < 0 ? 'minus ' : ''}infinity (too large a number, e.g. 1e400)`;
  if (typeof value === 'string') {
    const s = JSON.stringify(value.length > 60 ? value.slice(0, 57) : value);
    return value.length > 60 ? `${s.slice(0, -1)}..." (${value.length} characters)` : s;
  }
  return String(value);
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, k)) return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'null',
};

function typeNames(type: unknown): string {
  const list = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_NAMES[String(t)] ?? String(t));
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0]!;
}

function field(path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  return last === undefined ? 'the value' : typeof last === 'number' ? `item ${last + 1}` : `'${last}'`;
}

/** What the patterns of the schemas ask for, in words. */
const PATTERN_WORDS: Record<string, string> = {
  '^[A-Za-z0-9][A-Za-z0-9._-]*$': "letters, digits, '.', '_' and '-', starting with a letter or digit",
  '^[a-z0-9]+(-[a-z0-9]+)*$': 'kebab-case: lower-case letters and digits joined by single hyphens, e.g. arms-from-dprk',
  '^\\d{2,10}$': 'a string of 2 to 10 digits',
  '^KP[ie]\\.\\d{3}$': 'a UN 1718 reference number such as KPe.001 or KPi.001',
  '^\\d{7}$': 'seven digits, as a string',
  '^[A-Z]{3}$': 'a three-letter currency code in capitals, e.g. USD',
  '^https?://': 'a web address starting with http:// or https://',
  '^[A-Za-z][A-Za-z0-9_]*$': "letters, digits and '_', starting with a letter",
};

function yearFloorMessage(value: unknown): string {
  return `${describe(value)} is before the year ${MIN_YEAR}: dates from ${MIN_YEAR} on can be checked`;
}

/**
 * An HS code written as a number. HS codes have 2 (chapter), 4 (heading), 6 (subheading) or more
 * digits, so a number with an even count of digits may be the code as meant ("2710", a heading);
 * an odd count most likely lost a leading zero ("30617" for "030617").
 */
function hsMessage(value: number): string {
  const digits = Number.isInteger(value) && value >= 0 ? String(value) : undefined;
  if (digits === undefined || digits.length > 10) return `HS code ${value} must be a quoted string of 2 to 10 digits, e.g. "2710"`;
  if (digits.length % 2 === 0) {
    return `HS code ${digits} must be quoted: write "${digits}" (a ${digits.length}-digit HS code is valid; codes are text so that leading zeros are kept)`;
  }
  return `HS code ${digits} must be quoted: write "0${digits}"? Unquoted, a code loses its leading zero (HS codes have an even number of digits)`;
}

const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

function messageFor(
  err: ErrorObject,
  path: PathKey[],
  value: unknown,
  subject?: string,
  names?: string,
): { code: DiagnosticCode; message: string; key?: boolean; path: PathKey[] } {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const known = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = RESERVED.has(name) ? undefined : closest(name, known);
      return {
        code: 'unknown-field',
        message: `unknown field '${name}'${guess ? `; did you mean '${guess}'?` : ''}`,
        key: true,
        path: [...path, name],
      };
    }
    case 'required':
      return { code: 'missing-field', message: `missing required field '${String(p.missingProperty)}'`, path };
    case 'propertyNames': {
      const name = String(p.propertyName);
      const why = RESERVED.has(name) ? 'is a reserved name' : names ? `is not allowed here: use ${names}` : 'is not allowed here';
      return { code: 'invalid-key', message: `key '${name}' ${why}`, key: true, path: [...path, name] };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const isCountry = allowed.length > 200;
      if (isCountry) {
        const upper =
          typeof value === 'string' && allowed.includes(value.toUpperCase())
            ? `; write it in capitals, ${value.toUpperCase()}`
            : ' (e.g. KP, RU, CN)';
        return { code: 'unknown-country', message: `${describe(value)} is not an ISO 3166-1 alpha-2 country code${upper}`, path };
      }
      if (allowed.length <= 25)
        return { code: 'invalid-value', message: `${field(path)} is ${describe(value)}; it must be: one of ${allowed.join(', ')}`, path };
      // A long list (goods categories, record types): the values close to the one given.
      const close = typeof value === 'string' ? closeValues(value, allowed.map(String)) : [];
      const hint = close.length > 0 ? `; did you mean ${close.map((c) => `'${c}'`).join(', ')}?` : ' (docs/formats.md lists them)';
      return { code: 'invalid-value', message: `${field(path)} is ${describe(value)}; it must be a listed value${hint}`, path };
    }
    case 'format':
      if (p.format === 'partial-date') {
        if (beforeMinYear(value)) return { code: 'invalid-date', message: yearFloorMessage(value), path };
        return { code: 'invalid-date', message: `${describe(value)} is not a real date`, path };
      }
      break;
    case 'type': {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        return { code: 'invalid-number', message: `${field(path)} is ${describe(value)}; it must be a finite number`, path };
      }
      if (path.length === 0 && subject) {
        return { code: 'invalid-type', message: `${subject} must be a mapping of fields, not ${describe(value)}`, path };
      }
      const hs = path[path.length - 1] === 'hs' && typeof value === 'number';
      if (hs) return { code: 'invalid-type', message: hsMessage(value as number), path };
      const numLike = typeof value === 'number' || value instanceof Date;
      const isDate = /date|adopted|from|until|^to$/.test(String(path[path.length - 1]));
      const hint =
        numLike && isDate ? '; quote dates, e.g. "2023"' : typeof value === 'number' && p.type === 'string' ? `; quote it: "${value}"` : '';
      return { code: 'invalid-type', message: `${field(path)} is ${describe(value)}; it must be ${typeNames(p.type)}${hint}`, path };
    }
    case 'pattern': {
      const key = String(path[path.length - 1]);
      if (String(p.pattern) === '^\\d{4}-\\d{2}-\\d{2}$')
        return { code: 'invalid-date', message: `${describe(value)} is not a day; write a day, e.g. "2017-09-11"`, path };
      if (/date|adopted|from|until|^to$/.test(key))
        return { code: 'invalid-date', message: `${describe(value)} is not a date; write "2023", "2023-11" or "2023-11-15"`, path };
      const words = PATTERN_WORDS[String(p.pattern)];
      return {
        code: 'invalid-value',
        message: `${field(path)} is ${describe(value)}; it must be ${words ?? `text matching ${String(p.pattern)}`}`,
        path,
      };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const limit = Number(p.limit);
      const bound =
        err.keyword === 'minimum'
          ? `${limit} or more`
          : err.keyword === 'maximum'
            ? `at most ${limit}`
            : `${String(p.comparison)} ${limit}`;
      return { code: 'invalid-number', message: `${field(path)} is ${describe(value)}; it must be ${bound}`, path };
    }
    case 'minLength':
      if (Number(p.limit) === 1) return { code: 'invalid-value', message: `${field(path)} is empty`, path };
      return { code: 'invalid-value', message: `${field(path)} is too short; it needs at least ${String(p.limit)} characters`, path };
    case 'maxLength':
      return {
        code: 'invalid-value',
        message: `${field(path)} is ${typeof value === 'string' ? value.length : '?'} characters long; at most ${String(p.limit)} are allowed`,
        path,
      };
    case 'minItems':
      return {
        code: 'invalid-value',
        message: `${field(path)} needs at least ${String(p.limit)} item${Number(p.limit) === 1 ? '' : 's'}`,
        path,
      };
    case 'maxItems':
      return {
        code: 'invalid-value',
        message: `${field(path)} has ${Array.isArray(value) ? value.length : '?'} items; at most ${String(p.limit)} are allowed`,
        path,
      };
    case 'anyOf':
      if (path[path.length - 1] === 'date') {
        if (beforeMinYear(value)) return { code: 'invalid-date', message: yearFloorMessage(value), path };
        if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
          // A range: say which end is wrong, and how.
          const range = value as Record<string, unknown>;
          for (const end of ['from', 'to']) {
            if (beforeMinYear(range[end])) return { code: 'invalid-date', message: yearFloorMessage(range[end]), path: [...path, end] };
          }
          for (const end of ['from', 'to']) {
            const v = range[end];
            if (typeof v === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) && !isPartialDate(v)) {
              return { code: 'invalid-date', message: `${describe(v)} is not a real date`, path: [...path, end] };
            }
          }
        }
        if (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
          return { code: 'invalid-date', message: `${describe(value)} is not a real date`, path };
        }
        return {
          code: 'invalid-date',
          message: `${describe(value)} is not a date; write "2023", "2023-11", "2023-11-15" or a range {from, to}`,
          path,
        };
      }
      break;
  }
  return { code: 'schema', message: `${field(path)} ${err.message ?? 'is invalid'}`, path };
}

/**
 * Validates `value` (which stands at `base` inside its document) and returns diagnostics.
 * Errors inside a failed anyOf are folded into one message for that value. `subject` names what
 * the value is ("a record"), for the message when it is not a mapping at all.
 */
export function checkSchema(schema: object, value: unknown, base: readonly PathKey[], locate: Locate, subject?: string): Diagnostic[] {
  const validate = compiled(schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  // A key that fails `propertyNames` gives an error for each rule it breaks, then one for the key:
  // keep the last, told what the names must look like.
  const nameRules = new Map<string, string>();
  for (const e of errors) {
    if ((e as { propertyName?: string }).propertyName === undefined) continue;
    if (e.keyword === 'pattern')
      nameRules.set(e.instancePath, PATTERN_WORDS[String(e.params.pattern)] ?? `text matching ${String(e.params.pattern)}`);
  }
  const kept = errors.filter((e) => {
    if ((e as { propertyName?: string }).propertyName !== undefined) return false;
    if (e.keyword === 'anyOf') return true;
    return !anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  });
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const err of kept) {
    const rel = pathOf(err.instancePath);
    const m = messageFor(err, rel, valueAt(value, rel), subject, nameRules.get(err.instancePath));
    const location = locate([...base, ...m.path], { key: m.key });
    const d = diagnostic(m.code, m.message, location);
    const k = `${location.line}:${location.column}:${m.message}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(d);
    }
  }
  return out;
}
