// Decodes a chunk of UTF-8 lines into strings without making large strings.
/**
 * Text is decoded this much at a time: a string up to this size is made in the young generation,
 * where it is cheap to make and to drop; a larger one is a "large object" of its own pages, which
 * costs several times as much to make and stays until a full collection.
 */
export const DECODE_PIECE_BYTES = 96 * 1024;

/** The lines of valid UTF-8 text, as `text.split('\n')` gives them, decoded a piece at a time. */
export function decodeLines(buf: Buffer): string[] {
  if (buf.length <= DECODE_PIECE_BYTES) return buf.toString('utf8').split('\n');
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    // Pieces end at a newline (a byte never found inside a multi-byte UTF-8 character).
    let end = buf.length - start <= DECODE_PIECE_BYTES ? -1 : buf.lastIndexOf(10, start + DECODE_PIECE_BYTES);
    if (end !== -1 && end < start) end = buf.indexOf(10, start + DECODE_PIECE_BYTES);
    const part = buf.toString('utf8', start, end === -1 ? buf.length : end).split('\n');
    for (let i = 0; i < part.length; i++) lines.push(part[i]!);
    if (end === -1) return lines;
    start = end + 1;
  }
}
