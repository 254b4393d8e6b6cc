// A seeded synthetic workload in the record format: a realistic mix of record types, countries,
// HS codes and dates, with about one record in a hundred touching the DPRK (and so, often, a rule).
// Usage: node bench/generate.mjs <out.ndjson> [records] [seed]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** mulberry32: a small, fast, seeded generator; the same seed gives the same file. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TYPES = [
  ['trade-shipment', 40],
  ['financial-transfer', 14],
  ['port-call', 8],
  ['vessel-service', 5],
  ['meeting', 5],
  ['travel', 5],
  ['agreement', 3],
  ['labour-deployment', 3],
  ['joint-venture', 2],
  ['technical-assistance', 2],
  ['training', 2],
  ['scientific-cooperation', 2],
  ['ship-to-ship-transfer', 2],
  ['financial-service', 2],
  ['vessel-transfer', 1],
  ['arms-transfer', 1],
  ['other', 2],
  ['launch', 0.3],
  ['nuclear-test', 0.05],
];
const COUNTRIES = [
  'CN',
  'US',
  'DE',
  'JP',
  'KR',
  'GB',
  'FR',
  'IN',
  'IT',
  'NL',
  'SG',
  'AE',
  'RU',
  'BR',
  'MX',
  'CA',
  'AU',
  'ES',
  'TR',
  'VN',
  'TH',
  'MY',
  'ID',
  'PL',
  'BE',
  'CH',
  'SE',
  'SA',
  'ZA',
  'EG',
  'NG',
  'PK',
  'BD',
  'MN',
  'IR',
  'SY',
  'PA',
  'LR',
  'MH',
  'HK',
];
/** Goods categories with HS codes (as strings, leading zeros kept). */
const GOODS = [
  ['machinery', ['8471', '847130', '8479', '8428']],
  ['electrical-equipment', ['8517', '851762', '8544']],
  ['textiles', ['6109', '6203', '6204', '5208']],
  ['food', ['1006', '100630', '0402', '1901']],
  ['agricultural-products', ['0901', '1201', '0713']],
  ['seafood', ['0303', '030617', '0307']],
  ['vehicles', ['8703', '870323', '8704']],
  ['metals', ['7208', '7306', '7601']],
  ['coal', ['2701', '270112']],
  ['iron-ore', ['2601', '260111']],
  ['crude-oil', ['2709']],
  ['refined-petroleum', ['2710', '271019']],
  ['medicine', ['3004', '300490']],
  ['medical-equipment', ['9018', '9019']],
  ['wood', ['4403', '4407']],
  ['luxury-goods', ['7113', '9101', '3303']],
  ['copper', ['7403']],
  ['other', ['3926', '9403', '4819']],
];
const ROLES_BY_TYPE = {
  'trade-shipment': ['supplier', 'recipient', 'carrier', 'intermediary'],
  'arms-transfer': ['supplier', 'recipient', 'carrier'],
  'ship-to-ship-transfer': ['supplier', 'recipient', 'carrier'],
  'financial-transfer': ['financier', 'beneficiary', 'intermediary'],
  'financial-service': ['financier', 'beneficiary'],
  'port-call': ['carrier', 'host', 'owner'],
  'vessel-service': ['owner', 'operator', 'flag-state'],
  'vessel-transfer': ['supplier', 'recipient', 'owner'],
  'labour-deployment': ['worker', 'employer', 'host'],
  'joint-venture': ['partner', 'partner', 'host'],
  'technical-assistance': ['supplier', 'recipient', 'trainer'],
  training: ['trainer', 'trainee', 'host'],
  'scientific-cooperation': ['partner', 'partner', 'host'],
  agreement: ['signatory', 'signatory'],
  meeting: ['partner', 'partner', 'host'],
  travel: ['traveller', 'host'],
  launch: ['launcher'],
  'nuclear-test': ['launcher'],
  other: ['other', 'other'],
};
const LEVELS = ['confirmed', 'reported', 'reported', 'alleged', 'speculative'];
const PURPOSES = ['commercial', 'commercial', 'commercial', 'humanitarian', 'livelihood', 'diplomatic', 'scientific'];
const COMPANY = ['Trading', 'Shipping', 'Logistics', 'Holdings', 'Industries', 'Bank', 'Marine', 'Energy', 'Foods'];
const CITY = ['Dalian', 'Busan', 'Rotterdam', 'Singapore', 'Hamburg', 'Vladivostok', 'Nakhodka', 'Shanghai', 'Dubai', 'Nampo'];

