// Verification marks of the shipped rules: a provision is marked verified only where its note names
// the source (an address) and quotes words carrying the paragraph number; every other provision
// says in its note why it is not marked verified. No rule sends the reader to an outside digest.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';
import type { Provision } from '../../src/types.js';

const ruleSet = loadRules(['rules/']).value;
const cited = ruleSet.rules.flatMap(({ rule }) => [
  ...rule.provisions.map((p) => ({ where: rule.id, p })),
  ...(rule.unless ?? []).flatMap((ex) => (ex.provisions ?? []).map((p) => ({ where: `${rule.id}/${ex.id}`, p }))),
]);
const label = (p: Provision) => `${p.symbol}${p.paragraph ? ` para ${p.paragraph}` : ''}`;
/** The paragraph's number, not part of a longer number: "12" in "paragraph 12 of", "OP4", "Paragraph 8". */
const namesNumber = (note: string, paragraph: string) => new RegExp(`(?<!\\d)${paragraph.match(/^\d+/)?.[0]}(?!\\d)`).test(note);

describe('verification marks', () => {
  it('a verified provision names its source: an address, quoted words and the paragraph number', () => {
    const problems = cited
      .filter(({ p }) => p.verified)
      .flatMap(({ where, p }) => {
        const note = p.note ?? '';
        const out: string[] = [];
        if (!/https?:\/\/\S+/.test(note)) out.push('no address of the source');
        if (!/["“«]/.test(note) && p.text === undefined) out.push('no quoted words');
        if (p.paragraph !== undefined && !namesNumber(note, p.paragraph))
          out.push(`the note does not carry the paragraph number ${p.paragraph}`);
        return out.map((o) => `${where}: ${label(p)}: ${o}`);
      });
    expect(problems).toEqual([]);
    expect(cited.filter(({ p }) => p.verified).length).toBeGreaterThan(20);
  });

  it('an unverified provision says why in its note', () => {
    expect(cited.filter(({ p }) => !p.verified && !p.note).map(({ where, p }) => `${where}: ${label(p)}`)).toEqual([]);
  });

  it('no rule file refers to a digest or to files outside the repository', () => {
    const dir = 'rules/unsc-dprk';
    const hits = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.md'))
      .flatMap((f) =>
        readFileSync(`${dir}/${f}`, 'utf8')
          .split('\n')
          .map((line, i) => ({ f, i, line })),
      )
      .filter(({ line }) => /digest|\.\.\/shared|\/work\//i.test(line))
      .map(({ f, i, line }) => `${f}:${i + 1}: ${line.trim()}`);
    expect(hits).toEqual([]);
  });
});
