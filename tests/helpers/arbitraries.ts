// fast-check arbitraries over the record vocabulary (and over condition trees), for the
// differential tests of the fast evaluation path.
import fc from 'fast-check';
import { OPERATORS } from '../../src/vocabulary/operators.js';
import type { ActivityRecord, ConditionTree, DesignationList, LoadedRecord, LoadedRule, Rule, RuleSet } from '../../src/types.js';
import { recordSchema } from '../../src/validate/schemas.js';
import { validateRecord } from '../../src/validate/validate-record.js';
import { KNOWN_FACTS } from '../../src/vocabulary/facts.js';
import {
  EVIDENCE_LEVEL_NAMES,
  EXEMPTION_FACTS,
  FIELDS,
  GOODS_CATEGORIES,
  PARTY_KINDS,
  PARTY_ROLES,
  PURPOSES,
  RECORD_TYPES,
} from '../../src/vocabulary/records.js';

const COUNTRIES = ['KP', 'RU', 'CN', 'IR', 'SY', 'US', 'KR', 'JP', 'MN', 'SG', 'AE', 'DE'];
const HS = ['9306', '930690', '2701', '270112', '2601', '84', '8471', '030617', '0306', '7108', '2709', '2710', '89', '8802', '62', '03'];
interface FactSchema {
  type?: string;
  enum?: string[];
  format?: string;
}

const EXTRA_FACT_KEYS = [
  'someNumber',
  'someFlag',
  'note',
  'planned',
  'sector',
  'shipmentPurpose',
  'trainingKind',
  'jointVenture',
  'name',
  'partyCountries',
  'supplierCountries',
  'type',
  'hsCodes',
  'placeCountry',
  'workerCountries',
];

/** String values written in the leaves of a rule set: records built from them meet rules often. */
export function ruleVocabulary(rules: RuleSet): string[] {
  const out = new Set<string>();
  const walk = (t: ConditionTree): void => {
    if ('all' in t) t.all.forEach(walk);
    else if ('any' in t) t.any.forEach(walk);
    else if ('not' in t) walk(t.not);
    else if ('fact' in t) for (const v of Array.isArray(t.value) ? t.value : [t.value]) if (typeof v === 'string') out.add(v);
  };
  for (const { rule } of rules.rules) {
    walk(rule.when);
    for (const ex of rule.unless ?? []) walk(ex.when);
  }
  return [...out].sort();
}

