// The screener's fast paths (banded distance, hashed index, scoring apart from explaining) against plain reference versions.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../src/screen/distance.js';
import { explainAlignment } from '../../src/screen/explain-match.js';
import { deletionHashes, hashKey } from '../../src/screen/key-hash.js';
import { listedNames } from '../../src/screen/listed-names.js';
import { entityForm, nameWords, personForms, type NameForm } from '../../src/screen/name-forms.js';
import { DEFAULT_THRESHOLDS, Screener, type ScreenMatch, type ScreenQuery } from '../../src/screen/screener.js';
import type { DesignationList } from '../../src/types.js';

const list = JSON.parse(readFileSync('rules/unsc-dprk/lists/un-1718.json', 'utf8')) as DesignationList;

/** Optimal string alignment distance, the whole table, no band and no early exit. */
function plainDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/** What the screener scores for one listed name, worked out the plain way: every form pair, full distance, explanation first. */
function referenceScore(
  q: ScreenQuery,
  n: ReturnType<typeof listedNames>[number],
): { score: number; decision: string; distance: number } | undefined {
  const { match, possible } = DEFAULT_THRESHOLDS;
  if (q.kind !== undefined && q.kind !== n.kind) return undefined;
  const words = nameWords(q.name);
  const forms: NameForm[] =
    n.kind === 'person' ? personForms(q.name, words) : [entityForm(q.name, n.kind, words)].filter((f): f is NameForm => f !== undefined);
  let best: { s: number; d: number; qf: NameForm; lf: NameForm } | undefined;
  for (const qf of forms) {
    for (const lf of n.forms) {
      if (qf.digits !== lf.digits) continue;
      const length = Math.max(qf.key.length, lf.key.length);
      const d = plainDistance(qf.key, lf.key);
      if (length === 0 || d > Math.floor(length * (1 - (possible - 0.07)) + 1e-9)) continue;
      if (!best || 1 - d / length > best.s) best = { s: 1 - d / length, d, qf, lf };
    }
  }
  if (!best || best.s < possible) return undefined;
  let score = best.s;
  if (best.d > 0 && n.kind === 'person') score -= 0.1 * explainAlignment(best.qf, best.lf).otherSyllables;
  score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
  if (score < possible) return undefined;
  return { score, decision: score >= match && !n.weak && !n.common ? 'match' : 'possible', distance: best.d };
}

describe('screening fast paths agree with plain ones', () => {
  it('the banded, early-stopping edit distance equals the full table within the limit, and says "over" beyond it', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('A', 'K', 'O', 'N', 'C'), maxLength: 14 }),
        fc.string({ unit: fc.constantFrom('A', 'K', 'O', 'N', 'C'), maxLength: 14 }),
        fc.integer({ min: 0, max: 5 }),
        (a, b, limit) => {
          const plain = plainDistance(a, b);
          const banded = boundedDistance(a, b, limit);
          if (plain <= limit) expect(banded).toBe(plain);
          else expect(banded).toBeGreaterThan(limit);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('the hash of a key with one letter deleted is the hash of that shorter key', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('A', 'K', 'O', 'N', '1', 'Ŏ'), minLength: 1, maxLength: 20 }), (key) => {
        const got: string[] = [];
        deletionHashes(key, (h1, h2) => got.push(`${h1}/${h2}`));
        const want: string[] = [];
        for (let i = 0; i < key.length; i++) {
          if (i > 0 && key[i] === key[i - 1]) continue;
          const h = hashKey(key.slice(0, i) + key.slice(i + 1));
          want.push(`${h[0]}/${h[1]}`);
        }
        expect(got).toEqual(want);
      }),
    );
  });

  it('every name the index reports scores and decides as a plain scan of the whole list says; a name one edit away is never missed', () => {
    const names = listedNames([list]);
    const screener = new Screener([list]);
    const queries: ScreenQuery[] = [];
    let k = 0;
    for (const n of names) {
      if (k++ % 3 !== 0) continue;
      const text = n.matchedName;
      const w = text.split(/[\s-]+/);
      const at = Math.max(1, Math.floor(text.length / 2));
      queries.push(
        { id: '', name: text.toLowerCase(), kind: n.kind },
        { id: '', name: [...w.slice(1), w[0]].join(' '), kind: n.kind },
        { id: '', name: text.replace(/O/g, 'EO').replace(/U/g, 'EU'), kind: n.kind },
        { id: '', name: text.slice(0, at) + text.slice(at + 1), kind: n.kind },
        { id: '', name: text.slice(0, at) + 'e' + text.slice(at), kind: n.kind },
      );
    }
    for (const [i, s] of [
      'Kim Min-jun',
      'Lee Seo-yeon',
      'Park Ji-hoon',
      'Choi Hyun-woo',
      'Jung Soo-young',
      'Pak Chol-jin',
      'Ri Song-ho',
    ].entries()) {
      queries.push({ id: String(i), name: s, kind: 'person' });
    }
    let reported = 0;
    for (const q of queries) {
      const got = new Map(screener.screen(q).map((m: ScreenMatch) => [m.ref, m]));
      const want = new Map<string, { score: number; decision: string; distance: number }>();
      for (const n of names) {
        const r = referenceScore(q, n);
        const prev = want.get(n.ref);
        if (r && (!prev || r.score > prev.score)) want.set(n.ref, r);
      }
      for (const [ref, m] of got) {
        // acronyms and IMO numbers are not part of the plain scan
        if (m.explanation.some((l) => l.includes('is the initials of'))) continue;
        const w = want.get(ref);
        expect({ q: q.name, ref, score: m.score, decision: m.decision }).toEqual({
          q: q.name,
          ref,
          score: w?.score,
          decision: w?.decision,
        });
        reported++;
      }
      // a name one edit (or one romanization) away from the query is always found
      for (const [ref, r] of want)
        if (r.distance <= 1) expect({ q: q.name, ref, found: got.has(ref) }).toEqual({ q: q.name, ref, found: true });
    }
    expect(reported).toBeGreaterThan(queries.length / 2);
  });
});
