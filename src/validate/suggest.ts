// Suggestions for misspelt names: the closest known field, fact or operator.

/** Edits (insert, delete, replace) from a to b, counted up to `cap`. */
function distance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The known name a misspelt one most likely meant: the same but for case, or a few edits away
 * (two for short names, three from eight letters on). Undefined when none is that close.
 */
export function closest(name: string, known: readonly string[]): string | undefined {
  if (name.length > 100) return undefined;
  const lower = name.toLowerCase();
  const allowed = name.length < 4 ? 0 : name.length < 8 ? 2 : 3;
  let best: string | undefined;
  let bestScore = allowed + 1;
  for (const k of known) {
    const score = k.toLowerCase() === lower ? 0 : distance(lower, k.toLowerCase(), allowed);
    if (score < bestScore) {
      best = k;
      bestScore = score;
    }
  }
  return best;
}
