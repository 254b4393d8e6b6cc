// Finds conditions that can never hold or always hold: a value outside a fact's vocabulary, an
// operator that does not suit the kind of fact (a list compared with `equal`, a date operator on a
// country), a fact that every record has tested with `exists`, and leaves of one `all` that
// contradict each other. These are warnings: the rule still loads, but it is almost surely wrong.
import { addDays, toDateSpan } from '../dates/date-span.js';
import type { ConditionLeaf } from '../types.js';
import { COUNTRY_CODES, countryName } from '../vocabulary/countries.js';
import { DERIVED_FACTS, KNOWN_FACTS } from '../vocabulary/facts.js';
import { RECORD_FIELDS } from '../vocabulary/records.js';
import { recordSchema } from './schemas.js';
import { closest } from './suggest.js';

/** What a fact holds when a record has it. */
export interface FactDomain {
  shape: 'scalar' | 'list' | 'object' | 'date';
  /** For scalars (or list items): the only values it can take, where a vocabulary fixes them. */
  values?: readonly string[];
  /** For scalars: the type of value. */
  type?: 'string' | 'boolean';
  /** Every record has it. */
  always?: boolean;
}

type SchemaNode = { type?: unknown; enum?: readonly string[]; format?: string; properties?: Record<string, SchemaNode> };

const recordProps = (recordSchema as SchemaNode).properties ?? {};

function partyEnum(name: string): readonly string[] | undefined {
  const parties = recordProps.parties as { items?: SchemaNode } | undefined;
  return parties?.items?.properties?.[name]?.enum;
}

function goodsEnum(name: string): readonly string[] | undefined {
  const goods = recordProps.goods as { items?: SchemaNode } | undefined;
  return goods?.items?.properties?.[name]?.enum;
}

/** The domain of each fact a rule can name, from the record schema, so the two never disagree. */
function buildDomains(): Map<string, FactDomain> {
  const d = new Map<string, FactDomain>();
  const typeEnum = (recordProps.type as SchemaNode | undefined)?.enum;
  d.set('id', { shape: 'scalar', type: 'string', always: true });
  d.set('type', { shape: 'scalar', type: 'string', always: true, ...(typeEnum ? { values: typeEnum } : {}) });
  d.set('date', { shape: 'date', always: true });
  d.set('parties', { shape: 'list', always: true });
  d.set('goods', { shape: 'list', always: true });
  d.set('facts', { shape: 'object', always: true });
  d.set('evidence', { shape: 'object', always: true });
  d.set('place', { shape: 'object' });
  d.set('placeCountry', { shape: 'scalar', type: 'string', values: COUNTRY_CODES });
  for (const name of DERIVED_FACTS as readonly string[]) {
    if (name.endsWith('Countries')) d.set(name, { shape: 'list', values: COUNTRY_CODES });
  }
  const lists: Record<string, readonly string[] | undefined> = {
    partyKinds: partyEnum('kind'),
    partyRoles: partyEnum('role'),
    goodsCategories: goodsEnum('category'),
    hsCodes: undefined,
    designatedParties: undefined,
    designatedVessels: undefined,
  };
  for (const [name, values] of Object.entries(lists)) d.set(name, { shape: 'list', ...(values ? { values } : {}) });
  const scalar = (name: string, s: SchemaNode): void => {
    if (s.type === 'boolean') d.set(name, { shape: 'scalar', type: 'boolean' });
    else if (s.format === 'partial-date') d.set(name, { shape: 'date' });
    else if (s.type === 'string') d.set(name, { shape: 'scalar', type: 'string', ...(s.enum ? { values: s.enum } : {}) });
  };
  const facts = (recordProps.facts as SchemaNode | undefined)?.properties ?? {};
  for (const [name, s] of Object.entries(facts)) scalar(name, s);
  // Record fields of a plain kind (the vocabulary's RECORD_FIELDS), as the record schema has them.
  for (const [name, f] of Object.entries(RECORD_FIELDS)) if (f.kind !== 'structured' && recordProps[name]) scalar(name, recordProps[name]);
  return d;
}

let domains: Map<string, FactDomain> | undefined;
let countryCodes: Map<string, string> | undefined;

