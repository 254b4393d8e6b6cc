// Says why two name forms match: which words were equated, by which romanization rule, and what was edited.
import { align, type Step } from './distance.js';
import type { FormWord, NameForm } from './name-forms.js';

/** For each key character of a form, the word and the key piece (-1 for a family name) it came from. */
interface Origins {
  word: Int32Array;
  piece: Int32Array;
}

/** Origins of listed names' forms, made once (they are kept for the screener's life; a query's are made each time). */
const ORIGINS = new WeakMap<NameForm, Origins>();

function origins(form: NameForm, keep: boolean): Origins {
  let o = keep ? ORIGINS.get(form) : undefined;
  if (o !== undefined) return o;
  o = { word: new Int32Array(form.key.length), piece: new Int32Array(form.key.length) };
  let at = 0;
  form.words.forEach((w, wi) => {
    if (w.family !== undefined) {
      for (let k = 0; k < w.used.length; k++, at++) {
        o!.word[at] = wi;
        o!.piece[at] = -1;
      }
      return;
    }
    w.pieces.forEach((p, pi) => {
      for (let k = 0; k < p.key.length; k++, at++) {
        o!.word[at] = wi;
        o!.piece[at] = pi;
      }
    });
  });
  if (keep) ORIGINS.set(form, o);
  return o;
}

