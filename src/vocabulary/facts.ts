// The names of the facts a rule may test: record fields, exemption facts and derived facts.
import { EXEMPTION_FACTS, PARTY_ROLES, RECORD_FIELDS } from './records.js';

/** "flag-state" → "flagStateCountries". */
export function roleFactName(role: string): string {
  return role.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) + 'Countries';
}

/** The record fields a rule can test by name (records.ts, RECORD_FIELDS). */
export const RECORD_FACTS: readonly string[] = Object.keys(RECORD_FIELDS);

export const DERIVED_FACTS = [
  'partyCountries',
  'partyKinds',
  'partyRoles',
  'placeCountry',
  'placeOrHostCountries',
  'goodsCategories',
  'hsCodes',
  'originCountries',
  'designatedParties',
  'designatedVessels',
  'workerCount',
  'walletAddresses',
  ...PARTY_ROLES.filter((r) => r !== 'other').map(roleFactName),
] as const;

/**
 * The head count of the workers a record names: the sum of `count` over parties in the worker
 * role, a worker party without a count counting as one. Undefined when no party is a worker.
 */
export function workerHeadCount(parties: readonly { role?: string; count?: number }[]): number | undefined {
  let total: number | undefined;
  for (let i = 0; i < parties.length; i++) {
    const p = parties[i]!;
    if (p.role === 'worker') total = (total ?? 0) + (p.count ?? 1);
  }
  return total;
}

export const KNOWN_FACTS: ReadonlySet<string> = new Set<string>([...RECORD_FACTS, ...DERIVED_FACTS, ...Object.keys(EXEMPTION_FACTS)]);
