// Says why two name forms match: which words were equated, by which romanization rule, and what was edited.
import { align } from './distance.js';
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

/**
 * One line per listed word: "Cheol = CHOL (RR eo / MR ŏ -> DPRK o)", "Chul ~ CHOL (1 edit)", or
 * "Kim = KIM" left out when the spelling is the same. Words the query split or joined are shown together.
 */
export function explainAlignment(query: NameForm, listed: NameForm): { lines: string[]; otherSyllables: number } {
  const steps = align(query.key, listed.key);
  const qo = origins(query);
  const lo = origins(listed);
  // group steps by listed word
  const groups = new Map<number, { qWords: Set<number>; rules: Set<string>; edits: number }>();
  let lastListedWord = 0;
  for (const s of steps) {
    const lw = s.b >= 0 ? lo[s.b]!.word : lastListedWord;
    lastListedWord = lw;
    let g = groups.get(lw);
    if (!g) groups.set(lw, (g = { qWords: new Set(), rules: new Set(), edits: 0 }));
    if (s.a >= 0) g.qWords.add(qo[s.a]!.word);
    if (!s.same) g.edits++;
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
        if (rule) g.rules.add(rule);
      }
    }
  }
  // rules of pieces that key to nothing (a dropped initial r, a final h)
  for (const [form, side] of [[query, 'q'], [listed, 'l']] as const) {
    form.words.forEach((w, wi) => {
      for (const p of w.pieces) if (p.key === '' && p.rule) {
        const lw = side === 'l' ? wi : [...groups.entries()].find(([, g]) => g.qWords.has(wi))?.[0];
        if (lw !== undefined) groups.get(lw)?.rules.add(p.rule);
      }
    });
  }
  // listed words that one query word covers (Jeson for JE-SON) are explained together
  const merged: { lWords: number[]; qWords: Set<number>; rules: Set<string>; edits: number }[] = [];
  for (const [lw, g] of [...groups.entries()].sort((a, b) => a[0] - b[0])) {
    const prev = merged[merged.length - 1];
    if (prev && [...g.qWords].some((q) => prev.qWords.has(q))) {
      prev.lWords.push(lw);
      for (const q of g.qWords) prev.qWords.add(q);
      for (const r of g.rules) prev.rules.add(r);
      prev.edits += g.edits;
    } else merged.push({ lWords: [lw], ...g });
  }
  const lines: string[] = [];
  let otherSyllables = 0;
  for (const g of merged) {
    const lWords = g.lWords.map((i) => listed.words[i]!);
    const lWord = lWords.length === 1 ? lWords[0]! : { ...lWords[0]!, text: lWords.map(show).join(' '), folded: lWords.map((w) => w.folded).join(' ') };
    const qWords = [...g.qWords].sort((a, b) => a - b).map((i) => query.words[i]!);
    const qText = qWords.map(show).join(' ');
    const family = lWord.family !== undefined && qWords.length === 1 && qWords[0]!.family !== undefined ? lWord.family : undefined;
    if (family && qWords[0]!.folded !== lWord.folded) {
      lines.push(`${qText} = ${show(lWord)} (surname: ${family})`);
      continue;
    }
    const same = qWords.length === 1 && qWords[0]!.folded.replace(/'/g, '') === lWord.folded.replace(/'/g, '');
    if (same && g.edits === 0) continue;
    const why = [...g.rules].sort();
    if (g.edits > 0 && qWords.length === 1 && lWords.length === 1 && lWord.family === undefined && SYLLABLE.test(qWords[0]!.folded.replace(/'/g, ''))) {
      otherSyllables++;
      why.push('a different syllable');
    }
    if (g.edits > 0) why.push(`${g.edits} edit${g.edits > 1 ? 's' : ''}`);
    if (qWords.length !== lWords.length) why.push('spacing');
    lines.push(`${qText || '(nothing)'} ${g.edits > 0 ? '~' : '='} ${show(lWord)}${why.length ? ` (${why.join('; ')})` : ''}`);
  }
  return { lines, otherSyllables };
}

/** One romanized Korean syllable: a word that is a syllable in its own right was changed, not mistyped. */
const SYLLABLE = /^(kk|gg|tt|pp|ss|jj|tch|ch|sh|[gkndtrlmbpsjh])?(yae|yeo|wae|ae|ya|eo|ye|wa|oe|yo|wo|we|wi|yu|eu|ui|oo|ee|ŏ|ŭ|yŏ|wŏ|[aeiou])(ng|[kntlmpgrbd])?$/;
