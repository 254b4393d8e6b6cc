// Draws the import graph of src/ from the code: every static, type-only, re-exported and dynamic
// import, and every `new URL('./x.js', import.meta.url)` (how a worker thread's script is named).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ImportEdge {
  /** Importing file, relative to src/ with forward slashes. */
  from: string;
  /** Imported file, relative to src/. */
  to: string;
}

const IMPORT_PATTERNS = [
  /(?:^|[\s;])(?:import|export)\s(?:[^'";]*?\sfrom\s)?['"](\.{1,2}\/[^'"]+)['"]/g,
  /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g,
  /\bnew URL\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g,
];

function sourceFiles(dir: string, root: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, root, out);
    else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(path.relative(root, full).split(path.sep).join('/'));
  }
  return out;
}

/** The files of src/ and the imports between them (imports of packages are left out). */
export function importGraph(srcDir: string): { files: string[]; edges: ImportEdge[] } {
  const files = sourceFiles(srcDir, srcDir);
  const known = new Set(files);
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = readFileSync(path.join(srcDir, from), 'utf8');
    const seen = new Set<string>();
    for (const pattern of IMPORT_PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        const target = path.posix
          .normalize(path.posix.join(path.posix.dirname(from), m[1]!))
          .replace(/\.js$/, '.ts')
          .replace(/\.mjs$/, '.mts');
        if (!known.has(target)) throw new Error(`${from} imports ${m[1]}, which is not a file of src/`);
        if (!seen.has(target)) edges.push({ from, to: target });
        seen.add(target);
      }
    }
  }
  return { files, edges };
}

/** Every cycle found by a depth-first walk, each as the list of its nodes (first repeated last). */
export function findCycles(nodes: readonly string[], edges: readonly (readonly [string, string])[]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (n: string): void => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 'open') cycles.push([...stack.slice(stack.indexOf(m)), m]);
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of nodes) if (!state.has(n)) visit(n);
  return cycles;
}