/** The code of a country written by its English name ("North Korea" → KP). */
function countryByName(name: string): string | undefined {
  countryCodes ??= new Map(COUNTRY_CODES.map((c) => [countryName(c).toLowerCase(), c]));
  return countryCodes.get(name.toLowerCase());
}

export function factDomain(fact: string): FactDomain | undefined {
  domains ??= buildDomains();
  return KNOWN_FACTS.has(fact) ? domains.get(fact) : undefined;
}

export interface SenseProblem {
  code: 'condition-never-matches' | 'condition-constant';
  message: string;
  /** The part of the leaf at fault. */
  at: 'operator' | 'value';
}

const POSITIVE = new Set(['equal', 'in', 'contains', 'includesAny', 'includesAll']);
const NEGATIVE = new Set(['notEqual', 'notIn', 'doesNotContain', 'includesNone']);
const NUMERIC = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
const DATED = new Set(['dateBefore', 'dateOnOrBefore', 'dateAfter', 'dateOnOrAfter']);

const never = (message: string, at: SenseProblem['at'] = 'operator'): SenseProblem => ({ code: 'condition-never-matches', message, at });
const always = (message: string, at: SenseProblem['at'] = 'operator'): SenseProblem => ({ code: 'condition-constant', message, at });
const quote = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : String(v));

/** What is wrong with one leaf on its own (a leaf with a `path` is not judged). */
export function leafSense(leaf: ConditionLeaf): SenseProblem[] {
  if (leaf.path !== undefined) return [];
  const d = factDomain(leaf.fact);
  if (!d) return [];
  const { fact, operator: op, value } = leaf;
  const out: SenseProblem[] = [];
  if (op === 'exists') {
    if (d.always)
      out.push(
        value === true
          ? always(`every record has '${fact}', so this condition always holds`)
          : never(`every record has '${fact}', so this condition never holds`),
      );
    return out;
  }
  if (NUMERIC.has(op)) return [never(`'${fact}' is never a number, so '${op}' never holds`)];
  if (DATED.has(op)) return d.shape === 'date' ? [] : [never(`'${fact}' is not a date, so '${op}' never holds`)];
  if (op === 'hsCodeIn') return fact === 'hsCodes' ? [] : [never(`'${fact}' holds no HS codes, so 'hsCodeIn' never holds; test 'hsCodes'`)];
  if (d.shape === 'object' || (d.shape === 'list' && d.values === undefined && (fact === 'parties' || fact === 'goods'))) {
    if (op === 'equal' || op === 'in' || op === 'contains' || op === 'includesAny' || op === 'includesAll') {
      return [
        never(
          `'${fact}' holds ${d.shape === 'object' ? 'a mapping' : 'a list of mappings'}, which '${op}' never matches; test one of its parts with 'path' or a derived fact`,
        ),
      ];
    }
    return [];
  }
  if (d.shape === 'list' && (op === 'equal' || op === 'in')) {
    return [never(`'${fact}' is a list, which '${op}' never matches; use 'includesAny' (or 'contains')`)];
  }
  if (d.shape === 'list' && (op === 'notEqual' || op === 'notIn')) {
    return [always(`'${fact}' is a list, which '${op}' always accepts; use 'includesNone' (or 'doesNotContain')`)];
  }
  if (d.shape !== 'list' && (op === 'contains' || op === 'doesNotContain')) {
    return [never(`'${fact}' is a single value, not a list, so '${op}' never holds; use '${op === 'contains' ? 'equal' : 'notEqual'}'`)];
  }
  const values = Array.isArray(value) ? value : [value];
  if (d.type === 'boolean') {
    const odd = values.filter((v) => typeof v !== 'boolean');
    if (odd.length > 0 && odd.length === values.length) {
      if (POSITIVE.has(op)) out.push(never(`'${fact}' is true or false, never ${quote(odd[0])}, so this condition never holds`, 'value'));
      else if (NEGATIVE.has(op))
        out.push(
          always(
            `'${fact}' is true or false, never ${quote(odd[0])}, so this condition always holds when the record gives '${fact}'`,
            'value',
          ),
        );
    }
    return out;
  }
  if (!d.values) return out;
  const vocab = d.values;
  const known = new Set<unknown>(vocab);
  const outside = values.filter((v) => !known.has(v));
  if (outside.length === 0) {
    const given = new Set(values);
    if (fact === 'type' && (op === 'in' || op === 'includesAny') && vocab.every((v) => given.has(v))) {
      out.push(always(`the list names every record type, so this condition always holds`, 'value'));
    }
    return out;
  }
  const guess = (v: unknown): string | undefined => {
    if (typeof v !== 'string') return undefined;
    // Two-letter codes are all close to each other: only a country's name is worth a suggestion.
    return vocab === COUNTRY_CODES ? countryByName(v) : closest(v, vocab);
  };
  const guesses = outside
    .slice(0, 5)
    .map(guess)
    .filter((g) => g !== undefined);
  const hint = guesses.length > 0 ? `; did you mean ${guesses.map(quote).join(', ')}?` : '';
  const shown = outside.slice(0, 5).map(quote).join(', ') + (outside.length > 5 ? ` and ${outside.length - 5} more` : '');
  const isAre = outside.length === 1 ? 'is not a value' : 'are not values';
  if (POSITIVE.has(op)) {
    const whole = op === 'includesAll' || outside.length === values.length;
    out.push(
      never(
        `${shown} ${isAre} '${fact}' can take, so ${whole ? 'this condition never holds' : outside.length === 1 ? 'it never matches' : 'they never match'}${hint}`,
        'value',
      ),
    );
  } else if (NEGATIVE.has(op)) {
    const whole = outside.length === values.length;
    out.push(
      whole
        ? always(
            `${shown} ${isAre} '${fact}' can take, so this condition always holds${d.always ? '' : ` when the record gives '${fact}'`}${hint}`,
            'value',
          )
        : never(
            `${shown} ${isAre} '${fact}' can take, so ${outside.length === 1 ? 'it excludes' : 'they exclude'} nothing${hint}`,
            'value',
          ),
    );
  }
  return out;
}

