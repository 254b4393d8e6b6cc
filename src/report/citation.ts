// How reports name and link a provision: resolution labels, undocs.org addresses, a stable order.

import type { Provision } from '../types.js';

/** "S/RES/2270 (2016)" for a numbered resolution; a string resolution ("S/PRST/2012/13") as written. */
export function resolutionLabel(provision: Pick<Provision, 'resolution' | 'adopted'>): string {
  if (typeof provision.resolution === 'number') {
    return `S/RES/${provision.resolution} (${provision.adopted.slice(0, 4)})`;
  }
  return provision.resolution;
}

/** The document's address on undocs.org, e.g. https://undocs.org/S/RES/2270(2016). */
export function resolutionUrl(provision: Pick<Provision, 'resolution' | 'adopted'>): string {
  if (typeof provision.resolution === 'number') {
    return `https://undocs.org/S/RES/${provision.resolution}(${provision.adopted.slice(0, 4)})`;
  }
  return `https://undocs.org/${encodeURI(provision.resolution.trim())}`;
}

/** "S/RES/2270 (2016) para 8(a)". */
export function provisionLabel(provision: Pick<Provision, 'resolution' | 'adopted' | 'paragraph'>): string {
  return `${resolutionLabel(provision)} para ${provision.paragraph}`;
}

/** One key per resolution and paragraph. */
export function provisionKey(provision: Pick<Provision, 'resolution' | 'paragraph'>): string {
  return `${String(provision.resolution)}\u0000${provision.paragraph}`;
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
  const byResolution = naturalCompare(String(a.resolution), String(b.resolution));
  return byResolution !== 0 ? byResolution : naturalCompare(a.paragraph, b.paragraph);
}
