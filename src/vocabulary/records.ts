// The controlled vocabularies of activity records: the fields rules test, types, party kinds and roles, goods, facts.
export const RECORD_TYPES = [
  'arms-transfer',
  'technical-assistance',
  'training',
  'scientific-cooperation',
  'labour-deployment',
  'joint-venture',
  'trade-shipment',
  'financial-transfer',
  'financial-service',
  'vessel-transfer',
  'vessel-service',
  'ship-to-ship-transfer',
  'port-call',
  'launch',
  'nuclear-test',
  'travel',
  'agreement',
  'meeting',
  'cyber-theft',
  'cyber-intrusion',
  'money-laundering',
  'programme-activity',
  'other',
] as const;

export const PARTY_KINDS = ['state', 'organisation', 'person', 'vessel'] as const;

export const PARTY_ROLES = [
  'supplier',
  'recipient',
  'intermediary',
  'carrier',
  'financier',
  'employer',
  'worker',
  'partner',
  'launcher',
  'owner',
  'operator',
  'flag-state',
  'host',
  'trainer',
  'trainee',
  'signatory',
  'beneficiary',
  'traveller',
  'participant',
  'charterer',
  'tester',
  'attendee',
  'perpetrator',
  'victim',
  'launderer',
  'other',
] as const;

export const GOODS_CATEGORIES = [
  'arms',
  'ammunition',
  'small-arms',
  'missiles',
  'missile-technology',
  'space-launch-technology',
  'nuclear',
  'wmd-dual-use',
  'military-dual-use',
  'luxury-goods',
  'coal',
  'iron',
  'iron-ore',
  'seafood',
  'lead',
  'lead-ore',
  'textiles',
  'gold',
  'titanium-ore',
  'vanadium-ore',
  'rare-earth-minerals',
  'copper',
  'nickel',
  'silver',
  'zinc',
  'statues',
  'food',
  'agricultural-products',
  'machinery',
  'electrical-equipment',
  'earth-and-stone',
  'wood',
  'vessels',
  'helicopters',
  'aircraft',
  'aircraft-parts',
  'vehicles',
  'metals',
  'aviation-fuel',
  'condensates',
  'natural-gas-liquids',
  'crude-oil',
  'refined-petroleum',
  'medicine',
  'medical-equipment',
  'humanitarian-supplies',
  'fishing-rights',
  'cash',
  'virtual-assets',
  'other',
] as const;

export const PURPOSES = [
  'humanitarian',
  'livelihood',
  'medical',
  'denuclearization',
  'diplomatic',
  'civil-aviation',
  'military',
  'commercial',
  'scientific',
  'education',
  'sport',
  'other',
] as const;

export const FIELDS = [
  'nuclear',
  'aerospace',
  'aeronautical',
  'advanced-manufacturing',
  'advanced-physics',
  'computer-simulation',
  'geospatial-navigation',
  'materials-science',
  'chemical-engineering',
  'mechanical-engineering',
  'electrical-engineering',
  'industrial-engineering',
  'medical',
  'agriculture',
  'economics',
  'culture',
  'sport',
  'other',
] as const;

export const SHIPMENT_PURPOSES = ['repair', 'servicing', 'refurbishing', 'testing', 'reverse-engineering', 'marketing'] as const;
export const SHIPMENT_STAGES = ['completed', 'attempted', 'intercepted'] as const;
export const VENTURE_PURPOSES = [
  'russian-coal-export-via-rajin',
  'hydroelectric-infrastructure',
  'public-utility-infrastructure',
  'commercial',
  'other',
] as const;
export const TRAINING_KINDS = ['military', 'paramilitary', 'police', 'civilian'] as const;
/** Why a vessel entered a port, where the port-entry bans make an exception: an emergency, or a return to its port of origination. */
export const PORT_ENTRY_REASONS = ['emergency', 'return-to-port-of-origination'] as const;

/** A record's review status: `draft` (made by `sanctions-check draft`, not yet reviewed) or `reviewed`. */
export const RECORD_STATUSES = ['draft', 'reviewed'] as const;

