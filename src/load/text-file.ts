// Reads an input file as UTF-8 text, with located diagnostics for binary or non-UTF-8 bytes.
import { readFileSync, statSync } from 'node:fs';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** Files above this size are refused before they are read: no input this large is a rule or case file. */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024;

export interface TextFile {
  text?: string;
  diagnostics: Diagnostic[];
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Finds the first byte where the UTF-8 decoding fails. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  // Binary search for the shortest failing prefix; a prefix that cuts a valid sequence also
  // fails, so step back to the start of that sequence afterwards.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let at = lo;
  while (at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
  return at;
}

export function readTextFile(file: string, displayName = file): TextFile {
  const at = (line = 1, column = 1) => ({ file: displayName, line, column });
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) return { diagnostics: [diagnostic('io-error', 'is a folder, not a file', at())] };
    if (st.size > MAX_TEXT_FILE_BYTES) {
      return {
        diagnostics: [diagnostic('file-too-large', `is ${st.size} bytes; the limit is ${MAX_TEXT_FILE_BYTES}`, at())],
      };
    }
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? 'error'})`;
    return { diagnostics: [diagnostic('io-error', why, at())] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const pos = lineAndColumn(bytes, nul);
    return { diagnostics: [diagnostic('binary-file', 'holds a NUL byte: this is a binary file, not text', at(pos.line, pos.column))] };
  }
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text, diagnostics: [] };
  } catch {
    const off = firstInvalidUtf8(bytes);
    const pos = lineAndColumn(bytes, off);
    const hex = bytes[off]?.toString(16).padStart(2, '0') ?? '??';
    return {
      diagnostics: [diagnostic('invalid-utf8', `byte 0x${hex} is not valid UTF-8; save the file as UTF-8`, at(pos.line, pos.column))],
    };
  }
}
