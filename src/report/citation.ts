// How reports name and link a provision: resolution labels, undocs.org addresses, a stable order.

import type { Provision } from '../types.js';

/** The provision's UN document symbol, e.g. "S/RES/2270 (2016)" or "S/PRST/2012/13". */
export function resolutionLabel(provision: Pick<Provision, 'symbol'>): string {
  return provision.symbol;
}

/** The document's address on undocs.org, e.g. https://undocs.org/S/RES/2270(2016). */
export function resolutionUrl(provision: Pick<Provision, 'symbol'>): string {
  return `https://undocs.org/${encodeURI(provision.symbol.replace(' (', '('))}`;
}

/** "S/RES/2270 (2016) para 8(a)"; an instrument without paragraphs by its symbol alone. */
export function provisionLabel(provision: Pick<Provision, 'symbol' | 'paragraph'>): string {
  return provision.paragraph === undefined ? provision.symbol : `${provision.symbol} para ${provision.paragraph}`;
}

/** One key per instrument and paragraph. */
export function provisionKey(provision: Pick<Provision, 'symbol' | 'paragraph'>): string {
  return `${provision.symbol}\u0000${provision.paragraph ?? ''}`;
}

/** Compares strings with runs of digits as numbers ("8(b)" < "10"), independent of locale. */
export function naturalCompare(a: string, b: string): number {
  const partsA = a.match(/\d+|\D+/g) ?? [];
  const partsB = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(partsA.length, partsB.length); i++) {
    const x = partsA[i] as string;
    const y = partsB[i] as string;
    if (x === y) continue;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumbers && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return partsA.length - partsB.length;
}

/** Adoption date, then resolution, then paragraph. */
export function compareProvisions(a: Provision, b: Provision): number {
  if (a.adopted !== b.adopted) return a.adopted < b.adopted ? -1 : 1;
  const bySymbol = naturalCompare(a.symbol, b.symbol);
  return bySymbol !== 0 ? bySymbol : naturalCompare(a.paragraph ?? '', b.paragraph ?? '');
}
