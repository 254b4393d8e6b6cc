// Screens names against a designation list: blocks by key so a query meets few listed names, scores them, explains each.
import type { DesignationList } from '../types.js';
import { boundedDistance } from './distance.js';
import { explainAlignment } from './explain-match.js';
import { listedNames, type ListedName } from './listed-names.js';
import { entityForm, nameWords, personForms, type NameForm, type ScreenKind } from './name-forms.js';
import { qualify } from './qualifiers.js';
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

export interface Thresholds {
  match: number;
  possible: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { match: 0.9, possible: 0.8 };

/** Blocks holding more names than this say too little to be worth scoring when nothing better is found. */
const BIG_BLOCK = 8;

/** Keys up to this length are also indexed with each character deleted (one slip); longer ones by their words. */
const MAX_DELETION_KEY = 16;

/** What a different (well-formed) syllable in a given name costs beyond its edits. */
const SYLLABLE_PENALTY = 0.1;

/** The edit distance a key of this length may carry and still reach the possible threshold. */
function budget(length: number, possible: number): number {
  return Math.floor(length * (1 - possible) + 1e-9);
}

function deletions(key: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < key.length; i++) if (i === 0 || key[i] !== key[i - 1]) out.push(key.slice(0, i) + key.slice(i + 1));
  return out;
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
  const ves = wanted('vessel') ? (org && org.words.length === words.length ? org : entityForm(q.name, 'vessel', words)) : undefined;
  const one = q.name.trim();
  return {
    person: wanted('person') ? personForms(q.name, words) : [],
    organisation: org ? [org] : [],
    vessel: ves ? [ves] : [],
    ...(wanted('organisation') && /^[A-Za-z]{2,8}$/.test(one) ? { acronym: one.toUpperCase() } : {}),
  };
}

export class Screener {
  readonly names: readonly ListedName[];
  /** Key, or key with one character deleted, to (name index × form index) pairs, packed as name * 4 + form. */
  private readonly byKey = new Map<string, number[]>();
  /** Word key (and pairs of neighbouring words) to name indices. */
  private readonly byWord = new Map<string, number[]>();
  private readonly byImo = new Map<string, number[]>();
  private readonly byAcronym = new Map<string, number[]>();
  readonly thresholds: Thresholds;
  /** How many listed names the queries so far were scored against (the index's selectivity). */
  touched = 0;

  constructor(lists: readonly DesignationList[], thresholds: Thresholds = DEFAULT_THRESHOLDS) {
    this.thresholds = thresholds;
    this.names = listedNames(lists);
    const put = (map: Map<string, number[]>, key: string, v: number) => {
      const list = map.get(key);
      if (!list) map.set(key, [v]);
      else if (list[list.length - 1] !== v) list.push(v);
    };
    this.names.forEach((n, i) => {
      n.forms.forEach((f, fi) => {
        const packed = i * 4 + fi;
        put(this.byKey, f.key, packed);
        if (f.key.length <= MAX_DELETION_KEY) for (const d of deletions(f.key)) put(this.byKey, d, packed);
        for (const w of f.words) if (w.used.length >= 3) put(this.byWord, w.used, i);
        if (n.kind === 'person' && f.words.length > 2) {
          const given = f.words.slice(1).map((w) => w.used).join('');
          put(this.byKey, `g${given}`, packed);
        }
        for (let k = 1; k < f.words.length; k++) put(this.byWord, `${f.words[k - 1]!.used}|${f.words[k]!.used}`, i);
      });
      if (n.imo) put(this.byImo, n.imo, i);
      for (const a of n.acronyms) put(this.byAcronym, a, i);
    });
  }

  /** Whether the listed party `ref` was on the list on `day` (listed by then and not yet delisted); true when unknown. */
  listedBy(ref: string, day: string | undefined): boolean {
    if (day === undefined) return true;
    const n = this.names.find((x) => x.ref === ref);
    return !n || ((n.listedOn === undefined || n.listedOn <= day) && (n.delistedOn === undefined || n.delistedOn > day));
  }

  /** Names worth scoring for a query's forms: same key or one deletion apart, or a shared uncommon word. */
  private candidates(forms: QueryForms, into: Set<number>): void {
    const keys = new Set<string>();
    const words = new Set<string>();
    for (const kind of ['person', 'organisation', 'vessel'] as const) {
      for (const f of forms[kind]) {
        keys.add(f.key);
        for (let i = 0; i < f.words.length; i++) {
          const w = f.words[i]!;
          if (w.used.length >= 3) words.add(w.used);
          if (i > 0) words.add(`${f.words[i - 1]!.used}|${w.used}`);
        }
        if (kind === 'person' && f.words.length > 1) {
          let given = 'g';
          for (let i = 1; i < f.words.length; i++) given += f.words[i]!.used;
          keys.add(given);
        }
      }
    }
    const add = (list: number[] | undefined) => {
      if (list) for (const p of list) into.add(p >> 2);
    };
    for (const key of keys) {
      add(this.byKey.get(key));
      // a given name alone is looked up exactly; a long key (an organisation's) is found by its words instead
      if (key.charCodeAt(0) === 103 || key.length > MAX_DELETION_KEY) continue;
      for (let i = 0; i < key.length; i++) if (i === 0 || key[i] !== key[i - 1]) add(this.byKey.get(key.slice(0, i) + key.slice(i + 1)));
    }
    for (const w of words) {
      const list = this.byWord.get(w);
      if (list && list.length <= BIG_BLOCK) for (const i of list) into.add(i);
    }
  }

