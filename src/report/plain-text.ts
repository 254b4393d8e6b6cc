// Makes input text safe for a terminal: control characters (ANSI escapes among them) and
// bidirectional controls (embeddings, overrides, isolates and the marks U+200E, U+200F, U+061C, which
// would reorder what is shown) are shown as \uXXXX, not sent.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One line: newlines and tabs folded to spaces, then made terminal-safe. */
export function oneLine(text: string): string {
  return terminalSafe(text.replace(/[\r\n\t]+/g, ' '));
}

/** A value as the explanation shows it: strings as they are, others as JSON. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '(missing)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
