// Review findings for parties whose names resemble a listed party without matching it exactly (exact matches stay with the rules).
import { createHash } from 'node:crypto';
import { buildDesignationIndex } from '../compile/designation-index.js';
import { evidenceDetailOf } from '../evaluate/evaluate-records.js';
import { canonicalJson } from '../evaluate/fingerprint.js';
import type { Finding, LoadedRecord, Party, RuleSet } from '../types.js';
import type { ScreenKind } from './name-forms.js';
import { Screener, type ScreenMatch, type Thresholds } from './screener.js';
import { FingerprintCache } from './fingerprint-cache.js';

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
  const screen = recordScreener(rules, thresholds);
  const out: Finding[] = [];
  for (const r of records) screen(r, out);
  return out;
}

/** Distinct parties whose screening a streamed check keeps (2^16 at most), to screen a recurring party once. */
const PARTIES_KEPT_BITS = 16;
/** Distinct names that met no listed name, kept (2^18 at most: 2 MB a thread) so that such a name is not screened again. */
const NAMES_MEETING_NONE_BITS = 18;
const NONE: ScreenMatch[] = [];

/**
 * The same as screeningFindings, as a function to call record by record (a streamed check), that
 * adds a record's screening findings to `out`: the screener and its index are built once, and what
 * it found for recent distinct parties is kept (a bounded cache).
 */
export function recordScreener(rules: RuleSet, thresholds?: Thresholds): (record: LoadedRecord, out: Finding[]) => void {
  if (rules.lists.length === 0) return () => undefined;
  const screener = new Screener(rules.lists, thresholds);
  const exact = buildDesignationIndex(rules.lists);
  const provisions = rules.rules.find((r) => r.rule.id === DESIGNATION_RULE_ID)?.rule.provisions ?? [];
  // Bounded, and keyed by fingerprints, not strings: a stream of millions of records naming distinct
  // parties must not keep every one (parties that recur, the usual case, stay in it).
  const cache = new FingerprintCache<ScreenMatch[]>(PARTIES_KEPT_BITS);
  // Names (of a kind) that met no listed name at all: no country can change that, so they are held
  // without their country, and most parties of a bulk input are found here in one look-up.
  const metNone = new FingerprintCache<true>(NAMES_MEETING_NONE_BITS);
  const screened = (id: string, name: string, kind: ScreenKind | undefined, country: string | undefined, imo: string | undefined) => {
    if (imo === undefined && metNone.key(name, kind).get()) return NONE;
    // records repeat their parties: each distinct party is screened once, then held to each record's date
    let all = cache.key(name, kind, country, imo).get();
    if (all === undefined) {
      const before = screener.touched;
      all = screener.screen({ id, name, ...(kind ? { kind } : {}), ...(country ? { country } : {}), ...(imo ? { imo } : {}) });
      // `touched` counts the listed names the query was scored against: none means no candidate whatever the qualifiers
      if (screener.touched === before && imo === undefined) metNone.key(name, kind).set(true);
      else cache.set(all);
    }
    return all;
  };
  return (loaded, out) => {
    const { record } = loaded;
    const until = loaded.span.end;
    let seen: Set<string> | undefined;
    for (const party of record.parties ?? []) {
      if (party.kind === 'state') continue;
      const kind = kindOf(party);
      const imo = party.identifiers?.imo;
      // the listed parties the rules find exactly, worked out only when a name resembles one
      let known: Set<string> | undefined;
      const names = party.formerNames?.length ? [party.name, ...party.formerNames] : [party.name];
      for (const name of names) {
        for (const m of screened(record.id, name, kind, party.country, imo)) {
          if (!screener.listedBy(m.ref, until)) continue;
          known ??= new Set([...exact.entriesFor(party, until), ...exact.vesselsFor(party, until).map((i) => `IMO ${i}`)]);
          if (known.has(m.ref) || seen?.has(m.ref)) continue;
          (seen ??= new Set()).add(m.ref);
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
  };
}

/** A screening finding's fingerprint: the record, the listed party and the name that resembles it. */
function screeningFingerprint(recordId: string, ref: string, name: string): string {
  return createHash('sha256')
    .update(canonicalJson({ v: 1, rule: SCREENING_RULE_ID, record: recordId, ref, name }))
    .digest('hex');
}
