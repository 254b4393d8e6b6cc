// A snapshot of the built-in prototypes, to prove that loading hostile input changed none of them.

const PROTOTYPES: Record<string, object> = {
  Object: Object.prototype,
  Array: Array.prototype,
  Function: Function.prototype,
  String: String.prototype,
  Number: Number.prototype,
  Boolean: Boolean.prototype,
  Map: Map.prototype,
  Set: Set.prototype,
  Promise: Promise.prototype,
  Error: Error.prototype,
};

/** Every own property (names and symbols) of each prototype, with what its descriptor holds. */
export function prototypeSnapshot(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, proto] of Object.entries(PROTOTYPES)) {
    out[name] = Reflect.ownKeys(proto).map((k) => {
      const d = Object.getOwnPropertyDescriptor(proto, k)!;
      const kind = 'value' in d ? typeof d.value : 'accessor';
      return `${String(k)}:${kind}:${d.enumerable ? 'e' : ''}${d.writable ? 'w' : ''}${d.configurable ? 'c' : ''}`;
    });
    out[name]!.push(`proto:${Object.getPrototypeOf(proto) === null ? 'null' : 'object'}`);
  }
  return out;
}

/** Properties hostile input tries to plant, read through a fresh object and array. */
export function pollutionVisible(): unknown[] {
  const o = {} as Record<string, unknown>;
  const a = [] as unknown as Record<string, unknown>;
  return [o.polluted, a.polluted, (Object.prototype as Record<string, unknown>).polluted, o.isAdmin];
}
