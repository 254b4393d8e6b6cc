// The operators a rule may use: each is false on a missing fact (except `exists`), and each
// checks its value when the rule is loaded, so that a bad rule fails early and never at run time.
import { compareDate } from '../dates/date-compare.js';
import { isPartialDate } from '../dates/date-span.js';

export interface OperatorSpec {
  /** Evaluates the fact value against the rule's value. Never throws. */
  test(fact: unknown, value: unknown): boolean;
  /** A message when the rule's value does not suit the operator, else undefined. */
  checkValue(value: unknown): string | undefined;
}

const missing = (v: unknown): boolean => v === undefined || v === null;
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const isScalar = (v: unknown): boolean => ['string', 'number', 'boolean'].includes(typeof v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

const scalarValue = (v: unknown) => (isScalar(v) ? undefined : 'needs a string, number or boolean value');
const listValue = (v: unknown) => (Array.isArray(v) && v.length > 0 && v.every(isScalar) ? undefined : 'needs a non-empty list of values');
const numberValue = (v: unknown) => (isFiniteNumber(v) ? undefined : 'needs a finite number value');
const dayValue = (v: unknown) => (isPartialDate(v) ? undefined : 'needs a date value such as "2017-09-11"');

function guarded(test: (fact: unknown, value: unknown) => boolean): OperatorSpec['test'] {
  return (fact, value) => !missing(fact) && test(fact, value);
}

function numeric(cmp: (a: number, b: number) => boolean): OperatorSpec {
  return { test: guarded((f, v) => isFiniteNumber(f) && cmp(f, v as number)), checkValue: numberValue };
}

function dated(how: Parameters<typeof compareDate>[2]): OperatorSpec {
  return { test: guarded((f, v) => compareDate(f, v, how)), checkValue: dayValue };
}

function hsMatches(fact: unknown, prefixes: unknown): boolean {
  const codes = asList(fact).filter((c): c is string => typeof c === 'string');
  const pre = (prefixes as unknown[]).map(String);
  return codes.some((c) => pre.some((p) => c.startsWith(p)));
}

export const OPERATORS: Readonly<Record<string, OperatorSpec>> = {
  equal: { test: guarded((f, v) => f === v), checkValue: scalarValue },
  notEqual: { test: guarded((f, v) => f !== v), checkValue: scalarValue },
  in: { test: guarded((f, v) => (v as unknown[]).includes(f)), checkValue: listValue },
  notIn: { test: guarded((f, v) => !(v as unknown[]).includes(f)), checkValue: listValue },
  contains: { test: guarded((f, v) => Array.isArray(f) && f.includes(v)), checkValue: scalarValue },
  doesNotContain: { test: guarded((f, v) => Array.isArray(f) && !f.includes(v)), checkValue: scalarValue },
  lessThan: numeric((a, b) => a < b),
  lessThanInclusive: numeric((a, b) => a <= b),
  greaterThan: numeric((a, b) => a > b),
  greaterThanInclusive: numeric((a, b) => a >= b),
  includesAny: {
    test: guarded((f, v) => asList(f).some((x) => (v as unknown[]).includes(x))),
    checkValue: listValue,
  },
  includesAll: {
    test: guarded((f, v) => (v as unknown[]).every((x) => asList(f).includes(x))),
    checkValue: listValue,
  },
  includesNone: {
    test: guarded((f, v) => !asList(f).some((x) => (v as unknown[]).includes(x))),
    checkValue: listValue,
  },
  hsCodeIn: {
    test: guarded(hsMatches),
    checkValue: (v) =>
      Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'string' && /^\d{2,10}$/.test(p))
        ? undefined
        : 'needs a list of HS code prefixes written as quoted strings of 2 to 10 digits, e.g. ["84", "2701"]',
  },
  dateBefore: dated('before'),
  dateOnOrBefore: dated('onOrBefore'),
  dateAfter: dated('after'),
  dateOnOrAfter: dated('onOrAfter'),
  exists: {
    test: (f, v) => (v === true ? !missing(f) : missing(f)),
    checkValue: (v) => (typeof v === 'boolean' ? undefined : 'needs true or false'),
  },
};

export const OPERATOR_NAMES: readonly string[] = Object.keys(OPERATORS).sort();

export function isKnownOperator(name: string): boolean {
  return Object.hasOwn(OPERATORS, name);
}