  screen(q: ScreenQuery, asOf?: string): ScreenMatch[] {
    const forms = queryForms(q);
    const candidates = new Set<number>();
    this.candidates(forms, candidates);
    if (forms.acronym) for (const i of this.byAcronym.get(forms.acronym) ?? []) candidates.add(i);
    const imo = q.imo?.replace(/^IMO\s*/i, '').trim();
    if (imo) for (const i of this.byImo.get(imo) ?? []) candidates.add(i);

    this.touched += candidates.size;
    const best = new Map<string, ScreenMatch>();
    for (const i of candidates) {
      const n = this.names[i]!;
      if (forms[n.kind].length === 0 && !(imo !== undefined && n.imo === imo)) continue;
      if (asOf !== undefined && ((n.listedOn !== undefined && n.listedOn > asOf) || (n.delistedOn !== undefined && n.delistedOn <= asOf))) continue;
      const m = this.score(q, forms, n, imo);
      if (!m) continue;
      const prev = best.get(m.ref);
      if (!prev || m.score > prev.score) best.set(m.ref, m);
    }
    return [...best.values()].sort((a, b) => b.score - a.score || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  }

  private score(q: ScreenQuery, forms: QueryForms, n: ListedName, imo: string | undefined): ScreenMatch | undefined {
    const { match, possible } = this.thresholds;
    let nameScore = -1;
    let pair: [NameForm, NameForm] | undefined;
    let distance = 0;
    for (const qf of forms[n.kind]) {
      for (const lf of n.forms) {
        if (qf.digits !== lf.digits) continue;
        const length = Math.max(qf.key.length, lf.key.length);
        if (length === 0) continue;
        const limit = budget(length, possible - 0.07);
        const d = boundedDistance(qf.key, lf.key, limit);
        if (d > limit) continue;
        const s = 1 - d / length;
        if (s > nameScore) {
          nameScore = s;
          pair = [qf, lf];
          distance = d;
        }
      }
    }
    const acronym = forms.acronym !== undefined && n.acronyms.includes(forms.acronym);
    const imoAgrees = imo !== undefined && n.imo === imo;
    if (acronym && nameScore < 0.95) {
      nameScore = 0.95;
      pair = undefined;
    }
    if (nameScore < 0 && !imoAgrees) return undefined;
    const q2 = qualify(q, n, imo, Math.max(nameScore, 0));
    let score = q2.score;
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
    let aligned: { lines: string[]; otherSyllables: number } | undefined;
    if (pair && distance > 0) {
      aligned = explainAlignment(pair[0], pair[1]);
      if (n.kind === 'person' && aligned.otherSyllables > 0 && !q2.decisive) {
        nameScore -= SYLLABLE_PENALTY * aligned.otherSyllables;
        score -= SYLLABLE_PENALTY * aligned.otherSyllables;
      }
    }
    score = Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000;
    if (score < possible) return undefined;
    const decision: Decision = score >= match && cap === 'match' ? 'match' : 'possible';

    const explanation: string[] = [];
    const head = `${n.ref} ${n.name}: ${n.source} "${n.matchedName}"`;
    if (pair) {
      const [qf, lf] = pair;
      explanation.push(
        `${head}; ${n.kind === 'person' ? `family name ${qf.order === 'as written' ? 'first' : 'last'}; ` : ''}` +
          `keys ${qf.key} / ${lf.key}, edit distance ${distance}, name score ${nameScore.toFixed(2)}` +
          (aligned && aligned.otherSyllables > 0 ? ` (after -${SYLLABLE_PENALTY} for each different syllable)` : ''),
        ...(aligned ?? explainAlignment(qf, lf)).lines,
      );
      if (lf.digits) explanation.push(`number ${lf.digits} agrees`);
    } else {
      explanation.push(head);
      if (acronym) explanation.push(`${forms.acronym} is the initials of ${n.matchedName}`);
    }
    explanation.push(...q2.lines, ...caps);
    return { ref: n.ref, name: n.name, matchedName: n.matchedName, score, decision, explanation };
  }
}
