// Finds the parties a clause names: States (by name, capital or government), organisations,
// persons and vessels, the UN 1718 list's names and aliases (through the screening matcher), and IMO numbers.
import type { Party } from '../types.js';
import { COUNTRIES, countryMentions, type CountryMention } from './gazetteer.js';
import { listedParties, type ListIndex } from './listed-parties.js';

export { indexList, type ListIndex } from './listed-parties.js';

export interface FoundParty {
  party: Party;
  /** Offset of the mention in the clause. */
  at: number;
  end: number;
  /** How the party was found, for the draft note. */
  via: string;
}

/** Words after an abbreviated country name that show it is a name, not an adjective ("Russia to", "U.S. and"). */
const FUNCTION_WORDS = new Set([
  'to',
  'and',
  'or',
  'in',
  'on',
  'of',
  'for',
  'with',
  'by',
  'from',
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'may',
  'might',
  'could',
  'will',
  'would',
  'said',
  'says',
  'as',
  'at',
  'that',
  'which',
  'who',
  'since',
  'after',
  'before',
  'believe',
  'believes',
  'the',
  'a',
  'an',
  'held',
  'but',
  'did',
  'does',
  'do',
  'also',
  'itself',
  'in',
  'about',
  'over',
  'under',
  'against',
]);

/** Nouns that a country adjective turns into a party: "North Korean workers", "U.S. companies", "a Russian bank". */
const PARTY_NOUNS: Record<string, Party['kind']> = {
  workers: 'person',
  worker: 'person',
  laborers: 'person',
  labourers: 'person',
  nationals: 'person',
  national: 'person',
  citizens: 'person',
  'IT workers': 'person',
  hackers: 'person',
  'cyber actors': 'organisation',
  operatives: 'person',
  engineers: 'person',
  technicians: 'person',
  scientists: 'person',
  specialists: 'person',
  instructors: 'person',
  soldiers: 'person',
  troops: 'person',
  crew: 'person',
  sailors: 'person',
  students: 'person',
  diplomats: 'person',
  pilots: 'person',
  smugglers: 'person',
  traders: 'organisation',
  buyers: 'organisation',
  brokers: 'organisation',
  dealers: 'organisation',
  suppliers: 'organisation',
  mills: 'organisation',
  factories: 'organisation',
  refineries: 'organisation',
  exchange: 'organisation',
  exchanges: 'organisation',
  shipowners: 'organisation',
  companies: 'organisation',
  company: 'organisation',
  firms: 'organisation',
  firm: 'organisation',
  banks: 'organisation',
  bank: 'organisation',
  entities: 'organisation',
  entity: 'organisation',
  corporation: 'organisation',
  'trading company': 'organisation',
  'construction company': 'organisation',
  'shipping company': 'organisation',
  operations: 'organisation',
  delegation: 'organisation',
  officials: 'person',
  representative: 'person',
  vessels: 'vessel',
  vessel: 'vessel',
  ship: 'vessel',
  ships: 'vessel',
  tanker: 'vessel',
  tankers: 'vessel',
};
const PARTY_NOUN = new RegExp(
  `^\\s+((?:[a-z-]+\\s+){0,2}?(?:${Object.keys(PARTY_NOUNS)
    .sort((a, b) => b.length - a.length)
    .join('|')}))\\b`,
);

/** Bodies that speak about, investigate or enforce against an activity; they are not its parties. */
const AUTHORITY =
  /\b(?:Department of (?:Justice|State|the Treasury|Commerce)|Treasury|Office of Foreign Assets Control|OFAC|Federal Bureau of Investigation|FBI|Security Council|United Nations|Attorney|Court|Field Office|National Security Division|Panel of Experts|Executive Order|Act|(?:1718|[Ss]anctions) Committee|^Committee$)\b/;

const ORG_SUFFIX =
  '(?:Corporation|Corp\\.|Company|Co\\.|Bank|LLC|Ltd\\.?|Limited|Group|Industries|Ministry|Academy|Bureau|Committee|Commission|Agency|Association|Institute|Enterprise|Shipping|Trading)';
const ORG_NAME = new RegExp(
  `(?:[A-Z][\\w’'&.-]*\\s+(?:(?:of|and|for|the|de|&)\\s+)*){0,6}${ORG_SUFFIX}(?![\\w])(?:\\s+(?:of\\s+)?[A-Z][\\w-]*)*`,
  'g',
);
const ORG_AFTER_NOUN =
  /\b(?:compan(?:y|ies)|firms?|entit(?:y|ies)|banks?|groups?|corporations?)\s+((?:[A-Z][\w-]*\d*)(?:\s+[A-Z][\w-]*\d*){0,3})(?:,?\s+and\s+((?:[A-Z][\w-]*\d*)(?:\s+[A-Z][\w-]*\d*){0,3}))?/g;
