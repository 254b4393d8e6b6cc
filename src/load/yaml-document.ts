// Parses YAML (and JSON, a subset of it) into plain data that remembers where each value stood.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseAllDocuments, type Node } from 'yaml';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic, SourceLocation } from '../types.js';

export type PathKey = string | number;

export interface ParsedDocument {
  /** The parsed value; undefined when the text could not be parsed. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** The location of the value at a path (or of its key, with `key`), or of its nearest parent. */
  locate(path: readonly PathKey[], opts?: { key?: boolean }): SourceLocation;
}

/** Aliases expanded beyond this count mean an alias bomb: the document is refused. */
const MAX_ALIAS_COUNT = 1000;

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

export function parseYaml(text: string, file: string): ParsedDocument {
  const lineCounter = new LineCounter();
  const toLocation = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const start: SourceLocation = { file, line: 1, column: 1 };
  const diagnostics: Diagnostic[] = [];
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core' });
  } catch (e) {
    // The parser recurses on nesting; absurdly deep input ends here.
    return { value: undefined, diagnostics: [diagnostic('yaml-syntax', `cannot be parsed: ${(e as Error).message}`, start)], locate: () => start };
  }
  const list = Array.isArray(docs) ? docs : [];
  if (list.length > 1) {
    const second = list[1]!;
    diagnostics.push(
      diagnostic('yaml-multiple-documents', `holds ${list.length} YAML documents; put one document in each file`, toLocation(second.range[0])),
    );
  }
  const doc = list[0];
  if (!doc) return { value: null, diagnostics, locate: () => start };

  for (const err of doc.errors) {
    const code = err.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    diagnostics.push(diagnostic(code, msg, toLocation(err.pos[0])));
  }
  for (const warn of doc.warnings) {
    diagnostics.push(diagnostic('yaml-warning', warn.message.split('\n')[0]!, toLocation(warn.pos[0]), 'error'));
  }

  const locate = (path: readonly PathKey[], opts?: { key?: boolean }): SourceLocation => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const k of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyOf(p.key) === k);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof k === 'number' && node.items[k] !== undefined) {
        keyNode = undefined;
        node = node.items[k];
      } else break;
    }
    const target = (opts?.key && keyNode ? keyNode : node) as Node | undefined;
    const offset = target?.range?.[0];
    return offset === undefined ? start : toLocation(offset);
  };

  if (doc.errors.length > 0) return { value: undefined, diagnostics, locate };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const msg = /alias/i.test((e as Error).message)
      ? 'expands too many aliases (a possible alias bomb); write the values out'
      : `cannot be converted: ${(e as Error).message}`;
    diagnostics.push(diagnostic('yaml-aliases', msg, start));
    return { value: undefined, diagnostics, locate };
  }
  return { value, diagnostics, locate };
}