export const EVIDENCE_LEVEL_NAMES = ['confirmed', 'reported', 'alleged', 'speculative'] as const;

/**
 * The kind of value a field holds: true or false, a date as the sources give it ("2023-11"),
 * non-empty text, an ISO 3166-1 alpha-2 country code, a whole number from 1, or one word of a list.
 */
export type ValueKind = 'boolean' | 'date' | 'string' | 'country' | 'count' | readonly string[];

/** What a rule reads of a field a record leaves out: nothing, an empty list, or an empty mapping. */
export type WhenAbsent = 'nothing' | 'empty-list' | 'empty-mapping';

/**
 * The top-level record fields a rule can test by name (`fact: parties`), in the order the facts
 * are derived. A field of a plain kind (`kind`) needs no other line of code: the record schema
 * (src/validate/schemas.ts), the facts a rule may name (facts.ts), the domains the rule checks warn
 * against (src/validate/condition-sense.ts) and both evaluators' facts are built from this table.
 * A `structured` field has its shape written out in the record schema.
 */
export const RECORD_FIELDS: Readonly<Record<string, { kind: ValueKind | 'structured'; absent: WhenAbsent }>> = {
  id: { kind: 'structured', absent: 'nothing' },
  type: { kind: 'structured', absent: 'nothing' },
  date: { kind: 'structured', absent: 'nothing' },
  parties: { kind: 'structured', absent: 'empty-list' },
  goods: { kind: 'structured', absent: 'empty-list' },
  place: { kind: 'structured', absent: 'nothing' },
  facts: { kind: 'structured', absent: 'empty-mapping' },
  evidence: { kind: 'structured', absent: 'nothing' },
};

/** A field's value as rules read it: the record's own, or what its absence reads as. */
export function fieldValue(record: object, name: string, absent: WhenAbsent): unknown {
  const v = (record as Record<string, unknown>)[name];
  if (v !== undefined && v !== null) return v;
  return absent === 'empty-list' ? [] : absent === 'empty-mapping' ? {} : undefined;
}

/**
 * The documented exemption facts (the keys of a record's `facts:`) and the kind of value each
 * holds. The record schema, the facts a rule may name, and both evaluators are built from this.
 */
export const EXEMPTION_FACTS: Readonly<Record<string, ValueKind>> = {
  committeeApproval: 'boolean',
  committeeNotified: 'boolean',
  stateDetermination: 'boolean',
  purpose: PURPOSES,
  contractDate: 'date',
  field: FIELDS,
  officiallySponsored: 'boolean',
  newActivity: 'boolean',
  expansion: 'boolean',
  earningIncome: 'boolean',
  nationalOfHostState: 'boolean',
  repatriationProhibited: 'boolean',
  dprkFlagged: 'boolean',
  routeVia: 'string',
  ballisticMissileTechnology: 'boolean',
  aboveCap: 'boolean',
  planned: 'boolean',
  used: 'boolean',
  jointVenture: 'boolean',
  dprkBank: 'boolean',
  shipmentPurpose: SHIPMENT_PURPOSES,
  trainingKind: TRAINING_KINDS,
  portEntryReason: PORT_ENTRY_REASONS,
  sector: 'string',
  // What became of a shipment: carried out, attempted (and not completed), or stopped by a State.
  shipmentStage: SHIPMENT_STAGES,
  // What a joint venture or cooperative entity was set up for (the carve-outs of 2375 para 18 turn on it).
  venturePurpose: VENTURE_PURPOSES,
  // The day goods or a vessel were used, when it differs from the day they were transferred (the record's date).
  useDate: 'date',
  // The DPRK carried out the activity to raise revenue or to evade the financial measures.
  revenueGeneration: 'boolean',
  // A vessel refused an inspection authorized by its flag State, or a DPRK-flagged vessel refused one.
  refusedInspection: 'boolean',
  // There are reasonable grounds to believe the vessel carries, or was involved in, prohibited items or activity.
  suspectedProhibitedCargo: 'boolean',
  // The entity is, or is owned or controlled by, the Government of the DPRK or the Workers' Party of Korea.
  dprkGovernmentEntity: 'boolean',
};
