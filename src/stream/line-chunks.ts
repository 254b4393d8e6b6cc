// Cuts a byte stream into chunks of whole lines, numbered, without holding more than a chunk and
// one partial line in memory. A line longer than the limit is reported and passed over.
import { open } from 'node:fs/promises';

/** No record is this long; a longer line is refused rather than buffered. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;
/**
 * Bytes read at a time from a file: about four hundred records. Larger chunks are no faster and
 * cost memory: each chunk's text is one string, and strings this large live in the old
 * generation until a full collection.
 */
export const READ_CHUNK_BYTES = 256 * 1024;

export interface LineChunk {
  kind: 'lines';
  /** Whole lines, in a buffer of their own (it can be moved to another thread); only the last
   * chunk of the input may end without a newline. */
  bytes: Uint8Array;
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

/**
 * Reads a file a chunk at a time into one reused buffer: each piece is valid until the next
 * is asked for (lineChunks copies what it keeps).
 */
export async function* readFileChunks(file: string): AsyncGenerator<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(READ_CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

function countNewlines(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/** The carried partial line and `body` in one new buffer: the single copy a chunk costs. */
function joined(carry: Uint8Array | undefined, body: Uint8Array): Uint8Array {
  const out = new Uint8Array((carry?.length ?? 0) + body.length);
  if (carry) out.set(carry);
  out.set(body, carry?.length ?? 0);
  return out;
}

export async function* lineChunks(source: AsyncIterable<Buffer | string>, maxLineBytes = MAX_LINE_BYTES): AsyncGenerator<LineChunk | TooLongLine> {
  let carry: Uint8Array | undefined;
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
    const last = buf.lastIndexOf(10);
    if (last !== -1) {
      const bytes = joined(carry, buf.subarray(0, last + 1));
      carry = undefined;
      const firstLine = line;
      line += countNewlines(bytes); // before the bytes are handed over (and perhaps moved away)
      yield { kind: 'lines', bytes, firstLine, bytesRead };
    }
    const rest = last === -1 ? buf : buf.subarray(last + 1);
    if ((carry?.length ?? 0) + rest.length > maxLineBytes) {
      yield { kind: 'too-long', line, bytesRead };
      carry = undefined;
      skipping = true;
    } else if (rest.length > 0) {
      carry = joined(carry, rest); // a copy: the piece it came from may be reused
    }
  }
  if (carry) yield { kind: 'lines', bytes: carry, firstLine: line, bytesRead };
}
