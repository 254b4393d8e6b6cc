// Decodes a chunk of UTF-8 lines into strings a piece at a time, as the lines are checked.
/**
 * Text is decoded this much at a time. A piece's strings live only while its few dozen lines are
 * checked, so they die young and cheap; the whole chunk decoded at once would be a quarter of a
 * megabyte alive for the whole chunk, copied by each collection of the young generation on the
 * way and often moved to the old one, and as one string over 128 KiB a "large object" of its own
 * pages.
 */
export const DECODE_PIECE_BYTES = 16 * 1024;

/**
 * The lines of valid UTF-8 text, piece by piece: the pieces, joined, are `text.split('\n')`. Pieces
 * end at a newline (a byte never found inside a multi-byte UTF-8 character); a line longer than a
 * piece is a piece of its own.
 */
export function* decodePieces(buf: Buffer, pieceBytes = DECODE_PIECE_BYTES): Generator<string[]> {
  let start = 0;
  for (;;) {
    // The last newline within a piece's length; none there (-1, or one before the piece): the
    // first after it, ending a line longer than a piece.
    let end = buf.length - start <= pieceBytes ? -1 : buf.lastIndexOf(10, start + pieceBytes);
    if (end < start && buf.length - start > pieceBytes) end = buf.indexOf(10, start + pieceBytes);
    yield buf.toString('utf8', start, end === -1 ? buf.length : end).split('\n');
    if (end === -1) return;
    start = end + 1;
  }
}
