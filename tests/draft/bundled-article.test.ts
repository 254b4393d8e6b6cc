// The drafts of the bundled article cover its hand-made records: same type, overlapping quote, same level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDesignationList } from '../../src/load/designation-list.js';
import { formatScores, scoreCaseFolder, totals } from '../../src/draft/score.js';

const listFile = 'rules/unsc-dprk/lists/un-1718.json';
const list = parseDesignationList(readFileSync(listFile, 'utf8'), listFile).list;

describe('drafting the bundled article', () => {
  const score = scoreCaseFolder('cases/2023-11-dprk-russia-commission', 'bundled case', list, '2023-11-16');

  it('prints the per-field agreement table', () => {
    const table = formatScores([score]);
    console.log(`\nDrafts of the bundled article against its hand-made records\n\n${table}`);
    expect(table).toContain('| evidence level |');
  });

  it.each(score.pairs.map((p) => [p.hand, p] as const))(
    'covers %s with a draft of the same type, an overlapping quote and the same level',
    (_id, p) => {
      expect(p.draft, `no ${p.type} draft quotes the sentence of ${p.hand}`).toBeDefined();
      expect(p.draftLevel).toBe(p.handLevel);
    },
  );

  it('quotes verbatim and never rises above the source', () => {
    const t = totals([score]);
    expect(score.pairs).toHaveLength(10);
    expect(t.notVerbatim).toBe(0);
    expect(t.aboveHedges).toBe(0);
  });
});
