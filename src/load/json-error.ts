// Finds where and why a JSON text is invalid, for a message that names the column. JSON.parse
// says too little, and says it differently from one Node version to the next; this scanner runs
// only after JSON.parse has failed, and walks the text once, without recursion.

export interface JsonProblem {
  /** Index into the text (0-based) where the problem is. */
  offset: number;
  message: string;
}

/** Line and column (from 1) of an index into a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function shown(text: string, i: number): string {
  const c = text.codePointAt(i)!;
  if (c === 0x27) return 'single quote (JSON uses double quotes)';
  if (c < 0x20 || c === 0x7f) return `the control character U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(c)}'`;
}

type Expect = 'value' | 'key-or-end' | 'key' | 'colon' | 'comma-or-brace' | 'value-or-bracket' | 'comma-or-bracket' | 'end';

const EXPECTED: Record<Expect, string> = {
  value: 'a value',
  'key-or-end': "a property name in double quotes, or '}'",
  key: 'a property name in double quotes',
  colon: "':' after the property name",
  'comma-or-brace': "',' or '}'",
  'value-or-bracket': "a value or ']'",
  'comma-or-bracket': "',' or ']'",
  end: 'nothing more',
};

/**
 * Returns the first problem in `text` as JSON, or undefined when it is valid JSON. `unit` says
 * what the text is, for the messages: one NDJSON line, or a whole file.
 */
export function findJsonProblem(text: string, unit: 'line' | 'file' = 'line'): JsonProblem | undefined {
  const stack: ('{' | '[')[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const afterValue = (): Expect => {
    const top = stack[stack.length - 1];
    return top === '{' ? 'comma-or-brace' : top === '[' ? 'comma-or-bracket' : 'end';
  };
  const unexpected = (at: number): JsonProblem => ({ offset: at, message: `unexpected ${shown(text, at)}; expected ${EXPECTED[expect]}` });

  while (true) {
    let sawCr = false;
    while (i < n && WS.has(text.charCodeAt(i))) {
      if (text.charCodeAt(i) === 0x0d) sawCr = true;
      i++;
    }
    if (i >= n) {
      if (expect === 'end') return undefined;
      if (stack.length === 0 && expect === 'value') return { offset: n, message: 'no value' };
      return { offset: n, message: `the ${unit} ends before its value is complete (expected ${EXPECTED[expect]}); is it cut short?` };
    }
    const c = text[i]!;
    const isValueStart: boolean = expect === 'value' || expect === 'value-or-bracket';
    if (c === '"' && (isValueStart || expect === 'key' || expect === 'key-or-end')) {
      const start = i;
      i++;
      for (;;) {
        if (i >= n) return { offset: start, message: `the ${unit} ends inside the string that starts here; is it cut short?` };
        const code = text.charCodeAt(i);
        if (code === 0x22) break;
        if (code < 0x20)
          return { offset: i, message: `${shown(text, i)} inside a string must be written as an escape (\\n, \\t, \\u0000)` };
        if (code === 0x5c) {
          const e = text[i + 1];
          if (e === 'u') {
            if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
              return { offset: i, message: 'a \\u escape needs four hexadecimal digits' };
            i += 6;
            continue;
          }
          if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i, message: `invalid escape '\\${e ?? ''}' in a string` };
          i += 2;
          continue;
        }
        i++;
      }
      i++;
      expect = isValueStart ? afterValue() : 'colon';
      continue;
    }
    if (isValueStart) {
      if (c === '{') {
        stack.push('{');
        expect = 'key-or-end';
        i++;
        continue;
      }
      if (c === '[') {
        stack.push('[');
        expect = 'value-or-bracket';
        i++;
        continue;
      }
      if (c === ']' && expect === 'value-or-bracket') {
        stack.pop();
        expect = afterValue();
        i++;
        continue;
      }
      const lit = /^(true|false|null)/.exec(text.slice(i, i + 5));
      if (lit) {
        i += lit[1]!.length;
        expect = afterValue();
        continue;
      }
      if (c === '-' || (c >= '0' && c <= '9')) {
        const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
        if (!m || m[0] === '-') return { offset: i, message: 'invalid number' };
        const next = text[i + m[0].length];
        if (next !== undefined && /[0-9.eE+-]/.test(next)) {
          return { offset: i, message: `invalid number${m[1] === '0' && /\d/.test(next) ? ': no leading zeros' : ''}` };
        }
        i += m[0].length;
        expect = afterValue();
        continue;
      }
      if (c === ']' && stack[stack.length - 1] === '[')
        return { offset: i, message: "unexpected ']' after ','; JSON allows no comma before ']'" };
      if (expect === 'value-or-bracket' && c === ',')
        return { offset: i, message: "unexpected ','; expected a value (no empty items in a list)" };
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 24));
      if (word) return { offset: i, message: `unexpected word '${word[0]}'; write true, false or null, or put text in double quotes` };
      return unexpected(i);
    }
    if (expect === 'key-or-end' && c === '}') {
      stack.pop();
      expect = afterValue();
      i++;
      continue;
    }
    if (expect === 'colon' && c === ':') {
      expect = 'value';
      i++;
      continue;
    }
    if ((expect === 'comma-or-brace' && c === ',') || (expect === 'comma-or-bracket' && c === ',')) {
      expect = expect === 'comma-or-brace' ? 'key' : 'value';
      i++;
      continue;
    }
    if ((expect === 'comma-or-brace' && c === '}') || (expect === 'comma-or-bracket' && c === ']')) {
      stack.pop();
      expect = afterValue();
      i++;
      continue;
    }
    if (expect === 'key' && c === '}')
      return { offset: i, message: "unexpected '}'; expected a property name in double quotes (no comma before '}')" };
    if (expect === 'end' && sawCr && unit === 'line') {
      return {
        offset: i,
        message: 'a second value after a carriage return (CR): a CR alone ends no line; save the file with LF or CRLF line endings',
      };
    }
    if (expect === 'end')
      return {
        offset: i,
        message: `unexpected ${shown(text, i)} after the end of the value${unit === 'line' ? ': one record per line' : ''}`,
      };
    return unexpected(i);
  }
}

