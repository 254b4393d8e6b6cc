// Expands the paths a user names into the input files to read, in a stable order.
import { readdirSync, realpathSync, statSync } from 'node:fs';
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
}

export function expandPaths(inputs: readonly string[], opts: ExpandOptions): { files: string[]; diagnostics: Diagnostic[] } {
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const at = (p: string) => ({ file: displayPath(p), line: 1, column: 1 });
  const nothing = `holds no ${opts.what.replace(/ files$/, 's')}`;
  /** Takes a file found; an empty one is reported instead (no reader would find anything in it). */
  const take = (file: string, size: number): void => {
    if (size === 0 && !opts.allowEmpty) diagnostics.push(diagnostic('empty-file', `is empty: it ${nothing}`, at(file)));
    else files.push(file);
  };
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
      } catch {
        continue; // a dangling link: nothing to read
      }
      if (st.isDirectory()) {
        if ((opts.recursive || top) && !name.startsWith('.') && !opts.skipDirs?.includes(name) && opts.recursive) walk(full, false);
      } else if (opts.extensions.some((ext) => name.toLowerCase().endsWith(ext))) {
        found++;
        take(full, st.isFile() ? st.size : -1);
      }
    }
  };
  let found = 0;
  for (const input of inputs) {
    const abs = path.resolve(input);
    let st;
    try {
      st = statSync(abs);
    } catch {
      diagnostics.push(diagnostic('io-error', 'no such file or folder', at(abs)));
      continue;
    }
    if (st.isDirectory()) {
      const before = found;
      walk(abs, true);
      if (found === before) {
        diagnostics.push(diagnostic('no-input-files', `holds no ${opts.what} (${opts.extensions.join(', ')} files)`, at(abs)));
      }
    } else take(abs, st.isFile() ? st.size : -1);
  }
  return { files: [...new Set(files)], diagnostics };
}
