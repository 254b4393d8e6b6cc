// The evidence level a claim's own words give it: hedges ("believe", "may", "hopes to"), the claimant
// ("Seoul and Washington believe"), and the words that set both.
import type { EvidenceLevel } from '../types.js';

/** From surest to least sure: a draft takes the least sure level any of its words gives. */
export const LEVEL_ORDER: readonly EvidenceLevel[] = ['confirmed', 'reported', 'alleged', 'speculative'];

export function lessSure(a: EvidenceLevel, b: EvidenceLevel): EvidenceLevel {
  return LEVEL_ORDER.indexOf(a) >= LEVEL_ORDER.indexOf(b) ? a : b;
}

interface Cue {
  level: 'alleged' | 'speculative';
  pattern: RegExp;
}

/** The hedge table (docs/drafting.md): each cue, and the level it sets. */
export const HEDGES: readonly Cue[] = [
  { level: 'alleged', pattern: /\b(?:it is |are |is |was |were )?(?:believe[sd]?|believing)\b/gi },
  { level: 'alleged', pattern: /\bsuspect(?:s|ed)?\b/gi },
  { level: 'alleged', pattern: /\baccus(?:e[sd]?|ing|ation)\b/gi },
  { level: 'alleged', pattern: /\balleg(?:edly|ed|es|e|ation|ations)\b/gi },
  { level: 'alleged', pattern: /\breportedly\b/gi },
  { level: 'alleged', pattern: /\bclaim(?:s|ed)?\b/gi },
  { level: 'alleged', pattern: /\b(?:is|are|was|were) (?:said|thought|understood) to\b/gi },
  { level: 'alleged', pattern: /\b(?:likely|probably|apparently)\b/gi },
  { level: 'alleged', pattern: /\b(?:indicted|indictment|charged|charges|criminal complaint|conspir(?:ed|acy|acies|ators?))\b/gi },
  { level: 'alleged', pattern: /\baccording to (?:the )?(?:indictment|complaint|court documents|prosecutors|charging documents)\b/gi },
  { level: 'alleged', pattern: /\b(?:denie[sd]|deny|denying|unconfirmed|unverified|rumou?r(?:s|ed)?)\b/gi },
  { level: 'alleged', pattern: /\bprosecutors (?:say|said|allege[sd]?|contend(?:ed)?|argue[sd]?)\b/gi },
  { level: 'speculative', pattern: /\b(?:may|might|could)\b/g },
  // A conditional on the claim: "If confirmed, the shipment would be ...", "If Russia transferred ..., it would
  // breach ...". Inside what is described ("threatening to leak it unless paid") it is no hedge.
  { level: 'speculative', pattern: /(?<=^\s*|[,;:—–]\s*)(?:if|unless)\b|\bif (?:confirmed|true|proven|verified|accurate)\b/gi },
  { level: 'speculative', pattern: /\b(?:possibly|possible|potential(?:ly)?)\b/gi },
  {
    level: 'speculative',
    pattern: /\b(?:hopes?|hoping|plans?|planning|intends?|intending|aims?|aiming|expected|expects?|wants?|seeks?) to\b/gi,
  },
  { level: 'speculative', pattern: /\b(?:is|are|was|were) seeking\b/gi },
  { level: 'speculative', pattern: /\b(?:is|are) (?:considering|weighing|preparing)\b/gi },
];

/** Words that say who speaks, without hedging. */
const SPEECH =
  /\b(?:said|says|say|added|reported|reports|announced|stated|told|confirm(?:s|ed)?|condemn(?:s|ed)?|designated|sanctioned)\b/i;

export interface HedgeResult {
  level: EvidenceLevel;
  /** The words that set the level, as written. */
  wording: string[];
}

/** The level the hedges in `text` give (reported when none), and the hedge words found. */
export function hedgeLevel(text: string): HedgeResult {
  let level: EvidenceLevel = 'reported';
  const found: { at: number; word: string }[] = [];
  for (const cue of HEDGES) {
    for (const m of text.matchAll(cue.pattern)) {
      // "May" the month is not a hedge: the speculative "may" is matched in lower case only.
      found.push({ at: m.index!, word: m[0] });
      level = lessSure(level, cue.level);
    }
  }
  found.sort((a, b) => a.at - b.at);
  const wording = [...new Set(found.map((f) => f.word))];
  return { level, wording };
}

/** The speech words of a text ("said", "reported"), as written. */
export function speechWords(text: string): string[] {
  const m = SPEECH.exec(text);
  return m ? [m[0]] : [];
}

const CLAIM_VERB =
  '(?:strongly |firmly |now |also |have |has |had )*(?:believe[sd]?|suspect(?:s|ed)?|allege[sd]?|accuse[sd]?|said|say|says|reported|report|announced|revealed|disclosed|noted|found|concluded|confirm(?:s|ed)?|condemn(?:s|ed)?|assess(?:es|ed)?|warned|stated|issued (?:a |an )?(?:joint )?statement)\\b';
