// Review findings for parties whose names resemble a listed party without matching it exactly (exact matches stay with the rules).
import { createHash } from 'node:crypto';
import { buildDesignationIndex } from '../compile/designation-index.js';
import { evidenceDetailOf } from '../evaluate/evaluate-records.js';
import { canonicalJson } from '../evaluate/fingerprint.js';
import type { Finding, LoadedRecord, Party, RuleSet } from '../types.js';
import type { ScreenKind } from './name-forms.js';
import { Screener, type ScreenMatch, type Thresholds } from './screener.js';
import { TwoGenerationCache } from './two-generation-cache.js';

export const SCREENING_RULE_ID = 'screening-possible-designated-party';
const SCREENING_RULE_TITLE = 'Party whose name resembles a designated party';
/** The rule whose provisions a designated party's dealings engage. */
const DESIGNATION_RULE_ID = 'designated-party-dealings';

const kindOf = (p: Party): ScreenKind | undefined =>
  p.kind === 'person' || p.kind === 'organisation' || p.kind === 'vessel' ? p.kind : undefined;

/**
 * Screens every party of every record (and the names it went by) against the rule set's lists, as the list
 * stood on the record's last day. A listed party the designation index already finds exactly is left to the
 * rules; any other candidate scoring at least "possible" gives one `review` finding per record and listed
 * party, with the explanation in its notes. Never a violation: a resemblance is for an analyst to decide.
 */
export function screeningFindings(records: readonly LoadedRecord[], rules: RuleSet, thresholds?: Thresholds): Finding[] {
  return recordScreener(rules, thresholds)(records);
}

/** Distinct parties whose screening a streamed check keeps, to screen a recurring party once. */
const SCREENED_PARTIES_KEPT = 50_000;

/**
 * The same as screeningFindings, as a function to call record by record (a streamed check): the
 * screener and its index are built once, and what it found for the last SCREENED_PARTIES_KEPT
 * distinct parties (up to twice as many) is kept.
 */
export function recordScreener(rules: RuleSet, thresholds?: Thresholds): (records: readonly LoadedRecord[]) => Finding[] {
  if (rules.lists.length === 0) return () => [];
  const screener = new Screener(rules.lists, thresholds);
  const exact = buildDesignationIndex(rules.lists);
  const provisions = rules.rules.find((r) => r.rule.id === DESIGNATION_RULE_ID)?.rule.provisions ?? [];
  // Bounded: a stream of millions of records naming distinct parties must not keep every one
  // (parties that recur, the usual case, stay in it).
  const cache = new TwoGenerationCache<ScreenMatch[]>(SCREENED_PARTIES_KEPT);
  return (records) => {
    const out: Finding[] = [];
    for (const loaded of records) {
      const { record } = loaded;
      const until = loaded.span.end;
      const seen = new Set<string>();
      for (const party of record.parties ?? []) {
        if (party.kind === 'state') continue;
        const known = new Set([...exact.entriesFor(party, until), ...exact.vesselsFor(party, until).map((i) => `IMO ${i}`)]);
        const kind = kindOf(party);
        for (const name of [party.name, ...(party.formerNames ?? [])]) {
          const imo = party.identifiers?.imo;
          // records repeat their parties: each distinct party is screened once, then held to each record's date
          const key = `${name}\u0000${kind ?? ''}\u0000${party.country ?? ''}\u0000${imo ?? ''}`;
          let all = cache.get(key);
          if (all === undefined) {
            all = screener.screen({
              id: record.id,
              name,
              ...(kind ? { kind } : {}),
              ...(party.country ? { country: party.country } : {}),
              ...(imo ? { imo } : {}),
            });
            cache.set(key, all);
          }
          const matches = all.filter((m) => screener.listedBy(m.ref, until));
          for (const m of matches) {
            if (known.has(m.ref) || seen.has(m.ref)) continue;
            seen.add(m.ref);
            out.push({
              recordId: record.id,
              ruleId: SCREENING_RULE_ID,
              ruleTitle: SCREENING_RULE_TITLE,
              provisions,
              outcome: 'review',
              evidence: record.evidence.level,
              evidenceDetail: evidenceDetailOf(record),
              message:
                `${record.id}: party "${name}" resembles ${m.ref} ${m.name} on the designation list ` +
                `(${m.decision}, score ${m.score.toFixed(3)}, by ${m.matchedName}). Review whether it is the listed party; ` +
                'a resemblance is not a finding of dealings with a designated party.',
              location: loaded.location,
              date: loaded.span,
              notes: m.explanation.map((e) => `screening: ${e}`),
              explanation: [],
              fingerprint: screeningFingerprint(record.id, m.ref, name),
            });
          }
        }
      }
    }
    return out;
  };
}

/** A screening finding's fingerprint: the record, the listed party and the name that resembles it. */
function screeningFingerprint(recordId: string, ref: string, name: string): string {
  return createHash('sha256')
    .update(canonicalJson({ v: 1, rule: SCREENING_RULE_ID, record: recordId, ref, name }))
    .digest('hex');
}