const partialDate = fc.oneof(
  fc.integer({ min: 2000, max: 2025 }).map(String),
  fc.tuple(fc.integer({ min: 2000, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 2000, max: 2025 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
);

/** The value with probability `p`, else undefined. */
const optional = <T>(arb: fc.Arbitrary<T>, p = 0.7): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: Math.round(p * 10), arbitrary: arb }, { weight: 10 - Math.round(p * 10), arbitrary: fc.constant(undefined) });

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export interface RecordVocabulary {
  lists: readonly DesignationList[];
  /** Strings to draw fact values, place names and the like from. */
  words: readonly string[];
}

export function recordArbitrary(vocab: RecordVocabulary): fc.Arbitrary<Omit<ActivityRecord, 'id'>> {
  const names = [
    "Democratic People's Republic of Korea",
    'Russian Federation',
    'Acme Trading',
    'Ocean Star',
    ...vocab.lists.flatMap((l) => [
      ...l.entries.slice(0, 6).flatMap((e) => [e.name, ...e.aliases.slice(0, 1)]),
      ...l.vessels.slice(0, 4).flatMap((v) => v.names),
    ]),
  ];
  const unRefs = vocab.lists.flatMap((l) => l.entries.slice(0, 8).map((e) => e.ref));
  const imos = vocab.lists.flatMap((l) => l.vessels.slice(0, 6).map((v) => v.imo));
  const words = vocab.words.length ? [...vocab.words] : ['other'];
  // The DPRK on one side or the other of many records, so that records meet the rules often.
  const country = fc.oneof({ weight: 2, arbitrary: fc.constant('KP') }, { weight: 3, arbitrary: fc.constantFrom(...COUNTRIES) });
  const party = fc
    .record({
      name: fc.oneof(
        fc.constantFrom(...names),
        fc.constantFrom(...names).map((n) => ` ${n.toLowerCase()}.`),
      ),
      kind: optional(fc.constantFrom(...PARTY_KINDS)),
      country: optional(country),
      role: optional(fc.constantFrom(...PARTY_ROLES)),
      // A former name is often a listed one: renamed vessels must still be found.
      formerNames: optional(fc.array(fc.constantFrom(...names, 'Old Name'), { minLength: 1, maxLength: 2 }), 0.15),
      count: optional(fc.integer({ min: 1, max: 50_000 }), 0.2),
      wallets: optional(
        fc.array(fc.constantFrom('0x47666fab8bd0ac7003bce3f5c3585383f09486e2', 'bc1qexamplewalletaddress0'), {
          minLength: 1,
          maxLength: 2,
        }),
        0.1,
      ),
      identifiers: optional(
        fc
          .record({ unRef: optional(fc.constantFrom(...unRefs, 'KPe.999')), imo: optional(fc.constantFrom(...imos, '1234567')) })
          .map(withoutUndefined),
        0.2,
      ),
    })
    .map(withoutUndefined);
  const goods = fc
    .record({
      category: optional(fc.constantFrom(...GOODS_CATEGORIES)),
      hs: optional(fc.constantFrom(...HS)),
      origin: optional(country),
      quantity: optional(fc.integer({ min: 0, max: 1_000_000 })),
    })
    .map(withoutUndefined);
  // Exemption facts drawn from what the record schema allows for each, so the vocabulary can grow.
  const factSchemas = ((recordSchema.properties as Record<string, { properties?: Record<string, FactSchema> }>).facts?.properties ??
    {}) as Record<string, FactSchema>;
  const factValue = (schema: FactSchema): fc.Arbitrary<string | number | boolean> => {
    if (schema.enum) return fc.constantFrom(...schema.enum);
    if (schema.type === 'boolean') return fc.boolean();
    if (schema.format === 'partial-date') return partialDate;
    return fc.constantFrom(...words);
  };
  const exemptionFacts = fc.record(
    Object.fromEntries(Object.entries(factSchemas).map(([k, schema]) => [k, optional(factValue(schema), 0.3)])),
    { requiredKeys: [] },
  );
  const extraFacts = fc.dictionary(
    fc.constantFrom(...EXTRA_FACT_KEYS.filter((k) => !(k in factSchemas))),
    fc.oneof(fc.constantFrom(...words), fc.boolean(), fc.integer({ min: 0, max: 10 })),
    { maxKeys: 3 },
  );
  return fc
    .record({
      type: fc.constantFrom(...RECORD_TYPES),
      date: fc.oneof(
        { weight: 4, arbitrary: partialDate },
        { weight: 1, arbitrary: fc.tuple(partialDate, partialDate).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })) },
      ),
      parties: optional(fc.array(party, { maxLength: 4 }), 0.9),
      goods: optional(fc.array(goods, { maxLength: 3 }), 0.6),
      place: optional(fc.record({ country: optional(country), name: optional(fc.constantFrom(...words)) }).map(withoutUndefined), 0.5),
      facts: optional(
        fc.tuple(extraFacts, exemptionFacts).map(([a, b]) => withoutUndefined({ ...a, ...b })),
        0.6,
      ),
      evidence: fc.record({ level: fc.constantFrom(...EVIDENCE_LEVEL_NAMES) }),
    })
    .map(withoutUndefined) as fc.Arbitrary<Omit<ActivityRecord, 'id'>>;
}

/** Validates a generated record as the loader would; generated records are valid by construction. */
export function loadRecord(value: object, id: string, line = 1): LoadedRecord {
  const location = { file: 'generated.ndjson', line, column: 1 };
  const raw = { value: { id, ...value }, path: [], locate: () => location, location };
  const { loaded, diagnostics } = validateRecord(raw, new Map());
  if (!loaded) throw new Error(`generated record is invalid: ${diagnostics.map((d) => d.message).join('; ')}`);
  return loaded;
}

// ---------------------------------------------------------------- condition trees

const VALUES: Record<string, readonly (string | number | boolean)[]> = {
  type: RECORD_TYPES,
  goodsCategories: GOODS_CATEGORIES,
  hsCodes: HS,
  purpose: PURPOSES,
  field: FIELDS,
};

function valuesFor(fact: string, words: readonly string[]): readonly (string | number | boolean)[] {
  if (VALUES[fact]) return VALUES[fact]!;
  if (/Countries$|^placeCountry$/.test(fact)) return COUNTRIES;
  if (EXEMPTION_FACTS[fact] === 'boolean') return [true, false];
  if (EXEMPTION_FACTS[fact] === 'date') return ['2016-03-02', '2017-09-11', '2020-01-01'];
  if (fact === 'role' || fact === 'partyRoles') return PARTY_ROLES;
  if (fact === 'partyKinds') return PARTY_KINDS;
  if (fact === 'level') return EVIDENCE_LEVEL_NAMES;
  return [...words.slice(0, 12), true, false, 0, 3];
}

const DAYS = ['2006-10-14', '2016-03-02', '2017-08-05', '2017-09-11', '2019-12-22', '2023-11-15'];