const LEAD_CLAIMANT = new RegExp(
  `^(?:But |And |However, |Meanwhile, )?((?:[A-Z][\\w’'.-]*,?|the|of|and|for|in|on|’s|'s|[,()-])(?:\\s+(?:[A-Za-z][\\w’'.-]*,?|[,()-]|\\([A-Z]+\\),?))*?)\\s+${CLAIM_VERB}`,
);
const TRAILING_CLAIMANT =
  /[,”"]\s*(?:”\s*)?((?:the |The )?[A-Za-z][^,.”"]{1,100}?)\s+(?:said|added|reported|stated|announced|told [^.]+)\b[^”"]*$/;
const SAID_CLAIMANT = /[,”"]\s*(?:”\s*)?(?:said|added|stated)\s+([A-Z][^.”"]{2,120}?)\.?$/;
const OPENING_SAID = /^([A-Z][^“":]{2,120}?)\s+(?:said|stated|added):/;
const ACCORDING = /\baccording to ((?:the )?[^,.;]{2,100})/i;
const UNATTRIBUTED = /^(?:It is (?:believed|thought|understood|suspected|alleged|said)|It was (?:believed|reported|alleged))/;

/** Who makes the claim in this sentence, when the sentence says; `previous` stands in for "it added". */
export function claimantOf(sentence: string, previous: string | undefined): string | undefined {
  const u = UNATTRIBUTED.exec(sentence);
  if (u) return `Unattributed ("${u[0]}")`;
  const acc = ACCORDING.exec(sentence);
  if (acc) return clean(acc[1]!);
  const open = OPENING_SAID.exec(sentence);
  if (open) return clean(open[1]!);
  const said = SAID_CLAIMANT.exec(sentence);
  if (said) return clean(said[1]!);
  const trail = TRAILING_CLAIMANT.exec(sentence);
  if (trail) {
    const who = clean(trail[1]!);
    if (/^(?:it|they|he|she)$/i.test(who)) return previous;
    if (who.split(/\s+/).length <= 12) return who;
  }
  // A dateline ("SEOUL, Oct. 26 (Yonhap) -- ") is not part of the claimant.
  const lead = LEAD_CLAIMANT.exec(sentence.replace(/^[A-Z][A-Z .'-]+,[^—-]{0,40}(?:--|—)\s*/, ''));
  if (lead) {
    // "The workers are believed to ...": a passive names no one.
    if (/\s(?:is|are|was|were|be|been)$/.test(lead[1]!))
      return `Unattributed ("${lead[1]!.split(/\s+/).pop()} ${lead[0].slice(lead[1]!.length).trim()}")`;
    // "The statement came after Washington revealed": the speaker is the name just before the verb.
    const parts = clean(lead[1]!).split(/\s+/);
    const lastVerbish = parts
      .map((w, i) => (/^[a-z]/.test(w) && !/^(?:the|of|and|for|in|on|de)$/.test(w) ? i : -1))
      .reduce((a, b) => Math.max(a, b), -1);
    const who = parts.slice(lastVerbish + 1).join(' ');
    if (who && who.split(/\s+/).length <= 14 && !/^(?:it|they|he|she|this|that)$/i.test(who)) return who;
  }
  return undefined;
}

function clean(s: string): string {
  return s.replace(/^[\s,“”"]+|[\s,“”"]+$/g, '').replace(/\s+/g, ' ');
}

/** Nouns that name a speaker rather than an actor: "South Korea's spy agency believes ...". */
const SPEAKER_NOUN =
  '(?:agency|agencies|ministry|ministries|officials?|intelligence|service|government|military|lawmakers?|experts?|analysts?|police|prosecutors?|spokes(?:man|woman|person)|office|department|researchers?|investigators?|monitors?|diplomats?|sources?|Chiefs of Staff|NIS|FBI|panel)';
const SPEAKER_HEAD = new RegExp(
  `^((?:[A-Z][A-Z .'-]+,[^—-]{0,40}(?:--|—|-)\\s*)?(?:[A-Z][\\w’'.-]*|the|of|and)(?:\\s+(?:[A-Za-z][\\w’'.-]*|of|and)){0,8}?\\s+${SPEAKER_NOUN})\\s+(?:strongly |also |now |have |has )*(?:believes?|suspects?|said|says|thinks?|estimated|estimates|assess(?:es|ed)?|alleges?|alleged|accused|claims?|claimed|reported|told)\\b`,
);

/** The words of a sentence's head that name who speaks ("South Korea's spy agency" in "South Korea's spy agency believes Russia ..."), as a span to keep out of the parties. */
export function speakerHead(sentence: string): { at: number; end: number } | undefined {
  const m = SPEAKER_HEAD.exec(sentence);
  return m ? { at: 0, end: m[1]!.length } : undefined;
}

/** Claimants that speak for the DPRK Government: its news agency and state media. */
export const DPRK_OFFICIAL_VOICE =
  /\b(?:KCNA|Korean Central News Agency|(?:North Korean |DPRK |Pyongyang's |Pyongyang’s )?state media|Rodong Sinmun|KCTV|Korean Central Television)\b/;
