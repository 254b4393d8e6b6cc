// Looks parties up in the designation lists: by UN reference number, IMO number, name or alias.
import type { DesignationList, Party } from '../types.js';

/** Case, spacing and punctuation (hyphens, dots, commas, apostrophes) are ignored in names. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[-‐‑–—.,'’`]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface DesignationIndex {
  /**
   * UN reference numbers of the list entries the party matches. With `until` (the last day of the
   * activity), entries listed after it are left out: dealing with a party before it was listed is
   * not dealing with a designated party.
   */
  entriesFor(party: Party, until?: string): string[];
  /** IMO numbers of the designated vessels the party matches, listed by `until` when given. */
  vesselsFor(party: Party, until?: string): string[];
}

/** Whether an entry listed on `listed` was on the list by `until` (both ISO days; unknown counts as listed). */
function listedBy(listed: string | undefined, until: string | undefined): boolean {
  return listed === undefined || until === undefined || listed <= until;
}

export function buildDesignationIndex(lists: readonly DesignationList[]): DesignationIndex {
  const refs = new Set<string>();
  const listedOn = new Map<string, string>();
  const vesselListedOn = new Map<string, string>();
  const byName = new Map<string, Set<string>>();
  const imos = new Set<string>();
  const vesselByName = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, key: string, v: string) => {
    if (!key) return;
    let s = map.get(key);
    if (!s) map.set(key, (s = new Set()));
    s.add(v);
  };
  for (const list of lists) {
    for (const e of list.entries) {
      const ref = e.ref.trim();
      refs.add(ref);
      if (e.listedOn) listedOn.set(ref, e.listedOn);
      add(byName, normalizeName(e.name), ref);
      for (const a of e.aliases) add(byName, normalizeName(a), ref);
    }
    for (const v of list.vessels) {
      if (v.imo) imos.add(v.imo);
      if (v.imo && v.listedOn) vesselListedOn.set(v.imo, v.listedOn);
      for (const n of v.names) add(vesselByName, normalizeName(n), v.imo);
    }
  }
  return {
    entriesFor(party, until) {
      const out = new Set<string>();
      const ref = party.identifiers?.unRef?.trim();
      if (ref && refs.has(ref)) out.add(ref);
      for (const r of byName.get(normalizeName(party.name)) ?? []) out.add(r);
      return [...out].filter((r) => listedBy(listedOn.get(r), until)).sort();
    },
    vesselsFor(party, until) {
      const out = new Set<string>();
      const imo = party.identifiers?.imo;
      if (imo && imos.has(imo)) out.add(imo);
      if (party.kind === 'vessel' || party.kind === undefined) {
        for (const i of vesselByName.get(normalizeName(party.name)) ?? []) if (i) out.add(i);
      }
      return [...out].filter((i) => listedBy(vesselListedOn.get(i), until)).sort();
    },
  };
}
