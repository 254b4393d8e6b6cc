// Where an activity happened, when the clause says: a port or city ("at Vostochny port", "in
// Nampho"), a region ("in Russia's Far East"), a sea ("in the East China Sea") or a country ("in Russia").
import { COUNTRIES } from './gazetteer.js';

export interface DraftPlace {
  place: { name?: string; country?: string };
  /** The words the place was read from. */
  written: string;
  /** Offset of the words in the clause. */
  at: number;
}

/** Ports, cities and regions that DPRK sanctions reporting names, with their country. */
const PLACES: readonly { names: readonly string[]; country?: string; name: string }[] = [
  { name: 'Nampho', names: ['Nampho', 'Nampo'], country: 'KP' },
  { name: 'Rajin', names: ['Rajin', 'Rason', 'Najin'], country: 'KP' },
  { name: 'Chongjin', names: ['Chongjin'], country: 'KP' },
  { name: 'Songrim', names: ['Songrim'], country: 'KP' },
  { name: 'Wonsan', names: ['Wonsan'], country: 'KP' },
  { name: 'Hungnam', names: ['Hungnam'], country: 'KP' },
  { name: 'Hamhung', names: ['Hamhung'], country: 'KP' },
  { name: 'Haeju', names: ['Haeju'], country: 'KP' },
  { name: 'Sinuiju', names: ['Sinuiju'], country: 'KP' },
  { name: 'Sohae', names: ['Sohae'], country: 'KP' },
  { name: 'Tongchang-ri', names: ['Tongchang-ri'], country: 'KP' },
  { name: 'Punggye-ri', names: ['Punggye-ri'], country: 'KP' },
  { name: 'Yongbyon', names: ['Yongbyon'], country: 'KP' },
  { name: 'Vostochny', names: ['Vostochny'], country: 'RU' },
  { name: 'Vladivostok', names: ['Vladivostok'], country: 'RU' },
  { name: 'Nakhodka', names: ['Nakhodka'], country: 'RU' },
  { name: 'Khasan', names: ['Khasan'], country: 'RU' },
  { name: 'Kholmsk', names: ['Kholmsk'], country: 'RU' },
  { name: 'Russian Far East', names: ["Russia's Far East", 'Russia’s Far East', 'Russian Far East', 'Far East of Russia'], country: 'RU' },
  { name: 'Siberia', names: ['Siberia'], country: 'RU' },
  { name: 'Dalian', names: ['Dalian'], country: 'CN' },
  { name: 'Dandong', names: ['Dandong'], country: 'CN' },
  { name: 'Shenyang', names: ['Shenyang'], country: 'CN' },
  { name: 'Longkou', names: ['Longkou'], country: 'CN' },
  { name: 'Ningbo', names: ['Ningbo'], country: 'CN' },
  { name: 'Zhoushan', names: ['Zhoushan'], country: 'CN' },
  { name: 'Shanghai', names: ['Shanghai'], country: 'CN' },
  { name: 'Busan', names: ['Busan', 'Pusan'], country: 'KR' },
  { name: 'Yeosu', names: ['Yeosu'], country: 'KR' },
  { name: 'Kaohsiung', names: ['Kaohsiung'], country: 'TW' },
  { name: 'East China Sea', names: ['East China Sea'] },
  { name: 'Yellow Sea', names: ['Yellow Sea'] },
  { name: 'Sea of Japan', names: ['Sea of Japan', 'East Sea'] },
  { name: 'Gulf of Tonkin', names: ['Gulf of Tonkin'] },
  { name: 'Sea of Okhotsk', names: ['Sea of Okhotsk'] },
];

/** The capitals and cities among the gazetteer's names of States. */
const CITIES = new Set([
  'Pyongyang',
  'Moscow',
  'Beijing',
  'Seoul',
  'Washington',
  'Tokyo',
  'Kyiv',
  'Kiev',
  'Tehran',
  'Damascus',
  'Phnom Penh',
  'Taipei',
  'Kuala Lumpur',
  'Jakarta',
  'Hanoi',
  'Bangkok',
  'Manila',
  'Ulaanbaatar',
  'Vientiane',
  'Minsk',
  'Dubai',
  'Abu Dhabi',
  'Kampala',
  'Cairo',
  'Islamabad',
  'New Delhi',
  'London',
  'Paris',
  'Berlin',
  'Canberra',
  'Ottawa',
]);

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every written form, longest first: a named place, a capital (its country's) or a country. */
const FORMS: { written: string; name?: string; country?: string }[] = [
  ...PLACES.flatMap((p) => p.names.map((w) => ({ written: w, name: p.name, ...(p.country ? { country: p.country } : {}) }))),
  ...COUNTRIES.flatMap((c) =>
    c.names
      .filter((n) => !/^[A-Z.]+$/.test(n) && !/government|regime|^the North$|Kremlin/i.test(n))
      .map((n) => ({
        written: n,
        // A capital names a city; a country's own name the country alone.
        ...(CITIES.has(n) ? { name: n } : {}),
        country: c.code,
      })),
  ),
].sort((a, b) => b.written.length - a.written.length);
const BY_WRITTEN = new Map(FORMS.map((f) => [f.written, f]));

/** "at", "in", "near", "off", "inside" (and "to", for travel and workers sent abroad) before the place. */
const PLACE = new RegExp(
  `\\b(at|in|near|off|inside|outside|into|entered|entering|reached|visited|visiting|from|to)\\s+(?:the\\s+)?(?:(?:port|ports|harbou?r|city|waters|coast) of\\s+(?:the\\s+)?)?(${FORMS.map((f) => escapeRegExp(f.written)).join('|')})(?![\\w-])(?:\\s+(?:port|harbou?r|(?:launch\\s+)?site))?`,
  'g',
);
const DESTINATION_TYPES = new Set(['travel', 'labour-deployment']);
const LAUNCH_TYPES = new Set(['launch', 'nuclear-test']);

/** The place a clause gives the activity of type `type`, nearest to `near`; undefined when it gives none. */
export function placeOf(clause: string, type: string, near = 0): DraftPlace | undefined {
  const found: DraftPlace[] = [];
  for (const m of clause.matchAll(PLACE)) {
    if (m[1] === 'to' && !DESTINATION_TYPES.has(type)) continue;
    // "from the Sohae launch site": where a launch or a test was made; elsewhere "from" names a supplier.
    if (m[1] === 'from' && !LAUNCH_TYPES.has(type)) continue;
    const form = BY_WRITTEN.get(m[2]!)!;
    // "in Russia's war", "in China's support": a possessive before a noun other than a region names no place.
    const after = clause.slice(m.index! + m[0].length, m.index! + m[0].length + 60);
    // "in China's Zhejiang province": the province, in that country.
    const region = /^(?:’s|'s)\s+((?:[A-Z][\w-]+\s+){1,2}(?:province|region|prefecture|oblast|krai|county|state))\b/.exec(after);
    if (!form.name && region) {
      found.push({
        place: { name: region[1]!, ...(form.country ? { country: form.country } : {}) },
        written: m[0] + region[0],
        at: m.index!,
      });
      continue;
    }
    if (!form.name && /^(?:’s|'s)\s/.test(after)) continue;
    found.push({
      place: { ...(form.name ? { name: form.name } : {}), ...(form.country ? { country: form.country } : {}) },
      written: m[0],
      at: m.index!,
    });
  }
  found.sort((a, b) => Math.abs(a.at - near) - Math.abs(b.at - near) || a.at - b.at);
  return found[0];
}
