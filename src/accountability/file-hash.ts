// SHA-256 and size of a file, read in pieces, and the path a manifest names it by.
import { closeSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { ManifestFile } from '../types.js';

const PIECE = 1 << 20;

/** A path relative to the working folder, with forward slashes, so that reports do not depend on where the folder is. */
export function manifestPath(file: string): string {
  if (file === '-') return '-';
  const rel = path.relative(process.cwd(), path.resolve(file));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** Size and SHA-256 (hex) of a file; undefined when it cannot be read. */
export function hashFile(file: string): { size: number; sha256: string } | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(PIECE);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, PIECE, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
      size += n;
    }
    return { size, sha256: hash.digest('hex') };
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** The manifest entry of a file; standard input (`-`) is named but cannot be hashed. */
export function manifestFile(file: string): ManifestFile {
  if (file === '-') return { path: '-', size: 0, sha256: '' };
  const h = hashFile(file);
  return { path: manifestPath(file), size: h?.size ?? 0, sha256: h?.sha256 ?? '' };
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
