// Locates the values of a JSON file read whole without the YAML parser's document tree, which
// costs about a kilobyte a value (a 7 MiB record file took 900 MB): the value is JSON.parse's, and
// one pass over the text notes where each value of the first two levels (the records) starts and
// ends; a deeper value is located by scanning its record's text alone, when a message needs it.
import { jsonLocator } from './json-error.js';
import type { ParsedDocument, PathKey } from './yaml-document.js';
import type { SourceLocation } from '../types.js';

/** Where a value of the first two levels stands: its start, its key's start (-1 for a list item) and its end. */
interface Spot {
  at: number;
  keyAt: number;
  end: number;
}

/** Character codes the scan looks for. */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/** Line starts of a text, for line and column of any offset by binary search. */
function lineStarts(text: string): Uint32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Uint32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

interface Frame {
  list: boolean;
  /** Path of this container from the top, as a key of `spots` (only kept for the first two levels). */
  path: string;
  index: number;
  key: string | undefined;
  keyAt: number;
  /** Keys met so far in this mapping, to find one used twice. */
  keys: Set<string> | undefined;
  /** The spot this container has (first two levels), closed when the container ends. */
  spot: Spot | undefined;
}

const join = (parent: string, step: string | number): string => `${parent}\u0000${String(step)}`;

/**
 * Reads a valid JSON text (JSON.parse has taken it) whose value is `value`. Returns undefined when
 * the text needs the YAML parser's own messages: a key used twice in one mapping, or nesting deeper
 * than `maxNesting` (the caller then parses it as before, for the same messages at the same places).
 */
export function locateJson(text: string, file: string, value: unknown, maxNesting: number): ParsedDocument | undefined {
  const spots = new Map<string, Spot>();
  const stack: Frame[] = [];
  const n = text.length;
  let i = 0;
  const skipSpace = (): void => {
    while (i < n && isSpace(text.charCodeAt(i))) i++;
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === QUOTE) return j;
      j += c === BACKSLASH ? 2 : 1;
    }
  };
  /** Notes the value starting at i, when it is on the first two levels; returns its path. */
  const place = (): { path: string; spot: Spot | undefined } => {
    const top = stack[stack.length - 1];
    if (!top) {
      const spot = { at: i, keyAt: -1, end: n };
      spots.set('', spot);
      return { path: '', spot };
    }
    if (stack.length > 2) return { path: '', spot: undefined };
    const path = join(top.path, top.list ? top.index : top.key!);
    const spot = { at: i, keyAt: top.list ? -1 : top.keyAt, end: i };
    spots.set(path, spot);
    return { path, spot };
  };
  skipSpace();
  while (i < n) {
    const top = stack[stack.length - 1];
    const c = text.charCodeAt(i);
    if (top && !top.list && top.key === undefined) {
      // In a mapping, before a key or its end.
      if (c === CLOSE_BRACE) {
        stack.pop();
        if (top.spot) top.spot.end = i + 1;
        i++;
      } else {
        const end = stringEnd(i);
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        top.keys ??= new Set();
        if (top.keys.has(key)) return undefined;
        top.keys.add(key);
        top.key = key;
        top.keyAt = i;
        i = end + 1;
        skipSpace();
        i++; // the colon
      }
      skipSpace();
      continue;
    }
    if (c === COMMA) {
      if (top!.list) top!.index++;
      else top!.key = undefined;
      i++;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      stack.pop();
      if (top!.spot) top!.spot.end = i + 1;
      i++;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (stack.length + 1 > maxNesting) return undefined;
      const { path, spot } = place();
      stack.push({ list: c === OPEN_BRACKET, path, index: 0, key: undefined, keyAt: -1, keys: undefined, spot });
      i++;
    } else {
      const { spot } = place();
      if (c === QUOTE) i = stringEnd(i) + 1;
      else
        while (
          i < n &&
          !isSpace(text.charCodeAt(i)) &&
          text.charCodeAt(i) !== COMMA &&
          text.charCodeAt(i) !== CLOSE_BRACE &&
          text.charCodeAt(i) !== CLOSE_BRACKET
        )
          i++;
      if (spot) spot.end = i;
    }
    skipSpace();
  }

  let starts: Uint32Array | undefined;
  const toLocation = (offset: number): SourceLocation => {
    starts ??= lineStarts(text);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const locate = (path: readonly PathKey[], opts?: { key?: boolean }): SourceLocation => {
    // The deepest noted value on the path, then, for the rest of the path, its own text.
    let key = '';
    let best = spots.get('')!;
    let fromKey = false;
    let used = 0;
    for (const step of path) {
      if (used === 2) break;
      const next = spots.get(join(key, step));
      if (!next) return toLocation(opts?.key && fromKey ? best.keyAt : best.at);
      key = join(key, step);
      best = next;
      fromKey = next.keyAt !== -1;
      used++;
    }
    if (used === path.length) return toLocation(opts?.key && fromKey ? best.keyAt : best.at);
    // Within the value: its text scanned alone (a record, a few hundred bytes), as for an NDJSON line.
    const inner = jsonLocator(text.slice(best.at, best.end));
    const offset = inner(path.slice(used), opts);
    // Offset 0 is the value itself (anything inside it starts later): asked for a key, that is its own.
    if (offset === 0 && opts?.key && fromKey) return toLocation(best.keyAt);
    return toLocation(best.at + offset);
  };
  return { value, diagnostics: [], locate };
}
