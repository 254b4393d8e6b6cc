// Resolves the simple JSONPath rules may use ($.a.b[0].c) without a JSONPath library.
const cache = new Map<string, (string | number)[]>();

export function parsePath(path: string): (string | number)[] {
  let steps = cache.get(path);
  if (!steps) {
    steps = [];
    const re = /\.([A-Za-z0-9_-]+)|\[(\d+)\]/g;
    for (const m of path.slice(1).matchAll(re)) steps.push(m[1] !== undefined ? m[1] : Number(m[2]));
    cache.set(path, steps);
  }
  return steps;
}

/** The value at `path` inside `value`, or undefined. Own properties only: no prototype walk. */
export function resolvePath(value: unknown, path: string): unknown {
  let v: unknown = value;
  for (const step of parsePath(path)) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, step)) return undefined;
    v = (v as Record<string | number, unknown>)[step];
  }
  return v;
}
