// Every drafted quote is, character for character, the article's text at its offsets: over the dev
// set, the bundled article and generated articles (headers, abbreviations, quotes, odd spacing).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/draft/article.js';
import { draftRecords } from '../../src/draft/draft-records.js';
import { misplacedQuotes, renderDrafts, validateDraftText } from '../../src/draft/write-drafts.js';
import { parseDesignationList } from '../../src/load/designation-list.js';

const listFile = 'rules/unsc-dprk/lists/un-1718.json';
const list = parseDesignationList(readFileSync(listFile, 'utf8'), listFile).list;

function draft(text: string, day = '2023-11-16') {
  return draftRecords(parseArticle(text), { day, ...(list ? { list } : {}), file: 'article.txt' });
}

const DEV = 'tests/fixtures/draft-dev';
const articles = [
  'cases/2023-11-dprk-russia-commission/article.txt',
  ...readdirSync(DEV, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => join(DEV, d.name, 'article.txt')),
];

describe('drafted quotes are verbatim at their offsets', () => {
  it.each(articles)('%s', (file) => {
    const text = readFileSync(file, 'utf8');
    const drafted = draft(text);
    expect(drafted.records.length).toBeGreaterThan(0);
    expect(misplacedQuotes(drafted, text)).toEqual([]);
    expect(validateDraftText(renderDrafts(drafted), 'drafts.yaml')).toEqual([]);
  });

  const fragment = fc.constantFrom(
    'North Korea has recently delivered millions of artillery rounds to Russia',
    'Seoul and Washington believe that',
    'Pyongyang may be receiving technological support',
    'the U.S. Treasury said on Tuesday',
    'Mr. Kim Jong-un visited Moscow in September',
    '“A protocol of the meeting was signed,” it added',
    'the M/T Courageous (IMO 9191773) made ship-to-ship transfers of petroleum products',
    'KOMID allegedly sold missiles since 2021',
    'North Korean workers were sent to Russia last week',
    'Lazarus Group stole $620 million in Ethereum',
    'E.O. 13722 of March 15, 2016',
    'café — naïve “quotes” ’s',
    'a joint venture with a Chinese company',
    '😀 emoji and Ωmega',
  );
  const separator = fc.constantFrom('. ', '.  ', '.\n', '.\n\n', '; ', ' and that ', ', ', '? ', '! ', '.\r\n');
  const header = fc.option(
    fc.record({
      title: fc.string({ maxLength: 20 }).map((s) => s.replace(/[\r\n]/g, ' ')),
      outlet: fc.constantFrom('Example News', 'Yonhap'),
    }),
    { nil: undefined },
  );
  const generated = fc
    .tuple(header, fc.array(fc.tuple(fragment, separator), { minLength: 1, maxLength: 12 }), fc.string({ maxLength: 30 }))
    .map(
      ([h, parts, noise]) =>
        (h ? `Title: ${h.title}\nOutlet: ${h.outlet}\nDate: 2023-11-16\n\n` : '') + parts.map(([f, s]) => f + s).join('') + noise,
    );

  it('on generated articles', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const drafted = draft(text);
        expect(misplacedQuotes(drafted, text)).toEqual([]);
        for (const r of drafted.records) {
          for (const s of r.evidence.sources ?? []) expect(text.slice(s.start, s.end)).toBe(s.quote);
        }
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('valid against the record schema, on generated articles', () => {
    fc.assert(
      fc.property(generated, (text) => {
        const drafted = draft(text);
        // With no drafts nothing is written (a records file needs records).
        if (drafted.records.length) expect(validateDraftText(renderDrafts(drafted), 'drafts.yaml')).toEqual([]);
      }),
      { numRuns: 40, seed: 18 },
    );
  });
});
