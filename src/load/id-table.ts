// A set of record ids with where each was first seen, for runs over millions of records: the ids'
// characters live in one growing byte buffer and the table in typed arrays, so an id costs about
// 25 bytes and its length, and nothing for the garbage collector to trace (a Map of strings costs
// 60 to 100).

import { codesToString } from './packed-ids.js';

/** Where an id was first seen: an index into the caller's list of files, and a line. */
export interface IdPlace {
  file: number;
  line: number;
}

const EMPTY = 0;

export class IdTable {
  /** Slot → entry number + 1 (0: empty). Open addressing, linear probing, at most 3/4 full. */
  private slots = new Int32Array(1 << 12);
  /** Entry → where its characters start in `chars`; entries are stored in the order added. */
  private starts = new Uint32Array(1 << 11);
  /** Entry → its hash: probes compare it before the characters (ids often share long prefixes). */
  private hashes = new Uint32Array(1 << 11);
  private lines = new Uint32Array(1 << 11);
  /** Lines past 2^32 - 1 (a file of four billion lines), by entry. */
  private readonly longLines = new Map<number, number>();
  /** Characters of every id (all below U+0100; others go to `wide`). */
  private chars = new Uint8Array(1 << 16);
  private used = 0;
  private count = 0;
  /** Runs of entries from one file: [first entry, file] pairs, in entry order. */
  private fileRuns: number[] = [];
  /** Ids with a character above U+00FF (record ids never have one; kept exact all the same). */
  private readonly wide = new Map<string, IdPlace>();

  get size(): number {
    return this.count + this.wide.size;
  }

  private end(entry: number): number {
    return entry + 1 < this.count ? this.starts[entry + 1]! : this.used;
  }

  private same(entry: number, codes: Uint16Array, from: number, to: number): boolean {
    const start = this.starts[entry]!;
    if (this.end(entry) - start !== to - from) return false;
    for (let i = from; i < to; i++) if (this.chars[start + i - from] !== codes[i]) return false;
    return true;
  }

  private fileOf(entry: number): number {
    const runs = this.fileRuns;
    let lo = 0;
    let hi = runs.length / 2 - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (runs[mid * 2]! <= entry) lo = mid;
      else hi = mid - 1;
    }
    return runs[lo * 2 + 1]!;
  }

  /** A buffer for ids given as strings, turned into code units to share one way of adding. */
  private scratch = new Uint16Array(64);

  /** Adds the id; when it was there already, returns where it was first seen and changes nothing. */
  add(id: string, file: number, line: number): IdPlace | undefined {
    if (id.length > this.scratch.length) this.scratch = new Uint16Array(id.length * 2);
    for (let i = 0; i < id.length; i++) this.scratch[i] = id.charCodeAt(i);
    return this.addCodes(this.scratch, 0, id.length, file, line);
  }

  /** Adds the id held in codes[from, to) (UTF-16 code units), as `add` does. */
  addCodes(codes: Uint16Array, from: number, to: number, file: number, line: number): IdPlace | undefined {
    for (let i = from; i < to; i++) {
      if (codes[i]! > 0xff) {
        const id = codesToString(codes, from, to);
        const first = this.wide.get(id);
        if (!first) this.wide.set(id, { file, line });
        return first;
      }
    }
    const mask = this.slots.length - 1;
    let h = 0x811c9dc5;
    for (let i = from; i < to; i++) h = Math.imul(h ^ codes[i]!, 0x01000193);
    h >>>= 0;
    let s = h & mask;
    for (let e = this.slots[s]!; e !== EMPTY; e = this.slots[s]!) {
      if (this.hashes[e - 1] === h && this.same(e - 1, codes, from, to)) return { file: this.fileOf(e - 1), line: this.longLines.get(e - 1) ?? this.lines[e - 1]! };
      s = (s + 1) & mask;
    }
    const length = to - from;
    const entry = this.count;
    if (entry >= this.starts.length) this.growEntries();
    if (this.used + length > this.chars.length) this.growChars(length);
    for (let i = 0; i < length; i++) this.chars[this.used + i] = codes[from + i]!;
    this.starts[entry] = this.used;
    this.hashes[entry] = h;
    if (line > 0xffffffff) this.longLines.set(entry, line);
    else this.lines[entry] = line;
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(entry, file);
    this.used += length;
    this.count++;
    this.slots[s] = entry + 1;
    if (this.count * 4 > this.slots.length * 3) this.rehash();
    return undefined;
  }

  private growEntries(): void {
    const n = this.starts.length * 2;
    const starts = new Uint32Array(n);
    starts.set(this.starts);
    this.starts = starts;
    const hashes = new Uint32Array(n);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const lines = new Uint32Array(n);
    lines.set(this.lines);
    this.lines = lines;
  }

  private growChars(need: number): void {
    const b = new Uint8Array(Math.max(Math.ceil(this.chars.length * 1.5), this.used + need));
    b.set(this.chars.subarray(0, this.used));
    this.chars = b;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let s = this.hashes[entry]! & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = entry + 1;
    }
    this.slots = slots;
  }
}
