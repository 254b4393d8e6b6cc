// The facts of one record, computed only when a predicate asks for them. Each value is the one
// deriveFacts (src/compile/derive-facts.ts) gives for the same name; tests/scale compare the two
// on random records, so a change there that is not made here fails the tests.
import { toDateSpan } from '../dates/date-span.js';
import type { FactSource, LeafMemo } from '../compile/compile-predicate.js';
import type { DesignationIndex } from '../compile/designation-index.js';
import type { ActivityRecord, Party } from '../types.js';
import { PARTY_ROLES } from '../vocabulary/records.js';
import { roleFactName } from '../vocabulary/facts.js';

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

/** The designations of all parties, sorted, or undefined for none (most records). */
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

/** Names deriveFacts always assigns: they shadow an exemption fact of the same name, even when absent. */
const FIELD_READERS: Record<string, Reader> = {
  id: (f) => present(f.record.id),
  type: (f) => present(f.record.type),
  date: (f) => present(f.record.date),
  parties: (f) => f.parties,
  goods: (f) => f.record.goods ?? [],
  place: (f) => present(f.record.place),
  facts: (f) => f.record.facts ?? {},
  evidence: (f) => present(f.record.evidence),
  partyCountries: (f) => (f.partyCountries !== UNSET ? f.partyCountries : (f.partyCountries = nonEmpty(collect(f.parties, (p) => p.country)))),
  partyKinds: (f) => nonEmpty(collect(f.parties, (p) => p.kind)),
  partyRoles: (f) => nonEmpty(collect(f.parties, (p) => p.role)),
  placeCountry: (f) => present(f.record.place?.country),
  goodsCategories: (f) =>
    f.goodsCategories !== UNSET ? f.goodsCategories : (f.goodsCategories = nonEmpty(collect(f.record.goods ?? [], (g) => g.category))),
  hsCodes: (f) => nonEmpty(collect(f.record.goods ?? [], (g) => g.hs)),
  originCountries: (f) =>
    f.originCountries !== UNSET ? f.originCountries : (f.originCountries = nonEmpty(collect(f.record.goods ?? [], (g) => g.origin))),
  designatedParties: (f) => designated(f.parties, (p) => f.lookups.entriesFor(p, toDateSpan(f.record.date)?.end)),
  designatedVessels: (f) => designated(f.parties, (p) => f.lookups.vesselsFor(p, toDateSpan(f.record.date)?.end)),
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
  /** Lists many rules read, remembered once computed. */
  partyCountries: string[] | undefined | typeof UNSET = UNSET;
  goodsCategories: string[] | undefined | typeof UNSET = UNSET;
  originCountries: string[] | undefined | typeof UNSET = UNSET;
  private byRole: Map<string, (string | undefined)[]> | undefined;
  readonly parties: Party[];
  readonly lookups: DesignationIndex;

  constructor(
    readonly record: ActivityRecord,
    index: DesignationIndex,
    /** Leaf results for this record, shared by the predicates that read these facts. */
    readonly memo?: LeafMemo,
  ) {
    this.parties = record.parties ?? [];
    this.lookups = index;
  }

  /** The function that reads a fact by this name: resolved once, when a rule is compiled. */
  static reader(name: string): Reader {
    const field = hasOwn.call(FIELD_READERS, name) ? FIELD_READERS[name] : undefined;
    if (field) return field;
    if (name.endsWith('Countries')) return roleReader(name);
    return exemptionFact(name);
  }

  /** Countries of the parties in the role this fact is named for; undefined when no party has the role. */
  roleCountries(name: string): string[] | undefined {
    if (!this.byRole) {
      this.byRole = new Map();
      for (const p of this.parties) {
        if (!p.role || p.role === 'other') continue;
        const key = ROLE_FACT.get(p.role) ?? roleFactName(p.role);
        const l = this.byRole.get(key);
        if (l) l.push(p.country);
        else this.byRole.set(key, [p.country]);
      }
    }
    const countries = this.byRole.get(name);
    return countries && collect(countries, (c) => c);
  }

  get(name: string): unknown {
    return LazyFacts.reader(name)(this);
  }
}
