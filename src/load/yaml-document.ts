// Parses YAML (and JSON, a subset of it) into plain data that remembers where each value stood.
// Hostile input is refused with a located diagnostic: absurd nesting (checked before the
// recursive stages run), alias bombs and alias cycles, duplicate keys (also `1` beside "1", which
// would merge into one property), keys that are lists or mappings, and tags that would build
// anything other than plain data.
import {
  Composer,
  LineCounter,
  Parser,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type CST,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
  type ToJSOptions,
} from 'yaml';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { lineColumnAt } from './json-error.js';
import type { Diagnostic, SourceLocation } from '../types.js';
import type { PathKey } from '../diagnostics/locate.js';

export type { PathKey } from '../diagnostics/locate.js';

export interface ParsedDocument {
  /** The parsed value; undefined when the text could not be parsed. */
  value: unknown;
  diagnostics: Diagnostic[];
  /** The location of the value at a path (or of its key, with `key`), or of its nearest parent. */
  locate(path: readonly PathKey[], opts?: { key?: boolean }): SourceLocation;
}

/** Aliases expanded beyond this count mean an alias bomb: the document is refused. */
export const MAX_ALIAS_COUNT = 1000;

/**
 * Lists and mappings nested deeper than this are refused before they are built: the parser's
 * later stages recurse, and no rule or record file comes near it (a rule's condition tree, at its
 * deepest allowed, takes about 135 levels).
 */
export const MAX_NESTING = 200;

/**
 * Marks that may start a value (commas, brackets, braces, colons, line ends) allowed in one
 * document. The parser keeps about a kilobyte for each value, so a file of millions of tiny values
 * (8 MiB of `{},`) would take gigabytes; real files stay far below (8 MiB of records hold about
 * 900,000 such marks).
 */
export const MAX_VALUE_MARKS = 1_000_000;

/** Where the text passes `MAX_VALUE_MARKS` marks, or -1 when it does not. */
export function tooManyValues(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === 0x2c || c === 0x5b || c === 0x7b || c === 0x3a || c === 0x0a) && ++marks > MAX_VALUE_MARKS) return i;
  }
  return -1;
}

/** Error tokens read before the parser is stopped. */
const MAX_ERROR_TOKENS = 500;

/** After this many syntax errors in one file, the rest are echoes of the first ones. */
const MAX_SYNTAX_ERRORS = 20;

const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  // Duplicate keys are found below, in one pass: the parser's own check is quadratic.
  uniqueKeys: false,
  schema: 'core',
  // No !!binary, !!set, !!omap, !!timestamp: values are plain strings, numbers, lists and mappings.
  resolveKnownTags: false,
  merge: false,
  // The parser must never print to the console.
  logLevel: 'silent',
};

