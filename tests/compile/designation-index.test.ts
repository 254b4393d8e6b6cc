import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiPrefixKey, buildDesignationIndex, normalizeName } from '../../src/compile/designation-index.js';
import type { DesignationList } from '../../src/types.js';

/** The definition of a normalized name, written plainly; normalizeName takes shortcuts for ASCII names. */
const byDefinition = (name: string): string =>
  name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[-‐‑–—.,'’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

describe('name normalization', () => {
  it('ignores case, spacing and punctuation', () => {
    expect(normalizeName('Korea Mining Development Trading Corporation')).toBe('KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(normalizeName("  Ri  Je-son,\tO'Brien. ")).toBe('RI JE SON O BRIEN');
    expect(normalizeName('Kang–Chol ’s')).toBe('KANG CHOL S');
    expect(normalizeName('ＫＯＭＩＤ')).toBe('KOMID');
    expect(normalizeName(' - ')).toBe('');
  });

  it('agrees with its definition on any text', () => {
    const chars = fc.constantFrom(..."aZz09 \t\n\v\f\r-.,'`~_ÄßŉﬁＫ\u00a0\u2013\u2019\u3000".split(''));
    const text = fc.oneof(fc.string(), fc.string({ unit: chars }), fc.string({ unit: 'grapheme-ascii' }));
    fc.assert(
      fc.property(text, (s) => normalizeName(s) === byDefinition(s)),
      { seed: 1718, numRuns: 5000 },
    );
  });

  it('finds a listed name however it is written', () => {
    const list: DesignationList = {
      list: 'test',
      title: 'a test list',
      date: '2024-01-01',
      source: 'tests',
      entries: [
        {
          ref: 'KPe.001',
          type: 'entity',
          name: 'Korea Mining Development Trading Corporation',
          aliases: ['KOMID'],
          listedOn: '2009-04-24',
        },
      ],
      vessels: [],
    };
    const index = buildDesignationIndex([list]);
    expect(index.entriesFor({ name: 'korea mining-development  trading corporation.' })).toEqual(['KPe.001']);
    expect(index.entriesFor({ name: 'Komid' } as never, '2009-04-23')).toEqual([]);
    expect(index.entriesFor({ name: 'Komid' } as never, '2009-04-24')).toEqual(['KPe.001']);
  });

  it('passes over names by their first characters without missing one that matches', () => {
    // Listed names and party names drawn from the same small alphabet (letters, gaps, punctuation,
    // accents, full-width and composing characters), so that many share their first characters.
    const chars = fc.constantFrom(..."abAB k-.,' \t\u00a0\u0301\u00e9\u00c9Ａﬁ\u2013".split(''));
    const name = fc.string({ unit: chars, minLength: 1, maxLength: 7 });
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 6 }), fc.array(name, { maxLength: 20 }), (listed, parties) => {
        const list: DesignationList = {
          list: 'test',
          title: 't',
          date: '2024-01-01',
          source: 'tests',
          entries: listed.map((n, i) => ({ ref: `KPe.${i}`, type: 'entity', name: n, aliases: [] })),
          vessels: listed.map((n, i) => ({ imo: String(9000000 + i), names: [n] })),
        };
        const index = buildDesignationIndex([list]);
        for (const p of [...parties, ...listed]) {
          const want = listed.flatMap((n, i) => (byDefinition(n) !== '' && byDefinition(n) === byDefinition(p) ? [i] : []));
          expect(index.entriesFor({ name: p } as never), p).toEqual([...new Set(want.map((i) => `KPe.${i}`))].sort());
          expect(index.vesselsFor({ name: p, kind: 'vessel' } as never), p).toEqual(
            [...new Set(want.map((i) => String(9000000 + i)))].sort(),
          );
        }
      }),
      { seed: 1718, numRuns: 1000 },
    );
    expect(asciiPrefixKey('ab-c d')).toBe(asciiPrefixKey('AB C'));
    expect(asciiPrefixKey('abc\u0301')).toBe(-1);
  });
});
