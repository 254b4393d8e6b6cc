// The names of the facts a rule may test: record fields, exemption facts and derived facts.
import { EXEMPTION_FACTS, PARTY_ROLES } from './records.js';

/** "flag-state" → "flagStateCountries". */
export function roleFactName(role: string): string {
  return role.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + 'Countries';
}

export const RECORD_FACTS = ['id', 'type', 'date', 'parties', 'goods', 'place', 'facts', 'evidence'] as const;

export const DERIVED_FACTS = [
  'partyCountries', 'partyKinds', 'partyRoles', 'placeCountry', 'placeOrHostCountries', 'goodsCategories', 'hsCodes',
  'originCountries', 'designatedParties', 'designatedVessels',
  ...PARTY_ROLES.filter((r) => r !== 'other').map(roleFactName),
] as const;

export const KNOWN_FACTS: ReadonlySet<string> = new Set<string>([
  ...RECORD_FACTS,
  ...DERIVED_FACTS,
  ...Object.keys(EXEMPTION_FACTS),
]);
