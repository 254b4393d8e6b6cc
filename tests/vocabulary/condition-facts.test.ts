// The facts a condition tree tests are read from the parsed tree, not from its text.
import { describe, expect, it } from 'vitest';
import type { ConditionTree } from '../../src/types.js';
import { factsTested, testsDesignations } from '../../src/vocabulary/condition-facts.js';

const leaf = (fact: string, value: unknown = 'x'): ConditionTree => ({ name: `n-${fact}`, fact, operator: 'equal', value });

describe('factsTested', () => {
  it('walks all, any and not', () => {
    const tree: ConditionTree = { all: [leaf('type'), { any: [leaf('partyCountries'), { not: leaf('designatedVessels') }] }] };
    expect([...factsTested(tree)].sort()).toEqual(['designatedVessels', 'partyCountries', 'type']);
  });
});

describe('testsDesignations', () => {
  it('is true for a designation fact anywhere in the tree, a negated one included', () => {
    expect(testsDesignations({ all: [leaf('type'), { not: leaf('designatedParties') }] })).toBe(true);
    expect(testsDesignations(leaf('designatedVessels'))).toBe(true);
  });

  it('is false when the fact name only appears as a value or a condition name', () => {
    const tree: ConditionTree = {
      all: [{ name: 'designatedParties', fact: 'facts', operator: 'equal', value: 'designatedParties', path: '$.x' }],
    };
    expect(testsDesignations(tree)).toBe(false);
  });
});
