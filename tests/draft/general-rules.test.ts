// General drafting rules added for articles outside the dev set: conditionals, dates of parts of a
// year and of plans, "-flagged" adjectives, seas, speakers kept out of parties, new type cues.
import { describe, expect, it } from 'vitest';
import { typesOf } from '../../src/draft/activity-types.js';
import { resolveDate } from '../../src/draft/dates.js';
import { countryMentions } from '../../src/draft/gazetteer.js';
import { hedgeLevel, speakerHead } from '../../src/draft/hedges.js';
import { findParties, indexList } from '../../src/draft/parties.js';
import { assignRoles } from '../../src/draft/roles.js';

describe('conditional hedges', () => {
  it.each([
    ['If confirmed, the shipment would be the largest yet.', 'speculative'],
    ['If Russia transferred engine technology, it would breach the resolutions.', 'speculative'],
    ['The ministry said that, if true, the tanker broke the cap.', 'speculative'],
    ['They threatened to leak the code unless the employer paid.', 'reported'],
    ['He asked if the vessel had been inspected.', 'reported'],
  ])('%s → %s', (text, level) => {
    expect(hedgeLevel(text).level).toBe(level);
  });
});

describe('dates', () => {
  const day = '2024-09-20';
  it.each([
    ['shipped late last year', { from: '2023-10', to: '2023-12' }],
    ['early this year', { from: '2024-01', to: '2024-03' }],
    ['in the second half of last year', { from: '2023-07', to: '2023-12' }],
    ['plans to launch three satellites next year', '2025'],
    ['a visit next month', '2024-10'],
    ['supplied shells since August 2023', { from: '2023-08', to: '2024-09' }],
    ['shipped containers since August last year', { from: '2023-08', to: '2024-09' }],
    ['a launch in March this year', '2024-03'],
    ['delivered coal between January and March', { from: '2024-01', to: '2024-03' }],
    ['loaded coal in mid-February', '2024-02'],
    ['earned $200 million two years ago', '2022'],
    ['seized the ship three days ago', '2024-09-17'],
    ['a month ago', '2024-08'],
    ['earlier this week, customs seized a ship', { from: '2024-09-15', to: '2024-09-20' }],
  ])('%s → %j', (text, date) => {
    expect(resolveDate(text, day)?.date).toEqual(date);
  });
});

describe('countries', () => {
  it('reads "-flagged", "-registered" and "-owned" adjectives of every country, and a sea is not its country', () => {
    expect(countryMentions('A North Korean-flagged tanker met a Togo-registered ship').map((m) => [m.written, m.code, m.as])).toEqual([
      ['North Korean-flagged', 'KP', 'demonym'],
      ['Togo-registered', 'TG', 'demonym'],
    ]);
    expect(countryMentions('a transfer in the East China Sea and the South China Sea')).toEqual([]);
  });

  it('reads the abbreviations of wire reports and "the North", but not "the North Sea"', () => {
    expect(countryMentions('N. Korea sent N. Korean troops; S. Korea protested.').map((m) => [m.written, m.code])).toEqual([
      ['N. Korea', 'KP'],
      ['N. Korean', 'KP'],
      ['S. Korea', 'KR'],
    ]);
    expect(countryMentions('The North has denied sending weapons.').map((m) => m.code)).toEqual(['KP']);
    expect(countryMentions('a tanker in the North Sea')).toEqual([]);
  });
});

describe('speakers and roles', () => {
  const index = indexList(undefined);
  it('keeps a speaker named before its verb out of the parties', () => {
    const s = "South Korea's spy agency believes Russia provided technical assistance to North Korea.";
    expect(speakerHead(s)).toEqual({ at: 0, end: "South Korea's spy agency".length });
    expect(speakerHead('North Korea said it launched a satellite.')).toBeUndefined();
    const found = findParties(s, index, [speakerHead(s)!]);
    expect(found.map((f) => f.party.country)).toEqual(['RU', 'KP']);
  });

  it('names a vessel after its flag, and makes firms, mills and exchanges parties with their country', () => {
    expect(
      findParties('the Togo-flagged Xin Yuan 18 loaded coal', index).map((f) => [f.party.name, f.party.kind, f.party.country]),
    ).toEqual([['Xin Yuan 18', 'vessel', 'TG']]);
    expect(
      findParties('coal sold to Chinese steel mills and a Singapore-based cryptocurrency exchange', index).map((f) => [
        f.party.name,
        f.party.country,
      ]),
    ).toEqual([
      ['Chinese steel mills', 'CN'],
      ['Singapore-based cryptocurrency exchange', 'SG'],
    ]);
  });

  it('gives the State that seized the goods no role in their supply', () => {
    const clause = 'South Korea seized a Panama-registered cargo ship carrying North Korean coal.';
    const { parties } = assignRoles('trade-shipment', clause, findParties(clause, index));
    expect(parties[0]).toMatchObject({ country: 'KR', role: 'other' });
  });

  it('keeps "&" inside an organisation\'s name', () => {
    expect(findParties('The Korea Ocean Shipping & Management Co. operated the ships.', index).map((f) => f.party.name)).toEqual([
      'Korea Ocean Shipping & Management Co.',
    ]);
  });

  it('reads "from a" and "to a" before a party as supplier and recipient', () => {
    const clause = 'A North Korean-flagged tanker received diesel from a Panama-flagged vessel in a ship-to-ship transfer.';
    const { parties } = assignRoles('ship-to-ship-transfer', clause, findParties(clause, index));
    expect(parties.map((p) => [p.name, p.role])).toEqual([
      ['North Korean-flagged tanker', 'recipient'],
      ['Panama-flagged vessel', 'supplier'],
    ]);
  });

  it('takes the subject of a theft as its perpetrator and the party stolen from as its victim', () => {
    const clause = 'Hackers linked to the Lazarus Group stole $1.5 billion from the Bybit exchange.';
    const { parties } = assignRoles('cyber-theft', clause, findParties(clause, index));
    expect(parties.map((p) => [p.name, p.role])).toEqual([['Lazarus Group', 'perpetrator']]);
    const victim = 'The Lazarus Group hacked the Harmony Bridge Corporation last year.';
    const roles = assignRoles('cyber-intrusion', victim, findParties(victim, index)).parties.map((p) => [p.name, p.role]);
    expect(roles).toEqual([
      ['Lazarus Group', 'perpetrator'],
      ['Harmony Bridge Corporation', 'victim'],
    ]);
  });
});

describe('types', () => {
  it.each([
    ['If Russia transferred rocket engine technology to the North', 'technical-assistance'],
    ['Russian engineers visited the Sohae site in October', 'travel'],
    ['The tanker later entered the port of Nampo', 'port-call'],
    ['The arms were seized by customs', 'arms-transfer'],
  ])('%s → %s', (text, type) => {
    expect(typesOf(text).map((t) => t.type)).toContain(type);
  });

  it('does not take a breach of law for a cyber intrusion', () => {
    expect(typesOf('it would breach U.N. resolutions').map((t) => t.type)).not.toContain('cyber-intrusion');
    expect(typesOf('hackers breached the exchange’s systems').map((t) => t.type)).toContain('cyber-intrusion');
  });
});
