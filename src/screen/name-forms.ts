// A name as the matcher compares it: its words keyed, in each order it may be written, legal forms set aside.
import { boundedDistance } from './distance.js';
import { hasHangul, romanizeHangul } from './hangul.js';
import { extendHash1, extendHash2, fullHash } from './key-hash.js';
import { romanizedWords, SURNAMES, type Word } from './romanization.js';

export type ScreenKind = 'person' | 'organisation' | 'vessel';

export interface FormWord extends Word {
  /** The key this word contributes (the surname family's key for a family name). */
  used: string;
  /** The surname family, when the word was keyed as a family name. */
  family: string | undefined;
  /** The two hashes of `used` (see key-hash.ts), for index look-ups. */
  h1: number;
  h2: number;
}

export interface NameForm {
  /** The words' keys, joined without spaces. */
  key: string;
  words: FormWord[];
  order: 'as written' | 'family name last';
  /** The digits of the name, in order (vessel and entity numbers must agree). */
  digits: string;
  /** The two hashes of `key` (see key-hash.ts). */
  h1: number;
  h2: number;
  /** One bit for each character code of the key, modulo 32: letters one has and the other lacks bound the distance from below. */
  letters: number;
}

/**
 * Writes how many of each character code `key` has, modulo 32 (up to 255), into counts[at] to counts[at + 31]:
 * what one key has more of than another bounds their distance from below.
 */
export function countCharacters(key: string, counts: Uint8Array, at: number): void {
  counts.fill(0, at, at + 32);
  for (let i = 0; i < key.length; i++) {
    const c = at + (key.charCodeAt(i) & 31);
    if (counts[c]! < 255) counts[c]!++;
  }
}

/** Legal forms and words that say nothing about which organisation it is. */
const ENTITY_NOISE = new Set([
  'corporation',
  'corp',
  'co',
  'ltd',
  'limited',
  'company',
  'llc',
  'jsc',
  'trading',
  'inc',
  'incorporated',
  'plc',
  'llp',
  'pte',
  'gmbh',
  'sa',
  'cooperation',
  'and',
  'of',
  'the',
  'for',
  'oao',
  'ooo',
  'zao',
  'pjsc',
  'cjsc',
  'jv',
  'group',
  'holding',
  'holdings',
]);
const VESSEL_NOISE = new Set(['mv', 'm', 'v', 'mt', 'ss', 'vessel', 'ship', 'tanker']);

/** Long legal forms are recognised with one typing slip (CORPORRATION, TRADIING). */
const LONG_NOISE = ['corporation', 'cooperation', 'company', 'limited', 'trading', 'incorporated', 'holdings'];

/** Words of six letters or more already found to be (or not to be) a long legal form with a slip. */
const LONG_NOISE_SEEN = new Map<string, boolean>();

function isNoise(word: string, noise: ReadonlySet<string>): boolean {
  if (noise.has(word)) return true;
  if (noise !== ENTITY_NOISE || word.length < 6) return false;
  let seen = LONG_NOISE_SEEN.get(word);
  if (seen === undefined) {
    seen = LONG_NOISE.some(
      (n) => Math.abs(n.length - word.length) <= 1 && (n[0] === word[0] || n[1] === word[1]) && boundedDistance(n, word, 1) <= 1,
    );
    if (LONG_NOISE_SEEN.size >= 100_000) LONG_NOISE_SEEN.clear();
    LONG_NOISE_SEEN.set(word, seen);
  }
  return seen;
}

/** Words of any name: Hangul romanized first. */
export function nameWords(name: string): Word[] {
  return romanizedWords(hasHangul(name) ? romanizeHangul(name) : name);
}

function digitsOf(words: readonly Word[]): string {
  let out = '';
  for (const w of words) {
    const c = w.folded.charCodeAt(0);
    if (c >= 48 && c <= 57 && /^\d+$/.test(w.folded)) out += out ? ` ${w.folded}` : w.folded;
  }
  return out;
}

function formWord(w: Word, used: string, family: string | undefined): FormWord {
  const h = fullHash(used);
  return { text: w.text, folded: w.folded, key: w.key, pieces: w.pieces, used, family, h1: h[0]!, h2: h[1]! };
}