export function makeGenerator(seed, vocabulary = {}) {
  const rnd = prng(seed);
  const roles = vocabulary.roles ? new Set(vocabulary.roles) : undefined;
  const designated = vocabulary.designatedNames ?? [];
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const totalWeight = TYPES.reduce((n, [, w]) => n + w, 0);
  const pickType = () => {
    let r = rnd() * totalWeight;
    for (const [t, w] of TYPES) if ((r -= w) < 0) return t;
    return 'other';
  };
  const date = () => {
    const y = 2004 + Math.floor(rnd() * 21);
    const m = 1 + Math.floor(rnd() * 12);
    const d = 1 + Math.floor(rnd() * 28);
    const p = rnd();
    const mm = String(m).padStart(2, '0');
    if (p < 0.7) return `${y}-${mm}-${String(d).padStart(2, '0')}`;
    if (p < 0.9) return `${y}-${mm}`;
    if (p < 0.95) return String(y);
    return { from: `${y}-${mm}`, to: `${Math.min(2025, y + 1)}-${mm}` };
  };
  return (n) => {
    const type = pickType();
    // About three records in a hundred have the DPRK as a party or an origin (about one in a
    // hundred then meets a rule); one in a thousand names a designated entity or vessel.
    const dprk = rnd() < 0.033;
    const listed = designated.length > 0 && rnd() < 0.001;
    const roleList = (ROLES_BY_TYPE[type] ?? ['other']).filter((r) => !roles || roles.has(r));
    const partyCount = 1 + Math.floor(rnd() * Math.min(4, roleList.length + 1));
    const parties = [];
    for (let i = 0; i < partyCount; i++) {
      const role = roleList[i % roleList.length] ?? 'other';
      const country = dprk && i === n % partyCount ? 'KP' : pick(COUNTRIES);
      const name = listed && i === 0 ? pick(designated) : `${pick(CITY)} ${pick(COMPANY)} ${n % 997}`;
      const party = { name, kind: rnd() < 0.85 ? 'organisation' : 'person', country, role };
      if (rnd() < 0.05) party.identifiers = { imo: String(9000000 + Math.floor(rnd() * 999999)) };
      parties.push(party);
    }
    const record = { id: `r${String(n).padStart(8, '0')}`, type, summary: `${type.replace(/-/g, ' ')} ${n}`, date: date(), parties };
    if (type === 'trade-shipment' || type === 'ship-to-ship-transfer' || type === 'arms-transfer' || rnd() < 0.05) {
      const goods = [];
      const k = 1 + Math.floor(rnd() * 3);
      for (let i = 0; i < k; i++) {
        const [category, codes] = type === 'arms-transfer' ? ['arms', ['9301', '9306']] : pick(GOODS);
        goods.push({
          description: `${category} lot ${i + 1}`,
          category,
          hs: pick(codes),
          quantity: 1 + Math.floor(rnd() * 100000),
          unit: 'kg',
          value: { amount: Math.floor(rnd() * 5e6), currency: 'USD' },
          origin: dprk && i === 0 && rnd() < 0.5 ? 'KP' : pick(COUNTRIES),
        });
      }
      record.goods = goods;
    }
    if (rnd() < 0.6) record.place = { country: pick(COUNTRIES), name: pick(CITY) };
    if (rnd() < 0.3) record.facts = { purpose: pick(PURPOSES), ...(rnd() < 0.2 ? { committeeApproval: rnd() < 0.5 } : {}) };
    record.evidence = {
      level: pick(LEVELS),
      sources: [{ publisher: 'Customs declarations', date: '2024-01', quote: `Declaration ${n}` }],
    };
    return record;
  };
}

/** Writes `count` records to `file` as NDJSON. */
export async function generate(file, count, seed = 1718, vocabulary = {}) {
  const next = makeGenerator(seed, vocabulary);
  const out = createWriteStream(file);
  let buffer = '';
  for (let n = 1; n <= count; n++) {
    buffer += JSON.stringify(next(n)) + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.write(buffer);
  out.end();
  await once(out, 'finish');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count = '100000', seed = '1718'] = process.argv.slice(2);
  if (!file) {
    console.error('usage: node bench/generate.mjs <out.ndjson> [records] [seed]');
    process.exit(2);
  }
  await generate(file, Number(count), Number(seed));
}
