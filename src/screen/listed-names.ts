// The names a designation list holds, prepared once for screening: every name and alias keyed in each form.
import type { DesignationList } from '../types.js';
import { acronyms, entityForm, personForms, type NameForm, type ScreenKind } from './name-forms.js';
import { COMMON_SURNAME_KEYS } from './romanization.js';

export interface ListedName {
  /** UN reference number, or "IMO 1234567" for a vessel. */
  ref: string;
  kind: ScreenKind;
  /** The entry's primary name. */
  name: string;
  /** The name or alias this is. */
  matchedName: string;
  /** "name", "alias", "low-quality alias", "original script" or "vessel name". */
  source: string;
  weak: boolean;
  forms: NameForm[];
  acronyms: string[];
  born: string[];
  nationalities: string[];
  imo?: string;
  listedOn?: string;
  delistedOn?: string;
  /** A very common family name with a short given name: never a match on the name alone. */
  common: boolean;
}

function isCommon(kind: ScreenKind, forms: readonly NameForm[]): boolean {
  const f = forms[0];
  if (kind !== 'person' || !f) return false;
  const family = f.words[0]!;
  const given = f.words
    .slice(1)
    .map((w) => w.used)
    .join('');
  return COMMON_SURNAME_KEYS.has(family.used) && given.length <= 8;
}

/** A bracketed abbreviation or script is a separate name: "KOREA ... (KOMID)", "Jin Tiesan (金铁三)". */
function splitBrackets(name: string): string[] {
  const inner = [...name.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim()).filter((s) => s && !/^KP[ei]\.\d+$/i.test(s));
  const outer = name
    .replace(/\([^)]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return [outer, ...inner].filter((s) => s.length > 0);
}

export function listedNames(lists: readonly DesignationList[]): ListedName[] {
  const out: ListedName[] = [];
  const seen = new Set<string>();
  const add = (
    base: Omit<ListedName, 'forms' | 'acronyms' | 'common' | 'matchedName' | 'source' | 'weak'>,
    text: string,
    source: string,
    weak: boolean,
  ) => {
    for (const part of splitBrackets(text)) {
      const forms =
        base.kind === 'person' ? personForms(part) : [entityForm(part, base.kind)].filter((f): f is NameForm => f !== undefined);
      if (forms.length === 0) continue;
      const dedupe = `${base.ref}\u0000${forms[0]!.key}\u0000${forms[0]!.digits}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      out.push({
        ...base,
        matchedName: text,
        source,
        weak,
        forms,
        acronyms: base.kind === 'organisation' ? acronyms(part) : [],
        common: isCommon(base.kind, forms),
      });
    }
  };
  for (const list of lists) {
    for (const e of list.entries) {
      const kind: ScreenKind = e.type === 'individual' || e.ref.trim().startsWith('KPi') ? 'person' : 'organisation';
      const base = {
        ref: e.ref.trim(),
        kind,
        name: e.name,
        born: e.born ?? [],
        nationalities: e.nationalities ?? [],
        ...(e.listedOn ? { listedOn: e.listedOn } : {}),
        ...(e.delistedOn ? { delistedOn: e.delistedOn } : {}),
      };
      add(base, e.name, 'name', false);
      for (const a of e.aliases) add(base, a, 'alias', (e.weakAliases ?? []).includes(a));
      for (const a of e.weakAliases ?? []) add(base, a, 'low-quality alias', true);
      for (const a of e.originalScript ?? []) add(base, a, 'original script', false);
    }
    for (const v of list.vessels) {
      const base = {
        ref: `IMO ${v.imo}`,
        kind: 'vessel' as const,
        name: v.names[0] ?? v.imo,
        born: [],
        nationalities: [],
        imo: v.imo,
        ...(v.listedOn ? { listedOn: v.listedOn } : {}),
      };
      v.names.forEach((n, i) => add(base, n, i === 0 ? 'vessel name' : 'other vessel name', false));
    }
  }
  return out;
}
