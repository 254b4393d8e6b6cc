// Scores drafts against records made by hand from the same article: each hand-made record is
// matched to a draft of the same type whose quote overlaps its own; then per-field agreement
// (type, parties with country and role, date, evidence level), recall, and the drafts whose level
// is surer than the hand-made record's (above its source's hedges).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecords } from '../load/load-records.js';
import type { ActivityRecord, DesignationList } from '../types.js';
import { parseArticle } from './article.js';
import { draftRecords, type DraftedFile } from './draft-records.js';
import { LEVEL_ORDER } from './hedges.js';
import { misplacedQuotes } from './write-drafts.js';

interface Range {
  start: number;
  end: number;
}

/** Where each quote of a record sits in the article: drafted offsets, or found by search for hand-made quotes. */
function quoteRanges(r: ActivityRecord, article: string): Range[] {
  const out: Range[] = [];
  for (const s of r.evidence.sources ?? []) {
    if (s.start !== undefined && s.end !== undefined) out.push({ start: s.start, end: s.end });
    else if (s.quote) {
      const at = article.indexOf(s.quote);
      if (at !== -1) out.push({ start: at, end: at + s.quote.length });
    }
  }
  return out;
}

function overlap(a: Range[], b: Range[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

const dateText = (d: ActivityRecord['date']) => (typeof d === 'string' ? d : `${d.from}..${d.to}`);
const placeText = (r: ActivityRecord) => r.place?.country ?? r.place?.name;

/** The facts scored: those the rules' exemptions turn on, that the drafter may draft. */
const SCORED_FACTS = [
  'committeeApproval',
  'committeeNotified',
  'purpose',
  'routeVia',
  'venturePurpose',
  'portEntryReason',
  'shipmentStage',
];

function factAgreement(hand: ActivityRecord, draft: ActivityRecord): { facts: number; agree: number; extra: number } {
  const h = (hand.facts ?? {}) as Record<string, unknown>;
  const d = (draft.facts ?? {}) as Record<string, unknown>;
  const facts = SCORED_FACTS.filter((f) => f in h);
  return {
    facts: facts.length,
    agree: facts.filter((f) => d[f] === h[f]).length,
    extra: SCORED_FACTS.filter((f) => f in d && d[f] !== h[f]).length,
  };
}

export interface PairScore {
  hand: string;
  draft?: string;
  type: string;
  /** A draft of any type quotes an overlapping sentence. */
  quoted: boolean;
  handLevel: string;
  draftLevel?: string;
  handDate: string;
  draftDate?: string;
  /** Hand-made parties, and how many a draft party matches by country, and by country and role. */
  parties: number;
  partyCountry: number;
  partyRole: number;
  /** The place's country (or name, without one), hand-made and drafted. */
  handPlace?: string;
  draftPlace?: string;
  /** Exemption facts of the hand-made record, how many the draft gives alike, and the draft's facts the hand-made record does not give alike. */
  facts: number;
  factsAgree: number;
  factsExtra: number;
}

export interface CaseScore {
  name: string;
  drafts: number;
  pairs: PairScore[];
  /** Drafts whose quote is not, character for character, at its offsets in the article. */
  notVerbatim: string[];
}

function partyAgreement(hand: ActivityRecord, draft: ActivityRecord): { country: number; role: number } {
  const drafted = draft.parties ?? [];
  let country = 0;
  let role = 0;
  for (const p of hand.parties ?? []) {
    if (drafted.some((d) => d.country === p.country)) country++;
    if (drafted.some((d) => d.country === p.country && d.role === p.role)) role++;
  }
  return { country, role };
}

/** Matches each hand-made record to its best draft: same type, overlapping quote; the same level, then parties, then date, break ties. */
export function scoreDrafts(name: string, article: string, hand: readonly ActivityRecord[], drafted: DraftedFile): CaseScore {
  const drafts = drafted.records;
  const pairs = hand.map((h): PairScore => {
    const hr = quoteRanges(h, article);
    const overlapping = drafts.filter((d) => overlap(hr, quoteRanges(d, article)));
    const candidates = overlapping.filter((d) => d.type === h.type);
    const ranked = candidates
      .map((d) => {
        const pa = partyAgreement(h, d);
        const score =
          (d.evidence.level === h.evidence.level ? 100 : 0) + pa.role * 3 + pa.country + (dateText(d.date) === dateText(h.date) ? 2 : 0);
        return { d, pa, score };
      })
      .sort((a, b) => b.score - a.score);
    const best = ranked[0];
    const fa = best ? factAgreement(h, best.d) : { facts: 0, agree: 0, extra: 0 };
    const hp = placeText(h);
    const dp = best && placeText(best.d);
    return {
      ...(hp ? { handPlace: hp } : {}),
      ...(dp ? { draftPlace: dp } : {}),
      facts: fa.facts,
      factsAgree: fa.agree,
      factsExtra: fa.extra,
      hand: h.id,
      type: h.type,
      quoted: overlapping.length > 0,
      handLevel: h.evidence.level,
      handDate: dateText(h.date),
      parties: (h.parties ?? []).length,
      partyCountry: best?.pa.country ?? 0,
      partyRole: best?.pa.role ?? 0,
      ...(best ? { draft: best.d.id, draftLevel: best.d.evidence.level, draftDate: dateText(best.d.date) } : {}),
    };
  });
  return { name, drafts: drafts.length, pairs, notVerbatim: misplacedQuotes(drafted, article) };
}

export interface Totals {
  hand: number;
  matched: number;
  recall: number;
  typeAgreement: number;
  evidenceAgreement: number;
  dateAgreement: number;
  partyCountryAgreement: number;
  partyRoleAgreement: number;
  /** Over matched records whose hand-made record has a place. */
  placeAgreement: number;
  placesScored: number;
  /** Over the hand-made records' exemption facts; and the drafted facts that disagree with (or are absent from) them. */
  factAgreement: number;
  factsScored: number;
  factsExtra: number;
  aboveHedges: number;
  notVerbatim: number;
  drafts: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

/** Adds up case scores. Field agreement is over matched records (parties: over their hand-made parties). */
export function totals(cases: readonly CaseScore[]): Totals {
  const pairs = cases.flatMap((c) => c.pairs);
  const matched = pairs.filter((p) => p.draft);
  const quoted = pairs.filter((p) => p.quoted);
  const handParties = matched.reduce((n, p) => n + p.parties, 0);
  return {
    hand: pairs.length,
    matched: matched.length,
    recall: ratio(matched.length, pairs.length),
    typeAgreement: ratio(matched.length, quoted.length),
    evidenceAgreement: ratio(matched.filter((p) => p.draftLevel === p.handLevel).length, matched.length),
    dateAgreement: ratio(matched.filter((p) => p.draftDate === p.handDate).length, matched.length),
    partyCountryAgreement: ratio(
      matched.reduce((n, p) => n + p.partyCountry, 0),
      handParties,
    ),
    partyRoleAgreement: ratio(
      matched.reduce((n, p) => n + p.partyRole, 0),
      handParties,
    ),
    placeAgreement: ratio(
      matched.filter((p) => p.handPlace && p.draftPlace === p.handPlace).length,
      matched.filter((p) => p.handPlace).length,
    ),
    placesScored: matched.filter((p) => p.handPlace).length,
    factAgreement: ratio(
      matched.reduce((n, p) => n + p.factsAgree, 0),
      matched.reduce((n, p) => n + p.facts, 0),
    ),
    factsScored: matched.reduce((n, p) => n + p.facts, 0),
    factsExtra: matched.reduce((n, p) => n + p.factsExtra, 0),
    aboveHedges: matched.filter((p) => LEVEL_ORDER.indexOf(p.draftLevel as never) < LEVEL_ORDER.indexOf(p.handLevel as never)).length,
    notVerbatim: cases.reduce((n, c) => n + c.notVerbatim.length, 0),
    drafts: cases.reduce((n, c) => n + c.drafts, 0),
  };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The per-record table and the totals, as plain text. */
export function formatScores(cases: readonly CaseScore[]): string {
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  row(['case', 'hand-made record', 'type', 'draft', 'evidence (hand / draft)', 'date (hand / draft)', 'parties: country, role']);
  row(['---', '---', '---', '---', '---', '---', '---']);
  for (const c of cases) {
    for (const p of c.pairs) {
      row([
        c.name,
        p.hand,
        p.type,
        p.draft ?? (p.quoted ? 'MISSED (quoted, other type)' : 'MISSED'),
        `${p.handLevel} / ${p.draftLevel ?? '-'}${p.draftLevel && p.draftLevel !== p.handLevel ? ' ✗' : ''}`,
        `${p.handDate} / ${p.draftDate ?? '-'}${p.draftDate && p.draftDate !== p.handDate ? ' ✗' : ''}`,
        `${p.partyCountry}/${p.parties}, ${p.partyRole}/${p.parties}`,
      ]);
    }
  }
  const t = totals(cases);
  lines.push('');
  lines.push(`records: ${t.hand} made by hand, ${t.drafts} drafted; recall ${pct(t.recall)} (${t.matched}/${t.hand})`);
  lines.push('| field | agreement over matched records |');
  lines.push('| --- | --- |');
  lines.push(`| type (a same-type draft among those quoting the sentence) | ${pct(t.typeAgreement)} |`);
  lines.push(`| evidence level | ${pct(t.evidenceAgreement)} |`);
  lines.push(`| date | ${pct(t.dateAgreement)} |`);
  lines.push(`| parties: country | ${pct(t.partyCountryAgreement)} |`);
  lines.push(`| parties: country and role | ${pct(t.partyRoleAgreement)} |`);
  lines.push(
    `| place (country; over ${t.placesScored} hand-made records with a place) | ${t.placesScored ? pct(t.placeAgreement) : '-'} |`,
  );
  lines.push(`| exemption facts (over ${t.factsScored} given by hand) | ${t.factsScored ? pct(t.factAgreement) : '-'} |`);
  lines.push(`exemption facts drafted that the hand-made record does not give alike: ${t.factsExtra}`);
  lines.push(`drafts above their source's hedges: ${t.aboveHedges}; quotes not verbatim at their offsets: ${t.notVerbatim}`);
  return lines.join('\n') + '\n';
}

/** Drafts a case folder's article.txt (its Date: line, or `day`) and scores it against the folder's records.yaml. */
export function scoreCaseFolder(dir: string, name: string, list: DesignationList | undefined, day?: string): CaseScore {
  const text = readFileSync(join(dir, 'article.txt'), 'utf8');
  const article = parseArticle(text);
  const d = day ?? article.meta.date;
  if (!d) throw new Error(`${dir}/article.txt has no Date: line`);
  const loaded = loadRecords([join(dir, 'records.yaml')]);
  if (loaded.diagnostics.some((x) => x.severity === 'error')) throw new Error(`${dir}/records.yaml is not valid`);
  const hand = loaded.value.records.map((r) => r.record);
  const drafted = draftRecords(article, { day: d, ...(list ? { list } : {}), file: 'article.txt' });
  return scoreDrafts(name, text, hand, drafted);
}
