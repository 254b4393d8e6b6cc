// Countries as articles name them: names, short names, demonyms, capitals and governments.

export interface CountryEntry {
  code: string;
  /** The name a record gives the State. */
  state: string;
  /** Names of the State (or its government or capital, standing for it). */
  names: string[];
  /** Adjectives of nationality ("North Korean"). */
  demonyms: string[];
}

export const COUNTRIES: readonly CountryEntry[] = [
  {
    code: 'KP',
    state: "Democratic People's Republic of Korea",
    names: [
      "Democratic People's Republic of Korea",
      'Democratic People’s Republic of Korea',
      'Democratic People’s Republic of North Korea',
      "Democratic People's Republic of North Korea",
      'DPRK',
      'North Korea',
      'Pyongyang',
      'Government of North Korea',
      'government of North Korea',
      'DPRK government',
      'North Korean government',
      'North Korean regime',
      'DPRK regime',
      'the North',
      'The North',
      'N. Korea',
      'N.Korea',
    ],
    demonyms: ['North Korean', 'N. Korean', 'DPRK-controlled', 'DPRK-flagged', 'North Korea-flagged', 'DPRK-based', 'North Korea-based'],
  },
  {
    code: 'RU',
    state: 'Russian Federation',
    names: ['Russian Federation', 'Russia', 'Moscow', 'Kremlin'],
    demonyms: ['Russian', 'Russia-based'],
  },
  {
    code: 'CN',
    state: "People's Republic of China",
    names: ["People's Republic of China", 'People’s Republic of China', 'PRC', 'China', 'Beijing'],
    demonyms: ['Chinese', 'China-based'],
  },
  {
    code: 'KR',
    state: 'Republic of Korea',
    names: ['Republic of Korea', 'ROK', 'South Korea', 'S. Korea', 'Seoul'],
    demonyms: ['South Korean', 'S. Korean'],
  },
  {
    code: 'US',
    state: 'United States',
    names: ['United States of America', 'United States', 'U.S.', 'USA', 'Washington'],
    demonyms: ['American', 'U.S.-based', 'US-based'],
  },
  { code: 'JP', state: 'Japan', names: ['Japan', 'Tokyo'], demonyms: ['Japanese'] },
  { code: 'UA', state: 'Ukraine', names: ['Ukraine', 'Kyiv', 'Kiev'], demonyms: ['Ukrainian'] },
  { code: 'IR', state: 'Iran', names: ['Islamic Republic of Iran', 'Iran', 'Tehran'], demonyms: ['Iranian'] },
  { code: 'SY', state: 'Syrian Arab Republic', names: ['Syria', 'Damascus'], demonyms: ['Syrian'] },
  { code: 'SG', state: 'Singapore', names: ['Singapore'], demonyms: ['Singaporean', 'Singapore-based'] },
  { code: 'KH', state: 'Cambodia', names: ['Cambodia', 'Phnom Penh'], demonyms: ['Cambodian'] },
  { code: 'TW', state: 'Taiwan', names: ['Taiwan', 'Taipei'], demonyms: ['Taiwanese'] },
  { code: 'HK', state: 'Hong Kong', names: ['Hong Kong'], demonyms: ['Hong Kong-based'] },
  { code: 'MY', state: 'Malaysia', names: ['Malaysia', 'Kuala Lumpur'], demonyms: ['Malaysian'] },
  { code: 'ID', state: 'Indonesia', names: ['Indonesia', 'Jakarta'], demonyms: ['Indonesian'] },
  { code: 'VN', state: 'Viet Nam', names: ['Vietnam', 'Viet Nam', 'Hanoi'], demonyms: ['Vietnamese'] },
  { code: 'TH', state: 'Thailand', names: ['Thailand', 'Bangkok'], demonyms: ['Thai'] },
  { code: 'PH', state: 'Philippines', names: ['Philippines', 'Manila'], demonyms: ['Filipino', 'Philippine'] },
  { code: 'MN', state: 'Mongolia', names: ['Mongolia', 'Ulaanbaatar'], demonyms: ['Mongolian'] },
  { code: 'LA', state: "Lao People's Democratic Republic", names: ['Laos', 'Vientiane'], demonyms: ['Lao', 'Laotian'] },
  { code: 'MM', state: 'Myanmar', names: ['Myanmar', 'Burma'], demonyms: ['Burmese'] },
  { code: 'BY', state: 'Belarus', names: ['Belarus', 'Minsk'], demonyms: ['Belarusian'] },
  { code: 'AE', state: 'United Arab Emirates', names: ['United Arab Emirates', 'UAE', 'Dubai', 'Abu Dhabi'], demonyms: ['Emirati'] },
  { code: 'PA', state: 'Panama', names: ['Panama'], demonyms: ['Panamanian', 'Panama-flagged'] },
  { code: 'SL', state: 'Sierra Leone', names: ['Sierra Leone'], demonyms: ['Sierra Leone-flagged'] },
  { code: 'TG', state: 'Togo', names: ['Togo'], demonyms: ['Togolese', 'Togo-flagged'] },
  { code: 'CM', state: 'Cameroon', names: ['Cameroon'], demonyms: ['Cameroonian'] },
  { code: 'KM', state: 'Comoros', names: ['Comoros'], demonyms: ['Comoran'] },
  { code: 'MH', state: 'Marshall Islands', names: ['Marshall Islands'], demonyms: ['Marshallese'] },
  { code: 'UG', state: 'Uganda', names: ['Uganda', 'Kampala'], demonyms: ['Ugandan'] },
  { code: 'TZ', state: 'United Republic of Tanzania', names: ['Tanzania'], demonyms: ['Tanzanian'] },
  { code: 'NG', state: 'Nigeria', names: ['Nigeria'], demonyms: ['Nigerian'] },
  { code: 'AO', state: 'Angola', names: ['Angola'], demonyms: ['Angolan'] },
  { code: 'EG', state: 'Egypt', names: ['Egypt', 'Cairo'], demonyms: ['Egyptian'] },
  { code: 'PK', state: 'Pakistan', names: ['Pakistan', 'Islamabad'], demonyms: ['Pakistani'] },
  { code: 'IN', state: 'India', names: ['India', 'New Delhi'], demonyms: ['Indian'] },
  { code: 'GB', state: 'United Kingdom', names: ['United Kingdom', 'U.K.', 'Britain', 'London'], demonyms: ['British'] },
  { code: 'FR', state: 'France', names: ['France', 'Paris'], demonyms: ['French'] },
  { code: 'DE', state: 'Germany', names: ['Germany', 'Berlin'], demonyms: ['German'] },
  { code: 'AU', state: 'Australia', names: ['Australia', 'Canberra'], demonyms: ['Australian'] },
  { code: 'CA', state: 'Canada', names: ['Canada', 'Ottawa'], demonyms: ['Canadian'] },
];

