// Expands the paths a user names into the input files to read, in a stable order.
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** How a file is shown in messages and reports: relative to the working folder, with forward slashes. */
export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  const shown = rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  return shown.split(path.sep).join('/');
}

export interface ExpandOptions {
  extensions: readonly string[];
  recursive: boolean;
  /** Folder names to pass over when walking. */
  skipDirs?: readonly string[];
  /** What the folder should have held, for the message when it holds none. */
  what: string;
  /** Pass empty (0-byte) files on to be read; by default each is reported as holding nothing. */
  allowEmpty?: boolean;
  /** Said after "is not a regular file" for a device, pipe or socket (how to read one instead). */
  notRegularHint?: string;
}

/** The real path of a file, to tell the same file named twice (through ./, .. or a link). */
export function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Why a path that stat cannot follow is unusable: a link to nothing, a loop, or nothing at all. */
export function unreachable(file: string, e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ELOOP') return 'is a symbolic link that loops: too many levels of symbolic links';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    try {
      if (lstatSync(file).isSymbolicLink()) return `is a symbolic link to ${readlinkSync(file)}, which does not exist`;
    } catch {
      /* not there at all */
    }
    return 'no such file or folder';
  }
  return `cannot be read (${code ?? 'error'})`;
}

export function expandPaths(inputs: readonly string[], opts: ExpandOptions): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (p: string) => ({ file: displayPath(p), line: 1, column: 1 });
  const nothing = `holds no ${opts.what.replace(/ files$/, 's')}`;
  const notRegular = `is not a regular file (a device, pipe or socket); name a file${opts.notRegularHint ? `, ${opts.notRegularHint}` : ''}`;
  /** Takes a file found; an empty one, or one that is not a regular file, is reported instead. */
  const take = (file: string, st: Stats): void => {
    // A device or pipe may never end (/dev/zero) or wait forever for a writer: only regular files are read.
    if (!st.isFile()) diagnostics.push(diagnostic('io-error', notRegular, at(file)));
    else if (st.size === 0 && !opts.allowEmpty) diagnostics.push(diagnostic('empty-file', `is empty: it ${nothing}`, at(file)));
    else files.push(file);
  };
  const wanted = (name: string): boolean => opts.extensions.some((ext) => name.toLowerCase().endsWith(ext));
  // Folders already walked, by their real path: a link back up the tree must not loop forever.
  const walked = new Set<string>();
  const walk = (dir: string, top: boolean): void => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      real = dir;
    }
    if (walked.has(real)) return;
    walked.add(real);
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      diagnostics.push(diagnostic('io-error', `cannot read folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`, at(dir)));
      return;
    }
    for (const name of entries) {
      const full = path.join(dir, name);
      let st;
      try {
        st = statSync(full);
      } catch (e) {
        // A broken or looping link where a file (or, when walking down, a folder) would be read.
        if (!name.startsWith('.') && (wanted(name) || (opts.recursive && !name.includes('.')))) {
          found++;
          diagnostics.push(diagnostic('io-error', unreachable(full, e), at(full)));
        }
        continue;
      }
      if (st.isDirectory()) {
        if ((opts.recursive || top) && !name.startsWith('.') && !opts.skipDirs?.includes(name) && opts.recursive) walk(full, false);
      } else if (wanted(name)) {
        found++;
        take(full, st);
      }
    }
  };
  let found = 0;
  for (const input of inputs) {
    const abs = path.resolve(input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      diagnostics.push(diagnostic('io-error', unreachable(abs, e), at(abs)));
      continue;
    }
    if (st.isDirectory()) {
      const before = found;
      walk(abs, true);
      if (found === before) {
        diagnostics.push(diagnostic('no-input-files', `holds no ${opts.what} (${opts.extensions.join(', ')} files)`, at(abs)));
      }
    } else take(abs, st);
  }
  // The same file named twice (as f.yaml and ./f.yaml, or through a link) is read once.
  const seen = new Set<string>();
  return {
    files: files.filter((f) => {
      const real = realPath(f);
      if (seen.has(real)) return false;
      seen.add(real);
      return true;
    }),
    diagnostics,
  };
}
