// A bounded cache keyed by the 64-bit fingerprint of a few strings: no key string is built or kept.
//
// Keeping the strings themselves was costly twice over: a key made by concatenation is flattened and
// hashed at every look-up, and a name taken from a parsed line can hold on to the whole text it was
// read from. Here a key is two 32-bit hashes of its parts, computed in one pass; a slot holds the
// last key put in it (direct-mapped, so a new key may push out an older one). Two different keys
// are taken for one only if both hashes agree: about one chance in 2^64 per look-up.

const SEPARATOR = 0x1f;

/** A cache of at most 2^bits values keyed by up to four strings (undefined counts as empty). */
export class FingerprintCache<V> {
  private readonly h1s: Int32Array;
  private readonly h2s: Int32Array;
  private readonly values: (V | undefined)[];
  private readonly mask: number;
  private h1 = 0;
  private h2 = 0;

  constructor(bits: number) {
    const size = 1 << bits;
    this.mask = size - 1;
    this.h1s = new Int32Array(size);
    this.h2s = new Int32Array(size);
    this.values = new Array<V | undefined>(size).fill(undefined);
  }

  /** Sets the key that get and set use next. */
  key(a: string, b?: string, c?: string, d?: string): this {
    this.h1 = 0x811c9dc5 | 0;
    this.h2 = 0x27d4eb2f;
    this.mix(a);
    this.mix(b);
    this.mix(c);
    this.mix(d);
    // mixed once more, so that the slot (the low bits of h1) depends on every character
    let h1 = this.h1;
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    this.h1 = h1 ^ (h1 >>> 13);
    return this;
  }

  private mix(part: string | undefined): void {
    let h1 = this.h1;
    let h2 = this.h2;
    if (part !== undefined) {
      for (let i = 0; i < part.length; i++) {
        const ch = part.charCodeAt(i);
        h1 = Math.imul(h1 ^ ch, 0x01000193);
        h2 = Math.imul(h2 + ch, 0x5bd1e995) ^ (h2 >>> 15);
      }
    }
    this.h1 = Math.imul(h1 ^ SEPARATOR, 0x01000193);
    this.h2 = Math.imul(h2 + SEPARATOR, 0x5bd1e995) ^ (h2 >>> 15);
  }

  /** The value of the key last set with key(), if it is held. */
  get(): V | undefined {
    const slot = this.h1 & this.mask;
    return this.h1s[slot] === this.h1 && this.h2s[slot] === this.h2 ? this.values[slot] : undefined;
  }

  /** Holds a value for the key last set with key(), in place of what its slot held. */
  set(value: V): void {
    const slot = this.h1 & this.mask;
    this.h1s[slot] = this.h1;
    this.h2s[slot] = this.h2;
    this.values[slot] = value;
  }
}