/** For each operator, the facts (and paths) it is usually written with. */
type Target = [fact: string, path?: string];
const SCALAR_TARGETS: Target[] = [
  ['type'],
  ['placeCountry'],
  ['purpose'],
  ['field'],
  ['committeeApproval'],
  ['routeVia'],
  ['id'],
  ['facts', '$.planned'],
  ['facts', '$.sector'],
  ['place', '$.name'],
  ['place', '$.country'],
  ['evidence', '$.level'],
  ['parties', '$[0].country'],
  ['parties', '$[0].role'],
  ['parties', '$[1].name'],
  ['goods', '$[0].category'],
  ['date', '$.from'],
  ['facts', '$.name'],
];
const LIST_TARGETS: Target[] = [
  ['partyCountries'],
  ['supplierCountries'],
  ['recipientCountries'],
  ['goodsCategories'],
  ['hsCodes'],
  ['originCountries'],
  ['partyKinds'],
  ['partyRoles'],
  ['designatedParties'],
  ['designatedVessels'],
  ['placeCountry'],
  ['type'],
  ['parties', '$[0]'],
];
const NUMBER_TARGETS: Target[] = [['goods', '$[0].quantity'], ['facts', '$.planned'], ['facts', '$.sector'], ['type']];
const DATE_TARGETS: Target[] = [['date'], ['contractDate'], ['facts', '$.contractDate'], ['date', '$.from'], ['date', '$'], ['type']];
const TARGETS: Record<string, Target[]> = {
  equal: SCALAR_TARGETS,
  notEqual: SCALAR_TARGETS,
  in: SCALAR_TARGETS,
  notIn: [...SCALAR_TARGETS, ['partyCountries']],
  contains: LIST_TARGETS,
  doesNotContain: LIST_TARGETS,
  includesAny: LIST_TARGETS,
  includesAll: LIST_TARGETS,
  includesNone: LIST_TARGETS,
  lessThan: NUMBER_TARGETS,
  lessThanInclusive: NUMBER_TARGETS,
  greaterThan: NUMBER_TARGETS,
  greaterThanInclusive: NUMBER_TARGETS,
  hsCodeIn: [['hsCodes'], ['goods', '$[0].hs'], ['partyCountries']],
  dateBefore: DATE_TARGETS,
  dateOnOrBefore: DATE_TARGETS,
  dateAfter: DATE_TARGETS,
  dateOnOrAfter: DATE_TARGETS,
  exists: [...SCALAR_TARGETS, ...LIST_TARGETS, ['facts', '$.x'], ['nationalOfHostState']],
};

/** Which vocabulary a value for this fact or path comes from. */
function valueKey(fact: string, path: string | undefined): string {
  if (!path) return fact;
  if (/country|origin/.test(path)) return 'placeCountry';
  if (path === '$[0].category') return 'goodsCategories';
  if (path === '$[0].role') return 'role';
  if (path === '$.level') return 'level';
  if (path === '$.planned') return 'committeeApproval';
  return fact;
}

/** One leaf: an operator drawn evenly, a fact it suits (or, now and then, any fact), a fitting value. */
export function leafArbitrary(words: readonly string[]): fc.Arbitrary<ConditionTree> {
  const facts = [...KNOWN_FACTS].sort();
  const ops = Object.keys(OPERATORS).sort();
  return fc
    .record({
      operator: fc.constantFrom(...ops),
      target: fc.nat(),
      wild: fc.option(fc.constantFrom(...facts), { nil: undefined, freq: 8 }),
      pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
      n: fc.integer({ min: 0, max: 10 }),
    })
    .map(({ operator, target, wild, pick, n }) => {
      const targets = TARGETS[operator]!;
      const [fact, path] = wild !== undefined ? [wild, undefined] : targets[target % targets.length]!;
      const pool = valuesFor(valueKey(fact, path), words);
      const scalars = pick.map((i) => pool[i % pool.length]!);
      let value: unknown;
      if (['in', 'notIn', 'includesAny', 'includesAll', 'includesNone'].includes(operator)) value = [...new Set(scalars)];
      else if (operator === 'hsCodeIn') value = [...new Set(pick.map((i) => HS[i % HS.length]!))];
      else if (operator.startsWith('date')) value = DAYS[pick[0]! % DAYS.length];
      else if (/Than/.test(operator)) value = path === '$[0].quantity' ? n * 100_000 : n;
      else if (operator === 'exists') value = pick[0]! % 3 !== 0;
      else value = scalars[0];
      const leaf = { name: `${fact}-${operator}`, fact, operator, value };
      return (path ? { ...leaf, path } : leaf) as ConditionTree;
    })
    .filter((leaf) => OPERATORS[(leaf as { operator: string }).operator]!.checkValue((leaf as { value: unknown }).value) === undefined);
}

