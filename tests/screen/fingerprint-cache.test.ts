import { describe, expect, it } from 'vitest';
import { FingerprintCache } from '../../src/screen/fingerprint-cache.js';

describe('FingerprintCache', () => {
  it('gives back what was set under the same parts, and nothing under others', () => {
    const cache = new FingerprintCache<string>(10);
    cache.key('KIM IL SUNG', 'person', 'KP').set('a');
    cache.key('KIM IL SUNG', 'person').set('b');
    expect(cache.key('KIM IL SUNG', 'person', 'KP').get()).toBe('a');
    expect(cache.key('KIM IL SUNG', 'person').get()).toBe('b');
    expect(cache.key('KIM IL SUNG', 'person', 'RU').get()).toBeUndefined();
    // parts are kept apart: moving a character from one part to the next is another key
    expect(cache.key('KIM IL SUN', 'Gperson').get()).toBeUndefined();
    expect(cache.key('KIM IL SUNGperson').get()).toBeUndefined();
    expect(cache.key('').get()).toBeUndefined();
  });

  it('holds at most 2^bits values: a full cache has pushed out older keys, and still answers every key right', () => {
    const cache = new FingerprintCache<number>(8);
    for (let i = 0; i < 5000; i++) cache.key(`party ${i}`, 'organisation').set(i);
    let held = 0;
    for (let i = 0; i < 5000; i++) {
      const v = cache.key(`party ${i}`, 'organisation').get();
      if (v !== undefined) {
        expect(v).toBe(i);
        held++;
      }
    }
    expect(held).toBeGreaterThan(0);
    expect(held).toBeLessThanOrEqual(256);
    // the last key set is always held
    expect(cache.key('party 4999', 'organisation').get()).toBe(4999);
  });

  it('finds no false match among a million distinct keys', () => {
    const cache = new FingerprintCache<number>(16);
    let wrong = 0;
    for (let i = 0; i < 1_000_000; i++) {
      const v = cache.key(`name ${i}`, i % 2 ? 'person' : undefined).get();
      if (v !== undefined) wrong++;
      cache.set(i);
    }
    expect(wrong).toBe(0);
  });
});
