#!/usr/bin/env node
// Evaluates screening on variants generated from the bundled 1718 list and on names that are not listed.
//
//   npm run eval:screening [-- --seed N] [--examples N]
//
// Positives: every listed name and alias of people, entities and vessels, varied in three tiers:
//   easy         spacing, hyphens, case, family name last, legal form dropped or changed
//   romanization one system to another (DPRK o/u to RR eo/eu, MR breves and apostrophes, j/ch, k/g, p/b, t/d),
//                surname variants (Ri/Lee/Rhee/Yi, Pak/Park, Choe/Choi, ...)
//   hard         typing slips (a letter dropped, doubled, swapped or mistyped) alone or with the above
// Negatives: South Korean public figures, ordinary Korean names, listed names with one syllable changed,
//   and companies that are not listed.
// The refs are split in two by a fixed rule (even and odd serial numbers): "tune" is the half the thresholds
// were looked at on, "held-out" the half that was not. Both are printed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Screener } = await import(path.join(root, 'dist/screen/screener.js'));
const list = JSON.parse(readFileSync(path.join(root, 'rules/unsc-dprk/lists/un-1718.json'), 'utf8'));

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
let seed = arg('seed', 1718) >>> 0;
const examples = arg('examples', 4);
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(random() * xs.length)];

