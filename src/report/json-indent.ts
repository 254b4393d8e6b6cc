// Indents compact JSON as JSON.stringify(value, null, 2) would, without parsing it: a spooled report
// keeps each finding and activity as one compact line and writes the JSON report from the lines.

/**
 * JSON.stringify(JSON.parse(compact), null, 2) with `pad` after each newline, for `compact` as
 * JSON.stringify writes it (no space outside strings). Only the punctuation outside strings moves:
 * strings, numbers and literals are copied as they are.
 */
export function indentCompactJson(compact: string, pad = ''): string {
  const nl: string[] = [];
  // newline and indentation for each depth, made once a call
  const newline = (depth: number): string => (nl[depth] ??= '\n' + pad + '  '.repeat(depth));
  let out = '';
  let depth = 0;
  let start = 0;
  const n = compact.length;
  for (let i = 0; i < n; i++) {
    const c = compact.charCodeAt(i);
    if (c === 34) {
      // a string: to its closing quote, past escapes
      i++;
      for (let d = compact.charCodeAt(i); d !== 34; d = compact.charCodeAt(i)) i += d === 92 ? 2 : 1;
    } else if (c === 123 || c === 91) {
      // an empty object or array stays {} or []
      if (compact.charCodeAt(i + 1) === c + 2) {
        i++;
        continue;
      }
      depth++;
      out += compact.slice(start, i + 1) + newline(depth);
      start = i + 1;
    } else if (c === 125 || c === 93) {
      depth--;
      out += compact.slice(start, i) + newline(depth) + compact[i];
      start = i + 1;
    } else if (c === 44) {
      out += compact.slice(start, i + 1) + newline(depth);
      start = i + 1;
    } else if (c === 58) {
      out += compact.slice(start, i + 1) + ' ';
      start = i + 1;
    }
  }
  return out + compact.slice(start);
}
