// Looks parties up in the designation lists: by UN reference number, IMO number, name or alias.
import type { DesignationList, Party } from '../types.js';

/** Case, spacing and punctuation (hyphens, dots, commas, apostrophes) are ignored in names. */
export function normalizeName(name: string): string {
  return asciiName(name) ?? unicodeName(name);
}

function unicodeName(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[-‐‑–—.,'’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** ASCII characters that normalizeName turns into a space: whitespace and the punctuation it ignores. */
const ASCII_GAP = new Uint8Array(128);
for (const c of "\t\n\v\f\r -.,'`") ASCII_GAP[c.charCodeAt(0)] = 1;

/**
 * normalizeName for a name in ASCII (most names), without regular expressions: ASCII text is its
 * own NFKC form, so only case, gaps and punctuation change. Undefined for any other name.
 */
function asciiName(name: string): string | undefined {
  // Most names need their case changed and nothing else: single spaces between words.
  let plain = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c >= 0x80) return undefined;
    if (ASCII_GAP[c] === 1 && (c !== 0x20 || i === 0 || i === name.length - 1 || name.charCodeAt(i + 1) === 0x20)) plain = false;
  }
  if (plain) return name.toUpperCase();
  let out = '';
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (ASCII_GAP[c] === 1) {
      gap = out.length > 0;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (gap) {
      out += ' ';
      gap = false;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

export interface DesignationIndex {
  /**
   * UN reference numbers of the list entries the party matches. With `until` (the last day of the
   * activity), entries listed after it are left out: dealing with a party before it was listed is
   * not dealing with a designated party.
   */
  entriesFor(party: Party, until?: string): string[];
  /** IMO numbers of the designated vessels the party matches, listed by `until` when given. */
  vesselsFor(party: Party, until?: string): string[];
}

/** Whether an entry listed on `listed` was on the list by `until` (both ISO days; unknown counts as listed). */
function listedBy(listed: string | undefined, until: string | undefined): boolean {
  return listed === undefined || until === undefined || listed <= until;
}

/**
 * The first four characters of an ASCII name's normalized form, as one number, computed without
 * building the form; -1 for a name with any other character (its form can differ from the ASCII
 * reading: NFKC composes a letter with a following accent).
 */
export function asciiPrefixKey(name: string): number {
  let key = 0;
  let n = 0;
  let gap = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x80) return -1;
    if (n === 4) continue; // (the rest is only checked to be ASCII)
    if (ASCII_GAP[c] === 1) {
      gap = n > 0;
      continue;
    }
    if (c >= 0x61 && c <= 0x7a) c -= 0x20;
    if (gap) {
      gap = false;
      key = key * 128 + 0x20;
      if (++n === 4) continue;
    }
    key = key * 128 + c;
    n++;
  }
  // Every character counted is a nonzero digit in base 128, so prefixes of different lengths differ.
  return key;
}

/** A table of normalized names, with the prefixes of its ASCII names, to pass over most names unread. */
interface NameTable<T> {
  names: Map<string, Set<T>>;
  prefixes: Set<number>;
}

function lookUp<T>(table: NameTable<T>, name: string): ReadonlySet<T> | undefined {
  // Most names of most records match nothing: an ASCII name whose form cannot begin as a listed
  // one does is not normalized at all (an ASCII name's form is ASCII, so only these can match).
  const prefix = asciiPrefixKey(name);
  if (prefix !== -1 && !table.prefixes.has(prefix)) return undefined;
  return table.names.get(normalizeName(name));
}

/**
 * What a party's name, and each name it went by before, match in one name table; undefined for
 * none. A vessel renamed to hide it is still found by a former name the list holds.
 */
function namedIn<T>(table: NameTable<T>, party: Party): ReadonlySet<T> | undefined {
  const own = lookUp(table, party.name);
  const former = party.formerNames;
  if (former === undefined || former.length === 0) return own;
  let out: Set<T> | undefined = own && new Set(own);
  for (const n of former) {
    const hit = lookUp(table, n);
    if (hit) for (const v of hit) (out ??= new Set()).add(v);
  }
  return out;
}

export function buildDesignationIndex(lists: readonly DesignationList[]): DesignationIndex {
  const refs = new Set<string>();
  const listedOn = new Map<string, string>();
  const vesselListedOn = new Map<string, string>();
  const byName: NameTable<string> = { names: new Map(), prefixes: new Set() };
  const imos = new Set<string>();
  const vesselByName: NameTable<string> = { names: new Map(), prefixes: new Set() };
  const add = (table: NameTable<string>, key: string, v: string) => {
    if (!key) return;
    let s = table.names.get(key);
    if (!s) table.names.set(key, (s = new Set()));
    s.add(v);
    // A normalized name is its own ASCII reading when ASCII: its prefix is the one a name written
    // any other way in ASCII gives.
    const prefix = asciiPrefixKey(key);
    if (prefix !== -1) table.prefixes.add(prefix);
  };
  for (const list of lists) {
    for (const e of list.entries) {
      const ref = e.ref.trim();
      refs.add(ref);
      if (e.listedOn) listedOn.set(ref, e.listedOn);
      add(byName, normalizeName(e.name), ref);
      for (const a of e.aliases) add(byName, normalizeName(a), ref);
      for (const a of e.weakAliases ?? []) add(byName, normalizeName(a), ref);
    }
    for (const v of list.vessels) {
      if (v.imo) imos.add(v.imo);
      if (v.imo && v.listedOn) vesselListedOn.set(v.imo, v.listedOn);
      for (const n of v.names) add(vesselByName, normalizeName(n), v.imo);
    }
  }
  return {
    // Most parties match nothing: they cost a name lookup and no set.
    entriesFor(party, until) {
      const ref = party.identifiers?.unRef?.trim();
      const byRef = ref && refs.has(ref) ? ref : undefined;
      const named = namedIn(byName, party);
      if (byRef === undefined && named === undefined) return [];
      const out = new Set<string>(named);
      if (byRef !== undefined) out.add(byRef);
      return [...out].filter((r) => listedBy(listedOn.get(r), until)).sort();
    },
    vesselsFor(party, until) {
      const imo = party.identifiers?.imo;
      const byImo = imo && imos.has(imo) ? imo : undefined;
      const named = party.kind === 'vessel' || party.kind === undefined ? namedIn(vesselByName, party) : undefined;
      if (byImo === undefined && named === undefined) return [];
      const out = new Set<string>();
      if (byImo !== undefined) out.add(byImo);
      for (const i of named ?? []) if (i) out.add(i);
      return [...out].filter((i) => listedBy(vesselListedOn.get(i), until)).sort();
    },
  };
}
