// A set of record ids with where each was first seen, for runs over millions of records: each id is
// kept as a 64-bit fingerprint (two independent 32-bit hashes of its UTF-16 code units) and the line
// it was first seen on, in pages of typed arrays that never move, behind an open-addressing index.
// An id costs 12 bytes and 4 to 8 of index, about 20 in all, and nothing for the garbage collector
// to trace (a Map of strings costs 60 to 100). Two different ids are taken for one only if both
// hashes agree: about one chance in 10^6 over a run of 5,000,000 distinct ids (n^2 / 2^65).

/** Where an id was first seen: an index into the caller's list of files, and a line. */
export interface IdPlace {
  file: number;
  line: number;
}

const EMPTY = 0;
/** Entries a page holds; a page holds three Uint32 words an entry (hash, second hash, line). */
const PAGE_BITS = 16;
const PAGE = 1 << PAGE_BITS;
const PAGE_MASK = PAGE - 1;

/** Mixes the bits of a 32-bit hash (MurmurHash3's finaliser). */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class IdTable {
  /** Slot → entry number + 1 (0: empty). Open addressing, linear probing, at most 3/4 full. */
  private slots = new Int32Array(1 << 12);
  /** Entries in the order added: [hash, second hash, line] in pages of PAGE entries. */
  private readonly pages: Uint32Array[] = [];
  /** Lines past 2^32 - 1 (a file of four billion lines), by entry. */
  private readonly longLines = new Map<number, number>();
  private count = 0;
  /** Runs of entries from one file: [first entry, file] pairs, in entry order. */
  private fileRuns: number[] = [];

  get size(): number {
    return this.count;
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
    let h = 0x811c9dc5;
    let g = 0x9747b28c ^ (to - from);
    for (let i = from; i < to; i++) {
      const c = codes[i]!;
      h = Math.imul(h ^ c, 0x01000193);
      g = Math.imul(g ^ c, 0x5bd1e995);
      g ^= g >>> 15;
    }
    h = mix(h);
    g = mix(g);
    const mask = this.slots.length - 1;
    let s = h & mask;
    for (let e = this.slots[s]!; e !== EMPTY; e = this.slots[s]!) {
      const page = this.pages[(e - 1) >>> PAGE_BITS]!;
      const at = ((e - 1) & PAGE_MASK) * 3;
      if (page[at] === h && page[at + 1] === g) return { file: this.fileOf(e - 1), line: this.longLines.get(e - 1) ?? page[at + 2]! };
      s = (s + 1) & mask;
    }
    const entry = this.count;
    if ((entry & PAGE_MASK) === 0) this.pages.push(new Uint32Array(PAGE * 3));
    const page = this.pages[entry >>> PAGE_BITS]!;
    const at = (entry & PAGE_MASK) * 3;
    page[at] = h;
    page[at + 1] = g;
    if (line > 0xffffffff) this.longLines.set(entry, line);
    else page[at + 2] = line;
    const runs = this.fileRuns;
    if (runs.length === 0 || runs[runs.length - 1] !== file) runs.push(entry, file);
    this.count++;
    this.slots[s] = entry + 1;
    if (this.count * 4 > this.slots.length * 3) this.rehash();
    return undefined;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let s = this.pages[entry >>> PAGE_BITS]![(entry & PAGE_MASK) * 3]! & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = entry + 1;
    }
    this.slots = slots;
  }
}
