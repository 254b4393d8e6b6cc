// Cuts a byte stream into chunks of whole lines, numbered, without holding more than a chunk and
// one partial line in memory. A line longer than the limit is reported and passed over.
import { createReadStream } from 'node:fs';

/** No record is this long; a longer line is refused rather than buffered. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/** Bytes read at a time from a file: about two thousand records. */
export const READ_CHUNK_BYTES = 1024 * 1024;

export interface LineChunk {
  kind: 'lines';
  /** Whole lines; only the last chunk of the input may end without a newline. */
  bytes: Buffer;
  /** Number of the first line (from 1). */
  firstLine: number;
  /** Bytes read from the input so far. */
  bytesRead: number;
}

export interface TooLongLine {
  kind: 'too-long';
  line: number;
  bytesRead: number;
}

export function readFileChunks(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: READ_CHUNK_BYTES });
}

function countNewlines(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

export async function* lineChunks(source: AsyncIterable<Buffer | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineChunk | TooLongLine> {
  let carry: Buffer | undefined;
  let line = 1;
  let bytesRead = 0;
  let skipping = false;
  let first = true;
  for await (const piece of source) {
    let buf = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    bytesRead += buf.length;
    if (first && buf.length > 0) {
      first = false;
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) buf = buf.subarray(3);
    }
    if (skipping) {
      const nl = buf.indexOf(10);
      if (nl === -1) continue;
      buf = buf.subarray(nl + 1);
      line++;
      skipping = false;
    }
    if (carry) {
      buf = Buffer.concat([carry, buf]);
      carry = undefined;
    }
    const last = buf.lastIndexOf(10);
    if (last !== -1) {
      const body = buf.subarray(0, last + 1);
      yield { kind: 'lines', bytes: body, firstLine: line, bytesRead };
      line += countNewlines(body);
    }
    const rest = last === -1 ? buf : buf.subarray(last + 1);
    if (rest.length > maxLineBytes) {
      yield { kind: 'too-long', line, bytesRead };
      skipping = true;
    } else if (rest.length > 0) {
      carry = Buffer.from(rest); // a copy, so the chunk it came from can be freed
    }
  }
  if (carry) yield { kind: 'lines', bytes: carry, firstLine: line, bytesRead };
}
