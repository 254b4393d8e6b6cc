// Gives each party of a draft a role, from the record type and the words around the party.
import type { Party } from '../types.js';
import type { FoundParty } from './parties.js';

const SUPPLY_TYPES = new Set([
  'arms-transfer',
  'trade-shipment',
  'ship-to-ship-transfer',
  'technical-assistance',
  'training',
  'financial-service',
  'financial-transfer',
  'vessel-transfer',
  'vessel-service',
]);

/** The role the words just before or after a party give it in a supply: "by X" and "X delivered" supply, "to X" and "X may be receiving" receive. */
function supplyRole(clause: string, f: FoundParty): 'supplier' | 'recipient' | 'other' | undefined {
  const before = clause.slice(Math.max(0, f.at - 40), f.at);
  const after = clause.slice(f.end, f.end + 60);
  if (/\b(?:by|from)\s+(?:the\s+|an?\s+)?$/.test(before)) return 'supplier';
  if (/\b(?:against|on|in|at)\s+(?:the\s+)?$/.test(before)) return 'other';
  // The State or body that seized or stopped the goods enforces; it is no party to the supply.
  if (
    /^(?:’s|'s)?\s*(?:,[^,]*,\s*)?(?:has |have |had |was |were )?(?:also )?(?:seiz|intercept|impound|confiscat|detain|inspect)/.test(after)
  )
    return 'other';
  if (/\b(?:to|into|for|with)\s+(?:the\s+|an?\s+)?$/.test(before) || /\bflagged in\s+(?:the\s+)?$/.test(before)) return 'recipient';
  if (
    /^(?:’s|'s)?\s*(?:,[^,]*,\s*)?(?:has |have |had |is |are |was |were )?(?:recently |reportedly |also )?(?:may |might |could )?(?:be |been )?(?:receiv|import|b[ou]y|bought|acquir|obtain|seek|procur|get)/.test(
      after,
    )
  )
    return 'recipient';
  if (
    /^(?:’s|'s)?\s*(?:,[^,]*,\s*)?(?:has |have |had |is |are |was |were )?(?:recently |reportedly |also )?(?:may |might |could )?(?:be |been )?(?:deliver|suppl|sold|sell|export|provid|sen[dt]|ship|transferr|giv|offer|assist)/.test(
      after,
    )
  )
    return 'supplier';
  return undefined;
}

/** The verbs of a theft or an intrusion: a party named before the first is taken as its subject. */
const CYBER_VERB =
  /\b(?:st(?:ole|eal(?:s|ing)?)|hack(?:ed|s|ing)?|breach(?:ed|es|ing)?|siphon(?:ed|s|ing)?|launder(?:ed|s|ing)?|drain(?:ed|s|ing)?)\b/i;

function isDprk(p: Party): boolean {
  return p.country === 'KP';
}

/** Roles for the parties of one draft; returns the parties with roles and whether any role was a default guess. */
export function assignRoles(type: string, clause: string, found: readonly FoundParty[]): { parties: Party[]; guessed: string[] } {
  const guessed: string[] = [];
  const parties = found.map((f) => ({ ...f.party }));
  const set = (i: number, role: string, guess = false) => {
    parties[i]!.role = role;
    if (guess) guessed.push(parties[i]!.name);
  };
  found.forEach((f, i) => {
    const p = parties[i]!;
    if (SUPPLY_TYPES.has(type)) {
      const r = supplyRole(clause, f);
      if (r) return set(i, r);
      if (type === 'financial-service' || type === 'financial-transfer') {
        if (p.kind === 'organisation' && /bank|financial|institution/i.test(p.name))
          return set(i, isDprk(p) ? 'recipient' : 'supplier', true);
        if (p.kind === 'vessel') return set(i, 'other', true);
        return set(i, isDprk(p) ? 'recipient' : 'intermediary', true);
      }
      if (p.kind === 'vessel') return set(i, isDprk(p) ? 'recipient' : 'carrier', true);
      // Sanctions run both ways; with no words to go by, the DPRK supplies arms and goods, and receives assistance.
      if (type === 'technical-assistance' || type === 'training') return set(i, isDprk(p) ? 'recipient' : 'supplier', true);
      return set(i, isDprk(p) ? 'supplier' : 'recipient', true);
    }
    switch (type) {
      case 'labour-deployment':
        if (p.kind === 'person') return set(i, 'worker');
        if (p.kind === 'state') return set(i, isDprk(p) ? 'supplier' : 'host', true);
        return set(i, isDprk(p) ? 'supplier' : 'employer', true);
      case 'port-call':
        if (p.kind === 'vessel') return set(i, 'carrier');
        if (p.kind === 'state') return set(i, 'host', true);
        return set(i, 'other', true);
      case 'launch':
        return set(i, isDprk(p) && p.kind === 'state' ? 'launcher' : 'other', !(isDprk(p) && p.kind === 'state'));
      case 'nuclear-test':
        return set(i, isDprk(p) && p.kind === 'state' ? 'tester' : 'other', !(isDprk(p) && p.kind === 'state'));
      case 'agreement':
        if (p.kind === 'state') return set(i, /\bsign(?:ed|s|ing)?\b/i.test(clause) ? 'signatory' : 'partner');
        return set(i, 'other', true);
      case 'meeting':
        return set(i, 'participant', p.kind !== 'state' && p.kind !== 'person');
      case 'travel':
        if (p.kind === 'person') return set(i, 'traveller');
        if (p.kind === 'state' && /\b(?:to|in)\s+(?:the\s+)?$/.test(clause.slice(Math.max(0, f.at - 12), f.at))) return set(i, 'host');
        return set(i, 'other', true);
      case 'cyber-theft':
      case 'cyber-intrusion': {
        // "stole ... from X", "targeting X": the victim; the subject of the theft verb: its perpetrator.
        if (/\b(?:from|targeting|targeted|against|into|breached|hacked)\s+(?:the\s+)?$/i.test(clause.slice(Math.max(0, f.at - 24), f.at)))
          return set(i, 'victim', true);
        if (isDprk(p) || p.kind === 'person') return set(i, 'perpetrator', true);
        // Another State is where the victims are, not the thief: only a group or firm is read by position.
        if (p.kind === 'state') return set(i, 'victim', true);
        const verb = clause.search(CYBER_VERB);
        return set(i, verb >= 0 && f.at < verb ? 'perpetrator' : 'victim', true);
      }
      case 'money-laundering':
        if (/\bbenefit of\s+(?:the\s+)?$/.test(clause.slice(Math.max(0, f.at - 30), f.at))) return set(i, 'beneficiary');
        if (p.kind === 'organisation' && /bank|financial/i.test(p.name)) return set(i, 'intermediary', true);
        return set(i, isDprk(p) || p.kind === 'person' ? 'launderer' : 'other', true);
      case 'joint-venture':
      case 'scientific-cooperation':
      case 'other':
        return set(i, 'partner', p.kind !== 'state');
      default:
        return set(i, 'other', true);
    }
  });
  return { parties, guessed };
}
