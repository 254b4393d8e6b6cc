// An append-only temporary file of lines in keyed segments, read back a segment at a time in any
// order: where a streamed report keeps its findings and activities while the run goes on.
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Text is written in pieces of about this many characters, and read back in blocks of this many bytes. */
const BLOCK = 1 << 20;

export interface Segment {
  key: string;
  start: number;
  end: number;
}

export class SpoolFile {
  private readonly fd: number;
  private text = '';
  private bytes = 0;
  /** Bytes appended, written or not. */
  private appended = 0;
  private sealed = false;
  /** Segments: byte ranges, each with a key (the file a finding belongs to). */
  private readonly list: Segment[] = [];
  /** Lines appended. */
  count = 0;

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+', 0o600);
  }

  private flush(): void {
    if (this.text.length === 0) return;
    this.bytes += writeSync(this.fd, this.text);
    this.text = '';
  }

  /** Appends one line (without its newline, which must not occur in it) to the segment of `key`; returns where it starts. */
  append(key: string, line: string): number {
    const last = this.list.at(-1);
    if (!last || last.key !== key) {
      this.flush();
      if (last) last.end = this.bytes;
      this.list.push({ key, start: this.bytes, end: -1 });
    }
    const at = this.appended;
    this.text += line + '\n';
    this.appended += Buffer.byteLength(line) + 1;
    this.count++;
    if (this.text.length >= BLOCK) this.flush();
    return at;
  }

  /** The line that starts at byte `at` and is `length` bytes long (without its newline). */
  lineAt(at: number, length: number): string {
    this.segments();
    const buffer = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd, buffer, done, length - done, at + done);
      if (n === 0) throw new Error(`the report's temporary file ${this.file} ended early`);
      done += n;
    }
    return buffer.toString('utf8');
  }

  /** The segments in the order written, every end known (writing is over once this is called). */
  segments(): readonly Segment[] {
    if (!this.sealed) {
      this.sealed = true;
      this.flush();
      const last = this.list.at(-1);
      if (last) last.end = this.bytes;
    }
    return this.list;
  }

  /** The segments sorted by key (stable: the order of a key's own segments stays). */
  sortedSegments(): Segment[] {
    return [...this.segments()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The lines of the segments, in the order given. */
  *lines(segments: readonly Segment[] = this.segments()): Generator<string> {
    const buffer = Buffer.allocUnsafe(BLOCK);
    for (const s of segments) {
      let rest = Buffer.alloc(0);
      for (let at = s.start; at < s.end; ) {
        const n = readSync(this.fd, buffer, 0, Math.min(buffer.length, s.end - at), at);
        if (n === 0) throw new Error(`the report's temporary file ${this.file} ended early`);
        at += n;
        const block = rest.length ? Buffer.concat([rest, buffer.subarray(0, n)]) : buffer.subarray(0, n);
        let from = 0;
        for (let nl = block.indexOf(10, from); nl !== -1; nl = block.indexOf(10, from)) {
          yield block.toString('utf8', from, nl);
          from = nl + 1;
        }
        rest = Buffer.from(block.subarray(from));
      }
      if (rest.length) throw new Error(`the report's temporary file ${this.file} holds a line cut short`);
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}
