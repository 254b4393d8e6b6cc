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
const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

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
});