const CODE_NAMED_GROUP = /\b(?:Lazarus Group|APT\s?\d{1,3}|Kimsuky|Andariel|BlueNorOff|Bluenoroff|TraderTraitor)\b/g;
const PERSON_TITLED =
  /\b(?:President|[Ll]eader|[Mm]inister|Secretary|Chairman|Premier|General|Ambassador|Marshal|Commander)(?:\s+of\s+(?:[a-z]+\s+){1,4}?|\s+of\s+(?:[A-Z][a-z]+(?:\s+and)?(?:,\s*|\s+)){1,4}?|,?\s+)((?:[A-Z][a-z’'-]+)(?:[\s-](?:[A-Z][a-z’'-]+|un|il|ho|in)){1,3})/g;
const PERSON_NATIONAL =
  /\b([A-Z][A-Za-z’'-]+(?:\s+[A-Z][A-Za-z’'-]+){1,3}),\s+an?\s+([A-Z][\w-]+)\s+(?:national|citizen|businessman|businesswoman)\b/g;
const VESSEL =
  /\b(?:M\/T|M\/V|MV|MT|vessel|tanker|ship|freighter|carrier)(?:,)?\s+(?:the\s+)?((?:[A-Z][A-Za-z0-9-]*)(?:\s+(?:[A-Z][A-Za-z0-9-]*|\d+)){0,3})/g;
const VESSEL_APPOSITIVE =
  /\b(?:[Tt]he\s+)?([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}),\s+(?:one of\s+)?(?:the|a|an)\s+[^,]{0,60}?\b(?:vessels?|tankers?|ships?|freighters?|bulk carriers?)\b/g;
const IMO = /\bIMO(?:\s+(?:No\.?|number|Number))?:?\s*(\d{7})\b/g;

function overlaps(a: { at: number; end: number }, b: { at: number; end: number }): boolean {
  return a.at < b.end && b.at < a.end;
}

