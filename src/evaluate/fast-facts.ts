// The facts of one record, computed only when a predicate asks for them. Each value is the one
// deriveFacts (src/compile/derive-facts.ts) gives for the same name: `rules test` compares the two
// on every rule example (src/tester/twin-check.ts), the tests on every bundled record and on random
// ones, so a change there that is not made here fails them.
import { toDateSpan } from '../dates/date-span.js';
import type { FactSource, LeafMemo } from '../compile/compile-predicate.js';
import type { DesignationIndex } from '../compile/designation-index.js';
import type { ActivityRecord, Party } from '../types.js';
import { PARTY_ROLES, RECORD_FIELDS, fieldValue } from '../vocabulary/records.js';
import { roleFactName, workerHeadCount } from '../vocabulary/facts.js';

/** The defined, non-empty values, sorted and without repeats (as deriveFacts lists them). */
function uniqueSorted(out: string[]): string[] {
  if (out.length < 2) return out;
  if (out.length <= 8) {
    // Insertion sort: for strings, the order of sort() (UTF-16 code units), faster on a few.
    for (let i = 1; i < out.length; i++) {
      const v = out[i]!;
      let j = i - 1;
      for (; j >= 0 && out[j]! > v; j--) out[j + 1] = out[j]!;
      out[j + 1] = v;
    }
  } else out.sort();
  let k = 1;
  for (let i = 1; i < out.length; i++) if (out[i] !== out[k - 1]) out[k++] = out[i]!;
  out.length = k;
  return out;
}

function collect<T>(items: readonly T[], pick: (item: T) => string | undefined): string[] {
  const out: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = pick(items[i]!);
    if (v !== undefined && v !== '') out.push(v);
  }
  return uniqueSorted(out);
}

/** What a lookup gives for each party (designations, wallet addresses), sorted, or undefined for none (most records). */
function designated(parties: readonly Party[], look: (p: Party) => readonly string[]): string[] | undefined {
  let out: string[] | undefined;
  for (let i = 0; i < parties.length; i++) {
    const found = look(parties[i]!);
    for (let j = 0; j < found.length; j++) if (found[j] !== '') (out ??= []).push(found[j]!);
  }
  return out && uniqueSorted(out);
}

/** deriveFacts drops these when they come out empty (role facts are kept, even empty). */
const nonEmpty = (list: string[]): string[] | undefined => (list.length === 0 ? undefined : list);
const present = (v: unknown): unknown => (v === null ? undefined : v);
const hasOwn = Object.prototype.hasOwnProperty;
const UNSET: unique symbol = Symbol('not computed yet');

type Reader = (facts: LazyFacts) => unknown;

/** The derived lists LazyFacts remembers once computed. */
type ListName =
  | 'partyCountries'
  | 'partyKinds'
  | 'partyRoles'
  | 'goodsCategories'
  | 'hsCodes'
  | 'originCountries'
  | 'designatedParties'
  | 'designatedVessels'
  | 'walletAddresses';

/** A reader that computes a derived list on first use and keeps it on the facts (several rules read each). */
function remembered(name: ListName, compute: (f: LazyFacts) => string[] | undefined): Reader {
  return (f) => {
    const known = f[name];
    return known !== UNSET ? known : (f[name] = compute(f));
  };
}

