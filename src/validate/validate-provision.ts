// Checks a rule's cited provisions beyond the schema and gives each its UN document symbol.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { PathKey } from '../diagnostics/locate.js';
import type { Diagnostic, Provision } from '../types.js';
import type { Locate } from './schema-check.js';

/** "S/RES/1718 (2006)": a resolution's symbol, from its number and the year of its adoption. */
export function resolutionSymbol(resolution: number, adopted: string): string {
  return `S/RES/${resolution} (${adopted.slice(0, 4)})`;
}

/**
 * A resolution is cited by number and paragraph (its symbol follows from them, and a symbol given
 * as well must agree); any other instrument, such as a presidential statement, by symbol and date
 * alone, since it has no numbered operative paragraphs.
 */
export function provisionProblems(p: Omit<Provision, 'symbol'> & { symbol?: string }, path: PathKey[], locate: Locate): Diagnostic[] {
  if (p.resolution !== undefined) {
    const out: Diagnostic[] = [];
    const expected = resolutionSymbol(p.resolution, p.adopted);
    if (p.symbol !== undefined && p.symbol !== expected) {
      out.push(
        diagnostic(
          'invalid-value',
          `symbol "${p.symbol}" does not match resolution ${p.resolution} adopted ${p.adopted}; expected "${expected}"`,
          locate([...path, 'symbol']),
        ),
      );
    }
    if (p.paragraph === undefined)
      out.push(diagnostic('missing-field', `a provision of resolution ${p.resolution} needs its 'paragraph'`, locate(path)));
    return out;
  }
  if (p.symbol === undefined)
    return [diagnostic('missing-field', "a provision needs a 'resolution' number or, for another instrument, its 'symbol'", locate(path))];
  if (p.symbol.startsWith('S/RES/'))
    return [
      diagnostic('invalid-value', `cite resolution ${p.symbol} by its 'resolution' number and 'paragraph'`, locate([...path, 'symbol'])),
    ];
  if (p.paragraph !== undefined) {
    return [
      diagnostic(
        'invalid-value',
        `${p.symbol} has no numbered operative paragraphs: cite it by symbol and date, without 'paragraph'`,
        locate([...path, 'paragraph']),
      ),
    ];
  }
  return [];
}

/** The provision with its symbol filled in, keys in a stable order (reports print them as they come). */
export function withSymbol(p: Omit<Provision, 'symbol'> & { symbol?: string }): Provision {
  const symbol = p.resolution !== undefined ? resolutionSymbol(p.resolution, p.adopted) : (p.symbol as string);
  return {
    ...(p.resolution !== undefined ? { resolution: p.resolution } : {}),
    symbol,
    ...(p.paragraph !== undefined ? { paragraph: p.paragraph } : {}),
    adopted: p.adopted,
    ...(p.text !== undefined ? { text: p.text } : {}),
    verified: p.verified,
    ...(p.note !== undefined ? { note: p.note } : {}),
  };
}
