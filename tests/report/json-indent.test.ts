import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indentCompactJson } from '../../src/report/json-indent.js';

const indented = (value: unknown, pad: string) => JSON.stringify(value, null, 2).replace(/\n/g, '\n' + pad);

describe('indentCompactJson', () => {
  it('writes what JSON.stringify(value, null, 2) writes, on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', '    ', '  '), (value, pad) => {
        expect(indentCompactJson(JSON.stringify(value), pad)).toBe(indented(value, pad));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves punctuation, quotes and escapes inside strings alone', () => {
    const value = { 'a,b': ['{"x":1}', '\\"', 'tab\there', '\u2028', ':[]{}'], e: {}, f: [], g: [{}, []], h: null, n: -1.5e-7 };
    expect(indentCompactJson(JSON.stringify(value), '    ')).toBe(indented(value, '    '));
  });
});
