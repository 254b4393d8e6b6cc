import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';

const RULE = (id: string, when: string, extra = '') => `- id: ${id}
  title: T
  status: stable
  provisions: [ { resolution: 1718, paragraph: "8(b)", adopted: "2006-10-14", verified: true } ]
  outcome: violation
  applies: { from: "2006-10-14" }
  when: ${when}
  message: "{{record.id}}"
${extra}`;

function load(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sc-rules-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  const r = loadRules([dir]);
  return { ...r, lines: r.diagnostics.map((d) => `${path.basename(d.location.file)}:${d.location.line}:${d.location.column}: ${d.code}`) };
}

const LEAF = '{ all: [ { name: t, fact: type, operator: equal, value: launch } ] }';

describe('rule validation', () => {
  it('cites a resolution by number and paragraph, and another instrument by symbol and date only', () => {
    const cite = (provision: string) =>
      RULE('cites', LEAF).replace('{ resolution: 1718, paragraph: "8(b)", adopted: "2006-10-14", verified: true }', provision);
    const ok = load({ 'a.yaml': cite('{ symbol: "S/PRST/2012/13", adopted: "2012-04-16", verified: false, note: n }') });
    expect(ok.lines).toEqual([]);
    expect(ok.value.rules[0]!.rule.provisions[0]).toEqual({ symbol: 'S/PRST/2012/13', adopted: '2012-04-16', verified: false, note: 'n' });
    const derived = load({ 'a.yaml': RULE('cites', LEAF) });
    expect(derived.value.rules[0]!.rule.provisions[0]).toMatchObject({ resolution: 1718, symbol: 'S/RES/1718 (2006)', paragraph: '8(b)' });
    const bad = load({
      'a.yaml': cite('{ symbol: "S/PRST/2012/13", paragraph: "2", adopted: "2012-04-16", verified: false }'),
      'b.yaml': cite('{ resolution: 1718, symbol: "S/RES/1718 (2007)", paragraph: "8(b)", adopted: "2006-10-14", verified: true }'),
      'c.yaml': cite('{ resolution: 1718, adopted: "2006-10-14", verified: true }'),
      'd.yaml': cite('{ adopted: "2006-10-14", verified: true }'),
      'e.yaml': cite('{ symbol: "S/RES/1718 (2006)", paragraph: "8(b)", adopted: "2006-10-14", verified: true }'),
    });
    expect(bad.lines).toEqual([
      'a.yaml:4:56: invalid-value',
      'b.yaml:4:45: invalid-value',
      'c.yaml:4:17: missing-field',
      'd.yaml:4:17: missing-field',
      'e.yaml:4:27: invalid-value',
    ]);
    expect(bad.value.rules).toEqual([]);
  });

  it('loads the core test rules with named conditions inlined', () => {
    const r = loadRules(['tests/fixtures/core/rules.yaml']);
    expect(r.diagnostics).toEqual([]);
    const rule = r.value.rules.find((x) => x.rule.id === 'test-arms-from-dprk')!;
    expect(JSON.stringify(rule.rule.when)).not.toContain('"condition"');
    expect(JSON.stringify(rule.rule.when)).toContain('supplier-is-dprk');
  });

  it('reports a syntax error, a duplicate id and an unknown operator, each located', () => {
    const r = load({
      'a.yaml': '- id: x\n  title: [unclosed\n',
      'b.yaml': RULE('same-id', LEAF),
      'c.yaml': RULE('same-id', LEAF),
      'd.yaml': RULE('odd', '{ all: [ { name: t, fact: type, operator: matches, value: launch } ] }'),
    });
    expect(r.lines).toEqual(['a.yaml:3:1: yaml-syntax', 'c.yaml:1:3: duplicate-rule-id', 'd.yaml:7:51: unknown-operator']);
  });

  it('reports unknown facts, leaves without names, bad values and missing or circular references', () => {
    const r = load({
      'a.yaml': RULE('a', '{ all: [ { name: t, fact: colour, operator: equal, value: red } ] }'),
      'b.yaml': RULE('b', '{ all: [ { fact: type, operator: equal, value: launch } ] }'),
      'c.yaml': RULE('c', '{ all: [ { name: t, fact: type, operator: in, value: launch } ] }'),
      'd.yaml': `conditions:\n  x: { condition: y }\n  y: { condition: x }\nrules:\n${RULE('d', '{ condition: x }').replace(/^/gm, '  ')}`,
      'e.yaml': RULE('e', '{ condition: nowhere }'),
    });
    expect(r.diagnostics.map((d) => d.code)).toEqual([
      'unknown-fact',
      'missing-field',
      'invalid-operator-value',
      'condition-cycle',
      'unknown-condition',
    ]);
  });

  it('warns about conditions that can never or always hold', () => {
    const r = load({
      'a.yaml': RULE('a', '{ all: [ { name: t, fact: type, operator: equal, value: lunch } ] }', '') + '\n' + RULE('b', '{ all: [] }'),
    });
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ['condition-never-matches', 'warning'],
      ['condition-constant', 'warning'],
    ]);
    expect(r.value.rules).toHaveLength(2);
  });

  it('checks example records against the record schema', () => {
    const r = load({
      'a.yaml': RULE(
        'a',
        LEAF,
        '  examples:\n    - id: bad\n      outcome: violation\n      record: { type: launch, date: "2023-02-30" }\n',
      ),
    });
    expect(r.lines).toEqual(['a.yaml:12:37: invalid-date']);
  });

  it('rejects an empty folder of rules', () => {
    const r = load({ 'readme.txt': 'no rules' });
    expect(r.diagnostics.map((d) => d.code)).toEqual(['no-input-files']);
  });
});