export interface CountryMention {
  code: string;
  /** Offset in the text searched. */
  at: number;
  end: number;
  written: string;
  /** 'name': the State itself; 'demonym': an adjective qualifying something else. */
  as: 'name' | 'demonym';
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "North Korean-flagged", "Panama-flagged", "Russia-based": a name or demonym with a suffix is an adjective. */
const ADJECTIVE_SUFFIXES = ['-flagged', '-registered', '-based', '-owned', '-controlled'];

const ALL: { code: string; written: string; as: 'name' | 'demonym' }[] = [
  ...new Map(
    COUNTRIES.flatMap((c) => [
      ...c.names.map((n) => ({ code: c.code, written: n, as: 'name' as const })),
      ...c.demonyms.map((n) => ({ code: c.code, written: n, as: 'demonym' as const })),
      ...[...c.names.filter((n) => !/\s(?:government|regime)$|^the /i.test(n)), ...c.demonyms.filter((d) => !d.includes('-'))].flatMap(
        (n) => ADJECTIVE_SUFFIXES.map((s) => ({ code: c.code, written: n + s, as: 'demonym' as const })),
      ),
    ]).map((a) => [a.written, a] as const),
  ).values(),
].sort((a, b) => b.written.length - a.written.length);

const PATTERN = new RegExp(`(?<![\\w-])(?:${ALL.map((a) => escapeRegExp(a.written)).join('|')})(?![\\w-])`, 'g');
const BY_WRITTEN = new Map(ALL.map((a) => [a.written, a]));

/** Every mention of a country in text, longest names first, without overlaps. A possessive ("Russia’s") counts as the name. */
export function countryMentions(text: string): CountryMention[] {
  const out: CountryMention[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const hit = BY_WRITTEN.get(m[0]);
    if (!hit) continue;
    // "the North" names the DPRK (articles drafted here are about Korea), but not "the North Sea" or "the North of England".
    if ((hit.written === 'the North' || hit.written === 'The North') && /^\s+(?:[A-Z]|of\b)/.test(text.slice(m.index! + m[0].length)))
      continue;
    // "the East China Sea", "the South China Sea": a sea, not the State.
    if (/^\s+Sea\b/.test(text.slice(m.index! + m[0].length))) continue;
    out.push({ code: hit.code, at: m.index!, end: m.index! + m[0].length, written: m[0], as: hit.as });
  }
  return out;
}

export function countryByCode(code: string): CountryEntry | undefined {
  return COUNTRIES.find((c) => c.code === code);
}
