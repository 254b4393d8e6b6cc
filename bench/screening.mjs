// Screening speed: the indexed screener against a naive scan of every listed name with Jaro–Winkler, on the same queries.
//   node bench/screening.mjs [--rounds N]   (after npm run build; npm run bench runs it too)
// Queries: each listed name and alias re-spelled (lower case, family name last, RR vowels), and as many Korean names
// that are not listed. Both sides return their candidates for every query; the naive scan compares the query,
// normalized as the exact matcher does, with every normalized listed name (Jaro–Winkler >= 0.85 is a candidate).
// The two run in alternation, best round of each, timed in CPU time; the last line is JSON.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { Screener } = await import(path.join(root, 'dist/screen/screener.js'));
const { jaroWinkler } = await import(path.join(root, 'dist/screen/distance.js'));
const { normalizeName } = await import(path.join(root, 'dist/compile/designation-index.js'));

const i = process.argv.indexOf('--rounds');
const rounds = i === -1 ? 10 : Number(process.argv[i + 1]);
const list = JSON.parse(readFileSync(path.join(root, 'rules/unsc-dprk/lists/un-1718.json'), 'utf8'));

const listed = [];
for (const e of list.entries) listed.push(e.name, ...e.aliases, ...(e.weakAliases ?? []));
for (const v of list.vessels) listed.push(...v.names);
const normalized = listed.map(normalizeName);

const queries = [];
for (const n of listed) {
  const w = n.split(/[\s-]+/);
  queries.push(n.toLowerCase(), [...w.slice(1), w[0]].join(' '), n.replace(/O/g, 'EO').replace(/U/g, 'EU'));
}
const SURNAMES = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin'];
const SYLLABLES = ['min', 'jun', 'seo', 'yeon', 'ji', 'hoon', 'woo', 'hyun', 'soo', 'young', 'eun', 'ha', 'jin', 'sung', 'ho', 'kyung'];
for (let k = 0; queries.length < 2 * listed.length * 3; k++) {
  queries.push(`${SURNAMES[k % SURNAMES.length]} ${SYLLABLES[(k * 7) % SYLLABLES.length]}-${SYLLABLES[(k * 11 + 3) % SYLLABLES.length]}`);
}

const screener = new Screener([list]);
const indexed = () => {
  let found = 0;
  for (const q of queries) found += screener.screen({ id: '', name: q }).length;
  return found;
};
const naive = () => {
  let found = 0;
  for (const q of queries) {
    const n = normalizeName(q);
    for (const x of normalized) if (jaroWinkler(n, x) >= 0.85) found++;
  }
  return found;
};

// Time is the process's CPU time (user and system, every thread), not the wall clock: on a shared machine a pass
// that waits for a core is not charged for the wait, whichever side it is.
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// one untimed pass of each first, so that both are compiled before they are timed
indexed();
naive();
let bestIndexed = Infinity;
let bestNaive = Infinity;
for (let r = 0; r < rounds; r++) {
  let t = cpuMs();
  indexed();
  bestIndexed = Math.min(bestIndexed, cpuMs() - t);
  t = cpuMs();
  naive();
  bestNaive = Math.min(bestNaive, cpuMs() - t);
}
const qps = (ms) => Math.round((queries.length * 1000) / ms);
const result = {
  queries: queries.length,
  listedNames: listed.length,
  indexedQps: qps(bestIndexed),
  naiveQps: qps(bestNaive),
  speedup: Number((bestNaive / bestIndexed).toFixed(1)),
  meanCandidates: Number((screener.touched / (queries.length * (rounds + 1))).toFixed(2)),
};
process.stdout.write(
  `screening: ${result.indexedQps.toLocaleString('en-US')} queries/s indexed vs ${result.naiveQps.toLocaleString('en-US')} queries/s naive ` +
    `(Jaro–Winkler against all ${listed.length} listed names): ${result.speedup}x; ${result.meanCandidates} listed names scored per query\n`,
);
process.stdout.write(JSON.stringify(result) + '\n');
