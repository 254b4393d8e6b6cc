// Screens names against a designation list: blocks by key so a query meets few listed names, scores them, explains each.
import type { DesignationList } from '../types.js';
import { boundedDistance } from './distance.js';
import { alignmentLines, alignWords, sameSpelling, type WordAlignment } from './explain-match.js';
import { deletionHashes, extendHash1, extendHash2, HASH, type HashTable, HashTableBuilder, hashKey } from './key-hash.js';
import { listedNames, type ListedName } from './listed-names.js';
import { countCharacters, entityForm, nameWords, personForms, type NameForm, type ScreenKind } from './name-forms.js';
import { qualify, type Qualified } from './qualifiers.js';
import type { ScreenQuery } from './screen-query.js';

export type { ScreenQuery } from './screen-query.js';

export type Decision = 'match' | 'possible';

export interface ScreenMatch {
  ref: string;
  name: string;
  matchedName: string;
  score: number;
  decision: Decision;
  explanation: string[];
}

/** A listed name scored for a query: what the report shows and what its explanation is built from. */
interface Scored {
  n: ListedName;
  score: number;
  decision: Decision;
  nameScore: number;
  pair: [NameForm, NameForm] | undefined;
  distance: number;
  /** The words aligned, when scoring needed them (a person's name with edits). */
  aligned: WordAlignment | undefined;
  acronym: boolean;
  qualifierLines: string[];
  caps: string[];
}

