// The dev set of public-domain texts: drafts are scored against the records made by hand.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDesignationList } from '../../src/load/designation-list.js';
import { loadRecords } from '../../src/load/load-records.js';
import { scoreCaseFolder, totals } from '../../src/draft/score.js';

const listFile = 'rules/unsc-dprk/lists/un-1718.json';
const list = parseDesignationList(readFileSync(listFile, 'utf8'), listFile).list;
const dir = 'tests/fixtures/draft-dev';
const names = readdirSync(dir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('drafting dev set', () => {
  it('holds at least 8 articles, each with its source, date and valid hand-made records quoting it verbatim', () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const n of names) {
      const text = readFileSync(join(dir, n, 'article.txt'), 'utf8');
      expect(text).toMatch(/^Title: .+\nSource: .+\nDate: \d{4}-\d{2}-\d{2}\nURL: https?:\/\/.+\nNote: .+\n\n/);
      const loaded = loadRecords([join(dir, n, 'records.yaml')]);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const r of loaded.value.records) for (const s of r.record.evidence.sources ?? []) expect(text).toContain(s.quote);
    }
  });

  it('meets the aims: recall 0.8, evidence agreement 0.9, no quote off its offsets, no draft above its hedges', () => {
    const t = totals(names.map((n) => scoreCaseFolder(join(dir, n), n, list)));
    expect(t.recall).toBeGreaterThanOrEqual(0.8);
    expect(t.evidenceAgreement).toBeGreaterThanOrEqual(0.9);
    expect(t.notVerbatim).toBe(0);
    expect(t.aboveHedges).toBe(0);
  });

  it('meets the same aims on the held-out articles written for testing (tests/fixtures/draft-heldout)', () => {
    const held = 'tests/fixtures/draft-heldout';
    const heldNames = readdirSync(held, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    expect(heldNames.length).toBeGreaterThanOrEqual(4);
    for (const n of heldNames) {
      const text = readFileSync(join(held, n, 'article.txt'), 'utf8');
      expect(text).toMatch(/^Title: .+\nSource: .+written for testing.+\nDate: \d{4}-\d{2}-\d{2}\n/);
      const loaded = loadRecords([join(held, n, 'records.yaml')]);
      expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      for (const r of loaded.value.records) for (const s of r.record.evidence.sources ?? []) expect(text).toContain(s.quote);
    }
    const t = totals(heldNames.map((n) => scoreCaseFolder(join(held, n), n, list)));
    expect(t.hand).toBeGreaterThanOrEqual(15);
    expect(t.recall).toBeGreaterThanOrEqual(0.8);
    expect(t.evidenceAgreement).toBeGreaterThanOrEqual(0.9);
    expect(t.notVerbatim).toBe(0);
    expect(t.aboveHedges).toBe(0);
  });
});
