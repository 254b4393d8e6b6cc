// Computes the facts a rule can test from one record: its fields, exemption facts and derived lists.
import { toDateSpan } from '../dates/date-span.js';
import type { ActivityRecord } from '../types.js';
import { roleFactName, workerHeadCount } from '../vocabulary/facts.js';
import { RECORD_FIELDS, fieldValue } from '../vocabulary/records.js';
import type { DesignationIndex } from './designation-index.js';

export type Facts = Record<string, unknown>;

function uniqueSorted(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v !== undefined && v !== '') set.add(v);
  return [...set].sort();
}

/** Facts are plain data; a missing value is left out (undefined), never an empty string. */
export function deriveFacts(record: ActivityRecord, index: DesignationIndex): Facts {
  const parties = record.parties ?? [];
  const goods = record.goods ?? [];
  const facts: Facts = Object.create(null) as Facts;
  // Exemption facts first, so that record fields and derived facts of the same name win.
  for (const [k, v] of Object.entries(record.facts ?? {})) facts[k] = v;
  for (const name in RECORD_FIELDS) facts[name] = fieldValue(record, name, RECORD_FIELDS[name]!.absent);
  facts.partyCountries = uniqueSorted(parties.map((p) => p.country));
  facts.partyKinds = uniqueSorted(parties.map((p) => p.kind));
  facts.partyRoles = uniqueSorted(parties.map((p) => p.role));
  const byRole = new Map<string, (string | undefined)[]>();
  for (const p of parties) {
    if (!p.role || p.role === 'other') continue;
    const l = byRole.get(p.role) ?? [];
    l.push(p.country);
    byRole.set(p.role, l);
  }
  for (const [role, countries] of byRole) facts[roleFactName(role)] = uniqueSorted(countries);
  facts.placeCountry = record.place?.country;
  // Where the activity is: the place's country, or without one the host parties' countries.
  facts.placeOrHostCountries =
    record.place?.country !== undefined
      ? [record.place.country]
      : uniqueSorted(parties.filter((p) => p.role === 'host').map((p) => p.country));
  facts.goodsCategories = uniqueSorted(goods.map((g) => g.category));
  facts.hsCodes = uniqueSorted(goods.map((g) => g.hs));
  facts.originCountries = uniqueSorted(goods.map((g) => g.origin));
  facts.workerCount = workerHeadCount(parties);
  facts.walletAddresses = uniqueSorted(parties.flatMap((p) => p.wallets ?? []));
  const until = toDateSpan(record.date)?.end;
  facts.designatedParties = uniqueSorted(parties.flatMap((p) => index.entriesFor(p, until)));
  facts.designatedVessels = uniqueSorted(parties.flatMap((p) => index.vesselsFor(p, until)));
  for (const k of [
    'designatedParties',
    'designatedVessels',
    'partyCountries',
    'partyKinds',
    'partyRoles',
    'placeOrHostCountries',
    'goodsCategories',
    'hsCodes',
    'originCountries',
    'walletAddresses',
  ]) {
    if ((facts[k] as string[]).length === 0) delete facts[k];
  }
  for (const k of Object.keys(facts)) if (facts[k] === undefined || facts[k] === null) delete facts[k];
  return facts;
}
