// The 1718 list's parties in an article, through the screening matcher: any spelling the matcher
// accepts is a designated party; a resemblance ("possible") is only a note in the draft.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/draft/article.js';
import { draftRecords } from '../../src/draft/draft-records.js';
import { indexList, listedParties } from '../../src/draft/listed-parties.js';
import { findParties } from '../../src/draft/parties.js';
import { parseDesignationList } from '../../src/load/designation-list.js';

const listFile = 'rules/unsc-dprk/lists/un-1718.json';
const list = parseDesignationList(readFileSync(listFile, 'utf8'), listFile).list;
const index = indexList(list);

describe('designated parties through the screening matcher', () => {
  it('finds listed entities written another way (apostrophes, legal forms, spacing) with their UN reference', () => {
    const found = findParties("Tanch'on Commercial Bank paid Korea Mining Development Trading Corp. for the shipment.", index);
    expect(found.map((f) => [f.party.name, f.party.identifiers?.unRef])).toEqual([
      ["Tanch'on Commercial Bank", 'KPe.003'],
      ['Korea Mining Development Trading Corp.', 'KPe.001'],
    ]);
    expect(found[0]!.via).toMatch(/^UN 1718 list KPe\.003 .*screening match 1\.00/);
  });

  it('finds a designated vessel after "tanker" in another spacing, with its IMO number', () => {
    const found = findParties('The tanker Chongchongang was seen off Nampo.', index);
    expect(found.map((f) => f.party)).toContainEqual({ name: 'Chongchongang', kind: 'vessel', identifiers: { imo: '7937317' } });
  });

  it('takes the longest matching name, not a part of it', () => {
    const { matches } = listedParties('funds moved through Korea Kwangson Banking Corporation last year', index);
    expect(matches.map((m) => [m.party.name, m.party.identifiers?.unRef])).toEqual([['Korea Kwangson Banking Corporation', 'KPe.025']]);
  });

  it('makes a common name that needs a year of birth a note to check, never a party', () => {
    const { matches, possible } = listedParties('Ri Je Son attended the meeting.', index);
    expect(matches).toEqual([]);
    expect(possible).toHaveLength(1);
    expect(possible[0]).toMatch(/^possible designated party: “Ri Je Son” resembles KPi\.002 RI JE-SON .*check it/);
  });

  it('does not take initials alone for a listed name ("Namgang Trading Corporation (NTC)" is not Namchongang)', () => {
    const { matches, possible } = listedParties('OFAC designated Namgang Trading Corporation (NTC) for exporting workers.', index);
    expect(matches).toEqual([]);
    expect(possible.some((p) => p.includes('“NTC”') && p.includes('KPe.004'))).toBe(true);
  });

  it('finds nothing in plain text, and nothing without a list', () => {
    expect(listedParties('North Korea and Russia held talks in Moscow on Wednesday.', index)).toEqual({ matches: [], possible: [] });
    expect(listedParties('Tanchon Commercial Bank paid.', indexList(undefined))).toEqual({ matches: [], possible: [] });
  });

  it('puts a possible in the draft note and keeps it out of the parties', () => {
    const article = parseArticle('Date: 2024-03-10\n\nNorth Korea sold missiles to Iran through Ri Je Son last month.\n');
    const [draft] = draftRecords(article, { day: '2024-03-10', list }).records;
    expect(draft!.parties!.map((p) => p.name)).not.toContain('Ri Je Son');
    expect(draft!.draft!.undetermined!.some((u) => u.startsWith('possible designated party: “Ri Je Son”'))).toBe(true);
  });
});
