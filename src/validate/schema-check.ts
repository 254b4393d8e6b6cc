// Runs a JSON Schema over parsed input and turns each failure into a located, readable diagnostic.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isPartialDate } from '../dates/date-span.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PathKey } from '../load/yaml-document.js';
import type { Diagnostic, SourceLocation } from '../types.js';

const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
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

export type Locate = (path: readonly PathKey[], opts?: { key?: boolean }) => SourceLocation;

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
  const s = JSON.stringify(value) ?? String(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PathKey, unknown>)[k];
  }
  return v;
}

function field(path: readonly PathKey[]): string {
  const last = path[path.length - 1];
  return last === undefined ? 'the value' : typeof last === 'number' ? `item ${last + 1}` : `'${last}'`;
}

function messageFor(err: ErrorObject, path: PathKey[], value: unknown): { code: string; message: string; key?: boolean; path: PathKey[] } {
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties':
      return { code: 'unknown-field', message: `unknown field '${String(p.additionalProperty)}'`, key: true, path: [...path, String(p.additionalProperty)] };
    case 'required':
      return { code: 'missing-field', message: `missing required field '${String(p.missingProperty)}'`, path };
    case 'propertyNames':
      return { code: 'invalid-key', message: `key '${String(p.propertyName)}' is not allowed here`, key: true, path: [...path, String(p.propertyName)] };
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const isCountry = allowed.length > 200;
      if (isCountry) return { code: 'unknown-country', message: `${describe(value)} is not an ISO 3166-1 alpha-2 country code (e.g. KP, RU, CN)`, path };
      const list = allowed.length <= 25 ? `: one of ${allowed.join(', ')}` : '';
      return { code: 'invalid-value', message: `${field(path)} is ${describe(value)}; it must be${list || ' a listed value'}`, path };
    }
    case 'format':
      if (p.format === 'partial-date') {
        return { code: 'invalid-date', message: `${describe(value)} is not a real date`, path };
      }
      break;
    case 'type': {
      const hs = path[path.length - 1] === 'hs' && typeof value === 'number';
      if (hs) return { code: 'invalid-type', message: `HS code ${value} must be a quoted string ("${String(value).padStart(6, '0')}"? unquoted codes lose their leading zeros)`, path };
      const numLike = typeof value === 'number' || (value instanceof Date);
      const dateHint = numLike && /date|adopted|from|until|^to$/.test(String(path[path.length - 1])) ? '; quote dates, e.g. "2023"' : '';
      return { code: 'invalid-type', message: `${field(path)} is ${describe(value)}; it must be ${String(p.type).replace(',', ' or ')}${dateHint}`, path };
    }
    case 'pattern': {
      const key = String(path[path.length - 1]);
      if (/date|adopted|from|until|^to$/.test(key)) return { code: 'invalid-date', message: `${describe(value)} is not a date; write "2023", "2023-11" or "2023-11-15"`, path };
      return { code: 'invalid-value', message: `${field(path)} is ${describe(value)}; it must match ${String(p.pattern)}`, path };
    }
    case 'anyOf':
      if (path[path.length - 1] === 'date') {
        if (typeof value === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
          return { code: 'invalid-date', message: `${describe(value)} is not a real date`, path };
        }
        return { code: 'invalid-date', message: `${describe(value)} is not a date; write "2023", "2023-11", "2023-11-15" or a range {from, to}`, path };
      }
      break;
  }
  return { code: 'schema', message: `${field(path)} ${err.message ?? 'is invalid'}`, path };
}

/**
 * Validates `value` (which stands at `base` inside its document) and returns diagnostics.
 * Errors inside a failed anyOf are folded into one message for that value.
 */
export function checkSchema(schema: object, value: unknown, base: readonly PathKey[], locate: Locate): Diagnostic[] {
  const validate = compiled(schema);
  if (validate(value)) return [];
  const errors = validate.errors ?? [];
  const anyOfPaths = errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const kept = errors.filter((e) => {
    if (e.keyword === 'anyOf') return true;
    return !anyOfPaths.some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'));
  });
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const err of kept) {
    const rel = pathOf(err.instancePath);
    const m = messageFor(err, rel, valueAt(value, rel));
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
