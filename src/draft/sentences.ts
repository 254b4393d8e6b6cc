// Splits an article into sentences (Intl.Segmenter, with abbreviations such as "U.S." kept whole)
// and sentences into clauses, each with its offsets into the article.

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Words that end with a full stop without ending a sentence. */
const ABBREVIATION =
  /(?:^|[\s(“"'])(?:U\.S|U\.N|U\.K|E\.O|E\.U|D\.C|Mr|Mrs|Ms|Dr|Jr|Sr|St|No|Nos|Gen|Lt|Col|Capt|Maj|Sgt|Inc|Ltd|Co|Corp|Sen|Rep|Gov|Prof|Amb|Dept|vs|etc|i\.e|e\.g|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|[A-Z])\.$/;

function trimmed(text: string, start: number, end: number): Span | undefined {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return end > start ? { start, end, text: text.slice(start, end) } : undefined;
}

/** The sentences of text[from..], trimmed, with offsets into text. Line breaks always end a sentence. */
export function sentences(text: string, from = 0): Span[] {
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  const raw: { start: number; end: number }[] = [];
  for (const s of segmenter.segment(text.slice(from))) raw.push({ start: from + s.index, end: from + s.index + s.segment.length });
  const merged: { start: number; end: number }[] = [];
  for (const r of raw) {
    const prev = merged[merged.length - 1];
    if (prev) {
      const prevText = text.slice(prev.start, prev.end);
      if (!/\n/.test(prevText) && ABBREVIATION.test(prevText.trimEnd())) {
        prev.end = r.end;
        continue;
      }
    }
    merged.push({ ...r });
  }
  const out: Span[] = [];
  for (const m of merged) {
    // A segment may still hold a line break inside (the segmenter keeps some): split there.
    let s = m.start;
    for (let i = m.start; i < m.end; i++) {
      if (text[i] === '\n') {
        const t = trimmed(text, s, i);
        if (t) out.push(t);
        s = i + 1;
      }
    }
    const t = trimmed(text, s, m.end);
    if (t) out.push(t);
  }
  return out;
}

/** Where a sentence divides into claims: "... and that ...", "; ", "at a time when", "while". */
const CLAUSE_BREAK = /\s(?=and that\s)|;\s|\s(?=at a time when\s)|,\s(?=while\s)/g;

/** The clauses of a sentence, trimmed, with offsets into the article. */
export function clauses(sentence: Span): Span[] {
  const out: Span[] = [];
  let s = 0;
  for (const m of sentence.text.matchAll(CLAUSE_BREAK)) {
    const t = trimmed(sentence.text, s, m.index!);
    if (t) out.push({ start: sentence.start + t.start, end: sentence.start + t.end, text: t.text });
    s = m.index! + m[0].length;
  }
  const t = trimmed(sentence.text, s, sentence.text.length);
  if (t) out.push({ start: sentence.start + t.start, end: sentence.start + t.end, text: t.text });
  return out;
}