// ------------------------------------------------------------------ variant makers
const words = (s) => s.split(/[\s-]+/).filter(Boolean);
const title = (w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

function easyPerson(name) {
  const w = words(name.replace(/\(.*?\)/g, ''));
  const [family, ...given] = w;
  const forms = [
    () => [family, given.join('-')].join(' '),
    () => [family, given.join('')].join(' '),
    () => [...given, family].join(' '),
    () => [given.map(title).join('-'), title(family)].join(' '),
    () => w.map((x) => x.toLowerCase()).join(' '),
    () => [title(family), given.map((g) => g.toLowerCase()).join('')].join(' '),
  ];
  return pick(forms)();
}

const LEGAL = ['Co., Ltd.', 'Corp.', 'Company', 'LLC', 'Trading Co.', 'Limited', 'Corporation', 'JSC'];
function easyEntity(name) {
  const stripped = name
    .replace(/\(.*?\)/g, '')
    .replace(/\b(CORPORATION|COMPANY|CO\.|LTD\.?|TRADING)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const forms = [
    () => stripped,
    () => `${stripped} ${pick(LEGAL)}`,
    () => name.toLowerCase(),
    () => stripped.split(' ').map(title).join(' '),
  ];
  return pick(forms)() || name;
}

const SURNAME_VARIANTS = {
  RI: ['Lee', 'Rhee', 'Yi', 'I', 'Li'],
  PAK: ['Park', 'Bak'],
  CHOE: ['Choi', 'Chwe'],
  JON: ['Jeon', 'Chon', 'Chun'],
  KIM: ['Gim'],
  JANG: ['Chang'],
  CHANG: ['Jang'],
  O: ['Oh'],
  RYU: ['Yu', 'Yoo'],
  YU: ['Yoo', 'Ryu'],
  RIM: ['Im', 'Lim'],
  RO: ['No', 'Roh'],
  KANG: ['Gang'],
  JO: ['Cho'],
  CHO: ['Jo'],
  SON: ['Sohn'],
  MUN: ['Moon'],
  YUN: ['Yoon'],
  HYON: ['Hyun', 'Hyeon'],
  KO: ['Go', 'Koh'],
  PAEK: ['Baek', 'Paik'],
  PAE: ['Bae'],
  KU: ['Gu', 'Koo'],
  CHU: ['Ju'],
  JU: ['Chu'],
};

/** One syllable re-spelled in another system: DPRK -> RR or MR. */
function respell(syl) {
  let s = syl.toLowerCase().replace(/[’']/g, '');
  const rules = [
    [/yo/, () => pick(['yeo', 'yŏ', "yo'"])],
    [/o(?!o)/, () => pick(['eo', 'ŏ'])],
    [/u(?!n$)/, () => pick(['eu', 'ŭ'])],
    [/^ch/, () => pick(['j', "ch'"])],
    [/^j/, () => 'ch'],
    [/^k/, () => 'g'],
    [/^g/, () => 'k'],
    [/^p/, () => 'b'],
    [/^b/, () => 'p'],
    [/^t/, () => 'd'],
    [/^d/, () => 't'],
    [/ae/, () => 'e'],
  ];
  const usable = rules.filter(([re]) => re.test(s));
  if (usable.length === 0) return syl;
  const [re, to] = pick(usable);
  s = s.replace(re, to());
  return title(s);
}

function romanizationPerson(name) {
  const w = words(name.replace(/\(.*?\)/g, ''));
  let [family, ...given] = w;
  const sv = SURNAME_VARIANTS[family.toUpperCase().replace(/[’']/g, '')];
  const changeSurname = sv && random() < 0.6;
  if (changeSurname) family = pick(sv);
  const n = changeSurname ? 1 : 1 + Math.floor(random() * 2);
  for (let k = 0; k < n; k++) {
    const i = Math.floor(random() * given.length);
    given[i] = respell(given[i]);
  }
  return random() < 0.5 ? `${title(family)} ${given.map(title).join('-')}` : `${given.map(title).join('-')} ${title(family)}`;
}

function romanizationEntity(name) {
  const w = words(name.replace(/\(.*?\)/g, ''));
  const i = w.findIndex((x) => /[aeiou]/i.test(x) && !/^(KOREA|GENERAL|TRADING|CORPORATION|COMPANY|BANK|OF|AND)$/i.test(x));
  if (i < 0) return name;
  w[i] = respell(w[i]);
  return w.join(' ');
}

const KEYBOARD = {
  a: 'qs',
  b: 'vn',
  c: 'xv',
  d: 'sf',
  e: 'wr',
  f: 'dg',
  g: 'fh',
  h: 'gj',
  i: 'uo',
  j: 'hk',
  k: 'jl',
  l: 'k',
  m: 'n',
  n: 'bm',
  o: 'ip',
  p: 'o',
  r: 'et',
  s: 'ad',
  t: 'ry',
  u: 'yi',
  w: 'qe',
  y: 'tu',
};
function typo(s) {
  const letters = [...s].map((c, i) => [c, i]).filter(([c]) => /[a-z]/i.test(c));
  if (letters.length < 4) return s;
  const [c, i] = pick(letters.slice(1));
  const kind = Math.floor(random() * 4);
  if (kind === 0) return s.slice(0, i) + s.slice(i + 1);
  if (kind === 1) return s.slice(0, i) + c + s.slice(i);
  if (kind === 2 && i + 1 < s.length && /[a-z]/i.test(s[i + 1])) return s.slice(0, i) + s[i + 1] + c + s.slice(i + 2);
  const near = KEYBOARD[c.toLowerCase()] ?? 'e';
  const r = pick([...near]);
  return s.slice(0, i) + (c === c.toUpperCase() ? r.toUpperCase() : r) + s.slice(i + 1);
}

// ------------------------------------------------------------------ the sets
const refNumber = (ref) => Number(/(\d+)$/.exec(ref)?.[1] ?? 0);
const split = (ref) => (refNumber(ref) % 2 === 0 ? 'held-out' : 'tune');

const positives = [];
const add = (tier, ref, kind, listed, query) => positives.push({ tier, ref, kind, listed, query, split: split(ref) });
for (const e of list.entries) {
  const person = e.type === 'individual';
  for (const n of [e.name, ...e.aliases]) {
    if (/[^\x00-\x7f’]/.test(n) || n.replace(/\(.*?\)/g, '').trim().length < 3) continue;
    if (person && words(n).length < 2) continue;
    const kind = person ? 'person' : 'organisation';
    const easy = person ? easyPerson(n) : easyEntity(n);
    const rom = person ? romanizationPerson(n) : romanizationEntity(n);
    add('easy', e.ref, kind, n, easy);
    add('romanization', e.ref, kind, n, rom);
    add('hard', e.ref, kind, n, random() < 0.5 ? typo(n) : typo(rom));
  }
}
for (const v of list.vessels) {
  for (const n of v.names) {
    const ref = `IMO ${v.imo}`;
    add('easy', ref, 'vessel', n, n.toLowerCase().replace(/ (\d+)$/, '-$1'));
    add('romanization', ref, 'vessel', n, romanizationEntity(n));
    add('hard', ref, 'vessel', n, typo(n));
  }
}

const FIGURES = [
  'Moon Jae-in',
  'Yoon Suk-yeol',
  'Lee Jae-myung',
  'Park Geun-hye',
  'Lee Myung-bak',
  'Roh Moo-hyun',
  'Kim Dae-jung',
  'Kim Young-sam',
  'Ban Ki-moon',
  'Son Heung-min',
  'Park Ji-sung',
  'Kim Yu-na',
  'Lee Nak-yon',
  'Chung Sye-kyun',
  'Han Duck-soo',
  'Choo Kyung-ho',
  'Han Dong-hoon',
  'Ahn Cheol-soo',
  'Hong Joon-pyo',
  'Oh Se-hoon',
  'Park Won-soon',
  'Lee Jun-seok',
  'Kim Boo-kyum',
  'Kang Kyung-wha',
  'Chung Eui-yong',
  'Park Jin',
  'Cho Tae-yong',
  'Kim Sung-han',
  'Lee Hoi-chang',
  'Chung Mong-joon',
  'Lee Kun-hee',
  'Lee Jae-yong',
  'Chey Tae-won',
  'Koo Kwang-mo',
  'Shin Dong-bin',
  'Bong Joon-ho',
  'Park Chan-wook',
  'Lee Byung-hun',
  'Song Kang-ho',
  'Jun Ji-hyun',
  'Kim Yeon-koung',
  'Ryu Hyun-jin',
  'Choo Shin-soo',
  'Pak Se-ri',
  'Kim Tae-hee',
  'Hwang Kyo-ahn',
  'Lee Hae-chan',
  'Chung Dong-young',
  'Kim Jong-pil',
  'Choi Kyu-hah',
  'Chun Doo-hwan',
  'Roh Tae-woo',
  'Yun Po-sun',
  'Rhee Syng-man',
  'Kim Hwang-sik',
  'Lee Wan-koo',
  'Kim Boo-kyum',
  'Chung Hong-won',
  'Lee Soo-man',
  'Kim Jung-ju',
  'Kim Beom-su',
  'Lee Hae-jin',
  'Kwon Oh-hyun',
  'Ko Un',
  'Han Kang',
  'Shin Kyung-sook',
  'Hwang Woo-suk',
  'Kim Yong-hwa',
  'Lee Chang-dong',
  'Hong Sang-soo',
  'Youn Yuh-jung',
  'Jung Ho-yeon',
  'Lee Jung-jae',
  'Park Seo-joon',
  'Kim Soo-hyun',
  'Bae Yong-joon',
  'Choi Ji-woo',
  'Son Ye-jin',
  'Hyun Bin',
  'Gong Yoo',
  'Kim Min-jae',
  'Hwang Hee-chan',
  'Lee Kang-in',
  'Cha Bum-kun',
  'Park Tae-hwan',
  'Kim Yeon-ah',
  'Jang Mi-ran',
  'Yang Hak-seon',
  'An San',
  'Kim Je-deok',
  'Sung Si-kyung',
];
const SURNAMES = [
  'Kim',
  'Lee',
  'Park',
  'Choi',
  'Jung',
  'Kang',
  'Cho',
  'Yoon',
  'Jang',
  'Lim',
  'Han',
  'Oh',
  'Seo',
  'Shin',
  'Kwon',
  'Hwang',
  'Ahn',
  'Song',
  'Jeon',
  'Hong',
  'Ri',
  'Pak',
  'Choe',
  'Jon',
  'Ko',
  'Mun',
  'Yang',
  'Son',
  'Bae',
  'Baek',
];
const SYLLABLES = [
  'min',
  'jun',
  'seo',
  'yeon',
  'ji',
  'hoon',
  'woo',
  'hyun',
  'soo',
  'young',
  'eun',
  'ha',
  'jin',
  'sung',
  'ho',
  'kyung',
  'hee',
  'jae',
  'won',
  'bin',
  'da',
  'yun',
  'na',
  'ra',
  'mi',
  'sang',
  'tae',
  'dong',
  'gyu',
  'in',
  'ah',
  'seok',
  'yong',
  'hye',
  'joo',
  'bo',
  'ye',
  'rin',
  'chan',
  'hwa',
];
const COMPANIES = [
  'Samsung Electronics Co., Ltd.',
  'Hyundai Motor Company',
  'SK Hynix',
  'LG Chem',
  'POSCO Holdings',
  'Kia Corporation',
  'Naver Corporation',
  'Kakao Corp.',
  'Korean Air Lines',
  'Hanwha Aerospace',
  'Doosan Enerbility',
  'Lotte Chemical',
  'CJ CheilJedang',
  'KB Financial Group',
  'Shinhan Bank',
  'Woori Bank',
  'Hana Bank',
  'Korea Development Bank',
  'Korea Electric Power Corporation',
  'Korea Gas Corporation',
  'Hyundai Heavy Industries',
  'Daewoo Shipbuilding',
  'Pan Ocean',
  'HMM Co., Ltd.',
  'Korea Zinc',
  'GS Caltex',
  'S-Oil Corporation',
  'Amorepacific',
  'Celltrion',
  'Coupang',
  'Nexon',
  'NCSoft',
  'Netmarble',
  'Hanjin Shipping',
  'Sinokor Merchant Marine',
  'Busan Port Authority',
  'Seoul Trading Company',
  'Incheon Logistics Ltd.',
  'Daesang Corporation',
  'Ottogi',
  'Nongshim',
  'Orion Corporation',
  'Hite Jinro',
];

const listedKeys = new Set();
for (const e of list.entries) for (const n of [e.name, ...e.aliases]) listedKeys.add(n.toLowerCase().replace(/[^a-z]/g, ''));

const negatives = [];
const neg = (tier, query, kind, i) => negatives.push({ tier, query, kind, split: i % 2 === 0 ? 'held-out' : 'tune' });
FIGURES.forEach((n, i) => neg('public figure', n, 'person', i));
for (let i = 0; i < 250; i++) {
  const n = `${pick(SURNAMES)} ${title(pick(SYLLABLES))}-${pick(SYLLABLES)}`;
  if (!listedKeys.has(n.toLowerCase().replace(/[^a-z]/g, ''))) neg('ordinary name', n, 'person', i);
}
for (const e of list.entries.filter((x) => x.type === 'individual')) {
  const w = words(e.name);
  if (w.length < 3) continue;
  for (let t = 0; t < 2; t++) {
    const copy = [...w];
    const i = 1 + Math.floor(random() * (copy.length - 1));
    let s = pick(SYLLABLES);
    while (s.toLowerCase() === copy[i].toLowerCase()) s = pick(SYLLABLES);
    copy[i] = s.toUpperCase();
    neg('one syllable changed', copy.join(' '), 'person', refNumber(e.ref));
  }
}
COMPANIES.forEach((n, i) => neg('company', n, 'organisation', i));

// ------------------------------------------------------------------ run
const screener = new Screener([list]);
const rows = [];
for (const p of positives) {
  const m = screener.screen({ id: '', name: p.query, kind: p.kind });
  const hit = m.find((x) => x.ref === p.ref);
  rows.push({ ...p, found: Boolean(hit), decision: hit?.decision, top: m[0] });
}
const negRows = negatives.map((n) => {
  const m = screener.screen({ id: '', name: n.query, kind: n.kind });
  return { ...n, match: m.some((x) => x.decision === 'match'), possible: m.length > 0, top: m[0] };
});

const pct = (a, b) => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
const log = (s = '') => process.stdout.write(s + '\n');
log(`Screening evaluation: ${positives.length} listed-name variants, ${negatives.length} names not listed (seed ${arg('seed', 1718)})`);
log('');
log('recall (candidate with the right reference, match or possible)      tune    held-out    all');
const summary = {};
for (const tier of ['easy', 'romanization', 'hard']) {
  const of = (s) => rows.filter((r) => r.tier === tier && (s === 'all' || r.split === s));
  const cell = (s) => pct(of(s).filter((r) => r.found).length, of(s).length);
  const asMatch = of('all').filter((r) => r.decision === 'match').length;
  log(
    `  ${tier.padEnd(14)} n=${String(of('all').length).padEnd(5)} ${cell('tune')}    ${cell('held-out')}    ${cell('all')}   (as "match": ${pct(asMatch, of('all').length)})`,
  );
  summary[tier] = of('all').filter((r) => r.found).length / of('all').length;
}
log('');
log('names not listed                       given "match"  tune / held-out      given "possible" or more  tune / held-out');
for (const tier of [...new Set(negatives.map((n) => n.tier)), 'all']) {
  const of = (s) => negRows.filter((r) => (tier === 'all' || r.tier === tier) && (s === 'all' || r.split === s));
  log(
    `  ${tier.padEnd(22)} n=${String(of('all').length).padEnd(5)} ${pct(of('all').filter((r) => r.match).length, of('all').length)}  ${pct(of('tune').filter((r) => r.match).length, of('tune').length)} / ${pct(of('held-out').filter((r) => r.match).length, of('held-out').length)}     ${pct(of('all').filter((r) => r.possible).length, of('all').length)}  ${pct(of('tune').filter((r) => r.possible).length, of('tune').length)} / ${pct(of('held-out').filter((r) => r.possible).length, of('held-out').length)}`,
  );
}
log('');
log('examples of misses:');
for (const r of rows.filter((x) => !x.found).slice(0, examples * 3))
  log(`  [${r.tier}] "${r.query}" (from ${r.ref} "${r.listed}") -> ${r.top ? `${r.top.ref} ${r.top.score}` : 'nothing'}`);
log('examples of names not listed that got a candidate:');
for (const r of negRows.filter((x) => x.possible).slice(0, examples * 3))
  log(`  [${r.tier}] "${r.query}" -> ${r.top.decision} ${r.top.ref} ${r.top.name} ${r.top.score}`);
const fp = {
  match: negRows.filter((r) => r.match).length / negRows.length,
  possible: negRows.filter((r) => r.possible).length / negRows.length,
};
log(JSON.stringify({ recall: summary, falsePositive: fp }));