function keyOf(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

/** The offset of the first list or mapping nested deeper than MAX_NESTING, walking without recursion. */
function firstTooDeep(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token | null | undefined, number][] = tokens.map((t) => [t, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (!token) continue;
    if (token.type === 'document') {
      stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const inner = depth + 1;
      if (inner > MAX_NESTING) return token.offset;
      for (const item of token.items as CST.CollectionItem[]) {
        stack.push([item.key, inner], [item.value, inner]);
      }
    }
  }
  return undefined;
}

/** The text of a key as it becomes a property name: `1`, `"1"` and `1.0` are all "1". */
function propertyName(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

function show(text: string): string {
  const s = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return JSON.stringify(s);
}

/** `tag:yaml.org,2002:binary` → `!!binary`. */
function tagName(message: string): string {
  const tag = message.replace(/^Unresolved tag: /, '').split('\n')[0]!;
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

interface NodeCheck {
  diagnostics: Diagnostic[];
  /** Where the first alias stands, for the message when aliases expand too far. */
  firstAlias?: number;
}

/**
 * Walks the document once, in order, without recursion: duplicate and non-scalar keys, and
 * aliases that point at a value they stand inside (which would make the data circular).
 */
function checkNodes(root: unknown, at: (offset: number) => SourceLocation): NodeCheck {
  const out: NodeCheck = { diagnostics: [] };
  const anchors = new Map<string, unknown>();
  const open = new Set<unknown>();
  // Each entry is a node to enter, or a marker that a node's children are all done.
  const stack: { node: unknown; exit?: true }[] = [{ node: root }];
  const offset = (n: unknown): number => (n as Node | undefined)?.range?.[0] ?? 0;
  while (stack.length > 0) {
    const { node, exit } = stack.pop()!;
    if (exit) {
      open.delete(node);
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    if (isAlias(node)) {
      out.firstAlias ??= offset(node);
      const target = anchors.get(node.source);
      if (target !== undefined && open.has(target)) {
        out.diagnostics.push(
          diagnostic(
            'yaml-aliases',
            `alias *${node.source} stands inside the value it names, which would make it endless`,
            at(offset(node)),
          ),
        );
      }
      continue;
    }
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) anchors.set(anchor, node);
    if (!isMap(node) && !isSeq(node)) continue;
    open.add(node);
    stack.push({ node, exit: true });
    const children: unknown[] = [];
    if (isMap(node)) {
      const seen = new Map<string, number>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        if (key !== null && key !== undefined && !isScalar(key)) {
          out.diagnostics.push(
            diagnostic('yaml-complex-key', 'a key must be plain text, not a list, a mapping or an alias', at(offset(key))),
          );
        } else if (isScalar(key) && key.type === 'PLAIN' && key.value === '<<') {
          // YAML 1.1's merge key: not part of YAML 1.2, and not read here. One clear error, rather
          // than an unknown field '<<' and every field it was meant to bring in reported missing.
          out.diagnostics.push(
            diagnostic('yaml-merge-key', "merge keys ('<<: *anchor') are not supported: write the fields out in full", at(offset(key))),
          );
        } else {
          const name = propertyName(keyOf(key));
          const where = key ? offset(key) : offset(pair.value);
          const first = seen.get(name);
          if (first !== undefined) {
            const a = at(first);
            const here = at(where);
            const firstAt = a.line === here.line ? `at column ${a.column}` : `on line ${a.line}`;
            out.diagnostics.push(
              diagnostic('yaml-duplicate-key', `key ${show(name)} appears twice in this mapping (first ${firstAt})`, here),
            );
          } else seen.set(name, where);
        }
        children.push(pair.key, pair.value);
      }
    } else {
      for (const item of node.items) children.push(item);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
  }
  return out;
}

/** The parser's names for what it met, as they are written. */
const TOKEN_WORDS: Record<string, string> = {
  'flow-map-start': "'{'",
  'flow-map-end': "'}'",
  'flow-seq-start': "'['",
  'flow-seq-end': "']'",
  comma: "','",
  'map-value-ind': "':'",
  'seq-item-ind': "'-'",
  'explicit-key-ind': "'?'",
  scalar: 'text',
  'double-quoted-scalar': 'quoted text',
  'single-quoted-scalar': 'quoted text',
  'block-scalar-header': "'|' or '>'",
  anchor: 'an anchor',
  tag: 'a tag',
  alias: 'an alias',
  'block-map': 'a mapping',
  'block-seq': 'a list',
  'flow-collection': 'a bracketed list or mapping',
};

/** The parser's messages about tokens, in words (the others are clear as they are). */
function plainSyntaxMessage(message: string): string {
  const atEnd = /^Unexpected (\S+) at node end$/.exec(message);
  if (atEnd)
    return `unexpected ${TOKEN_WORDS[atEnd[1]!] ?? atEnd[1]} after a complete value: is a line indented wrongly, or are two values where one belongs?`;
  const stream = /^Unexpected (\S+) token in YAML stream(?:: (.*))?$/.exec(message);
  if (stream) return `unexpected ${TOKEN_WORDS[stream[1]!] ?? stream[1]}${stream[2] ? ` ${stream[2]}` : ''}: the structure breaks off here`;
  return message;
}

/** A line at or just before `line` whose indentation holds a tab: the likely cause of an error there. */
function tabIndentNear(text: string, line: number): { line: number; column: number } | undefined {
  const lines = text.split('\n', line);
  for (let i = lines.length - 1; i >= Math.max(0, line - 2); i--) {
    const m = /^( *)\t[ \t]*(\S)/.exec(lines[i]!);
    if (m && m[2] !== '#') return { line: i + 1, column: m[1]!.length + 1 };
  }
  return undefined;
}

export interface ParseYamlOptions {
  /** What the file holds, for the advice when it is too large: records may be streamed as NDJSON. */
  holds?: 'records' | 'rules';
}

export function parseYaml(text: string, file: string, opts: ParseYamlOptions = {}): ParsedDocument {
  const json = /\.json$/i.test(file);
  const lineCounter = new LineCounter();
  const toLocation = (offset: number): SourceLocation => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  const start: SourceLocation = { file, line: 1, column: 1 };
  const refuse = (d: Diagnostic): ParsedDocument => ({ value: undefined, diagnostics: [d], locate: () => start });

  const crowded = tooManyValues(text);
  if (crowded !== -1) {
    return refuse(
      diagnostic(
        'too-many-values',
        `holds more than ${MAX_VALUE_MARKS.toLocaleString('en-US')} values by here (counting commas, brackets, braces, colons and lines); ${opts.holds === 'rules' ? 'split the rules across several files' : 'split the file, or give records as NDJSON, which is streamed'}`,
        { file, ...lineColumnAt(text, crowded) },
      ),
    );
  }
  let tokens: CST.Token[];
  let docs;
  try {
    // Text that is not YAML at all gives an error token at every turn, and composing each into an
    // error costs more than parsing: past a few hundred, stop reading (only the first are shown).
    tokens = [];
    let errorTokens = 0;
    for (const token of new Parser(lineCounter.addNewLine).parse(text)) {
      tokens.push(token);
      if (token.type === 'error' && ++errorTokens > MAX_ERROR_TOKENS) break;
    }
    const deep = firstTooDeep(tokens);
    if (deep !== undefined) {
      return refuse(
        json
          ? diagnostic(
              'json-too-deep',
              `arrays and objects are nested more than ${MAX_NESTING} levels deep here; no rule or record needs that`,
              toLocation(deep),
            )
          : diagnostic(
              'yaml-too-deep',
              `lists and mappings are nested more than ${MAX_NESTING} levels deep here; no rule or record needs that`,
              toLocation(deep),
            ),
      );
    }
    docs = Array.from(new Composer(OPTIONS).compose(tokens, true, text.length));
    // The syntax tree (about 40 bytes a character of text) is not needed once composed.
    tokens = [];
  } catch (e) {
    return refuse(diagnostic('yaml-syntax', `cannot be parsed: ${(e as Error).message}`, start));
  }
  const diagnostics: Diagnostic[] = [];
  if (docs.length > 1) {
    diagnostics.push(
      diagnostic(
        'yaml-multiple-documents',
        `holds ${docs.length} YAML documents; put one document in each file`,
        toLocation(docs[1]!.range[0]),
      ),
    );
  }
  const doc = docs[0];
  if (!doc) return { value: null, diagnostics, locate: () => start };

  // After a syntax error the parser loses its footing and reports the lines that follow too: an
  // error on the line of the one before, or the next, is an echo and is left out.
  let lastErrorLine = -1;
  const firstError = doc.errors[0];
  if (firstError) {
    const tab = tabIndentNear(text, toLocation(firstError.pos[0]).line);
    if (tab) {
      diagnostics.push(diagnostic('yaml-syntax', 'a tab in the indentation: YAML indents with spaces only', { file, ...tab }));
      lastErrorLine = tab.line;
    }
  }
  let syntaxErrors = 0;
  for (const err of doc.errors) {
    const code = err.code === 'DUPLICATE_KEY' ? 'yaml-duplicate-key' : 'yaml-syntax';
    const msg = plainSyntaxMessage(err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
    const d = diagnostic(code, msg, toLocation(err.pos[0]));
    const echo = code === 'yaml-syntax' && d.location.line <= lastErrorLine + 1 && d.location.line >= lastErrorLine;
    if (code === 'yaml-syntax') lastErrorLine = Math.max(lastErrorLine, d.location.line);
    if (echo) continue;
    if (++syntaxErrors > MAX_SYNTAX_ERRORS) {
      diagnostics.push(diagnostic('yaml-syntax', 'more syntax errors follow from here; fix the ones above and run again', d.location));
      break;
    }
    diagnostics.push(d);
  }
  for (const warn of doc.warnings) {
    const d =
      warn.code === 'TAG_RESOLVE_FAILED'
        ? diagnostic(
            'yaml-tag',
            `the tag ${tagName(warn.message)} is not supported; write plain text, numbers, lists and mappings`,
            toLocation(warn.pos[0]),
          )
        : diagnostic('yaml-warning', warn.message.split('\n')[0]!, toLocation(warn.pos[0]));
    diagnostics.push(d);
  }

  // Where each mapping's keys stand, built on first use: locating many fields of a large mapping
  // would otherwise scan it again for each.
  const keyIndex = new WeakMap<object, Map<unknown, unknown>>();
  const pairFor = (map: { items: unknown[] }, k: PathKey): { key: unknown; value: unknown } | undefined => {
    let index = keyIndex.get(map);
    if (!index) {
      index = new Map();
      for (const p of map.items) if (isPair(p) && !index.has(keyOf(p.key))) index.set(keyOf(p.key), p);
      keyIndex.set(map, index);
    }
    // A path step is a number where the key looks like one ("0"), and the key may be either.
    return (index.get(k) ?? index.get(typeof k === 'number' ? String(k) : Number(k))) as { key: unknown; value: unknown } | undefined;
  };
  const locate = (path: readonly PathKey[], opts?: { key?: boolean }): SourceLocation => {
    let node: unknown = doc.contents;
    let keyNode: unknown;
    for (const k of path) {
      if (isMap(node)) {
        const pair = pairFor(node, k);
        if (!pair) break;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && /^\d+$/.test(String(k)) && node.items[Number(k)] !== undefined) {
        keyNode = undefined;
        node = node.items[Number(k)];
      } else break;
    }
    const target = (opts?.key && keyNode ? keyNode : node) as Node | undefined;
    const offset = target?.range?.[0];
    return offset === undefined ? start : toLocation(offset);
  };

  if (doc.errors.length > 0) return { value: undefined, diagnostics, locate };
  const nodes = checkNodes(doc.contents, toLocation);
  if (nodes.diagnostics.length > 0 || diagnostics.some((d) => d.severity === 'error' && d.code !== 'yaml-multiple-documents')) {
    return { value: undefined, diagnostics: [...diagnostics, ...nodes.diagnostics], locate };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT } satisfies ToJSOptions);
  } catch (e) {
    const bomb = /alias/i.test((e as Error).message);
    const msg = bomb
      ? 'its aliases expand to too much data (an alias bomb); write the values out'
      : `cannot be converted: ${(e as Error).message}`;
    diagnostics.push(diagnostic('yaml-aliases', msg, bomb && nodes.firstAlias !== undefined ? toLocation(nodes.firstAlias) : start));
    return { value: undefined, diagnostics, locate };
  }
  return { value, diagnostics, locate };
}