/** A leaf of an `all`, with where it stands. */
export interface PlacedLeaf<P> {
  leaf: ConditionLeaf;
  at: P;
  line: number;
}

export interface Contradiction<P> {
  at: P;
  message: string;
}

/**
 * Leaves of one `all` (nested `all`s included) that cannot hold together: two different values
 * required of one single-valued fact, a value both required and excluded, a fact required absent
 * and tested, or dates that leave no day between them.
 */
export function contradictions<P>(leaves: readonly PlacedLeaf<P>[]): Contradiction<P>[] {
  const out: Contradiction<P>[] = [];
  const byFact = new Map<string, PlacedLeaf<P>[]>();
  for (const l of leaves) {
    if (l.leaf.path !== undefined || !factDomain(l.leaf.fact)) continue;
    const list = byFact.get(l.leaf.fact) ?? [];
    list.push(l);
    byFact.set(l.leaf.fact, list);
  }
  for (const [fact, list] of byFact) {
    if (list.length < 2) continue;
    const d = factDomain(fact)!;
    const found =
      d.shape === 'list' ? listConflict(fact, list) : d.shape === 'date' ? dateConflict(fact, list) : scalarConflict(fact, list);
    const absent = list.find((l) => l.leaf.operator === 'exists' && l.leaf.value === false);
    const tested = absent && list.find((l) => l !== absent && !(l.leaf.operator === 'exists' && l.leaf.value === false));
    if (absent && tested) {
      const later = absent.line <= tested.line ? tested : absent;
      out.push({
        at: later.at,
        message: `'${fact}' is required to be absent (line ${absent.line}) and tested with '${tested.leaf.operator}' (line ${tested.line}): this 'all' never holds`,
      });
    } else if (found) out.push(found);
  }
  return out;
}

function asValues(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [v];
}

