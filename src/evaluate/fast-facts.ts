// The facts of one record, computed only when a predicate asks for them. Each value is the one
// deriveFacts (src/compile/derive-facts.ts) gives for the same name; tests/scale compare the two
// on random records, so a change there that is not made here fails the tests.
import type { FactSource } from '../compile/compile-predicate.js';
import type { DesignationIndex } from '../compile/designation-index.js';
import type { ActivityRecord, Party } from '../types.js';
import { roleFactName } from '../vocabulary/facts.js';

function uniqueSorted(values: Iterable<string | undefined>): string[] {
  const set = new Set<string>();
  for (const v of values) if (v !== undefined && v !== '') set.add(v);
  return [...set].sort();
}

/** deriveFacts drops these when they come out empty (role facts are kept, even empty). */
const nonEmpty = (list: string[]): string[] | undefined => (list.length === 0 ? undefined : list);
const present = (v: unknown): unknown => (v === null ? undefined : v);
const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Facts read lazily from a record. Names deriveFacts always assigns (record fields and derived
 * lists) shadow exemption facts of the same name even when their own value is absent; a role fact
 * shadows one only when some party has that role.
 */
export class LazyFacts implements FactSource {
  private cache: Record<string, unknown> | undefined;
  private byRole: Map<string, (string | undefined)[]> | undefined;

  constructor(
    private readonly record: ActivityRecord,
    private readonly index: DesignationIndex,
  ) {}

  private get parties(): Party[] {
    return this.record.parties ?? [];
  }

  private roleCountries(name: string): string[] | undefined {
    if (!this.byRole) {
      this.byRole = new Map();
      for (const p of this.parties) {
        if (!p.role || p.role === 'other') continue;
        const key = roleFactName(p.role);
        const l = this.byRole.get(key);
        if (l) l.push(p.country);
        else this.byRole.set(key, [p.country]);
      }
    }
    const countries = this.byRole.get(name);
    return countries && uniqueSorted(countries);
  }

  get(name: string): unknown {
    const c = this.cache;
    if (c !== undefined && name in c) return c[name];
    const v = this.compute(name);
    (this.cache ??= Object.create(null) as Record<string, unknown>)[name] = v;
    return v;
  }

  private compute(name: string): unknown {
    const r = this.record;
    switch (name) {
      case 'id':
        return present(r.id);
      case 'type':
        return present(r.type);
      case 'date':
        return present(r.date);
      case 'parties':
        return this.parties;
      case 'goods':
        return r.goods ?? [];
      case 'place':
        return present(r.place);
      case 'facts':
        return r.facts ?? {};
      case 'evidence':
        return present(r.evidence);
      case 'partyCountries':
        return nonEmpty(uniqueSorted(this.parties.map((p) => p.country)));
      case 'partyKinds':
        return nonEmpty(uniqueSorted(this.parties.map((p) => p.kind)));
      case 'partyRoles':
        return nonEmpty(uniqueSorted(this.parties.map((p) => p.role)));
      case 'placeCountry':
        return present(r.place?.country);
      case 'goodsCategories':
        return nonEmpty(uniqueSorted((r.goods ?? []).map((g) => g.category)));
      case 'hsCodes':
        return nonEmpty(uniqueSorted((r.goods ?? []).map((g) => g.hs)));
      case 'originCountries':
        return nonEmpty(uniqueSorted((r.goods ?? []).map((g) => g.origin)));
      case 'designatedParties':
        return nonEmpty(uniqueSorted(this.parties.flatMap((p) => this.index.entriesFor(p))));
      case 'designatedVessels':
        return nonEmpty(uniqueSorted(this.parties.flatMap((p) => this.index.vesselsFor(p))));
    }
    if (name.endsWith('Countries')) {
      const countries = this.roleCountries(name);
      if (countries) return countries;
    }
    const own = r.facts;
    return own && hasOwn.call(own, name) ? present(own[name]) : undefined;
  }
}