export function conditionArbitrary(words: readonly string[]): fc.Arbitrary<ConditionTree> {
  const leaf = leafArbitrary(words);
  const { tree } = fc.letrec<{ tree: ConditionTree }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 6, arbitrary: leaf },
      { weight: 2, arbitrary: fc.array(tie('tree'), { maxLength: 3 }).map((all) => ({ all })) },
      { weight: 2, arbitrary: fc.array(tie('tree'), { maxLength: 3 }).map((any) => ({ any })) },
      { weight: 1, arbitrary: tie('tree').map((not) => ({ not })) },
    ),
  }));
  return tree;
}

export function ruleArbitrary(words: readonly string[], index: number, tree = conditionArbitrary(words)): fc.Arbitrary<LoadedRule> {
  return fc
    .record({
      when: tree,
      unless: fc.array(tree, { maxLength: 2 }),
      from: fc.oneof({ weight: 3, arbitrary: fc.constant(DAYS[0]!) }, { weight: 1, arbitrary: fc.constantFrom(...DAYS) }),
      until: fc.option(fc.constantFrom('2017-12-31', '2030-01-01'), { nil: undefined }),
      outcome: fc.constantFrom('violation', 'review') as fc.Arbitrary<'violation' | 'review'>,
      typed: fc.option(fc.subarray([...RECORD_TYPES], { minLength: 1, maxLength: 10 }), { nil: undefined, freq: 2 }),
    })
    .map(({ when, unless, from, until, outcome, typed }) => {
      const id = `hand-rule-${index}`;
      const root: ConditionTree = typed ? { all: [{ name: 'is-type', fact: 'type', operator: 'in', value: typed }, when] } : when;
      const rule: Rule = {
        id,
        title: `Hand rule ${index}`,
        status: 'stable',
        tags: [],
        provisions: [{ resolution: 2270, symbol: 'S/RES/2270 (2016)', paragraph: '8', adopted: '2016-03-02', verified: true }],
        outcome,
        applies: until && until >= from ? { from, until } : { from },
        when: root,
        unless: unless.map((w, i) => ({ id: `exemption-${i}`, when: w, provisions: [] })),
        message: '{{record.id}}: {{facts.partyCountries}} {{facts.goodsCategories}}',
        examples: [],
      };
      return { rule, location: { file: 'hand-rules.yaml', line: index + 1, column: 3 } };
    });
}

// ---------------------------------------------------------------- records that may be invalid

/** A change that may make a record invalid (or leave it valid), as hand-written input goes wrong. */
const MUTATIONS: ((r: Record<string, unknown>, pick: number) => void)[] = [
  (r) => delete r.type,
  (r, i) => (r.type = ['arms', 'Trade-Shipment', 7, null][i % 4]),
  (r, i) => (r.date = ['2023-02-30', '2023-13', '23', 2023, { from: '2024', to: '2023' }, { from: '2023' }, '2023-1-1'][i % 7]),
  (r, i) =>
    (r.parties = [{ name: '' }, { name: 'X', country: 'kp' }, { name: 'X', role: 'buyer' }, { country: 'KP' }, 'KP'][i % 5] as never),
  (r, i) => (r.goods = [{ hs: 930690 }, { hs: '9' }, { category: 'weapons' }, { quantity: -1 }, { value: { amount: 1 } }][i % 5] as never),
  (r, i) =>
    (r.facts = [{ committeeApproval: 'yes' }, { purpose: 'trade' }, { 'bad key': 1 }, { contractDate: '2017-02-29' }, { nested: {} }][
      i % 5
    ] as never),
  (r, i) =>
    (r.evidence = [{}, { level: 'certain' }, { level: 'reported', sources: [{ ref: 'article' }] }, { level: 'alleged', wording: [''] }][
      i % 4
    ] as never),
  (r, i) => (r[['colour', '__proto__', 'Type'][i % 3]!] = 'x'),
  (r, i) => (r.summary = ['', 'x'.repeat(3), '\u{1F600}'][i % 3]),
  (r, i) => (r.id = ['', 'has space', 'x'.repeat(201), '-x', 'ok.id_1'][i % 5]),
  (r, i) => (r.place = { country: ['ZZ', 'XK', 'EU', 'UK', 'KP'][i % 5] }),
];

export function maybeInvalidRecordArbitrary(vocab: RecordVocabulary): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(recordArbitrary(vocab), fc.array(fc.tuple(fc.nat({ max: MUTATIONS.length - 1 }), fc.nat()), { maxLength: 2 }))
    .map(([record, changes]) => {
      const r = JSON.parse(JSON.stringify({ id: 'rec', ...record })) as Record<string, unknown>;
      for (const [m, pick] of changes) MUTATIONS[m]!(r, pick);
      return JSON.parse(JSON.stringify(r)) as Record<string, unknown>;
    });
}
