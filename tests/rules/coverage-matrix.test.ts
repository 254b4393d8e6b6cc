// The coverage matrix in rules/unsc-dprk/README.md: every operative paragraph of the ten sanctions
// resolutions appears, and each row names exactly the rules that cite that paragraph, with their marks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';
import type { Provision } from '../../src/types.js';

const { value: set } = loadRules(['rules/unsc-dprk']);
const readme = readFileSync('rules/unsc-dprk/README.md', 'utf8');
const matrix = readme.slice(readme.indexOf('## Coverage matrix'), readme.indexOf('\n## ', readme.indexOf('## Coverage matrix') + 1));

/** The ten resolutions whose every operative paragraph the matrix must list. */
const RESOLUTIONS = [1718, 1874, 2087, 2094, 2270, 2321, 2356, 2371, 2375, 2397];

interface Row {
  section: string;
  para: string;
  rules: string;
  citation: string;
}
interface Section {
  symbol: string;
  last?: number;
  rows: Row[];
}

const sections: Section[] = [];
for (const line of matrix.split('\n')) {
  const heading = /^### (S\/RES\/\d+ \(\d{4}\))[^:]*: operative paragraphs 1–(\d+)$/.exec(line) ?? /^### (Other instruments)$/.exec(line);
  if (heading) sections.push({ symbol: heading[1]!, last: heading[2] ? Number(heading[2]) : undefined, rows: [] });
  else if (/^\| [^-]/.test(line) && !/^\| (para|instrument) \|/.test(line) && sections.length > 0) {
    const [, para, rules, citation] = line.split('|').map((c) => c.trim());
    sections.at(-1)!.rows.push({ section: sections.at(-1)!.symbol, para: para!, rules: rules!, citation: citation! });
  }
}

/** "3–5" → 3, 4, 5; "8(a)(i)" → 8; "12" → 12. */
function numbers(para: string): number[] {
  const range = /^(\d+)–(\d+)$/.exec(para);
  if (range) return Array.from({ length: Number(range[2]) - Number(range[1]) + 1 }, (_, i) => Number(range[1]) + i);
  return [Number(/^\d+/.exec(para)?.[0])];
}

/** Where a provision sits in the matrix: its resolution's section and paragraph, or "Other instruments". */
function place(p: Provision): { section: string; para: string } {
  const own = sections.find((s) => s.symbol === p.symbol && s.last !== undefined);
  return own
    ? { section: own.symbol, para: p.paragraph! }
    : { section: 'Other instruments', para: p.paragraph ? `${p.symbol} para ${p.paragraph}` : p.symbol };
}

/** The rules that cite each matrix row, as the row should print them, and their marks. */
const expected = new Map<string, { rules: Map<string, boolean>; verified: Set<boolean> }>();
for (const { rule } of set.rules) {
  const cite = (p: Provision, exemption: boolean) => {
    const { section, para } = place(p);
    const key = `${section}|${para}`;
    const e = expected.get(key) ?? { rules: new Map(), verified: new Set() };
    e.rules.set(rule.id, (e.rules.get(rule.id) ?? true) && exemption);
    e.verified.add(p.verified);
    expected.set(key, e);
  };
  for (const p of rule.provisions) cite(p, false);
  for (const ex of rule.unless ?? []) for (const p of ex.provisions ?? []) cite(p, true);
}

describe('the coverage matrix in rules/unsc-dprk/README.md', () => {
  it('lists every operative paragraph of the ten sanctions resolutions, once', () => {
    expect(sections.filter((s) => s.last !== undefined).map((s) => s.symbol)).toEqual(
      RESOLUTIONS.map((n) => expect.stringMatching(new RegExp(`^S/RES/${n} \\(`))),
    );
    for (const s of sections.filter((x) => x.last !== undefined)) {
      const listed = s.rows.flatMap((r) => (r.rules === '—' || /^\d+$/.test(r.para) || /–/.test(r.para) ? numbers(r.para) : []));
      const cited = new Set(s.rows.filter((r) => r.rules !== '—').flatMap((r) => numbers(r.para)));
      const all = [...new Set([...listed, ...cited])].sort((a, b) => a - b);
      expect(all, s.symbol).toEqual(Array.from({ length: s.last! }, (_, i) => i + 1));
      // A paragraph without rules appears in one row only, and never beside a row that cites it.
      const uncited = s.rows.filter((r) => r.rules === '—').flatMap((r) => numbers(r.para));
      expect(
        uncited.filter((n, i) => uncited.indexOf(n) !== i || cited.has(n)),
        s.symbol,
      ).toEqual([]);
      expect(
        s.rows.filter((r) => r.rules === '—' && r.citation !== '—').map((r) => r.para),
        s.symbol,
      ).toEqual([]);
    }
  });

  it('names, for each cited paragraph, exactly the rules that cite it and whether those citations are verified', () => {
    const wrong: string[] = [];
    const rows = new Map<string, Row>(
      sections.flatMap((s) => s.rows.filter((r) => r.rules !== '—').map((r): [string, Row] => [`${r.section}|${r.para}`, r])),
    );
    for (const [key, e] of expected) {
      const row = rows.get(key);
      const want = [...e.rules]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([id, ex]) => (ex ? `${id} (exemption)` : id))
        .join(', ');
      const mark = e.verified.size === 2 ? 'verified and unverified' : e.verified.has(true) ? 'verified' : 'unverified';
      if (!row) wrong.push(`${key}: no row; expected rules ${want}`);
      else {
        if (row.rules !== want) wrong.push(`${key}: row says ${row.rules}; rules citing it: ${want}`);
        if (row.citation !== mark) wrong.push(`${key}: row says ${row.citation}; citations are ${mark}`);
      }
    }
    for (const key of rows.keys()) if (!expected.has(key)) wrong.push(`${key}: row names rules but no rule cites it`);
    expect(wrong).toEqual([]);
  });

  it('names every shipped rule', () => {
    const named = new Set(sections.flatMap((s) => s.rows.flatMap((r) => r.rules.match(/[a-z0-9]+(?:-[a-z0-9]+)+/g) ?? [])));
    expect(set.rules.map((r) => r.rule.id).filter((id) => !named.has(id))).toEqual([]);
  });
});
