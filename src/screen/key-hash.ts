// Index keys (a key, the key with one character deleted, a pair of words) as pairs of hashes, looked up without building strings.
//
// Two polynomial hashes modulo 2^32 with different bases (53 bits kept): the hash of a key with its i-th
// character deleted is computed from prefix and suffix sums, so a query's one-deletion look-ups allocate nothing.
// Two different keys sharing both hashes is about as likely as 1 in 2^53 per pair.

const B1 = 0x01000193;
const B2 = 0x5bd1e995;

/** Powers of the two bases, grown as longer keys are seen. */
let pow1 = new Int32Array(0);
let pow2 = new Int32Array(0);

function powers(n: number): void {
  if (pow1.length > n) return;
  const size = Math.max(64, 2 * (n + 1));
  pow1 = new Int32Array(size);
  pow2 = new Int32Array(size);
  pow1[0] = 1;
  pow2[0] = 1;
  for (let i = 1; i < size; i++) {
    pow1[i] = Math.imul(pow1[i - 1]!, B1);
    pow2[i] = Math.imul(pow2[i - 1]!, B2);
  }
}

/** The pair of hashes of a string: h1 in [0], the top 21 bits of h2 in [1]. Overwritten by the next call. */
export const HASH = new Int32Array(2);

/** Hashes `a`, or `a|b` (two neighbouring words) when b is given, into HASH. */
export function hashKey(a: string, b?: string): Int32Array {
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    h1 = (Math.imul(h1, B1) + c) | 0;
    h2 = (Math.imul(h2, B2) + c) | 0;
  }
  if (b !== undefined) {
    for (let i = -1; i < b.length; i++) {
      const c = i < 0 ? 124 : b.charCodeAt(i);
      h1 = (Math.imul(h1, B1) + c) | 0;
      h2 = (Math.imul(h2, B2) + c) | 0;
    }
  }
  HASH[0] = h1;
  HASH[1] = h2 >>> 11;
  return HASH;
}

/** The full pair of hashes of a string (both 32 bits), as FULL. Overwritten by the next call. */
export const FULL = new Int32Array(2);

export function fullHash(s: string): Int32Array {
  let h1 = 0;
  let h2 = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = (Math.imul(h1, B1) + c) | 0;
    h2 = (Math.imul(h2, B2) + c) | 0;
  }
  FULL[0] = h1;
  FULL[1] = h2;
  return FULL;
}

/** The first hash of a string whose first part hashes to h and whose second part, `length` long, to g. */
export function extendHash1(h: number, g: number, length: number): number {
  powers(length);
  return (Math.imul(h, pow1[length]!) + g) | 0;
}

/** The same for the second hash (full 32 bits: take >>> 11 to look up). */
export function extendHash2(h: number, g: number, length: number): number {
  powers(length);
  return (Math.imul(h, pow2[length]!) + g) | 0;
}

/** Suffix sums reused by deletionHashes (one call at a time). */
let suffix1 = new Int32Array(64);
let suffix2 = new Int32Array(64);

/**
 * Calls `each` with the hashes of `key` with its i-th character deleted, as hashKey would give that string,
 * for each i that starts a run of equal characters (deleting any of a run gives the same string).
 */
export function deletionHashes(key: string, each: (h1: number, h2: number) => void): void {
  const n = key.length;
  powers(n);
  if (suffix1.length < n + 1) {
    suffix1 = new Int32Array(2 * (n + 1));
    suffix2 = new Int32Array(2 * (n + 1));
  }
  suffix1[n] = 0;
  suffix2[n] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const c = key.charCodeAt(i);
    suffix1[i] = (suffix1[i + 1]! + Math.imul(c, pow1[n - 1 - i]!)) | 0;
    suffix2[i] = (suffix2[i + 1]! + Math.imul(c, pow2[n - 1 - i]!)) | 0;
  }
  let p1 = 0;
  let p2 = 0;
  for (let i = 0; i < n; i++) {
    const c = key.charCodeAt(i);
    if (i === 0 || c !== key.charCodeAt(i - 1)) {
      const shift = n - 1 - i;
      each((Math.imul(p1, pow1[shift]!) + suffix1[i + 1]!) | 0, ((Math.imul(p2, pow2[shift]!) + suffix2[i + 1]!) | 0) >>> 11);
    }
    p1 = (Math.imul(p1, B1) + c) | 0;
    p2 = (Math.imul(p2, B2) + c) | 0;
  }
}

/** Builds a HashTable: each pair of hashes to its values in the order added, a value not repeated back to back. */
export class HashTableBuilder {
  private readonly entries = new Map<number, number[]>();

  add(h1: number, h2: number, value: number): void {
    const joined = (h1 >>> 0) * 0x200000 + h2;
    const list = this.entries.get(joined);
    if (!list) this.entries.set(joined, [value]);
    else if (list[list.length - 1] !== value) list.push(value);
  }

  build(): HashTable {
    return new HashTable(this.entries);
  }
}

/** An open-addressing table from pairs of hashes to lists of values, in typed arrays (look-ups allocate nothing). */
export class HashTable {
  private readonly mask: number;
  private readonly keys1: Int32Array;
  private readonly keys2: Int32Array;
  /** Where a slot's values start and end in `values`; an end of 0 marks an empty slot. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly values: Int32Array;

  constructor(entries: Map<number, number[]>) {
    let size = 16;
    while (size < 2 * entries.size) size *= 2;
    this.mask = size - 1;
    this.keys1 = new Int32Array(size);
    this.keys2 = new Int32Array(size);
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
    let total = 0;
    for (const list of entries.values()) total += list.length;
    this.values = new Int32Array(total);
    let at = 0;
    for (const [joined, list] of entries) {
      const h1 = Math.floor(joined / 0x200000) | 0;
      const h2 = joined % 0x200000;
      let slot = this.first(h1);
      while (this.ends[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys1[slot] = h1;
      this.keys2[slot] = h2;
      this.starts[slot] = at;
      for (const v of list) this.values[at++] = v;
      this.ends[slot] = at;
    }
  }

  private first(h1: number): number {
    return (h1 ^ (h1 >>> 15)) & this.mask;
  }

  /** The slot holding the pair of hashes, or -1. */
  find(h1: number, h2: number): number {
    let slot = this.first(h1);
    while (this.ends[slot] !== 0) {
      if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }
}
