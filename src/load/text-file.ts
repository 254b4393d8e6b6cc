// Reads an input file as UTF-8 text, with located diagnostics for binary or non-UTF-8 bytes.
import { closeSync, constants, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** Files above this size are refused before they are read: no input this large is a rule or case file. */
export const MAX_TEXT_FILE_BYTES = 256 * 1024 * 1024;

/**
 * YAML and JSON files are parsed whole, at a megabyte or so a second: above this size they are
 * refused, so that no input takes more than seconds. Large record sets belong in NDJSON, read
 * line by line.
 */
export const MAX_STRUCTURED_FILE_BYTES = 8 * 1024 * 1024;

export interface TextFile {
  text?: string;
  diagnostics: Diagnostic[];
}

export interface ReadTextOptions {
  /** The largest file accepted, in bytes (default MAX_TEXT_FILE_BYTES). */
  maxBytes?: number;
  /** What to suggest when the file is too large. */
  tooLargeHint?: string;
}

/** The options for a YAML or JSON file, read whole. */
export const STRUCTURED_LIMIT: ReadTextOptions = {
  maxBytes: MAX_STRUCTURED_FILE_BYTES,
  tooLargeHint: 'YAML and JSON files are read whole; write a large record set as NDJSON, one record per line',
};

/** The options for a rule file or designation list, read whole. */
export const RULES_LIMIT: ReadTextOptions = {
  maxBytes: MAX_STRUCTURED_FILE_BYTES,
  tooLargeHint: 'rule files and designation lists are read whole; split the rules across several files in the folder',
};

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  // Columns count characters, as the parsers' do, not bytes.
  return { line, column: new TextDecoder().decode(bytes.subarray(start, offset)).length + 1 };
}

/** Finds the first byte where UTF-8 decoding fails, in one pass (the well-formed table of Unicode 15, 3.9). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += need + 1;
  }
  return n;
}

/** A byte-order mark of UTF-16 or UTF-32, which a UTF-8 reader would take for binary. */
function utf16or32(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32';
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  // Without a mark: ASCII text in UTF-16 has a NUL beside every character.
  if (bytes.length >= 8) {
    const n = Math.min(bytes.length - (bytes.length % 2), 64);
    let even = 0;
    let odd = 0;
    for (let i = 0; i < n; i += 2) {
      if (bytes[i] === 0) even++;
      if (bytes[i + 1] === 0) odd++;
    }
    if ((odd === n / 2 && even === 0) || (even === n / 2 && odd === 0)) return 'UTF-16';
  }
  return undefined;
}

/** A size in bytes as people read it: "512 bytes", "9.5 MiB". */
function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [n, unit] = bytes < 1024 ** 2 ? [bytes / 1024, 'KiB'] : bytes < 1024 ** 3 ? [bytes / 1024 ** 2, 'MiB'] : [bytes / 1024 ** 3, 'GiB'];
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${unit}`;
}

function ioProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  if (code === 'ELOOP') return 'is a symbolic link that loops: too many levels of symbolic links';
  return `cannot be read (${code ?? (e as Error).message})`;
}

function readBytes(
  file: string,
  at: (line?: number, column?: number) => Diagnostic['location'],
  opts: ReadTextOptions,
): { bytes?: Buffer; diagnostics: Diagnostic[] } {
  const max = opts.maxBytes ?? MAX_TEXT_FILE_BYTES;
  let fd: number | undefined;
  try {
    // Opening a named pipe for reading waits for a writer: look before opening, and open without
    // waiting, then check again what was opened.
    const first = statSync(file);
    if (first.isDirectory()) return { diagnostics: [diagnostic('io-error', 'is a folder, not a file', at())] };
    if (!first.isFile())
      return { diagnostics: [diagnostic('io-error', 'is not a regular file (a device, pipe or socket); name a file', at())] };
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (st.isDirectory()) return { diagnostics: [diagnostic('io-error', 'is a folder, not a file', at())] };
    // A device, pipe or socket may never end (/dev/zero): only regular files are read.
    if (!st.isFile())
      return { diagnostics: [diagnostic('io-error', 'is not a regular file (a device, pipe or socket); name a file', at())] };
    if (st.size > max) {
      const hint = opts.tooLargeHint ? `; ${opts.tooLargeHint}` : '';
      return { diagnostics: [diagnostic('file-too-large', `is ${size(st.size)}; the limit is ${size(max)}${hint}`, at())] };
    }
    return { bytes: readFileSync(fd), diagnostics: [] };
  } catch (e) {
    return { diagnostics: [diagnostic('io-error', ioProblem(e), at())] };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function readTextFile(file: string, displayName = file, opts: ReadTextOptions = {}): TextFile {
  const at = (line = 1, column = 1) => ({ file: displayName, line, column });
  const { bytes, diagnostics } = readBytes(file, at, opts);
  if (!bytes) return { diagnostics };
  const wide = utf16or32(bytes);
  if (wide) {
    return { diagnostics: [diagnostic('invalid-utf8', `is ${wide} text; save the file as UTF-8`, at())] };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const pos = lineAndColumn(bytes, nul);
    return { diagnostics: [diagnostic('binary-file', 'holds a NUL byte: this is a binary file, not text', at(pos.line, pos.column))] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const off = firstInvalidUtf8(bytes);
    const pos = lineAndColumn(bytes, off);
    const hex = bytes[off]?.toString(16).padStart(2, '0') ?? '??';
    return {
      diagnostics: [diagnostic('invalid-utf8', `byte 0x${hex} is not valid UTF-8; save the file as UTF-8`, at(pos.line, pos.column))],
    };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // A carriage return alone ends a line for some editors but not for the parsers: refuse it
  // rather than read the file as one long line.
  const cr = /\r(?!\n)/.exec(text);
  if (cr) {
    const before = text.slice(0, cr.index);
    const line = before.split('\n').length;
    const column = cr.index - before.lastIndexOf('\n');
    return {
      diagnostics: [
        diagnostic(
          'line-endings',
          'a carriage return (CR) without a line feed: save the file with LF or CRLF line endings',
          at(line, column),
        ),
      ],
    };
  }
  return { text, diagnostics: [] };
}
