// String distances: Damerau–Levenshtein (optimal string alignment) with an alignment, and Jaro–Winkler for the naive baseline.

/** One step of an alignment: indices into a and b, or -1 for a gap. */
export interface Step {
  a: number;
  b: number;
  same: boolean;
}

/** Rows reused by boundedDistance (one call at a time: JavaScript runs it to the end). */
const rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment distance between a and b when it is at most `limit`, else limit + 1.
 * Insertions, deletions, substitutions and swaps of neighbours cost 1. Only the band of cells within `limit`
 * of the diagonal is computed (a path leaving it costs more than `limit`), and the work stops as soon as every
 * path costs more than `limit`.
 */
export function boundedDistance(a: string, b: string, limit: number): number {
  const an = a.length;
  const bm = b.length;
  if (Math.abs(an - bm) > limit) return limit + 1;
  if (a === b) return 0;
  // a common beginning and end cost nothing and change no cheapest path (as for Levenshtein): only the middles are compared
  let p = 0;
  while (p < an && p < bm && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let e = 0;
  while (e < an - p && e < bm - p && a.charCodeAt(an - 1 - e) === b.charCodeAt(bm - 1 - e)) e++;
  const n = an - p - e;
  const m = bm - p - e;
  if (n === 0 || m === 0) return n + m > limit ? limit + 1 : n + m;
  const over = limit + 1;
  if (m + 2 > rows[0]!.length) for (let r = 0; r < 3; r++) rows[r] = new Int32Array(2 * (m + 2));
  let prev2 = rows[0]!;
  let prev = rows[1]!;
  let cur = rows[2]!;
  const firstHi = Math.min(m, limit);
  for (let j = 0; j <= firstHi; j++) prev[j] = j;
  prev[firstHi + 1] = over;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - limit);
    const hi = Math.min(m, i + limit);
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = lo === 1 ? i : over;
    const ai = a.charCodeAt(p + i - 1);
    const ai1 = i > 1 ? a.charCodeAt(p + i - 2) : -1;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(p + j - 1);
      let v = prev[j - 1]! + (ai === bj ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (j > 1 && ai === b.charCodeAt(p + j - 2) && ai1 === bj) {
        const t = prev2[j - 2]! + 1;
        if (t < v) v = t;
      }
      if (v > over) v = over;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) cur[hi + 1] = over;
    if (rowMin > limit) return over;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m]! > limit ? over : prev[m]!;
}

/** The table reused by align (one call at a time). */
let table = new Int32Array(1024);

/** The cheapest alignment of a and b (same costs as boundedDistance), in order. */
export function align(a: string, b: string): Step[] {
  if (a === b) {
    const steps: Step[] = new Array(a.length);
    for (let i = 0; i < a.length; i++) steps[i] = { a: i, b: i, same: true };
    return steps;
  }
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if ((n + 1) * w > table.length) table = new Int32Array(2 * (n + 1) * w);
  const d = table;
  for (let j = 0; j <= m; j++) d[j] = j;
  for (let i = 1; i <= n; i++) {
    d[i * w] = i;
    for (let j = 1; j <= m; j++) {
      let v = d[(i - 1) * w + j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      const del = d[(i - 1) * w + j]! + 1;
      const ins = d[i * w + j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        const t = d[(i - 2) * w + j - 2]! + 1;
        if (t < v) v = t;
      }
      d[i * w + j] = v;
    }
  }
  const at = (i: number, j: number): number => d[i * w + j]!;
  const steps: Step[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const v = at(i, j);
    if (i > 0 && j > 0 && v === at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1)) {
      steps.push({ a: i - 1, b: j - 1, same: a[i - 1] === b[j - 1] });
      i--;
      j--;
    } else if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1] && v === at(i - 2, j - 2) + 1) {
      steps.push({ a: i - 1, b: j - 2, same: false }, { a: i - 2, b: j - 1, same: false });
      i -= 2;
      j -= 2;
    } else if (i > 0 && v === at(i - 1, j) + 1) {
      steps.push({ a: i - 1, b: -1, same: false });
      i--;
    } else {
      steps.push({ a: -1, b: j - 1, same: false });
      j--;
    }
  }
  return steps.reverse();
}

/** Jaro–Winkler similarity (prefix scale 0.1, up to 4 characters), 0..1. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const aHit = new Uint8Array(n);
  const bHit = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(m - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (bHit[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      aHit[i] = 1;
      bHit[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let t = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!aHit[i]) continue;
    while (!bHit[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