/** Where a value of a JSON text stands, and where its key does (-1 for list items and the top). */
type Spot = [value: number, key: number];

/**
 * Values a locator records at most. A line of millions of tiny values (16 MiB of `{},`) would
 * otherwise cost gigabytes of paths; past this many, the scan stops, and a path beyond it is
 * located at its deepest recorded part (its list, say, rather than the item).
 */
export const MAX_LOCATED_VALUES = 50_000;

/**
 * The offset of every value in a valid JSON text, by path, found in one pass without recursion:
 * locating a field of an NDJSON line this way costs a microsecond or two, not a YAML parse.
 */
export function jsonLocator(text: string): (path: readonly (string | number)[], opts?: { key?: boolean }) => number {
  const spots = new Map<string, Spot>();
  const join = (parent: string, step: string | number) => `${parent}\u0000${String(step)}`;
  type Frame = { list: boolean; path: string; index: number; key?: string; keyAt: number };
  const stack: Frame[] = [];
  let i = 0;
  const n = text.length;
  const skipSpace = () => {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
  };
  const stringEnd = (from: number): number => {
    let j = from + 1;
    while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
    return j;
  };
  /** Records the value starting at i under the path the top frame gives it. */
  const place = (): string => {
    const top = stack[stack.length - 1];
    let path = '';
    let keyAt = -1;
    if (top) {
      path = join(top.path, top.list ? top.index : top.key!);
      keyAt = top.list ? -1 : top.keyAt;
    }
    if (!spots.has(path)) spots.set(path, [i, keyAt]);
    return path;
  };
  skipSpace();
  while (i < n && spots.size < MAX_LOCATED_VALUES) {
    const top = stack[stack.length - 1];
    const c = text[i]!;
    if (top && !top.list && top.key === undefined) {
      // In a mapping, before a key: a key, or the end.
      if (c === '}') {
        stack.pop();
        i++;
      } else if (c === '"') {
        const end = stringEnd(i);
        let key: string;
        try {
          key = JSON.parse(text.slice(i, end + 1)) as string;
        } catch {
          key = text.slice(i + 1, end);
        }
        top.key = key;
        top.keyAt = i;
        i = end + 1;
        skipSpace();
        if (text[i] === ':') i++;
      } else i++;
      skipSpace();
      continue;
    }
    if (top?.list && c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      if (top?.list) top.index++;
      else if (top) top.key = undefined;
      i++;
    } else if (c === '{' || c === '[') {
      const path = place();
      stack.push({ list: c === '[', path, index: 0, keyAt: -1 });
      i++;
    } else if (c === '"') {
      place();
      i = stringEnd(i) + 1;
    } else if (c === '}' && top) {
      stack.pop();
      i++;
    } else {
      place();
      while (i < n && !',]}'.includes(text[i]!) && !WS.has(text.charCodeAt(i))) i++;
    }
    skipSpace();
  }
  return (path, opts) => {
    let key = '';
    let best: Spot = spots.get('') ?? [0, -1];
    let fromKey = false;
    for (const step of path) {
      const next = spots.get(join(key, step));
      if (!next) break;
      key = join(key, step);
      best = next;
      fromKey = next[1] !== -1;
    }
    return opts?.key && fromKey ? best[1] : best[0];
  };
}
