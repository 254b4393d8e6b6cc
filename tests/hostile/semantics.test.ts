// Rules that are well formed but absurd: conditions that never or always hold, contradictions,
// expansion bombs and placeholders built to make a regular expression backtrack.
import { describe, expect, it } from 'vitest';
import { loadRules } from '../../src/load/load-rules.js';
import { parseRuleFile } from '../../src/load/rule-file.js';
import { MAX_CONDITIONS } from '../../src/validate/validate-conditions.js';
import { placeholderProblems } from '../../src/validate/validate-rule.js';

function rule(when: string, extra = '', message = '"{{record.id}}"'): string {
  return `rules:
  - id: r
    title: A rule
    status: stable
    provisions: [ { resolution: 1718, paragraph: "8(b)", adopted: "2006-10-14", verified: true } ]
    outcome: violation
    applies: { from: "2006-10-14" }
    when: ${when}
    message: ${message}
${extra}`;
}

function check(when: string, conditions = '') {
  const r = parseRuleFile(conditions + rule(when), 'r.yaml');
  return r.diagnostics.map((d) => `${d.severity === 'warning' ? 'warning ' : ''}${d.code}`);
}

const leaf = (fact: string, operator: string, value: string) =>
  `{ name: ${fact}-${operator}, fact: ${fact}, operator: ${operator}, value: ${value} }`;
const all = (...leaves: string[]) => `{ all: [ ${leaves.join(', ')} ] }`;

describe('conditions that never or always hold', () => {
  it.each([
    [leaf('type', 'equal', 'launches'), 'warning condition-never-matches'],
    [leaf('type', 'notEqual', 'launches'), 'warning condition-constant'],
    [leaf('type', 'in', '[launch, lunch]'), 'warning condition-never-matches'],
    [leaf('partyRoles', 'includesAll', '[supplier, suplier]'), 'warning condition-never-matches'],
    [leaf('partyCountries', 'equal', 'KP'), 'warning condition-never-matches'],
    [leaf('partyCountries', 'notIn', '[KP]'), 'warning condition-constant'],
    [leaf('type', 'contains', 'launch'), 'warning condition-never-matches'],
    [leaf('placeCountry', 'lessThan', '3'), 'warning condition-never-matches'],
    [leaf('type', 'dateAfter', '"2020-01-01"'), 'warning condition-never-matches'],
    [leaf('partyCountries', 'hsCodeIn', '["27"]'), 'warning condition-never-matches'],
    [leaf('committeeApproval', 'equal', '"true"'), 'warning condition-never-matches'],
    [leaf('evidence', 'equal', 'alleged'), 'warning condition-never-matches'],
    [leaf('id', 'exists', 'false'), 'warning condition-never-matches'],
    [leaf('date', 'exists', 'true'), 'warning condition-constant'],
    ['{ any: [] }', 'warning condition-constant'],
  ])('%s', (when, expected) => {
    expect(check(when)).toEqual([expected]);
  });

  it.each([
    leaf('type', 'equal', 'launch'),
    leaf('type', 'in', '[launch, nuclear-test]'),
    leaf('partyCountries', 'includesAny', '[KP, RU]'),
    leaf('partyCountries', 'includesNone', '[KP]'),
    leaf('hsCodes', 'hsCodeIn', '["2701"]'),
    leaf('contractDate', 'dateBefore', '"2017-12-22"'),
    leaf('committeeApproval', 'equal', 'true'),
    leaf('purpose', 'exists', 'false'),
    '{ name: tonnes, fact: facts, path: $.tonnes, operator: greaterThan, value: 5 }',
  ])('accepts the sensible %s', (when) => {
    expect(check(when)).toEqual([]);
  });
});

