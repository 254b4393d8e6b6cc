// Finds the UN 1718 list's parties in a clause through the screening matcher: candidate name spans
// (capitalised runs, quoted names, names after "vessel"/"tanker", entity names with legal forms) are
// screened; a "match" is a designated party, a "possible" only a note for the analyst to check.
import type { DesignationList, Party } from '../types.js';
import type { ScreenKind } from '../screen/name-forms.js';
import { Screener, type ScreenMatch } from '../screen/screener.js';

/** The designation list, ready to screen the names an article gives. */
export interface ListIndex {
  screener?: Screener;
  /** What each distinct candidate screened to, kept for the whole article. */
  cache: Map<string, ScreenMatch[]>;
}

export function indexList(list: DesignationList | undefined): ListIndex {
  const hasNames = list !== undefined && (list.entries.length > 0 || list.vessels.length > 0);
  return { ...(hasNames ? { screener: new Screener([list]) } : {}), cache: new Map() };
}

export interface ListedMention {
  party: Party;
  at: number;
  end: number;
  via: string;
}

export interface ListedFindings {
  /** Spans whose screening decision is "match": designated parties. */
  matches: ListedMention[];
  /** Spans that resemble a listed name without matching it: for the draft note, never a party. */
  possible: string[];
}

interface Token {
  w: string;
  at: number;
  end: number;
}

/** The longest name screened, in words. */
const MAX_WORDS = 7;
/** Lower-case words that may sit inside a name ("Bank of East Land", "Ministry of Atomic Energy Industry"). */
const JOINERS = new Set(['of', 'and', 'for', 'the', '&', 'de']);
/** Capitalised words that open sentences or name the State rather than a party: never the first word of a candidate. */
const NOT_FIRST = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'By',
  'For',
  'From',
  'With',
  'And',
  'But',
  'It',
  'He',
  'She',
  'They',
  'This',
  'That',
  'These',
  'Those',
  'Its',
  'Their',
  'His',
  'Her',
  'According',
  'After',
  'Before',
  'Since',
  'As',
  'While',
  'When',
  'Last',
  'Earlier',
  'Mr',
  'Ms',
  'Mrs',
  'Dr',
]);
const VESSEL_WORD = /\b(?:M\/T|M\/V|MV|MT|vessel|tanker|ship|freighter|carrier)\s+(?:the\s+)?$/;

