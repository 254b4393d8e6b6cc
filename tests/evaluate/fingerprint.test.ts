// Finding fingerprints stay put when the record file is reformatted, reordered or moved, or when
// other records or rules change; they change when a fact the rule reads changes.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, factsRead, findingFingerprint } from '../../src/evaluate/fingerprint.js';
import { runCheck } from '../../src/pipeline.js';
import type { Rule } from '../../src/types.js';
import { CASE_FILE, caseDoc, record, reverseKeys, tempDir, writeCase } from '../accountability/case-copy.js';

async function fingerprints(records: string, rules?: string[]): Promise<Map<string, string>> {
  const { report } = await runCheck({ records: [records], ...(rules ? { rules } : {}) });
  return new Map(report.findings.map((f) => [`${f.recordId} ${f.ruleId}`, f.fingerprint!]));
}

describe('finding fingerprints', () => {
  it('are SHA-256 hex, one per finding, all different', async () => {
    const fps = await fingerprints(CASE_FILE);
    expect(fps.size).toBe(10);
    for (const fp of fps.values()) expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set(fps.values()).size).toBe(10);
  });

  it('stay the same when the file is reformatted (flow YAML, JSON), reordered (records and keys) or moved', async () => {
    const before = await fingerprints(CASE_FILE);
    const dir = tempDir();
    const doc = caseDoc();
    const flow = writeCase(dir, 'flow.yaml', doc, { flow: true });
    const json = writeCase(dir, 'as.json', doc);
    const reordered = writeCase(dir, 'reordered.yaml', {
      ...doc,
      records: [...doc.records].reverse().map((r) => reverseKeys(r) as Record<string, unknown>),
    });
    const moved = path.join(dir, 'elsewhere', 'renamed.yaml');
    cpSync(CASE_FILE, moved, { recursive: true });
    for (const file of [flow, json, reordered, moved]) {
      const after = await fingerprints(file);
      expect(after, file).toEqual(before);
    }
    // The line numbers did change: the fingerprint does not depend on them.
    const { report } = await runCheck({ records: [reordered] });
    expect(report.findings[0]!.location.line).not.toBe(269);
  });

  it('stay the same when another record, or an unread field of the same record, changes', async () => {
    const before = await fingerprints(CASE_FILE);
    const doc = caseDoc();
    record(doc, 'dprk-workers-russian-far-east').summary = 'changed';
    (record(doc, 'space-launch-assistance-to-dprk').evidence as { wording?: string[] }).wording = ['reportedly'];
    const rounds = record(doc, 'artillery-rounds-to-russia');
    rounds.summary = 'a new summary';
    rounds.notes = 'new notes';
    (rounds.goods as Record<string, unknown>[])[0]!.description = 'a different description';
    const after = await fingerprints(writeCase(tempDir(), 'records.yaml', doc));
    expect(after).toEqual(before);
  });

  it('stay the same when another rule changes', async () => {
    const dir = tempDir();
    cpSync('rules/unsc-dprk', path.join(dir, 'rules'), { recursive: true });
    const rules = [path.join(dir, 'rules')];
    const before = await fingerprints(CASE_FILE, rules);
    // The labour rules change their message and title; the arms rule is left alone.
    const labour = path.join(dir, 'rules', 'labour.yaml');
    writeFileSync(labour, readFileSync(labour, 'utf8').replace(/title: /g, 'title: Changed — '));
    const after = await fingerprints(CASE_FILE, rules);
    expect(after.get('artillery-rounds-to-russia arms-procurement-from-dprk')).toBe(
      before.get('artillery-rounds-to-russia arms-procurement-from-dprk'),
    );
    expect(after).toEqual(before);
  });

  it('change when a fact the rule reads changes, and only for the rules that read it', async () => {
    const before = await fingerprints(CASE_FILE);
    const doc = caseDoc();
    const rounds = record(doc, 'artillery-rounds-to-russia');
    // The goods' categories are read by arms-procurement-from-dprk; a second category keeps the finding.
    (rounds.goods as Record<string, unknown>[]).push({ description: 'shells', category: 'missiles', origin: 'KP' });
    const after = await fingerprints(writeCase(tempDir(), 'records.yaml', doc));
    const key = 'artillery-rounds-to-russia arms-procurement-from-dprk';
    expect(after.has(key)).toBe(true);
    expect(after.get(key)).not.toBe(before.get(key));
    for (const [k, fp] of before) if (!k.startsWith('artillery-rounds-to-russia ')) expect(after.get(k), k).toBe(fp);
  });
});

describe('fingerprint parts', () => {
  const rule = {
    id: 'r',
    title: 't',
    status: 'stable',
    tags: [],
    outcome: 'violation',
    applies: { from: '2006-10-14' },
    message: 'm',
    provisions: [{ symbol: 'S/RES/1718 (2006)', resolution: 1718, paragraph: '8', adopted: '2006-10-14', verified: false }],
    when: {
      all: [
        { name: 'a', fact: 'partyCountries', operator: 'contains', value: 'KP' },
        { not: { name: 'b', fact: 'facts', path: '$.purpose', operator: 'equal', value: 'x' } },
      ],
    },
    unless: [{ id: 'e', when: { name: 'c', fact: 'committeeApproval', operator: 'equal', value: true } }],
  } as unknown as Rule;

  it('read the facts of the conditions and the exemptions, with their paths', () => {
    expect(factsRead(rule)).toEqual(['committeeApproval', 'facts\u0000$.purpose', 'partyCountries']);
  });

  it('depend on the values read, the rule, the provision and the record id, not on key order or unread facts', () => {
    const facts = { partyCountries: ['KP', 'RU'], facts: { purpose: 'military', other: 1 }, goods: [{ quantity: 1 }] };
    const fp = findingFingerprint(rule, rule.provisions[0], 'rec', facts);
    expect(
      findingFingerprint(rule, rule.provisions[0], 'rec', { ...facts, goods: [{ quantity: 2 }], facts: { other: 2, purpose: 'military' } }),
    ).toBe(fp);
    expect(findingFingerprint(rule, rule.provisions[0], 'rec', { ...facts, partyCountries: ['KP'] })).not.toBe(fp);
    expect(findingFingerprint(rule, rule.provisions[0], 'rec', { ...facts, committeeApproval: true })).not.toBe(fp);
    expect(findingFingerprint(rule, rule.provisions[0], 'other', facts)).not.toBe(fp);
    expect(findingFingerprint({ ...rule, id: 'r2' }, rule.provisions[0], 'rec', facts)).not.toBe(fp);
    expect(findingFingerprint(rule, { ...rule.provisions[0]!, paragraph: '9' }, 'rec', facts)).not.toBe(fp);
  });

  it('use a canonical JSON: sorted keys, no undefined', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });
});
