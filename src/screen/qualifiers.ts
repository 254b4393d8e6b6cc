// What a query's year of birth, country and IMO number say about a listed name: each raises or lowers the score, with a line saying so.
import type { ListedName } from './listed-names.js';
import type { ScreenQuery } from './screen-query.js';

export interface Qualified {
  score: number;
  lines: string[];
  birthAgrees: boolean;
  imoConflicts: boolean;
  /** The IMO number agrees: the vessel is the listed one whatever its name. */
  decisive: boolean;
}

const DPRK = new Set([
  'kp',
  'prk',
  'dprk',
  'north korea',
  "democratic people's republic of korea",
  'democratic peoples republic of korea',
  'korea, north',
  'korea (dprk)',
]);

function countryKey(c: string): string {
  const t = c.trim().toLowerCase().replace(/[’`]/g, "'");
  return DPRK.has(t) ? 'kp' : t;
}

/** Whether a listed date of birth (YYYY-MM-DD, YYYY, YYYY/YYYY) covers a year. */
function coversYear(listed: string, year: number): boolean {
  const range = /^(\d{4})\s*[/–-]\s*(\d{4})$/.exec(listed);
  if (range) return year >= Number(range[1]) && year <= Number(range[2]);
  return Number(listed.slice(0, 4)) === year;
}

export function qualify(q: ScreenQuery, n: ListedName, imo: string | undefined, nameScore: number): Qualified {
  const lines: string[] = [];
  let score = nameScore;
  let birthAgrees = false;
  let imoConflicts = false;
  let decisive = false;
  const year = q.born ? Number(/^(\d{4})/.exec(q.born.trim())?.[1]) : NaN;
  if (Number.isFinite(year) && n.born.length > 0) {
    if (n.born.some((b) => coversYear(b, year))) {
      birthAgrees = true;
      score += 0.05;
      lines.push(`year of birth ${year} agrees with ${n.born.join(', ')}: +0.05`);
    } else {
      score -= 0.15;
      lines.push(`year of birth ${year} differs from ${n.born.join(', ')}: -0.15`);
    }
  }
  if (q.country && n.nationalities.length > 0) {
    const c = countryKey(q.country);
    if (n.nationalities.some((x) => countryKey(x) === c)) {
      score += 0.02;
      lines.push(`nationality ${q.country} agrees: +0.02`);
    } else {
      score -= 0.1;
      lines.push(`nationality ${q.country} differs from ${n.nationalities.join(', ')}: -0.10`);
    }
  }
  if (imo !== undefined && n.imo !== undefined) {
    if (imo === n.imo) {
      decisive = true;
      lines.push(`IMO number ${imo} agrees: decisive`);
    } else {
      imoConflicts = true;
      score -= 0.2;
      lines.push(`IMO number ${imo} differs from ${n.imo}: -0.20, at most possible`);
    }
  }
  return { score, lines, birthAgrees, imoConflicts, decisive };
}
