// Cuts a byte stream into chunks of whole lines, numbered, without holding more than a chunk and
// one partial line in memory. A line longer than the limit is reported and passed over.
import { constants } from 'node:fs';
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
 * Reads a file a chunk at a time into two reused buffers, the next chunk being read while the
 * one handed out is checked (so the thread does not sit idle waiting for the disk): each piece
 * is valid until the next is asked for (lineChunks copies what it keeps).
 */
export async function* readFileChunks(file: string): AsyncGenerator<Buffer> {
  // Opened without waiting (a named pipe put in the file's place since it was looked at would wait
  // for a writer), and read only if it is a regular file: a device may never end.
  const handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let ahead: Promise<{ bytesRead: number }> | undefined;
  try {
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    const buffers = [Buffer.allocUnsafe(READ_CHUNK_BYTES), Buffer.allocUnsafe(READ_CHUNK_BYTES)];
    let turn = 0;
    ahead = handle.read(buffers[0]!, 0, READ_CHUNK_BYTES, null);
    for (;;) {
      const { bytesRead } = await ahead;
      ahead = undefined;
      if (bytesRead === 0) return;
      const buffer = buffers[turn]!;
      turn ^= 1;
      // Reads go one after another (position null: the file's own offset), never two at once.
      ahead = handle.read(buffers[turn]!, 0, READ_CHUNK_BYTES, null);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    // A read still under way finishes before the file is closed (its failure is of no interest now).
    if (ahead) await ahead.catch(() => undefined);
    await handle.close();
  }
}

function countNewlines(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * The carried pieces of a partial line and `body` in one new buffer: the single copy a chunk
 * costs (a long line read in many pieces is joined once, not once a piece).
 */
function joined(carry: readonly Uint8Array[], carried: number, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(carried + body.length);
  let at = 0;
  for (const part of carry) {
    out.set(part, at);
    at += part.length;
  }
  out.set(body, at);
  return out;
}

export async function* lineChunks(
  source: AsyncIterable<Buffer | string>,
  maxLineBytes = MAX_LINE_BYTES,
): AsyncGenerator<LineChunk | TooLongLine> {
  // The start of a line not yet ended: copies of the pieces read so far, and their length.
  let carry: Uint8Array[] = [];
  let carried = 0;
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
      const bytes = joined(carry, carried, buf.subarray(0, last + 1));
      carry = [];
      carried = 0;
      const firstLine = line;
      line += countNewlines(bytes); // before the bytes are handed over (and perhaps moved away)
      yield { kind: 'lines', bytes, firstLine, bytesRead };
    }
    const rest = last === -1 ? buf : buf.subarray(last + 1);
    if (carried + rest.length > maxLineBytes) {
      yield { kind: 'too-long', line, bytesRead };
      carry = [];
      carried = 0;
      skipping = true;
    } else if (rest.length > 0) {
      carry.push(new Uint8Array(rest)); // a copy: the piece it came from may be reused
      carried += rest.length;
    }
  }
  if (carried > 0) yield { kind: 'lines', bytes: joined(carry, carried, new Uint8Array(0)), firstLine: line, bytesRead };
}
