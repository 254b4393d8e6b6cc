// Drafts activity records from an article: sentence by sentence and clause by clause, a type from
// the keyword rules, parties from the gazetteers, a date resolved against the article's date, and
// an evidence level from the hedges, each draft quoting the sentence it rests on with its offsets.
import type { ActivityRecord, DesignationList, EvidenceLevel, Goods, Party, Source } from '../types.js';
import { typesOf } from './activity-types.js';
import { goodsOf } from './activity-types.js';
import type { Article } from './article.js';
import { articleMonth, resolveDate, type DraftDate } from './dates.js';
import { DPRK_OFFICIAL_VOICE, claimantOf, hedgeLevel, speakerHead, speechWords } from './hedges.js';
import { findParties, indexList, type FoundParty, type ListIndex } from './parties.js';
import { assignRoles } from './roles.js';
import { clauses, sentences, type Span } from './sentences.js';
import { exemptionFacts, type FactValue } from './exemption-facts.js';
import { placeOf } from './place.js';

export interface DraftOptions {
  /** The article's day (YYYY-MM-DD): dates in the text are resolved against it. */
  day: string;
  list?: DesignationList;
  /** The article's file name, as the records file will refer to it. */
  file?: string;
}

export interface DraftedFile {
  case: { title: string; description: string };
  sources: Source[];
  records: ActivityRecord[];
}

/** Types that are a State's own official acts: when the State's own media report them, they are confirmed. */
const OFFICIAL_ACTS = new Set(['agreement', 'meeting', 'travel', 'launch', 'nuclear-test']);
/** Goods categories worth listing for each type. */
const GOODS_FOR: Record<string, readonly string[]> = {
  'arms-transfer': ['ammunition', 'arms', 'small-arms', 'missiles', 'space-launch-technology'],
  launch: ['missiles', 'space-launch-technology'],
  'trade-shipment': [
    'crude-oil',
    'refined-petroleum',
    'coal',
    'iron',
    'iron-ore',
    'seafood',
    'textiles',
    'gold',
    'silver',
    'copper',
    'zinc',
    'nickel',
    'statues',
    'wood',
    'machinery',
    'vehicles',
    'luxury-goods',
  ],
  'ship-to-ship-transfer': ['crude-oil', 'refined-petroleum', 'coal'],
  'technical-assistance': ['space-launch-technology', 'missiles'],
  'cyber-theft': ['virtual-assets', 'cash', 'other'],
  'money-laundering': ['virtual-assets', 'cash'],
};
const LEGAL_ACCUSATION = /\b(?:indicted|indictment|charged with|criminal complaint|arrested)\b/i;
const PLANNED = /\b(?:hopes?|hoping|plans?|planning|intends?|intending|aims?|aiming|expected|expects?) to\b/i;