function scalarConflict<P>(fact: string, list: PlacedLeaf<P>[]): Contradiction<P> | undefined {
  let allowed: unknown[] | undefined;
  let allowedAt: PlacedLeaf<P> | undefined;
  const excluded = new Map<unknown, PlacedLeaf<P>>();
  for (const l of list) {
    const { operator: op, value } = l.leaf;
    if (op === 'equal' || op === 'in') {
      const vals = asValues(value);
      const set = new Set(vals);
      const next = allowed === undefined ? vals : allowed.filter((v) => set.has(v));
      if (next.length === 0) {
        return {
          at: l.at,
          message: `'${fact}' cannot be ${describeValues(allowed!)} (line ${allowedAt!.line}) and ${describeValues(vals)} at once: this 'all' never holds`,
        };
      }
      allowed = next;
      allowedAt = l;
    } else if (op === 'notEqual' || op === 'notIn') {
      for (const v of asValues(value)) if (!excluded.has(v)) excluded.set(v, l);
    } else continue;
    if (allowed?.every((v) => excluded.has(v))) {
      const ex = excluded.get(allowed[0])!;
      const later = ex.line >= allowedAt!.line ? ex : allowedAt!;
      const earlier = later === ex ? allowedAt! : ex;
      return {
        at: later.at,
        message: `'${fact}' is required to be ${describeValues(allowed)} and excluded from it (lines ${earlier.line} and ${later.line}): this 'all' never holds`,
      };
    }
  }
  return undefined;
}

function listConflict<P>(fact: string, list: PlacedLeaf<P>[]): Contradiction<P> | undefined {
  const required = new Map<unknown, PlacedLeaf<P>>();
  const excluded = new Map<unknown, PlacedLeaf<P>>();
  const anyOf: PlacedLeaf<P>[] = [];
  for (const l of list) {
    const { operator: op, value } = l.leaf;
    if (op === 'contains' || op === 'includesAll') for (const v of asValues(value)) required.set(v, required.get(v) ?? l);
    else if (op === 'doesNotContain' || op === 'includesNone') for (const v of asValues(value)) excluded.set(v, excluded.get(v) ?? l);
    else if (op === 'includesAny') anyOf.push(l);
  }
  for (const [v, req] of required) {
    const ex = excluded.get(v);
    if (ex) {
      const [a, b] = req.line <= ex.line ? [req, ex] : [ex, req];
      return {
        at: b.at,
        message: `'${fact}' must both include and not include ${describeValues([v])} (lines ${a.line} and ${b.line}): this 'all' never holds`,
      };
    }
  }
  for (const l of anyOf) {
    const vals = asValues(l.leaf.value);
    if (vals.length > 0 && vals.every((v) => excluded.has(v))) {
      const ex = excluded.get(vals[0])!;
      const [a, b] = l.line <= ex.line ? [l, ex] : [ex, l];
      return {
        at: b.at,
        message: `'${fact}' must include ${describeValues(vals)}, and ${vals.length === 1 ? 'that is' : 'all are'} excluded (lines ${a.line} and ${b.line}): this 'all' never holds`,
      };
    }
  }
  return undefined;
}

function dateConflict<P>(fact: string, list: PlacedLeaf<P>[]): Contradiction<P> | undefined {
  // The fact's span [start, end] must start on or after `low` and end on or before `high`.
  let low: { day: string; leaf: PlacedLeaf<P> } | undefined;
  let high: { day: string; leaf: PlacedLeaf<P> } | undefined;
  for (const l of list) {
    const span = toDateSpan(l.leaf.value);
    if (!span) continue;
    const op = l.leaf.operator;
    const lo = op === 'dateAfter' ? addDays(span.end, 1) : op === 'dateOnOrAfter' ? span.start : undefined;
    const hi = op === 'dateBefore' ? addDays(span.start, -1) : op === 'dateOnOrBefore' ? span.end : undefined;
    if (lo !== undefined && (!low || lo > low.day)) low = { day: lo, leaf: l };
    if (hi !== undefined && (!high || hi < high.day)) high = { day: hi, leaf: l };
    if (low && high && low.day > high.day) {
      const [a, b] = low.leaf.line <= high.leaf.line ? [low.leaf, high.leaf] : [high.leaf, low.leaf];
      return {
        at: b.at,
        message: `'${fact}' would have to fall on or after ${low.day} and on or before ${high.day} (lines ${a.line} and ${b.line}): this 'all' never holds`,
      };
    }
  }
  return undefined;
}

function describeValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 5).map(quote).join(', ');
  return values.length === 1 ? shown : `one of ${shown}${values.length > 5 ? ', ...' : ''}`;
}
