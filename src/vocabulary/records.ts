// The controlled vocabularies of activity records: types, party kinds and roles, goods, facts.
export const RECORD_TYPES = [
  'arms-transfer', 'technical-assistance', 'training', 'scientific-cooperation', 'labour-deployment',
  'joint-venture', 'trade-shipment', 'financial-transfer', 'financial-service', 'vessel-transfer',
  'vessel-service', 'ship-to-ship-transfer', 'port-call', 'launch', 'nuclear-test', 'travel',
  'agreement', 'meeting', 'other',
] as const;

export const PARTY_KINDS = ['state', 'organisation', 'person', 'vessel'] as const;

export const PARTY_ROLES = [
  'supplier', 'recipient', 'intermediary', 'carrier', 'financier', 'employer', 'worker', 'partner',
  'launcher', 'owner', 'operator', 'flag-state', 'host', 'trainer', 'trainee', 'signatory',
  'beneficiary', 'traveller', 'participant', 'other',
] as const;

export const GOODS_CATEGORIES = [
  'arms', 'ammunition', 'small-arms', 'missiles', 'missile-technology', 'space-launch-technology',
  'nuclear', 'wmd-dual-use', 'military-dual-use', 'luxury-goods', 'coal', 'iron', 'iron-ore',
  'seafood', 'lead', 'lead-ore', 'textiles', 'gold', 'titanium-ore', 'vanadium-ore',
  'rare-earth-minerals', 'copper', 'nickel', 'silver', 'zinc', 'statues', 'food',
  'agricultural-products', 'machinery', 'electrical-equipment', 'earth-and-stone', 'wood',
  'vessels', 'helicopters', 'aircraft', 'aircraft-parts', 'vehicles', 'metals', 'aviation-fuel',
  'condensates', 'natural-gas-liquids', 'crude-oil', 'refined-petroleum', 'medicine',
  'medical-equipment', 'humanitarian-supplies', 'fishing-rights', 'cash', 'other',
] as const;

export const PURPOSES = [
  'humanitarian', 'livelihood', 'medical', 'denuclearization', 'diplomatic', 'civil-aviation',
  'military', 'commercial', 'scientific', 'other',
] as const;

export const FIELDS = [
  'nuclear', 'aerospace', 'aeronautical', 'advanced-manufacturing', 'advanced-physics',
  'computer-simulation', 'geospatial-navigation', 'materials-science', 'chemical-engineering',
  'mechanical-engineering', 'electrical-engineering', 'industrial-engineering', 'medical',
  'agriculture', 'economics', 'culture', 'sport', 'other',
] as const;

/** The documented exemption facts and the kind of value each holds. */
export const EXEMPTION_FACTS: Readonly<Record<string, 'boolean' | 'date' | 'purpose' | 'field' | 'string' | 'shipment-purpose' | 'training-kind' | 'port-entry-reason'>> = {
  committeeApproval: 'boolean',
  committeeNotified: 'boolean',
  stateDetermination: 'boolean',
  purpose: 'purpose',
  contractDate: 'date',
  field: 'field',
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
  shipmentPurpose: 'shipment-purpose',
  trainingKind: 'training-kind',
  portEntryReason: 'port-entry-reason',
  sector: 'string',
};

export const SHIPMENT_PURPOSES = ['repair', 'servicing', 'refurbishing', 'testing', 'reverse-engineering', 'marketing'] as const;
export const TRAINING_KINDS = ['military', 'paramilitary', 'police', 'civilian'] as const;
/** Why a vessel entered a port, where the port-entry bans make an exception: an emergency, or a return to its port of origination. */
export const PORT_ENTRY_REASONS = ['emergency', 'return-to-port-of-origination'] as const;

export const EVIDENCE_LEVEL_NAMES = ['confirmed', 'reported', 'alleged', 'speculative'] as const;