function truncate(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

function partyKey(p: Party): string {
  return `${p.name}|${p.country ?? ''}`;
}

/** The claimant's words inside a clause, so that "Seoul and Washington believe" does not make Seoul a party. */
function claimantSpans(clause: string, claimant: string | undefined): { at: number; end: number }[] {
  if (!claimant) return [];
  const at = clause.indexOf(claimant);
  return at === -1 ? [] : [{ at, end: at + claimant.length }];
}

interface Context {
  text: string;
  day: string;
  index: ListIndex;
  relaysDprkVoice: boolean;
  legalLead: boolean;
  outlet: string | undefined;
  /** Persons found so far, to find them again by name alone. */
  persons: Party[];
}

function draftsOfSentence(
  ctx: Context,
  sentence: Span,
  claimant: string | undefined,
  inherited: FoundParty[],
  out: ActivityRecord[],
): FoundParty[] {
  const parts = clauses(sentence);
  // What the head of the sentence says about all its clauses: "Seoul and Washington believe that ...".
  const first = parts[0]!.text;
  const thatAt = first.search(/\bthat\b/);
  const lead = parts.length > 1 && thatAt > 0 ? first.slice(0, thatAt) : '';
  let lastParties = inherited;
  const seenTypes = new Set<string>();
  for (const clause of parts) {
    const types = typesOf(clause.text);
    const toCheck: string[] = [];
    const head = clause === parts[0] ? speakerHead(clause.text) : undefined;
    let found = findParties(
      clause.text,
      ctx.index,
      [...claimantSpans(clause.text, claimant), ...(head ? [head] : [])],
      ctx.persons,
      toCheck,
    );
    for (const f of found)
      if (f.party.kind === 'person' && f.via.startsWith('person named with') && !ctx.persons.some((p) => p.name === f.party.name))
        ctx.persons.push({ ...f.party });
    const ownParties = found.length > 0;
    if (!ownParties) found = lastParties.map((f) => ({ ...f, at: -1, end: -1 }));
    else lastParties = found;
    for (const t of types) {
      if (seenTypes.has(t.type)) continue;
      seenTypes.add(t.type);
      out.push(draftOne(ctx, sentence, clause, lead, t, found, ownParties, claimant, toCheck));
    }
  }
  return lastParties;
}

function draftOne(
  ctx: Context,
  sentence: Span,
  clause: Span,
  lead: string,
  t: { type: string; rule: string; at: number },
  found: FoundParty[],
  ownParties: boolean,
  claimant: string | undefined,
  toCheck: readonly string[],
): ActivityRecord {
  const undetermined: string[] = [...toCheck];
  const rules: string[] = [`type ${t.type}: ${t.rule}`];
  // Evidence: the hedges of the clause and of the sentence's head.
  const hedge = hedgeLevel(`${lead} ${clause.text}`);
  let level: EvidenceLevel = hedge.level;
  const wording = [...hedge.wording];
  if (wording.length) rules.push(`level ${level}: ${wording.map((w) => `“${w}”`).join(', ')}`);
  const { parties, guessed } = assignRoles(t.type, clause.text, found);
  const actor =
    parties.find(
      (p) =>
        p.country === 'KP' &&
        ['supplier', 'launcher', 'tester', 'signatory', 'partner', 'participant', 'traveller', 'perpetrator'].includes(p.role ?? ''),
    ) ??
    parties.find((p) => ['supplier', 'launcher', 'tester', 'signatory', 'participant', 'traveller', 'perpetrator'].includes(p.role ?? ''));
  if (level === 'reported' && ctx.legalLead) {
    level = 'alleged';
    rules.push('level alleged: the text reports charges (an indictment, a complaint or an arrest)');
  } else if (
    level === 'reported' &&
    OFFICIAL_ACTS.has(t.type) &&
    actor?.country === 'KP' &&
    (DPRK_OFFICIAL_VOICE.test(claimant ?? '') || (ctx.relaysDprkVoice && claimant === undefined))
  ) {
    level = 'confirmed';
    rules.push(
      `level confirmed: an official act of the DPRK, stated without hedge by the DPRK's own media, or by the text in its own voice where it relays them`,
    );
  } else if (!wording.length) {
    rules.push('level reported: a plain statement, no hedge');
  }
  const speech = speechWords(sentence.text);
  for (const w of speech) if (!wording.includes(w)) wording.push(w);
  // Date: the one nearest the words that gave the type; else the article's month.
  const resolved = resolveDate(clause.text, ctx.day, t.at);
  let date: DraftDate;
  if (resolved) {
    date = resolved.date;
    rules.push(`date from “${resolved.written}”`);
  } else {
    date = articleMonth(ctx.day);
    undetermined.push(`date: the text gives none for this activity; the article's month (${date}) stands in`);
  }
  // Parties.
  if (!parties.length) undetermined.push('parties: none named in the sentence');
  if (!ownParties && parties.length) undetermined.push('parties: none named in this clause; taken from the one before');
  for (const p of parties) if (!p.country) undetermined.push(`country of ${p.name}`);
  for (const g of [...new Set(guessed)]) undetermined.push(`role of ${g} (guessed from the record type)`);
  for (const f of found) if (f.via.startsWith('UN 1718') || f.via.startsWith('1718')) rules.push(`party ${f.party.name}: ${f.via}`);
  // Goods.
  const wanted = GOODS_FOR[t.type];
  let goods: Goods[] = [];
  if (wanted) {
    goods = goodsOf(clause.text, t.type).filter((g) => wanted.includes(g.category ?? ''));
    const origin = parties.find((p) => p.role === 'supplier' || p.role === 'launcher')?.country;
    for (const g of goods) if (origin && t.type !== 'cyber-theft' && t.type !== 'money-laundering') g.origin = origin;
    if (!goods.length) undetermined.push('goods: not named');
    else if (goods.some((g) => g.quantity === undefined)) undetermined.push('goods: quantity');
  }
  const who = claimant ?? (ctx.outlet ? `${ctx.outlet}, in its own voice` : 'The article, in its own voice');
  if (!claimant) undetermined.push('claimant: the text names none; the article speaks in its own voice');
  // Place and exemption facts: only where the clause states them.
  const where = placeOf(clause.text, t.type, t.at);
  if (where) rules.push(`place ${[where.place.name, where.place.country].filter(Boolean).join(', ')}: from “${where.written}”`);
  else undetermined.push('place: the text does not say where');
  const stated = exemptionFacts(clause.text, t.type);
  const facts: Record<string, FactValue> = { ...stated.facts };
  rules.push(...stated.rules);
  if (stated.unstated.length) undetermined.push(`exemption facts not stated in the text: ${stated.unstated.join(', ')}`);
  if (t.type === 'launch' && PLANNED.test(`${lead} ${clause.text}`)) facts.planned = true;
  const record: ActivityRecord = {
    id: '',
    type: t.type,
    summary: truncate(clause.text, 200),
    date,
    ...(where ? { place: where.place } : {}),
    ...(parties.length ? { parties } : {}),
    ...(goods.length ? { goods } : {}),
    ...(Object.keys(facts).length ? { facts } : {}),
    evidence: {
      level,
      claimant: who,
      ...(wording.length ? { wording } : {}),
      sources: [{ ref: 'article', quote: sentence.text, start: sentence.start, end: sentence.end }],
    },
    status: 'draft',
    draft: { undetermined, rules },
  };
  return record;
}

/** Drafts the records an article supports, in the order of its sentences. */
export function draftRecords(article: Article, opts: DraftOptions): DraftedFile {
  const { text, bodyStart, meta } = article;
  const body = text.slice(bodyStart);
  const spans = sentences(text, bodyStart);
  const ctx: Context = {
    text,
    day: opts.day,
    index: indexList(opts.list),
    relaysDprkVoice: DPRK_OFFICIAL_VOICE.test(body),
    legalLead: spans.length > 0 && LEGAL_ACCUSATION.test(`${meta.title ?? ''} ${spans[0]!.text}`),
    outlet: meta.outlet,
    persons: [],
  };
  const records: ActivityRecord[] = [];
  let claimant: string | undefined;
  let parties: FoundParty[] = [];
  for (const s of spans) {
    const c = claimantOf(s.text, claimant);
    // "it added" keeps the speaker of the sentence before; a new sentence without one speaks for the article.
    claimant = c;
    parties = draftsOfSentence(ctx, s, c, parties, records);
  }
  const seen = new Map<string, number>();
  for (const r of records) {
    const n = (seen.get(r.type) ?? 0) + 1;
    seen.set(r.type, n);
    r.id = `draft-${r.type}-${n}`;
  }
  const source: Source = {
    id: 'article',
    publisher: meta.outlet ?? 'Unknown (not named in the article)',
    date: opts.day,
    ...(meta.title ? { title: meta.title } : {}),
    ...(meta.url && /^https?:\/\//.test(meta.url) ? { url: meta.url } : {}),
    ...(opts.file ? { file: opts.file } : {}),
    ...(meta.note ? { note: meta.note } : {}),
  };
  const fileName = opts.file?.split(/[\\/]/).pop();
  return {
    case: {
      title: `Drafts from ${meta.title ?? fileName ?? 'an article'}`,
      description: `Records drafted by sanctions-check from ${fileName ?? 'an article'} (dated ${opts.day}). Every record is a draft (status: draft): review each one, fill in what its draft note lists, then set status: reviewed.`,
    },
    sources: [source],
    records,
  };
}

export { partyKey };