/** The country an appositive or prefix gives a named party: "Mokran LLC, a Russian construction company", "North Korea’s Namgang Trading". */
function countryNear(text: string, at: number, end: number, mentions: CountryMention[]): string | undefined {
  const after = text.slice(end, end + 60);
  const appositive = /^,\s+an?\s+([^,;]{0,50})/.exec(after);
  if (appositive) {
    const m = mentions.find((c) => c.at >= end && c.at < end + appositive[0].length);
    if (m) return m.code;
  }
  const before = mentions.filter(
    (c) => c.end <= at && at - c.end <= 25 && /^(?:’s|'s)?\s*(?:[a-z-]+\s+){0,2}$/.test(text.slice(c.end, at)),
  );
  if (before.length) return before[before.length - 1]!.code;
  return undefined;
}

/** Every party the clause names, in order of mention. `exclude` spans (the claimant's words) are skipped; names that only resemble a listed one go to `notes`. */
export function findParties(
  text: string,
  index: ListIndex,
  exclude: { at: number; end: number }[] = [],
  known: readonly Party[] = [],
  notes: string[] = [],
): FoundParty[] {
  const found: FoundParty[] = [];
  const taken = (s: { at: number; end: number }) => exclude.some((e) => overlaps(e, s)) || found.some((f) => overlaps(f, s));
  const mentions = countryMentions(text);
  const add = (f: FoundParty) => {
    if (!taken(f)) found.push(f);
  };
  const listed = listedParties(text, index);
  for (const f of listed.matches) add(f);
  for (const n of listed.possible) if (!notes.includes(n)) notes.push(n);
  for (const m of text.matchAll(CODE_NAMED_GROUP)) {
    add({ party: { name: m[0], kind: 'organisation' }, at: m.index!, end: m.index! + m[0].length, via: 'cyber actor name' });
  }
  for (const m of text.matchAll(VESSEL)) {
    const name = m[1]!.replace(/\s+(?:and|with|to|in|of)$/, '');
    if (/^(?:The|A|An)$/.test(name)) continue;
    const at = m.index! + m[0].indexOf(m[1]!);
    const prefix = m[0].slice(0, m[0].indexOf(m[1]!)).trim().replace(/,$/, '');
    const display = /^M\/[TV]$|^M[TV]$/.test(prefix) ? `${prefix} ${name}` : name;
    add({ party: { name: display, kind: 'vessel' }, at: m.index!, end: at + name.length, via: 'vessel name' });
  }
  // Persons named earlier in the article with a title or nationality, named again without one ("Kim Jong-un’s visit").
  for (const p of known) {
    for (let at = text.indexOf(p.name); at !== -1; at = text.indexOf(p.name, at + 1)) {
      if (/\w/.test(text[at + p.name.length] ?? '')) continue;
      add({ party: { ...p }, at, end: at + p.name.length, via: 'person named earlier in the article' });
      break;
    }
  }
  for (const m of text.matchAll(VESSEL_APPOSITIVE)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    if (COUNTRIES.some((c) => c.names.includes(m[1]!))) continue;
    add({ party: { name: m[1]!, kind: 'vessel' }, at, end: at + m[1]!.length, via: 'vessel named with an appositive' });
  }
  for (const m of text.matchAll(PERSON_NATIONAL)) {
    const c = mentions.find((x) => x.at >= m.index! + m[1]!.length && x.written === m[2]);
    const name = m[1]!
      .split(/\s+/)
      .map((w) => (w === w.toUpperCase() ? w[0] + w.slice(1).toLowerCase() : w))
      .join(' ');
    add({
      party: { name, kind: 'person', ...(c ? { country: c.code } : {}) },
      at: m.index!,
      end: m.index! + m[1]!.length,
      via: 'person named with nationality',
    });
  }
  for (const m of text.matchAll(PERSON_TITLED)) {
    const at = m.index! + m[0].indexOf(m[1]!);
    const end = at + m[1]!.length;
    if (COUNTRIES.some((c) => c.names.includes(m[1]!))) continue;
    const country = countryNear(text, m.index!, end, mentions);
    add({ party: { name: m[1]!, kind: 'person', ...(country ? { country } : {}) }, at, end, via: 'person named with a title' });
  }
  const orgs: { name: string; at: number; end: number }[] = [];
  for (const m of text.matchAll(ORG_NAME)) orgs.push({ name: m[0].trim(), at: m.index!, end: m.index! + m[0].trim().length });
  for (const m of text.matchAll(ORG_AFTER_NOUN)) {
    for (const g of [m[1], m[2]]) {
      if (!g) continue;
      const at = m.index! + m[0].indexOf(g);
      orgs.push({ name: g, at, end: at + g.length });
    }
  }
  orgs.sort((a, b) => a.at - b.at || b.end - a.end);
  for (const o of orgs) {
    let name = o.name.replace(/^(?:The|A|An|Today|Specifically|Ultimately)\s+/, '');
    const at = o.end - name.length;
    name = name.replace(/\s+(?:and|of|the)$/, '');
    if (AUTHORITY.test(name) || (name.split(/\s+/).length < 2 && !/\d/.test(name) && !/^[A-Z][a-z]+$/.test(name))) continue;
    if (COUNTRIES.some((c) => c.names.includes(name))) continue;
    // "North Korea’s Namgang Trading Corporation": the country is not part of the name.
    const lead = mentions.find((c) => c.at === at && c.as === 'name');
    const stripped = lead ? name.slice(lead.end - at).replace(/^(?:’s|'s)\s+/, '') : name;
    const sAt = at + (name.length - stripped.length);
    const country = countryNear(text, sAt, sAt + stripped.length, mentions) ?? (/^Korea\b/.test(stripped) ? 'KP' : undefined);
    add({
      party: { name: stripped, kind: 'organisation', ...(country ? { country } : {}) },
      at: sAt,
      end: sAt + stripped.length,
      via: 'organisation name',
    });
  }
  for (const c of mentions) {
    const after = text.slice(c.end);
    const noun = PARTY_NOUN.exec(after);
    const abbrev = /^[A-Z.]+$/.test(c.written) || c.as === 'demonym';
    const nextWord = /^\s+([a-z]+)/.exec(after)?.[1];
    if (noun && (abbrev || c.as === 'demonym')) {
      // Inside an appositive of a named party ("Bank Sputnik, a Russian bank"), it gives that party's country.
      const owner = found.find((f) => f.end <= c.at && /^,\s+an?\s+[^,;]*$/.test(text.slice(f.end, c.at)));
      if (owner) continue;
      const written = text.slice(c.at, c.end + noun[0].length);
      const key = noun[1]!.split(/\s+/).pop()!;
      const kind = PARTY_NOUNS[noun[1]!] ?? PARTY_NOUNS[key] ?? 'organisation';
      add({ party: { name: written, kind, country: c.code }, at: c.at, end: c.end + noun[0].length, via: 'country adjective and noun' });
      continue;
    }
    // "the Togo-flagged Xin Yuan 18": a vessel named after its flag.
    const named = /-(?:flagged|registered)$/.test(c.written) ? /^\s+((?:[A-Z][\w-]*)(?:\s+(?:[A-Z][\w-]*|\d+)){0,3})/.exec(after) : null;
    if (named) {
      const at = c.end + named[0].indexOf(named[1]!);
      add({
        party: { name: named[1]!, kind: 'vessel', country: c.code },
        at,
        end: at + named[1]!.length,
        via: `vessel named after its flag ("${c.written}")`,
      });
      continue;
    }
    if (c.as === 'demonym') continue;
    if (abbrev && nextWord && !FUNCTION_WORDS.has(nextWord)) continue;
    const entry = COUNTRIES.find((x) => x.code === c.code)!;
    if (found.some((f) => f.party.kind === 'state' && f.party.country === c.code)) continue;
    add({ party: { name: entry.state, kind: 'state', country: c.code }, at: c.at, end: c.end, via: `State named "${c.written}"` });
  }
  for (const m of text.matchAll(IMO)) {
    const v = found.filter((f) => f.party.kind === 'vessel' && f.end <= m.index!).pop();
    if (v) v.party.identifiers = { ...(v.party.identifiers ?? {}), imo: m[1]! };
  }
  return found.sort((a, b) => a.at - b.at);
}
