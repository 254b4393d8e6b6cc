// The timeline's year domain is found without spreading the days into one call (a million would overflow the stack).
import { describe, expect, it } from 'vitest';
import { domainOf } from '../../src/report/html-timeline-scale.js';

describe('domainOf', () => {
  it('takes a million days without overflowing the call stack', () => {
    const days = Array.from({ length: 1_000_000 }, (_, i) => 19_000 + (i % 400));
    expect(domainOf(days)).toEqual(domainOf([19_000, 19_399]));
  });
});