const show = (w: FormWord): string => w.text;
const bare = (s: string): string => (s.includes("'") ? s.replace(/'/g, '') : s);

type GroupKind = 'same' | 'surname' | 'other syllable' | 'spelling';

interface WordGroup {
  /** The listed words explained together, in order. */
  lWords: number[];
  /** The query words aligned with them, in order. */
  qWords: number[];
  edits: number;
  kind: GroupKind;
  /** How many of its words are other syllables (one, unless words were aligned across their edges). */
  syllables: number;
}

/** How two name forms' words align: the steps, and the listed words grouped with the query words they took. */
export interface WordAlignment {
  query: NameForm;
  listed: NameForm;
  /** Undefined when the keys are the same word for word (the steps are then the diagonal). */
  steps: Step[] | undefined;
  /** Where each key character came from; undefined when the keys are the same word for word (made only if lines are). */
  qo: Origins | undefined;
  lo: Origins | undefined;
  /** Each listed word touched, in order, with its query words and edits. */
  groups: WordGroup[];
  /** Listed words one query word covers (Jeson for JE-SON) grouped together. */
  merged: WordGroup[];
  /** Given-name words where the query has another well-formed syllable (another name, not a typing slip). */
  otherSyllables: number;
}

/** Whether two forms have the same key made of words of the same key lengths, in order. */
function sameWordForWord(query: NameForm, listed: NameForm): boolean {
  if (query.key !== listed.key || query.words.length !== listed.words.length) return false;
  for (let i = 0; i < query.words.length; i++) {
    const n = query.words[i]!.used.length;
    if (n === 0 || n !== listed.words[i]!.used.length) return false;
  }
  return true;
}

/**
 * Whether two forms are the same words spelled the same (folded), word for word: every word is then "same" and
 * alignmentLines has nothing to say.
 */
export function sameSpelling(query: NameForm, listed: NameForm): boolean {
  if (!sameWordForWord(query, listed)) return false;
  for (let i = 0; i < query.words.length; i++) if (query.words[i]!.folded !== listed.words[i]!.folded) return false;
  return true;
}

function addSorted(xs: number[], x: number): void {
  if (xs.includes(x)) return;
  let i = xs.length;
  xs.push(x);
  while (i > 0 && xs[i - 1]! > x) {
    xs[i] = xs[i - 1]!;
    i--;
  }
  xs[i] = x;
}

/** Aligns two forms' keys and groups the steps by word: what scoring needs, without building any text. */
export function alignWords(query: NameForm, listed: NameForm): WordAlignment {
  if (sameWordForWord(query, listed)) {
    // the same keys word for word: each word meets its own, nothing edited, and the steps are made only if lines are
    const merged: WordGroup[] = [];
    let otherSyllables = 0;
    for (let i = 0; i < listed.words.length; i++) {
      const m: WordGroup = { lWords: [i], qWords: [i], edits: 0, kind: 'spelling', syllables: 0 };
      m.kind = kindOf(query, listed, m);
      if (m.kind === 'other syllable') otherSyllables++;
      merged.push(m);
    }
    // with every word the same there are no lines, and the groups are not looked at
    const groups = merged.every((m) => m.kind === 'same')
      ? merged
      : merged.map((m) => ({ ...m, lWords: [...m.lWords], qWords: [...m.qWords] }));
    return { query, listed, steps: undefined, qo: undefined, lo: undefined, groups, merged, otherSyllables };
  }
  const qo = origins(query, false);
  const lo = origins(listed, true);
  const steps = align(query.key, listed.key);
  const groups: WordGroup[] = [];
  let g: WordGroup | undefined;
  let lastListedWord = 0;
  for (const s of steps) {
    const lw = s.b >= 0 ? lo.word[s.b]! : lastListedWord;
    lastListedWord = lw;
    if (g === undefined || g.lWords[0] !== lw) {
      g = groups.find((x) => x.lWords[0] === lw);
      if (g === undefined) {
        g = { lWords: [lw], qWords: [], edits: 0, kind: 'spelling', syllables: 0 };
        groups.push(g);
      }
    }
    if (s.a >= 0) addSorted(g.qWords, qo.word[s.a]!);
    if (!s.same) g.edits++;
  }
  groups.sort((a, b) => a.lWords[0]! - b.lWords[0]!);
  const merged: WordGroup[] = [];
  for (const x of groups) {
    const prev = merged[merged.length - 1];
    if (prev && x.qWords.some((q) => prev.qWords.includes(q))) {
      prev.lWords.push(x.lWords[0]!);
      for (const q of x.qWords) addSorted(prev.qWords, q);
      prev.edits += x.edits;
    } else merged.push({ lWords: [x.lWords[0]!], qWords: [...x.qWords], edits: x.edits, kind: 'spelling', syllables: 0 });
  }
  let otherSyllables = 0;
  for (const m of merged) {
    m.kind = kindOf(query, listed, m);
    if (m.kind === 'other syllable') otherSyllables += Math.max(1, m.syllables);
  }
  return { query, listed, steps, qo, lo, groups, merged, otherSyllables };
}

/** What a group of words says: same spelling (no line), a surname variant, another syllable, or a spelling. */
function kindOf(query: NameForm, listed: NameForm, g: WordGroup): GroupKind {
  const lWord = listed.words[g.lWords[0]!]!;
  const single = g.lWords.length === 1;
  const qOne = g.qWords.length === 1 ? query.words[g.qWords[0]!]! : undefined;
  const lFolded = (): string => (single ? lWord.folded : g.lWords.map((i) => listed.words[i]!.folded).join(' '));
  if (qOne !== undefined && lWord.family !== undefined && qOne.family !== undefined && qOne.folded !== lFolded()) return 'surname';
  if (qOne !== undefined && g.edits === 0 && bare(qOne.folded) === bare(lFolded())) return 'same';
  if (g.edits > 0 && qOne !== undefined && single && lWord.family === undefined && SYLLABLE.test(bare(qOne.folded)))
    return 'other syllable';
  // as many words on each side, aligned across a word's edge (TSANG KYUNG / TSANG YUNG): each word against its own
  if (g.edits > 0 && g.qWords.length === g.lWords.length && !single) {
    g.syllables = 0;
    g.lWords.forEach((li, k) => {
      const l = listed.words[li]!;
      const qw = query.words[g.qWords[k]!]!;
      if (l.family === undefined && qw.used !== l.used && SYLLABLE.test(bare(qw.folded))) g.syllables++;
    });
    if (g.syllables > 0) return 'other syllable';
  }
  return 'spelling';
}

/**
 * One line per listed word: "Cheol = CHOL (RR eo / MR ŏ -> DPRK o)", "Chul ~ CHOL (1 edit)", or
 * "Kim = KIM" left out when the spelling is the same. Words the query split or joined are shown together.
 */
export function alignmentLines(wa: WordAlignment): string[] {
  const { query, listed, groups } = wa;
  if (wa.merged.every((g) => g.kind === 'same')) return [];
  const qo = wa.qo ?? origins(query, false);
  const lo = wa.lo ?? origins(listed, true);
  const steps = wa.steps ?? align(query.key, listed.key);
  const rules = new Map<number, Set<string>>();
  for (const x of groups) rules.set(x.lWords[0]!, new Set());
  let lastListedWord = 0;
  for (const s of steps) {
    const lw = s.b >= 0 ? lo.word[s.b]! : lastListedWord;
    lastListedWord = lw;
    if (s.a >= 0 && s.b >= 0 && s.same) {
      const qw = query.words[qo.word[s.a]!]!;
      const lw2 = listed.words[lo.word[s.b]!]!;
      const qpi = qo.piece[s.a]!;
      const lpi = lo.piece[s.b]!;
      const qText = qpi >= 0 ? qw.pieces[qpi]!.text! : '';
      const lText = lpi >= 0 ? lw2.pieces[lpi]!.text! : '';
      if (qText !== lText) {
        const qPiece = qpi >= 0 ? qw.pieces[qpi] : undefined;
        const lPiece = lpi >= 0 ? lw2.pieces[lpi] : undefined;
        const marked = lText.includes("'") ? lPiece : qText.includes("'") ? qPiece : undefined;
        const rule = marked?.rule ?? qPiece?.rule ?? lPiece?.rule;
        if (rule) rules.get(lw)!.add(rule);
      }
    }
  }
  // rules of pieces that key to nothing (a dropped initial r, a final h)
  for (const [form, side] of [
    [query, 'q'],
    [listed, 'l'],
  ] as const) {
    form.words.forEach((w, wi) => {
      for (const p of w.pieces)
        if (p.key === '' && p.rule) {
          const lw = side === 'l' ? wi : groups.find((x) => x.qWords.includes(wi))?.lWords[0];
          if (lw !== undefined) rules.get(lw)?.add(p.rule);
        }
    });
  }
  const lines: string[] = [];
  for (const g of wa.merged) {
    if (g.kind === 'same') continue;
    const lWords = g.lWords.map((i) => listed.words[i]!);
    const lWord =
      lWords.length === 1 ? lWords[0]! : { ...lWords[0]!, text: lWords.map(show).join(' '), folded: lWords.map((w) => w.folded).join(' ') };
    const qWords = g.qWords.map((i) => query.words[i]!);
    const qText = qWords.map(show).join(' ');
    if (g.kind === 'surname') {
      lines.push(`${qText} = ${show(lWord)} (surname: ${lWord.family})`);
      continue;
    }
    const why = new Set<string>();
    for (const lw of g.lWords) for (const r of rules.get(lw)!) why.add(r);
    const parts = [...why].sort();
    if (g.kind === 'other syllable') parts.push('a different syllable');
    if (g.edits > 0) parts.push(`${g.edits} edit${g.edits > 1 ? 's' : ''}`);
    if (qWords.length !== lWords.length) parts.push('spacing');
    lines.push(`${qText || '(nothing)'} ${g.edits > 0 ? '~' : '='} ${show(lWord)}${parts.length ? ` (${parts.join('; ')})` : ''}`);
  }
  return lines;
}

/** The explanation lines and the count of other syllables, in one call (what tests and callers outside scoring use). */
export function explainAlignment(query: NameForm, listed: NameForm): { lines: string[]; otherSyllables: number } {
  const wa = alignWords(query, listed);
  return { lines: alignmentLines(wa), otherSyllables: wa.otherSyllables };
}

/** One romanized Korean syllable: a word that is a syllable in its own right was changed, not mistyped. */
const SYLLABLE =
  /^(kk|gg|tt|pp|ss|jj|tch|ch|sh|[gkndtrlmbpsjh])?(yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ŏ|ŭ|yŏ|wŏ|[aeiou])(ng|[kntlmpgrbd])?$/;