describe('contradictory leaves of one all', () => {
  it.each([
    [all(leaf('type', 'equal', 'launch'), leaf('type', 'equal', 'arms-transfer'))],
    [all(leaf('type', 'in', '[launch, meeting]'), leaf('type', 'in', '[arms-transfer, travel]'))],
    [all(leaf('type', 'equal', 'launch'), leaf('type', 'notIn', '[launch, meeting]'))],
    [all(leaf('type', 'equal', 'launch'), all(leaf('placeCountry', 'equal', 'KP'), leaf('type', 'notEqual', 'launch')))],
    [all(leaf('partyCountries', 'contains', 'KP'), leaf('partyCountries', 'includesNone', '[KP, RU]'))],
    [all(leaf('partyCountries', 'includesAny', '[KP, RU]'), leaf('partyCountries', 'includesNone', '[KP, RU]'))],
    [all(leaf('purpose', 'exists', 'false'), leaf('purpose', 'in', '[humanitarian]'))],
    [all(leaf('contractDate', 'dateOnOrAfter', '"2018"'), leaf('contractDate', 'dateBefore', '"2017-12-31"'))],
    [all(leaf('committeeApproval', 'equal', 'true'), leaf('committeeApproval', 'notEqual', 'true'))],
  ])('%s never holds', (when) => {
    expect(check(when)).toEqual(['warning condition-contradiction']);
  });

  it.each([
    [all(leaf('type', 'in', '[launch, meeting]'), leaf('type', 'equal', 'launch'))],
    [all(leaf('type', 'in', '[launch, meeting]'), leaf('type', 'notEqual', 'launch'))],
    [all(leaf('partyCountries', 'includesAll', '[KP]'), leaf('partyCountries', 'includesNone', '[RU]'))],
    [all(leaf('contractDate', 'dateOnOrAfter', '"2017"'), leaf('contractDate', 'dateOnOrBefore', '"2017-12-31"'))],
    [`{ any: [ ${leaf('type', 'equal', 'launch')}, ${leaf('type', 'equal', 'meeting')} ] }`],
    [all(leaf('supplierCountries', 'includesAny', '[KP]'), leaf('recipientCountries', 'includesNone', '[KP]'))],
  ])('%s can hold', (when) => {
    expect(check(when)).toEqual([]);
  });

  it('finds a contradiction brought in by a named condition, once however often it is used', () => {
    const conditions = `conditions:\n  is-launch: ${leaf('type', 'equal', 'launch')}\n`;
    const r = parseRuleFile(
      conditions + rule(all('{ condition: is-launch }', leaf('type', 'equal', 'meeting'), '{ condition: is-launch }')),
      'r.yaml',
    );
    expect(r.diagnostics.map((d) => [d.code, d.location.line])).toEqual([['condition-contradiction', 10]]);
  });
});

describe('expansion and backtracking bombs', () => {
  it('refuses named conditions that would expand to a billion leaves, at once', () => {
    const lines = ['conditions:', `  c0: ${leaf('type', 'equal', 'launch')}`];
    for (let i = 1; i <= 30; i++) lines.push(`  c${i}: { all: [ { condition: c${i - 1} }, { condition: c${i - 1} } ] }`);
    const start = performance.now();
    const r = parseRuleFile(lines.join('\n') + '\n' + rule('{ condition: c30 }'), 'bomb.yaml');
    expect(performance.now() - start).toBeLessThan(1000);
    expect(r.rules).toEqual([]);
    expect(r.diagnostics.map((d) => [d.code, d.location.line, d.location.column])).toEqual([['condition-too-large', 40, 11]]);
  });

  it('accepts a large but finite tree', () => {
    const leaves = Array.from(
      { length: MAX_CONDITIONS - 10 },
      (_, i) => `{ name: l${i}, fact: type, operator: in, value: [launch, meeting] }`,
    );
    const r = parseRuleFile(rule(`{ any: [ ${leaves.join(', ')} ] }`), 'big.yaml');
    expect(r.diagnostics).toEqual([]);
    expect(r.rules).toHaveLength(1);
  });

  it('scans placeholders in linear time, even built to make a pattern backtrack', () => {
    for (const message of ['{{' + ' '.repeat(200_000), '{{ '.repeat(100_000), '{{' + ' '.repeat(100_000) + 'x}}', '}}{{'.repeat(50_000)]) {
      const start = performance.now();
      expect(placeholderProblems(message).length).toBeGreaterThan(0);
      expect(performance.now() - start).toBeLessThan(200);
    }
    expect(placeholderProblems('{{record.id}} and {{ facts.supplierCountries }} under {{rule.title}}')).toEqual([]);
  });

  it('refuses a message built to make the filling pattern backtrack', () => {
    const r = parseRuleFile(rule(leaf('type', 'equal', 'launch'), '', `"{{${' '.repeat(3000)}record.id}}"`), 'p.yaml');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['invalid-placeholder']);
  });
});

describe('the shipped rules', () => {
  it('raise none of these warnings', () => {
    const r = loadRules(['rules']);
    expect(r.diagnostics.filter((d) => d.code.startsWith('condition-'))).toEqual([]);
  });
});
