import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_PIECE_BYTES, decodePieces } from '../../src/stream/decode-lines.js';

/** All the lines, the pieces joined. */
const decodeLines = (buf: Buffer): string[] => [...decodePieces(buf)].flat();

describe('decoding a chunk of lines', () => {
  const line = fc.oneof(
    fc.string({ maxLength: 300 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.constant(''),
    fc.string({ minLength: DECODE_PIECE_BYTES - 2, maxLength: DECODE_PIECE_BYTES + 2 }),
  );
  it('gives the lines of the whole text, however its pieces fall', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 1200 }), fc.boolean(), (lines, newlineAtEnd) => {
        const text = lines.map((l) => l.replaceAll('\n', ' ')).join('\n') + (newlineAtEnd ? '\n' : '');
        const buf = Buffer.from(text, 'utf8');
        expect(decodeLines(buf)).toEqual(text.split('\n'));
        // Each piece is at most a piece long, unless it is one line longer than that.
        for (const piece of decodePieces(buf)) {
          const bytes = Buffer.byteLength(piece.join('\n'));
          if (piece.length > 1) expect(bytes).toBeLessThanOrEqual(DECODE_PIECE_BYTES);
        }
      }),
      { seed: 1718, numRuns: 150 },
    );
  });

  it('keeps a line longer than a piece whole, and multi-byte characters at piece edges', () => {
    const long = 'é'.repeat(DECODE_PIECE_BYTES);
    const text = ['a', long, 'b'.repeat(DECODE_PIECE_BYTES - 1), '€😀', ''].join('\n');
    expect(decodeLines(Buffer.from(text, 'utf8'))).toEqual(text.split('\n'));
  });
});
