// The drafting rules one by one: sentences, hedges, claimants, dates, parties and types.
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/draft/article.js';
import { typesOf } from '../../src/draft/activity-types.js';
import { resolveDate } from '../../src/draft/dates.js';
import { claimantOf, hedgeLevel } from '../../src/draft/hedges.js';
import { findParties, indexList } from '../../src/draft/parties.js';
import { sentences } from '../../src/draft/sentences.js';

describe('sentences', () => {
  it('keeps "U.S." and "E.O." inside a sentence and ends one at a line break', () => {
    expect(sentences('SEOUL, Oct. 26 (Yonhap) -- Talks ended. Next.').map((s) => s.text)).toEqual([
      'SEOUL, Oct. 26 (Yonhap) -- Talks ended.',
      'Next.',
    ]);
    const text = 'The U.S. Treasury acted under E.O. 13722 today. Mr. Kim left.\nHeading\nNext one.';
    expect(sentences(text).map((s) => s.text)).toEqual([
      'The U.S. Treasury acted under E.O. 13722 today.',
      'Mr. Kim left.',
      'Heading',
      'Next one.',
    ]);
    for (const s of sentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('hedges', () => {
  it.each([
    ['Seoul and Washington believe that North Korea delivered shells.', 'alleged', ['believe']],
    ['The company is accused of shipping coal.', 'alleged', ['accused']],
    ['The ship allegedly carried oil.', 'alleged', ['allegedly']],
    ['Pyongyang may be receiving support.', 'speculative', ['may']],
    ['It hopes to launch a satellite.', 'speculative', ['hopes to']],
    ['The DPRK plans to send workers.', 'speculative', ['plans to']],
    ['The DPRK launched three missiles on May 24, 2022.', 'reported', []],
  ])('%s → %s', (text, level, wording) => {
    expect(hedgeLevel(text)).toEqual({ level, wording });
  });

  it('names the claimant', () => {
    expect(claimantOf('Seoul and Washington believe that North Korea has recently delivered shells', undefined)).toBe(
      'Seoul and Washington',
    );
    expect(claimantOf('“A protocol of the meeting was signed,” it added.', 'the KCNA news agency')).toBe('the KCNA news agency');
    expect(claimantOf('It is believed that the summit served to cement an agreement.', undefined)).toBe('Unattributed ("It is believed")');
    expect(claimantOf('The ship carried oil, according to the UN Panel of Experts.', undefined)).toBe('the UN Panel of Experts');
    expect(
      claimantOf(
        'SEOUL, Oct. 26 (Yonhap) -- South Korea, the United States and Japan issued a joint statement Thursday condemning it.',
        undefined,
      ),
    ).toBe('South Korea, the United States and Japan');
    expect(claimantOf('The statement came after Washington revealed that Pyongyang had sent containers.', undefined)).toBe('Washington');
    expect(claimantOf('The workers are believed to be a source of income.', undefined)).toBe('Unattributed ("are believed")');
  });
});

describe('dates, against an article of Thursday 16 November 2023', () => {
  const day = '2023-11-16';
  it.each([
    ['The meeting was held on Wednesday.', '2023-11-15'],
    ['The talks took place on Tuesday.', '2023-11-14'],
    ['The summit in September was cordial.', '2023-09'],
    ['The summit in December was cordial.', '2022-12'],
    ['It has delivered rounds recently.', { from: '2023', to: '2023-11' }],
    ['It has carried out tests since 2021.', { from: '2021', to: '2023-11' }],
    ['The ship docked last week.', { from: '2023-11-05', to: '2023-11-11' }],
    ['The ship docked last month.', '2023-10'],
    ['The deal was signed in September 2023.', '2023-09'],
    ['On May 24, 2022, the DPRK launched three missiles.', '2022-05-24'],
  ])('%s → %j', (text, date) => {
    expect(resolveDate(text, day)?.date).toEqual(date);
  });

  it("gives none for a statute's date or a report's day, and none when the text has none", () => {
    expect(resolveDate('designated under the Act of 2016.', day)).toBeUndefined();
    expect(resolveDate('North Korean state media reported Thursday.', day)).toBeUndefined();
    expect(resolveDate('Workers were sent abroad.', day)).toBeUndefined();
  });
});

describe('parties', () => {
  const index = indexList({
    list: 'un-1718',
    title: 'UN 1718',
    date: '2025-08-02',
    source: '',
    entries: [{ ref: 'KPe.001', type: 'entity', name: 'KOREA MINING DEVELOPMENT TRADING CORPORATION', aliases: ['KOMID'] }],
    vessels: [{ imo: '9191773', names: ['SAEBYOL'] }],
  });

  it('finds States by name, capital and government, list names by alias, and vessels with IMO numbers', () => {
    const found = findParties('Pyongyang sold arms through KOMID to Moscow using the tanker Saebyol (IMO 9191773).', index);
    expect(found.map((f) => f.party)).toEqual([
      { name: "Democratic People's Republic of Korea", kind: 'state', country: 'KP' },
      { name: 'KOMID', kind: 'organisation', country: 'KP', identifiers: { unRef: 'KPe.001' } },
      { name: 'Russian Federation', kind: 'state', country: 'RU' },
      { name: 'Saebyol', kind: 'vessel', identifiers: { imo: '9191773' } },
    ]);
  });

  it('reads demonyms and appositives for the country of a party', () => {
    const found = findParties('Mokran LLC, a Russian construction company, employed North Korean workers.', index);
    expect(found.map((f) => [f.party.name, f.party.kind, f.party.country])).toEqual([
      ['Mokran LLC', 'organisation', 'RU'],
      ['North Korean workers', 'person', 'KP'],
    ]);
  });
});

describe('types', () => {
  it.each([
    ['North Korea delivered artillery rounds to Russia', 'arms-transfer'],
    ['the DPRK has carried out many missile tests', 'launch'],
    ['new shipments of North Korean workers to logging operations', 'labour-deployment'],
    ['petroleum products through ship-to-ship transfers', 'ship-to-ship-transfer'],
    ['the theft of $620 million in Ethereum', 'cyber-theft'],
    ['a protocol of the meeting was signed', 'agreement'],
    ['a joint venture to mine coal', 'joint-venture'],
  ])('%s → %s', (text, type) => {
    expect(typesOf(text).map((t) => t.type)).toContain(type);
  });
});

describe('article header', () => {
  it('reads Title, Outlet, Date and URL lines and starts the body after them', () => {
    const a = parseArticle('Title: A story\nOutlet: Example News\nDate: 2023-11-16\nURL: https://example.org/a\n\nBody text.\n');
    expect(a.meta).toEqual({ title: 'A story', outlet: 'Example News', date: '2023-11-16', url: 'https://example.org/a' });
    expect(a.text.slice(a.bodyStart)).toBe('Body text.\n');
    expect(parseArticle('No header here.').bodyStart).toBe(0);
  });
});