export interface Thresholds {
  match: number;
  possible: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { match: 0.9, possible: 0.8 };

/** Blocks holding more names than this say too little to be worth scoring when nothing better is found. */
const BIG_BLOCK = 8;

/** Keys up to this length are also indexed with each character deleted (one slip); longer ones by their words. */
const MAX_DELETION_KEY = 16;

/** Words of a long name this long or longer are also indexed with each letter deleted. */
const MIN_SLIP_WORD = 4;

/** What a different (well-formed) syllable in a given name costs beyond its edits. */
const SYLLABLE_PENALTY = 0.1;

/** Adds a pair of hashes to a flat list unless it is there (a query's forms share most of their words). */
function pushPair(list: number[], h1: number, h2: number): void {
  for (let k = 0; k < list.length; k += 2) if (list[k] === h1 && list[k + 1] === h2) return;
  list.push(h1, h2);
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Whether one key has more than `limit` characters the other lacks, counted with repeats: each edit brings in
 * at most one character and takes away at most one, so the distance is then over `limit`.
 */
function surplus(a: Uint8Array, b: Uint8Array, bt: number, limit: number): boolean {
  let more = 0;
  let less = 0;
  for (let k = 0; k < 32; k++) {
    const d = a[k]! - b[bt + k]!;
    if (d > 0) more += d;
    else less -= d;
  }
  return more > limit || less > limit;
}

/** What qualify says when the query has no year of birth, country or IMO number: nothing. */
function unqualified(nameScore: number): Qualified {
  return { score: nameScore, lines: NO_LINES, birthAgrees: false, imoConflicts: false, decisive: false };
}

const NO_LINES: string[] = [];

/** The edit distance a key of this length may carry and still reach the possible threshold. */
function budget(length: number, possible: number): number {
  return Math.floor(length * (1 - possible) + 1e-9);
}

interface QueryForms {
  person: NameForm[];
  organisation: NameForm[];
  vessel: NameForm[];
  acronym?: string;
}

function queryForms(q: ScreenQuery): QueryForms {
  const wanted = (k: ScreenKind) => q.kind === undefined || q.kind === k;
  const words = nameWords(q.name);
  const org = wanted('organisation') ? entityForm(q.name, 'organisation', words) : undefined;
  const ves = wanted('vessel') ? entityForm(q.name, 'vessel', words) : undefined;
  const forms: QueryForms = {
    person: wanted('person') ? personForms(q.name, words) : [],
    organisation: org ? [org] : [],
    vessel: ves ? [ves] : [],
  };
  if (wanted('organisation')) {
    const one = q.name.trim();
    if (one.length >= 2 && one.length <= 8 && /^[A-Za-z]{2,8}$/.test(one)) forms.acronym = one.toUpperCase();
  }
  return forms;
}

const KINDS = ['person', 'organisation', 'vessel'] as const;

export class Screener {
  readonly names: readonly ListedName[];
  /** Key, or key with one character deleted (by hashKey), to (name index × form index) pairs, packed as name * 4 + form. */
  private readonly byKey: HashTable;
  /** Word key (and pairs of neighbouring words), by hashKey, to name indices. */
  private readonly byWord: HashTable;
  /** Words of long names (by hashKey), and each with one letter deleted, to name indices. */
  private readonly byWordSlip: HashTable;
  /** The candidates of the query being screened, in the order found, filled by addFound (found.n of them). */
  private readonly found = { n: 0, at: new Int32Array(64) };
  /** The query during which each listed name was last found (a name is a candidate once per query). */
  private seen = new Int32Array(0);
  /** The number of the query being screened, for `seen`. */
  private generation = 0;
  /** The distinct keys of the query being screened (a person's name has up to four with its given name alone). */
  private readonly queryKeys = { n: 0, h1: new Int32Array(16), h2: new Int32Array(16), form: new Array<NameForm | undefined>(16) };
  /** Hashes of the query's words and pairs of words, two numbers each. */
  private readonly wordHits: number[] = [];
  private readonly addWordSlip = (h1: number, h2: number): void => {
    const t = this.byWordSlip;
    const slot = t.find(h1, h2);
    if (slot >= 0 && t.ends[slot]! - t.starts[slot]! <= BIG_BLOCK)
      for (let k = t.starts[slot]!; k < t.ends[slot]!; k++) this.addFound(t.values[k]!);
  };
  private readonly addKey = (h1: number, h2: number): void => {
    const t = this.byKey;
    const slot = t.find(h1, h2);
    if (slot >= 0) for (let k = t.starts[slot]!; k < t.ends[slot]!; k++) this.addFound(t.values[k]! >> 2);
  };

  /** Adds a listed name to the query's candidates unless it is one already. */
  private addFound(i: number): void {
    if (this.seen[i] === this.generation) return;
    this.seen[i] = this.generation;
    const found = this.found;
    if (found.n === found.at.length) {
      const at = new Int32Array(2 * found.n);
      at.set(found.at);
      found.at = at;
    }
    found.at[found.n++] = i;
  }
  /** Character counts (see countCharacters) of each listed name's forms, 32 for each packed name * 4 + form. */
  private readonly listedCounts: Uint8Array;
  /** Character counts of the query form last counted (`counted`). */
  private readonly queryCounts = new Uint8Array(32);
  private counted: NameForm | undefined;
  private readonly byImo = new Map<string, number[]>();
  private readonly byAcronym = new Map<string, number[]>();
  readonly thresholds: Thresholds;
  /** How many listed names the queries so far were scored against (the index's selectivity). */
  touched = 0;

  constructor(lists: readonly DesignationList[], thresholds: Thresholds = DEFAULT_THRESHOLDS) {
    this.thresholds = thresholds;
    this.names = listedNames(lists);
    const put = <K>(map: Map<K, number[]>, key: K, v: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [v]);
      else if (list[list.length - 1] !== v) list.push(v);
    };
    const byKey = new HashTableBuilder();
    const byWord = new HashTableBuilder();
    const byWordSlip = new HashTableBuilder();
    this.listedCounts = new Uint8Array(32 * 4 * this.names.length);
    this.names.forEach((n, i) => {
      n.forms.forEach((f, fi) => {
        const packed = i * 4 + fi;
        countCharacters(f.key, this.listedCounts, 32 * packed);
        const h = hashKey(f.key);
        byKey.add(h[0]!, h[1]!, packed);
        if (f.key.length <= MAX_DELETION_KEY) deletionHashes(f.key, (h1, h2) => byKey.add(h1, h2, packed));
        for (const w of f.words) if (w.used.length >= 3) byWord.add(hashKey(w.used)[0]!, HASH[1]!, i);
        if (n.kind === 'person' && f.words.length > 2) {
          const given = f.words
            .slice(1)
            .map((w) => w.used)
            .join('');
          byKey.add(hashKey(`g${given}`)[0]!, HASH[1]!, packed);
        }
        for (let k = 1; k < f.words.length; k++) byWord.add(hashKey(f.words[k - 1]!.used, f.words[k]!.used)[0]!, HASH[1]!, i);
        // a long name is not looked up with a letter deleted: its words are, so one slip in a word still finds it
        if (f.key.length > MAX_DELETION_KEY) {
          for (const w of f.words) {
            if (w.used.length < MIN_SLIP_WORD) continue;
            byWordSlip.add(hashKey(w.used)[0]!, HASH[1]!, i);
            deletionHashes(w.used, (h1, h2) => byWordSlip.add(h1, h2, i));
          }
        }
      });
      if (n.imo) put(this.byImo, n.imo, i);
      for (const a of n.acronyms) put(this.byAcronym, a, i);
    });
    this.byKey = byKey.build();
    this.byWord = byWord.build();
    this.byWordSlip = byWordSlip.build();
    this.seen = new Int32Array(this.names.length);
  }

  /** Whether the listed party `ref` was on the list on `day` (listed by then and not yet delisted); true when unknown. */
  listedBy(ref: string, day: string | undefined): boolean {
    if (day === undefined) return true;
    const n = this.names.find((x) => x.ref === ref);
    return !n || ((n.listedOn === undefined || n.listedOn <= day) && (n.delistedOn === undefined || n.delistedOn > day));
  }

  /** Names worth scoring for a query's forms: same key or one deletion apart, or a shared uncommon word. */
  private candidates(forms: QueryForms): void {
    this.found.n = 0;
    // a new generation: no name is found yet (after 2^31 queries every stamp is cleared once)
    if (this.generation === 0x7fffffff) {
      this.seen.fill(0);
      this.generation = 0;
    }
    this.generation++;
    // each distinct key once: its hashes, and whether it is looked up with one letter deleted
    const keys = this.queryKeys;
    keys.n = 0;
    const wordHits: number[] = this.wordHits;
    wordHits.length = 0;
    for (const kind of KINDS) {
      for (const f of forms[kind]) {
        this.addQueryKey(f.h1, f.h2, f);
        for (let i = 0; i < f.words.length; i++) {
          const w = f.words[i]!;
          if (w.used.length >= 3) pushPair(wordHits, w.h1, w.h2);
          if (i > 0) {
            const p = f.words[i - 1]!;
            const n = w.used.length;
            pushPair(wordHits, extendHash1(extendHash1(p.h1, 124, 1), w.h1, n), extendHash2(extendHash2(p.h2, 124, 1), w.h2, n));
          }
        }
        if (kind === 'person' && f.words.length > 1) {
          let g1 = 103; // "g": a given name alone
          let g2 = 103;
          for (let i = 1; i < f.words.length; i++) {
            const w = f.words[i]!;
            g1 = extendHash1(g1, w.h1, w.used.length);
            g2 = extendHash2(g2, w.h2, w.used.length);
          }
          this.addQueryKey(g1, g2, undefined);
        }
      }
    }
    for (let k = 0; k < keys.n; k++) {
      this.addKey(keys.h1[k]!, keys.h2[k]! >>> 11);
      // a given name alone is looked up exactly; a long key (an organisation's) is found by its words instead
      const f = keys.form[k];
      if (f === undefined) continue;
      if (f.key.length <= MAX_DELETION_KEY) deletionHashes(f.key, this.addKey);
      else {
        for (const w of f.words) {
          if (w.used.length < MIN_SLIP_WORD) continue;
          this.addWordSlip(w.h1, w.h2 >>> 11);
          deletionHashes(w.used, this.addWordSlip);
        }
      }
    }
    const words = this.byWord;
    for (let k = 0; k < wordHits.length; k += 2) {
      const slot = words.find(wordHits[k]!, wordHits[k + 1]! >>> 11);
      if (slot >= 0 && words.ends[slot]! - words.starts[slot]! <= BIG_BLOCK) {
        for (let v = words.starts[slot]!; v < words.ends[slot]!; v++) this.addFound(words.values[v]!);
      }
    }
  }

  private addQueryKey(h1: number, h2: number, form: NameForm | undefined): void {
    const keys = this.queryKeys;
    for (let k = 0; k < keys.n; k++) if (keys.h1[k] === h1 && keys.h2[k] === h2) return;
    keys.h1[keys.n] = h1;
    keys.h2[keys.n] = h2;
    keys.form[keys.n++] = form;
  }

  screen(q: ScreenQuery, asOf?: string): ScreenMatch[] {
    const forms = queryForms(q);
    this.candidates(forms);
    if (forms.acronym) for (const i of this.byAcronym.get(forms.acronym) ?? []) this.addFound(i);
    const imo = q.imo?.replace(/^IMO\s*/i, '').trim();
    if (imo) for (const i of this.byImo.get(imo) ?? []) this.addFound(i);

    const found = this.found;
    const count = found.n;
    this.touched += count;
    let best: Map<string, Scored> | undefined;
    for (let c = 0; c < count; c++) {
      const i = found.at[c]!;
      const n = this.names[i]!;
      if (forms[n.kind].length === 0 && !(imo !== undefined && n.imo === imo)) continue;
      if (asOf !== undefined && ((n.listedOn !== undefined && n.listedOn > asOf) || (n.delistedOn !== undefined && n.delistedOn <= asOf)))
        continue;
      const m = this.score(q, forms, n, i, imo);
      if (!m) continue;
      best ??= new Map();
      const prev = best.get(n.ref);
      if (!prev || m.score > prev.score) best.set(n.ref, m);
    }
    if (!best) return [];
    // explanations only for what is reported
    return [...best.values()]
      .map((m) => this.explain(forms, m))
      .sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  /** The score and decision of one listed name for a query, and what its explanation is made from; undefined below possible. */
  private score(q: ScreenQuery, forms: QueryForms, n: ListedName, index: number, imo: string | undefined): Scored | undefined {
    const { match, possible } = this.thresholds;
    let nameScore = -1;
    let bestQuery: NameForm | undefined;
    let bestListed: NameForm | undefined;
    let distance = 0;
    for (const qf of forms[n.kind]) {
      for (let li = 0; li < n.forms.length; li++) {
        const lf = n.forms[li]!;
        if (qf.digits !== lf.digits) continue;
        const length = Math.max(qf.key.length, lf.key.length);
        if (length === 0) continue;
        const limit = budget(length, possible - 0.07);
        // each edit brings in at most one letter the other key lacks
        if (popcount(qf.letters & ~lf.letters) > limit || popcount(lf.letters & ~qf.letters) > limit) continue;
        if (qf !== this.counted) {
          countCharacters(qf.key, this.queryCounts, 0);
          this.counted = qf;
        }
        if (surplus(this.queryCounts, this.listedCounts, 32 * (index * 4 + li), limit)) continue;
        const d = boundedDistance(qf.key, lf.key, limit);
        if (d > limit) continue;
        const s = 1 - d / length;
        if (s > nameScore) {
          nameScore = s;
          bestQuery = qf;
          bestListed = lf;
          distance = d;
        }
      }
    }
    const acronym = forms.acronym !== undefined && n.acronyms.includes(forms.acronym);
    const imoAgrees = imo !== undefined && n.imo === imo;
    if (acronym && nameScore < 0.95) {
      nameScore = 0.95;
      bestQuery = undefined;
    }
    if (nameScore < 0 && !imoAgrees) return undefined;
    const q2 = q.born || q.country || imo !== undefined ? qualify(q, n, imo, Math.max(nameScore, 0)) : unqualified(Math.max(nameScore, 0));
    let score = q2.score;
    if (score < possible && !q2.decisive) return undefined;
    let cap: Decision = 'match';
    const caps: string[] = [];
    if (q2.decisive) score = 1;
    else {
      if (n.weak) {
        cap = 'possible';
        caps.push('low-quality alias: never a match on its own');
      }
      if (n.common && !q2.birthAgrees) {
        cap = 'possible';
        caps.push('very common name: a match needs the year of birth to agree');
      }
      if (q2.imoConflicts) cap = 'possible';
    }
    if (score < possible) return undefined;
    // a given name with a whole syllable changed is another name, not a typing slip
    let aligned: WordAlignment | undefined;
    const pair: [NameForm, NameForm] | undefined = bestQuery && bestListed ? [bestQuery, bestListed] : undefined;
    if (pair && distance > 0 && n.kind === 'person' && !q2.decisive) {
      aligned = alignWords(pair[0], pair[1]);
      if (aligned.otherSyllables > 0) {
        nameScore -= SYLLABLE_PENALTY * aligned.otherSyllables;
        score -= SYLLABLE_PENALTY * aligned.otherSyllables;
      }
    }
    score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
    if (score < possible) return undefined;
    const decision: Decision = score >= match && cap === 'match' ? 'match' : 'possible';
    return { n, score, decision, nameScore, pair, distance, aligned, acronym, qualifierLines: q2.lines, caps };
  }

  /** The reported match with its explanation: the words aligned, the rules that equated them, qualifiers and caps. */
  private explain(forms: QueryForms, m: Scored): ScreenMatch {
    const { n, pair, distance, aligned, nameScore } = m;
    const explanation: string[] = [];
    const head = `${n.ref} ${n.name}: ${n.source} "${n.matchedName}"`;
    if (pair) {
      const [qf, lf] = pair;
      explanation.push(
        `${head}; ${n.kind === 'person' ? `family name ${qf.order === 'as written' ? 'first' : 'last'}; ` : ''}` +
          `keys ${qf.key} / ${lf.key}, edit distance ${distance}, name score ${nameScore.toFixed(2)}` +
          (aligned && aligned.otherSyllables > 0 ? ` (after -${SYLLABLE_PENALTY} for each different syllable)` : ''),
        ...(aligned === undefined && sameSpelling(qf, lf) ? NO_LINES : alignmentLines(aligned ?? alignWords(qf, lf))),
      );
      if (lf.digits) explanation.push(`number ${lf.digits} agrees`);
    } else {
      explanation.push(head);
      if (m.acronym) explanation.push(`${forms.acronym} is the initials of ${n.matchedName}`);
    }
    explanation.push(...m.qualifierLines, ...m.caps);
    return { ref: n.ref, name: n.name, matchedName: n.matchedName, score: m.score, decision: m.decision, explanation };
  }
}
