// Parses one record file (YAML, JSON or NDJSON) into raw records with their locations.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { checkSchema } from '../validate/schema-check.js';
import { recordEnvelopeSchema } from '../validate/schemas.js';
import type { CaseInfo, Diagnostic, Source, SourceLocation } from '../types.js';
import { findJsonProblem, jsonLocator, lineColumnAt } from './json-error.js';
import { locateJson } from './json-document.js';
import { MAX_NESTING, parseYaml, tooManyValues, type ParsedDocument } from './yaml-document.js';
import type { Locate, LocatedValue, PathKey } from '../diagnostics/locate.js';

/** A record as parsed, before it is validated: its value, where it stands and how to locate its fields. */
export type RawRecord = LocatedValue;

export interface RawRecordFile {
  records: RawRecord[];
  sources: { value: Source; location: SourceLocation }[];
  caseInfo?: CaseInfo;
  diagnostics: Diagnostic[];
}

/** The record's id when it has one that can be compared (a non-empty string), valid or not: a
 * duplicate id is reported along with the record's other problems. */
export function rawRecordId(raw: RawRecord): string | undefined {
  const value = raw.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export function isNdjson(file: string): boolean {
  return /\.(ndjson|jsonl)$/i.test(file);
}

/** Where JSON.parse stopped, from its message ("at position 12" or "line 1 column 13"). */
export function jsonErrorColumn(message: string): number {
  const col = /column (\d+)/.exec(message);
  if (col) return Number(col[1]);
  const pos = /position (\d+)/.exec(message);
  return pos ? Number(pos[1]) + 1 : 1;
}

/** Parses one NDJSON line into a raw record, or a diagnostic. */
export function parseNdjsonLine(line: string, lineNo: number, file: string): RawRecord | Diagnostic {
  const at = (column = 1): SourceLocation => ({ file, line: lineNo, column });
  // A byte-order mark starts the first line of some files (and of each, when files are joined).
  if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    const problem = findJsonProblem(line);
    if (problem) return diagnostic('invalid-json', `not valid JSON: ${problem.message}`, at(problem.offset + 1));
    const msg = (e as Error).message;
    return diagnostic('invalid-json', `not valid JSON: ${msg}`, at(jsonErrorColumn(msg)));
  }
  // Field positions are only needed for a record with problems: scan the line again then.
  let offsetOf: ReturnType<typeof jsonLocator> | undefined;
  const text = line;
  const locate: Locate = (path, opts) => {
    offsetOf ??= jsonLocator(text);
    return { file, line: lineNo, column: offsetOf(path, opts) + 1 };
  };
  return { value, path: [], locate, location: at() };
}

/**
 * One NDJSON line, its newline removed: undefined for a blank line, else the raw record or why it
 * is not one. The one line reader, for NDJSON files read whole and for the chunks of a stream.
 */
export function readNdjsonLine(text: string, lineNo: number, file: string): RawRecord | Diagnostic | undefined {
  // (Empty lines are tested first: every chunk ends with one, and reading a character past the end
  // of a string costs the optimized code a deoptimization.)
  if (text.length === 0) return undefined;
  if (text.charCodeAt(text.length - 1) === 13) text = text.slice(0, -1);
  // Blank as String.prototype.trim sees it; a line starting "{" is not.
  const c = text.charCodeAt(0);
  if (text.length === 0 || ((c <= 32 || c >= 0x7f) && text.trim() === '')) return undefined;
  return parseNdjsonLine(text, lineNo, file);
}

function parseNdjson(text: string, file: string): RawRecordFile {
  const out: RawRecordFile = { records: [], sources: [], diagnostics: [] };
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const r = readNdjsonLine(lines[i]!, i + 1, file);
    if (r === undefined) continue;
    if ('code' in r) out.diagnostics.push(r);
    else out.records.push(r);
  }
  if (out.records.length === 0 && out.diagnostics.length === 0)
    out.diagnostics.push(diagnostic('empty-file', 'holds no records', { file, line: 1, column: 1 }));
  return out;
}

function parseStructured(text: string, file: string): RawRecordFile {
  // A .json file must be JSON: the YAML parser, which gives the positions, would also take
  // trailing commas, comments and unquoted text.
  let doc: ParsedDocument | undefined;
  if (/\.json$/i.test(file) && text.trim() !== '') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      const problem = findJsonProblem(text, 'file');
      const message = `not valid JSON: ${problem?.message ?? (e as Error).message}`;
      const at = problem ? lineColumnAt(text, problem.offset) : { line: 1, column: 1 };
      return { records: [], sources: [], diagnostics: [diagnostic('json-syntax', message, { file, ...at })] };
    }
    // Valid JSON is located without the YAML document tree, unless a key is used twice or the
    // nesting is too deep: the YAML parser then says so, as it always has.
    if (tooManyValues(text) === -1) doc = locateJson(text, file, value, MAX_NESTING);
  }
  doc ??= parseYaml(text, file);
  const out: RawRecordFile = { records: [], sources: [], diagnostics: [...doc.diagnostics] };
  if (doc.value === undefined) return out;
  const start = doc.locate([]);
  if (doc.value === null) {
    out.diagnostics.push(diagnostic('empty-file', 'holds no records', start));
    return out;
  }
  let list: unknown;
  let base: PathKey[] = [];
  if (Array.isArray(doc.value)) list = doc.value;
  else if (typeof doc.value === 'object') {
    const env = checkSchema(recordEnvelopeSchema, doc.value, [], doc.locate);
    for (const d of env) out.diagnostics.push(d);
    const v = doc.value as { records?: unknown; sources?: unknown; case?: CaseInfo };
    list = v.records;
    base = ['records'];
    if (env.length === 0) out.caseInfo = v.case;
    // Sources are registered even when one of them is wrong, so that records citing them are not
    // also told that the source does not exist.
    if (Array.isArray(v.sources)) {
      v.sources.forEach((s: unknown, i) => {
        if (s && typeof s === 'object' && typeof (s as Source).id === 'string')
          out.sources.push({ value: s as Source, location: doc.locate(['sources', i]) });
      });
    }
  } else {
    out.diagnostics.push(diagnostic('invalid-type', 'a record file holds a list of records, or a mapping with `records:`', start));
    return out;
  }
  if (!Array.isArray(list)) return out;
  list.forEach((value, i) => {
    const path = [...base, i];
    out.records.push({ value, path, locate: doc.locate, location: doc.locate(path) });
  });
  if (list.length === 0) out.diagnostics.push(diagnostic('empty-file', 'holds no records', start));
  return out;
}

export function parseRecordFile(text: string, file: string): RawRecordFile {
  return isNdjson(file) ? parseNdjson(text, file) : parseStructured(text, file);
}