/** A word's forms as a family name and as any other word, made once per word (words are shared and never changed). */
const AS_SURNAME = new WeakMap<Word, FormWord>();
const AS_PLAIN = new WeakMap<Word, FormWord>();

function asSurname(w: Word): FormWord {
  let f = AS_SURNAME.get(w);
  if (f === undefined) {
    const s = SURNAMES.get(w.folded);
    f = s ? formWord(w, s.key, s.family) : plain(w);
    AS_SURNAME.set(w, f);
  }
  return f;
}

function plain(w: Word): FormWord {
  let f = AS_PLAIN.get(w);
  if (f === undefined) {
    f = formWord(w, w.key, undefined);
    AS_PLAIN.set(w, f);
  }
  return f;
}

function form(words: FormWord[], order: NameForm['order']): NameForm {
  let key = '';
  let h1 = 0;
  let h2 = 0;
  for (const w of words) {
    key += w.used;
    h1 = extendHash1(h1, w.h1, w.used.length);
    h2 = extendHash2(h2, w.h2, w.used.length);
  }
  let letters = 0;
  for (let i = 0; i < key.length; i++) letters |= 1 << (key.charCodeAt(i) & 31);
  return { key, words, order, digits: digitsOf(words), h1, h2, letters };
}

/**
 * A person's name family name first as written, and with the last word taken as the family name
 * (Jong-un Kim); one form for a one-word name.
 */
export function personForms(name: string, words: readonly Word[] = nameWords(name)): NameForm[] {
  if (words.length === 0) return [];
  if (words.length === 1) return [form([asSurname(words[0]!)], 'as written')];
  const n = words.length;
  const first: FormWord[] = [asSurname(words[0]!)];
  for (let i = 1; i < n; i++) first.push(plain(words[i]!));
  const asWritten = form(first, 'as written');
  const lastFirst: FormWord[] = [asSurname(words[n - 1]!)];
  for (let i = 1; i < n; i++) lastFirst.push(plain(words[i - 1]!));
  const familyLast = form(lastFirst, 'family name last');
  return familyLast.key === asWritten.key ? [asWritten] : [asWritten, familyLast];
}

/** "No." or "Nr." before a number in a vessel's name (KUM UN SAN NO. 3 is KUM UN SAN 3). */
function isNumberMark(w: Word, next: Word | undefined): boolean {
  return (w.folded === 'no' || w.folded === 'nr') && next !== undefined && /^\d+$/.test(next.folded);
}

/** An organisation's or vessel's name without its legal form (or M/V), spacing ignored. */
export function entityForm(name: string, kind: 'organisation' | 'vessel', words: readonly Word[] = nameWords(name)): NameForm | undefined {
  const noise = kind === 'vessel' ? VESSEL_NOISE : ENTITY_NOISE;
  const kept = words.filter(
    (w, i) =>
      !isNoise(w.folded.includes("'") ? w.folded.replace(/'/g, '') : w.folded, noise) &&
      !(kind === 'vessel' && isNumberMark(w, words[i + 1])),
  );
  const use = kept.length ? kept : words;
  if (use.length === 0) return undefined;
  return form(use.map(plain), 'as written');
}

/** Initial letters of an organisation's name, with and without its legal form and small words (KOMID is listed as an alias). */
export function acronyms(name: string): string[] {
  const words = romanizedWords(name).filter((w) => /^[a-z]/.test(w.folded));
  const all = words.map((w) => w.folded[0]!.toUpperCase()).join('');
  const kept = words
    .filter((w) => !ENTITY_NOISE.has(w.folded))
    .map((w) => w.folded[0]!.toUpperCase())
    .join('');
  const out = new Set<string>();
  for (const a of [all, kept]) if (a.length >= 2 && a.length <= 8) out.add(a);
  // an abbreviation in brackets, "GENERAL BUREAU OF ATOMIC ENERGY (GBAE)"
  for (const m of name.matchAll(/\(([A-Z]{2,8})\)/g)) out.add(m[1]!);
  return [...out];
}
