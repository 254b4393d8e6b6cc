// A bounded cache with constant-time look-ups, for a stream of keys of which most recur and some never do.
/**
 * A cache of at most 2 × `size` entries in O(1) a look-up: entries go into the current generation; when it is
 * full it becomes the old one and the one before is dropped whole, and an entry found in the old generation
 * moves to the current one. (Deleting a Map's oldest entry one at a time, as an earlier version did, makes each
 * look for the oldest skip every entry deleted before it: quadratic time on a stream of distinct parties.)
 */
export class TwoGenerationCache<V> {
  private current = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const v = this.current.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.size) {
      this.old = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}
