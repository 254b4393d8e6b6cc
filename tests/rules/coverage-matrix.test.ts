import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';

const { value: set } = loadRules(['rules/unsc-dprk']);
const readme = readFileSync('rules/unsc-dprk/README.md', 'utf8');
const rows = readme
  .split('\n')
  .filter((l) => /^\| (\d{4}|S\/PRST)/.test(l))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map(([, provision, rules, examples]) => ({ provision: provision!, rules: rules!, examples: examples! }));

const ID = /[a-z0-9]+(?:-[a-z0-9]+)+/g;

describe('the coverage matrix in rules/unsc-dprk/README.md', () => {
  it('names only rules that exist, and every shipped rule', () => {
    const ids = new Set(set.rules.map((r) => r.rule.id));
    const named = new Set(rows.flatMap((r) => r.rules.match(ID) ?? []));
    expect([...named].filter((id) => !ids.has(id))).toEqual([]);
    expect([...ids].filter((id) => !named.has(id))).toEqual([]);
  });

  it('counts the examples of the rules that cite each provision', () => {
    const wrong: string[] = [];
    for (const row of rows) {
      if (row.examples === '—') continue;
      const principal = row.rules.split(';')[0]!.replace(/\(exemption\)/g, '');
      const ids = principal.match(ID) ?? [];
      const count = ids.reduce((n, id) => n + (set.rules.find((r) => r.rule.id === id)?.rule.examples?.length ?? 0), 0);
      if (String(count) !== row.examples) wrong.push(`${row.provision}: matrix says ${row.examples}, rules have ${count}`);
    }
    expect(wrong).toEqual([]);
  });
});
