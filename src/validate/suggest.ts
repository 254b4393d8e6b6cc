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
 * Known values close to a wrong one, best first, at most `max`: those a few edits away (as for
 * `closest`), then those that contain it or that it contains, then those with a word close to it
 * ("fule" → aviation-fuel).
 */
export function closeValues(value: string, known: readonly string[], max = 5): string[] {
  if (value.length > 100 || value.length === 0) return [];
  const lower = value.toLowerCase();
  const allowed = lower.length < 4 ? 1 : lower.length < 8 ? 2 : 3;
  const scored: { k: string; score: number }[] = [];
  for (const k of known) {
    const kl = k.toLowerCase();
    const whole = distance(lower, kl, allowed);
    let score: number | undefined = whole <= allowed ? whole : undefined;
    if (score === undefined && lower.length >= 3) {
      // Contains it, or is contained, or has a word close to it ("fule" → aviation-fuel).
      const word = Math.min(...kl.split('-').map((part) => distance(lower, part, allowed)));
      if (kl.includes(lower) || lower.includes(kl)) score = allowed + 1;
      else if (word <= allowed) score = allowed + 2 + word;
    }
    if (score !== undefined) scored.push({ k, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.k < b.k ? -1 : a.k > b.k ? 1 : 0))
    .slice(0, max)
    .map((s) => s.k);
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