function tokens(text: string): Token[] {
  return [...text.matchAll(/[A-Za-z0-9\u00C0-\u024F][A-Za-z0-9\u00C0-\u024F’'.&-]*|&/g)].map((m) => {
    // a full stop ends a word unless it is an abbreviation's ("Co.", "Ltd.", "U.S.")
    const w = /^[A-Za-z]{1,4}\.$|\.[A-Za-z]\.$/.test(m[0]) ? m[0] : m[0].replace(/[.’']+$/, '');
    return { w, at: m.index!, end: m.index! + w.length };
  });
}

const capitalised = (w: string) => /^[A-Z0-9\u00C0-\u00DE]/.test(w);

/** Runs of capitalised words (with joiners inside), as token index ranges [from, to). */
function capitalisedRuns(text: string, ts: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let i = 0;
  while (i < ts.length) {
    if (!capitalised(ts[i]!.w)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < ts.length) {
      const gap = text.slice(ts[j - 1]!.end, ts[j]!.at);
      if (!/^[\s-]*$/.test(gap) && !/^\s*\(\s*$/.test(gap)) break;
      if (capitalised(ts[j]!.w)) j++;
      else if (
        JOINERS.has(ts[j]!.w) &&
        j + 1 < ts.length &&
        capitalised(ts[j + 1]!.w) &&
        /^\s+$/.test(text.slice(ts[j]!.end, ts[j + 1]!.at))
      )
        j += 2;
      else break;
    }
    runs.push([i, j]);
    i = j;
  }
  return runs;
}

/** Quoted names (“Chon Ma San”, "Ocean Maju"), as character spans of what is inside the quotes. */
function quotedSpans(text: string): { at: number; end: number }[] {
  const out: { at: number; end: number }[] = [];
  for (const m of text.matchAll(/[“"]([^”"]{2,80})[”"]/g)) {
    if (m[1]!.split(/\s+/).length <= MAX_WORDS) out.push({ at: m.index! + 1, end: m.index! + 1 + m[1]!.length });
  }
  return out;
}

interface Candidate {
  at: number;
  end: number;
  name: string;
  kind?: ScreenKind;
}

/** Every window of a run worth screening: two words or more, or one that is an acronym, a number-bearing or a vessel's name. */
function candidates(text: string): Candidate[] {
  const ts = tokens(text);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  const push = (c: Candidate) => {
    const k = `${c.at}:${c.end}`;
    if (!seen.has(k)) {
      seen.add(k);
      out.push(c);
    }
  };
  for (const [from, to] of capitalisedRuns(text, ts)) {
    for (let i = from; i < to; i++) {
      if (NOT_FIRST.has(ts[i]!.w) || JOINERS.has(ts[i]!.w)) continue;
      const vessel = VESSEL_WORD.test(text.slice(Math.max(0, ts[i]!.at - 20), ts[i]!.at));
      for (let j = Math.min(to, i + MAX_WORDS); j > i; j--) {
        if (JOINERS.has(ts[j - 1]!.w)) continue;
        const at = ts[i]!.at;
        const end = ts[j - 1]!.end;
        const one = j - i === 1;
        if (one && !vessel && !/^[A-Z]{3,8}$/.test(ts[i]!.w)) continue;
        push({ at, end, name: text.slice(at, end), ...(vessel ? { kind: 'vessel' as const } : {}) });
      }
    }
  }
  for (const q of quotedSpans(text)) {
    const vessel = VESSEL_WORD.test(text.slice(Math.max(0, q.at - 21), q.at - 1));
    push({ ...q, name: text.slice(q.at, q.end), ...(vessel ? { kind: 'vessel' as const } : {}) });
  }
  return out;
}

function screenOnce(index: ListIndex, c: Candidate): ScreenMatch[] {
  const key = `${c.name}\u0000${c.kind ?? ''}`;
  let found = index.cache.get(key);
  if (!found) {
    found = index.screener!.screen({ id: 'draft', name: c.name, ...(c.kind ? { kind: c.kind } : {}) });
    index.cache.set(key, found);
  }
  return found;
}

/**
 * A match on initials alone ("NTC" for Namchongang Trading Corporation): in running text the same
 * initials often stand for another name given just before ("Namgang Trading Corporation (NTC)"), so it
 * is a possible, never a designated party. An acronym the list itself gives (KOMID) matches by name.
 */
const byInitials = (m: ScreenMatch) => m.explanation.some((l) => l.includes(' is the initials of '));

const overlaps = (a: { at: number; end: number }, b: { at: number; end: number }) => a.at < b.end && b.at < a.end;

/**
 * The listed parties a clause names. The longest candidate that screens to a "match" wins its words;
 * a "possible" on words no match took is reported once per listed name, as a note.
 */
export function listedParties(text: string, index: ListIndex): ListedFindings {
  if (!index.screener) return { matches: [], possible: [] };
  const screened = candidates(text)
    .map((c) => ({ c, found: screenOnce(index, c) }))
    .filter((s) => s.found.length > 0);
  // longest first, then earliest: "Korea Kwangson Banking Corporation" before "Korea Kwangson"
  screened.sort((a, b) => b.c.end - b.c.at - (a.c.end - a.c.at) || a.c.at - b.c.at);
  const matches: ListedMention[] = [];
  for (const { c, found } of screened) {
    const m = found.find((f) => f.decision === 'match' && !byInitials(f));
    if (!m || matches.some((x) => overlaps(x, c))) continue;
    const listed = index.screener.names.find((n) => n.ref === m.ref)!;
    const party: Party =
      listed.kind === 'vessel'
        ? { name: c.name, kind: 'vessel', identifiers: { imo: listed.imo! } }
        : { name: c.name, kind: listed.kind, country: 'KP', identifiers: { unRef: m.ref } };
    matches.push({
      party,
      at: c.at,
      end: c.end,
      via: `${listed.kind === 'vessel' ? `1718 designated vessel ${m.ref}` : `UN 1718 list ${m.ref}`} (${m.name}), screening match ${m.score.toFixed(2)} on "${m.matchedName}"`,
    });
  }
  const possible: string[] = [];
  const noted = new Set<string>();
  for (const { c, found } of screened) {
    if (matches.some((x) => overlaps(x, c))) continue;
    for (const p of found) {
      if ((p.decision !== 'possible' && !byInitials(p)) || noted.has(p.ref)) continue;
      noted.add(p.ref);
      possible.push(
        `possible designated party: “${c.name}” resembles ${p.ref} ${p.name} (“${p.matchedName}”, screening score ${p.score.toFixed(2)}); not drafted as that party: check it (sanctions-check screen "${c.name}")`,
      );
    }
  }
  matches.sort((a, b) => a.at - b.at);
  return { matches, possible };
}
