import { describe, expect, it } from 'vitest';
import { TwoGenerationCache } from '../../src/screen/two-generation-cache.js';

describe('TwoGenerationCache', () => {
  it('keeps the last `size` entries at least, and never more than twice as many', () => {
    const cache = new TwoGenerationCache<number>(3);
    for (let i = 0; i < 10; i++) cache.set(`k${i}`, i);
    // the last three are always there
    for (const i of [7, 8, 9]) expect(cache.get(`k${i}`)).toBe(i);
    // the oldest are gone
    for (const i of [0, 1, 2]) expect(cache.get(`k${i}`)).toBeUndefined();
  });

  it('moves an entry found in the old generation to the current one, so a recurring key stays', () => {
    const cache = new TwoGenerationCache<string>(2);
    cache.set('kept', 'v');
    for (let i = 0; i < 20; i++) {
      cache.set(`other${i}`, 'x');
      expect(cache.get('kept')).toBe('v');
    }
  });

  it('stays fast on a long stream of distinct keys (no scan over deleted entries)', () => {
    const cache = new TwoGenerationCache<number>(1000);
    let hits = 0;
    for (let i = 0; i < 300_000; i++) {
      if (cache.get(`k${i % 250_000}`) !== undefined) hits++;
      cache.set(`k${i}`, i);
    }
    expect(hits).toBe(0);
  });
});
