// Types for bench/generate.mjs, for the tests that use it.
export function prng(seed: number): () => number;
export function makeGenerator(
  seed: number,
  vocabulary?: { roles?: string[]; designatedNames?: string[] },
): (n: number) => Record<string, unknown>;
export function generate(
  file: string,
  count: number,
  seed?: number,
  vocabulary?: { roles?: string[]; designatedNames?: string[] },
): Promise<void>;
