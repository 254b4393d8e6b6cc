// The record ids of a chunk, packed into two typed arrays instead of a list of strings: a worker
// thread moves them to the main thread without copying, and neither thread keeps hundreds of small
// strings alive (and promoted to the old generation) while a chunk is in flight.

export interface PackedIds {
  /** The ids' UTF-16 code units, one after another. */
  codes: Uint16Array;
  /** Where each id ends in `codes` (it starts where the one before ends). */
  ends: Uint32Array;
}

export const NO_IDS: PackedIds = { codes: new Uint16Array(0), ends: new Uint32Array(0) };

/** Collects ids one by one; `finish` returns arrays of their own, trimmed to size. */
export class IdPacker {
  private codes = new Uint16Array(1 << 13);
  private ends = new Uint32Array(1 << 9);
  private used = 0;
  private count = 0;

  push(id: string): void {
    if (this.used + id.length > this.codes.length) {
      const codes = new Uint16Array(Math.max(this.codes.length * 2, this.used + id.length));
      codes.set(this.codes.subarray(0, this.used));
      this.codes = codes;
    }
    if (this.count === this.ends.length) {
      const ends = new Uint32Array(this.ends.length * 2);
      ends.set(this.ends);
      this.ends = ends;
    }
    for (let i = 0; i < id.length; i++) this.codes[this.used + i] = id.charCodeAt(i);
    this.used += id.length;
    this.ends[this.count++] = this.used;
  }

  get size(): number {
    return this.count;
  }

  finish(): PackedIds {
    return { codes: this.codes.slice(0, this.used), ends: this.ends.slice(0, this.count) };
  }
}

/** Where id `i` starts in `codes`. */
export function idStart(ids: PackedIds, i: number): number {
  return i === 0 ? 0 : ids.ends[i - 1]!;
}

/** Id `i` as a string (for messages; the id table reads the code units directly). */
export function idAt(ids: PackedIds, i: number): string {
  return codesToString(ids.codes, idStart(ids, i), ids.ends[i]!);
}

export function codesToString(codes: Uint16Array, start: number, end: number): string {
  let s = '';
  for (let k = start; k < end; k += 4096) s += String.fromCharCode(...codes.subarray(k, Math.min(end, k + 4096)));
  return s;
}