/** Names deriveFacts always assigns: they shadow an exemption fact of the same name, even when absent. */
const FIELD_READERS: Record<string, Reader> = {
  // The record fields rules test by name, from the vocabulary's table; the long-standing ones are
  // then read by name (faster), each checked against the table's reading on every rule example.
  ...Object.fromEntries(
    Object.entries(RECORD_FIELDS).map(([name, { absent }]) => [name, (f: LazyFacts) => fieldValue(f.record, name, absent)]),
  ),
  id: (f) => present(f.record.id),
  type: (f) => present(f.record.type),
  date: (f) => present(f.record.date),
  parties: (f) => f.parties,
  goods: (f) => f.record.goods ?? [],
  place: (f) => present(f.record.place),
  facts: (f) => f.record.facts ?? {},
  evidence: (f) => present(f.record.evidence),
  partyCountries: remembered('partyCountries', (f) => nonEmpty(collect(f.parties, (p) => p.country))),
  partyKinds: remembered('partyKinds', (f) => nonEmpty(collect(f.parties, (p) => p.kind))),
  partyRoles: remembered('partyRoles', (f) => nonEmpty(collect(f.parties, (p) => p.role))),
  placeCountry: (f) => present(f.record.place?.country),
  placeOrHostCountries: (f) => {
    const country = f.record.place?.country;
    return country !== undefined
      ? [country]
      : nonEmpty(
          collect(
            f.parties.filter((p) => p.role === 'host'),
            (p) => p.country,
          ),
        );
  },
  goodsCategories: remembered('goodsCategories', (f) => nonEmpty(collect(f.record.goods ?? [], (g) => g.category))),
  hsCodes: remembered('hsCodes', (f) => nonEmpty(collect(f.record.goods ?? [], (g) => g.hs))),
  originCountries: remembered('originCountries', (f) => nonEmpty(collect(f.record.goods ?? [], (g) => g.origin))),
  designatedParties: remembered('designatedParties', (f) => designated(f.parties, (p) => f.lookups.entriesFor(p, f.lastDay()))),
  designatedVessels: remembered('designatedVessels', (f) => designated(f.parties, (p) => f.lookups.vesselsFor(p, f.lastDay()))),
  workerCount: (f) => workerHeadCount(f.parties),
  walletAddresses: remembered('walletAddresses', (f) => designated(f.parties, (p) => p.wallets ?? [])),
};

/** Role fact names of the vocabulary's roles, worked out once ("flag-state" → "flagStateCountries"). */
const ROLE_FACT = new Map(PARTY_ROLES.map((r) => [r as string, roleFactName(r)]));

function exemptionFact(name: string): Reader {
  return (f) => {
    const own = f.record.facts;
    return own && hasOwn.call(own, name) ? present(own[name]) : undefined;
  };
}

function roleReader(name: string): Reader {
  const fallback = exemptionFact(name);
  return (f) => f.roleCountries(name) ?? fallback(f);
}

/**
 * Facts read lazily from a record. Names deriveFacts always assigns (record fields and derived
 * lists) shadow exemption facts of the same name even when their own value is absent; a role fact
 * shadows one only when some party has that role.
 */
export class LazyFacts implements FactSource {
  /** Derived lists, remembered once computed (several rules read each). */
  partyCountries: string[] | undefined | typeof UNSET = UNSET;
  partyKinds: string[] | undefined | typeof UNSET = UNSET;
  partyRoles: string[] | undefined | typeof UNSET = UNSET;
  goodsCategories: string[] | undefined | typeof UNSET = UNSET;
  hsCodes: string[] | undefined | typeof UNSET = UNSET;
  originCountries: string[] | undefined | typeof UNSET = UNSET;
  designatedParties: string[] | undefined | typeof UNSET = UNSET;
  designatedVessels: string[] | undefined | typeof UNSET = UNSET;
  walletAddresses: string[] | undefined | typeof UNSET = UNSET;
  private until: string | undefined | typeof UNSET;
  readonly parties: Party[];
  readonly lookups: DesignationIndex;

  constructor(
    readonly record: ActivityRecord,
    index: DesignationIndex,
    /** Leaf results for this record, shared by the predicates that read these facts. */
    readonly memo?: LeafMemo,
    /** The last day of the record's date, when the caller knows it already (a loaded record's span). */
    lastDay?: string,
  ) {
    this.parties = record.parties ?? [];
    this.lookups = index;
    this.until = lastDay ?? UNSET;
  }

  /** The function that reads a fact by this name: resolved once, when a rule is compiled. */
  static reader(name: string): Reader {
    const field = hasOwn.call(FIELD_READERS, name) ? FIELD_READERS[name] : undefined;
    if (field) return field;
    if (name.endsWith('Countries')) return roleReader(name);
    return exemptionFact(name);
  }

  /** The last day of the record's date, as deriveFacts works it out for designation lookups. */
  lastDay(): string | undefined {
    return this.until !== UNSET ? this.until : (this.until = toDateSpan(this.record.date)?.end);
  }

  /** Countries of the parties in the role this fact is named for; undefined when no party has the role. */
  roleCountries(name: string): string[] | undefined {
    let out: string[] | undefined;
    for (let i = 0; i < this.parties.length; i++) {
      const p = this.parties[i]!;
      if (!p.role || p.role === 'other' || (ROLE_FACT.get(p.role) ?? roleFactName(p.role)) !== name) continue;
      out ??= [];
      if (p.country !== undefined && p.country !== '') out.push(p.country);
    }
    return out && uniqueSorted(out);
  }

  get(name: string): unknown {
    return LazyFacts.reader(name)(this);
  }
}
