// Says why two name forms match: which words were equated, by which romanization rule, and what was edited.
import { align, type Step } from './distance.js';
import type { FormWord, NameForm } from './name-forms.js';

interface CharOrigin {
  word: number;
  piece: number;
}

/** For each key character of a form, the word and key piece it came from. */
function origins(form: NameForm): CharOrigin[] {
  const out: CharOrigin[] = [];
  form.words.forEach((w, wi) => {
    if (w.family !== undefined) {
      for (let k = 0; k < w.used.length; k++) out.push({ word: wi, piece: -1 });
      return;
    }
    w.pieces.forEach((p, pi) => {
      for (let k = 0; k < p.key.length; k++) out.push({ word: wi, piece: pi });
    });
  });
  return out;
}

const show = (w: FormWord): string => w.text;

interface WordGroup {
  /** The listed words explained together, in order. */
  lWords: number[];
  qWords: Set<number>;
  rules: Set<string>;
  edits: number;
}

/** How two name forms' words align: the steps, and the listed words grouped with the query words they took. */
export interface WordAlignment {
  query: NameForm;
  listed: NameForm;
  steps: Step[];
  /** Each listed word touched, in order, with its query words and edits (rules filled by alignmentLines). */
  groups: Map<number, WordGroup>;
  /** Listed words one query word covers (Jeson for JE-SON) grouped together. */
  merged: WordGroup[];
  /** Given-name words where the query has another well-formed syllable (another name, not a typing slip). */
  otherSyllables: number;
}

/** Aligns two forms' keys and groups the steps by word: what scoring needs, without building any text. */
export function alignWords(query: NameForm, listed: NameForm): WordAlignment {
  const steps = align(query.key, listed.key);
  const qo = origins(query);
  const lo = origins(listed);
  const groups = new Map<number, WordGroup>();
  let lastListedWord = 0;
  for (const s of steps) {
    const lw = s.b >= 0 ? lo[s.b]!.word : lastListedWord;
    lastListedWord = lw;
    let g = groups.get(lw);
    if (!g) groups.set(lw, (g = { lWords: [lw], qWords: new Set(), rules: new Set(), edits: 0 }));
    if (s.a >= 0) g.qWords.add(qo[s.a]!.word);
    if (!s.same) g.edits++;
  }
  const merged: WordGroup[] = [];
  for (const g of [...groups.values()].sort((a, b) => a.lWords[0]! - b.lWords[0]!)) {
    const prev = merged[merged.length - 1];
    if (prev && [...g.qWords].some((q) => prev.qWords.has(q))) {
      prev.lWords.push(...g.lWords);
      for (const q of g.qWords) prev.qWords.add(q);
      prev.edits += g.edits;
    } else merged.push({ lWords: [...g.lWords], qWords: new Set(g.qWords), rules: new Set(), edits: g.edits });
  }
  let otherSyllables = 0;
  for (const g of merged) if (kindOf(query, listed, g) === 'other syllable') otherSyllables++;
  return { query, listed, steps, groups, merged, otherSyllables };
}

/** What a group of words says: same spelling (no line), a surname variant, another syllable, or a spelling. */
function kindOf(query: NameForm, listed: NameForm, g: WordGroup): 'same' | 'surname' | 'other syllable' | 'spelling' {
  const lWord = listed.words[g.lWords[0]!]!;
  const qWords = [...g.qWords].sort((a, b) => a - b).map((i) => query.words[i]!);
  const single = g.lWords.length === 1;
  const lFolded = single ? lWord.folded : g.lWords.map((i) => listed.words[i]!.folded).join(' ');
  const family = lWord.family !== undefined && qWords.length === 1 && qWords[0]!.family !== undefined;
  if (family && qWords[0]!.folded !== lFolded) return 'surname';
  const same = qWords.length === 1 && qWords[0]!.folded.replace(/'/g, '') === lFolded.replace(/'/g, '');
  if (same && g.edits === 0) return 'same';
  if (g.edits > 0 && qWords.length === 1 && single && lWord.family === undefined && SYLLABLE.test(qWords[0]!.folded.replace(/'/g, ''))) {
    return 'other syllable';
  }
  return 'spelling';
}

/**
 * One line per listed word: "Cheol = CHOL (RR eo / MR ŏ -> DPRK o)", "Chul ~ CHOL (1 edit)", or
 * "Kim = KIM" left out when the spelling is the same. Words the query split or joined are shown together.
 */
export function alignmentLines(wa: WordAlignment): string[] {
  const { query, listed, steps, groups } = wa;
  const qo = origins(query);
  const lo = origins(listed);
  const rules = new Map<number, Set<string>>();
  for (const lw of groups.keys()) rules.set(lw, new Set());
  let lastListedWord = 0;
  for (const s of steps) {
    const lw = s.b >= 0 ? lo[s.b]!.word : lastListedWord;
    lastListedWord = lw;
    if (s.a >= 0 && s.b >= 0 && s.same) {
      const qp = qo[s.a]!;
      const lp = lo[s.b]!;
      const qw = query.words[qp.word]!;
      const lw2 = listed.words[lp.word]!;
      const qPiece = qp.piece >= 0 ? qw.pieces[qp.piece] : undefined;
      const lPiece = lp.piece >= 0 ? lw2.pieces[lp.piece] : undefined;
      const qText = qPiece ? qw.folded.slice(qPiece.from - qw.pieces[0]!.from, qPiece.to - qw.pieces[0]!.from) : '';
      const lText = lPiece ? lw2.folded.slice(lPiece.from - lw2.pieces[0]!.from, lPiece.to - lw2.pieces[0]!.from) : '';
      if (qText !== lText) {
        const marked = lText.includes("'") ? lPiece : qText.includes("'") ? qPiece : undefined;
        const rule = marked?.rule ?? qPiece?.rule ?? lPiece?.rule;
        if (rule) rules.get(lw)!.add(rule);
      }
    }
  }
  // rules of pieces that key to nothing (a dropped initial r, a final h)
  for (const [form, side] of [[query, 'q'], [listed, 'l']] as const) {
    form.words.forEach((w, wi) => {
      for (const p of w.pieces) if (p.key === '' && p.rule) {
        const lw = side === 'l' ? wi : [...groups.entries()].find(([, g]) => g.qWords.has(wi))?.[0];
        if (lw !== undefined) rules.get(lw)?.add(p.rule);
      }
    });
  }
  const lines: string[] = [];
  for (const g of wa.merged) {
    const why = new Set<string>();
    for (const lw of g.lWords) for (const r of rules.get(lw)!) why.add(r);
    const kind = kindOf(query, listed, g);
    if (kind === 'same') continue;
    const lWords = g.lWords.map((i) => listed.words[i]!);
    const lWord = lWords.length === 1 ? lWords[0]! : { ...lWords[0]!, text: lWords.map(show).join(' '), folded: lWords.map((w) => w.folded).join(' ') };
    const qWords = [...g.qWords].sort((a, b) => a - b).map((i) => query.words[i]!);
    const qText = qWords.map(show).join(' ');
    if (kind === 'surname') {
      lines.push(`${qText} = ${show(lWord)} (surname: ${lWord.family})`);
      continue;
    }
    const parts = [...why].sort();
    if (kind === 'other syllable') parts.push('a different syllable');
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
const SYLLABLE = /^(kk|gg|tt|pp|ss|jj|tch|ch|sh|[gkndtrlmbpsjh])?(yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ŏ|ŭ|yŏ|wŏ|[aeiou])(ng|[kntlmpgrbd])?$/;
