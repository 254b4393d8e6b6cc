import { describe, expect, it } from 'vitest';
import { OPERATORS } from '../../src/vocabulary/operators.js';

const op = (name: string) => OPERATORS[name]!;

describe('operators', () => {
  it('are false on a missing fact, unlike json-rules-engine’s notEqual and notIn', () => {
    for (const [name, spec] of Object.entries(OPERATORS)) {
      if (name === 'exists') continue;
      expect(spec.test(undefined, ['KP']), name).toBe(false);
      expect(spec.test(null, ['KP']), name).toBe(false);
    }
    expect(op('notEqual').test(undefined, 'KP')).toBe(false);
    expect(op('notIn').test(undefined, ['KP'])).toBe(false);
  });

  it('exists tells present from absent', () => {
    expect(op('exists').test(undefined, true)).toBe(false);
    expect(op('exists').test(undefined, false)).toBe(true);
    expect(op('exists').test(['KPe.001'], true)).toBe(true);
  });

  it('in takes a list only, so a string value never does substring matching', () => {
    expect(op('in').checkValue('KPX')).toMatch(/list/);
    expect(op('in').checkValue(['KP'])).toBeUndefined();
    expect(op('in').test('KP', ['KP', 'RU'])).toBe(true);
    expect(op('in').test('K', ['KP'])).toBe(false);
  });

  it('list operators accept a single value as a one-element list', () => {
    expect(op('includesAny').test(['KP', 'RU'], ['KP'])).toBe(true);
    expect(op('includesAny').test('KP', ['KP'])).toBe(true);
    expect(op('includesNone').test(['RU'], ['KP'])).toBe(true);
    expect(op('includesNone').test(['KP'], ['KP'])).toBe(false);
    expect(op('includesAll').test(['KP', 'RU'], ['KP', 'RU'])).toBe(true);
    expect(op('includesAll').test(['KP'], ['KP', 'RU'])).toBe(false);
  });

  it('numeric operators need finite numbers', () => {
    expect(op('greaterThan').test(5, 4)).toBe(true);
    expect(op('greaterThan').test('5', 4)).toBe(false);
    expect(op('greaterThan').test(Number.NaN, 4)).toBe(false);
    expect(op('greaterThan').test(Infinity, 4)).toBe(false);
    expect(op('greaterThan').checkValue('4')).toBeDefined();
  });

  it('hsCodeIn matches by prefix and wants quoted codes', () => {
    expect(op('hsCodeIn').test(['270112'], ['2701'])).toBe(true);
    expect(op('hsCodeIn').test(['030617'], ['03'])).toBe(true);
    expect(op('hsCodeIn').test(['8401'], ['85'])).toBe(false);
    expect(op('hsCodeIn').checkValue([2701])).toMatch(/quoted/);
  });

  it('date operators take a day and respect precision', () => {
    expect(op('dateBefore').test('2017-08', '2017-09-11')).toBe(true);
    expect(op('dateBefore').test('2017', '2017-09-11')).toBe(false);
    expect(op('dateBefore').checkValue('next week')).toBeDefined();
  });
});
