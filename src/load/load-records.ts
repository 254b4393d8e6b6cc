// Loads activity records from files and folders: parsed, validated, located, in file order.
import { diagnostic, limitDiagnostics, sortDiagnostics, type Result } from '../diagnostics/diagnostic.js';
import type { Diagnostic, RecordSet, Source } from '../types.js';
import { IdTable, type IdPlace } from './id-table.js';
import { idAt, idStart, type PackedIds } from './packed-ids.js';
import { validateRecord } from '../validate/validate-record.js';
import { displayPath, expandPaths } from './input-paths.js';
import { isNdjson, parseRecordFile, rawRecordId } from './record-file.js';
import { STRUCTURED_LIMIT, readTextFile } from './text-file.js';

export const RECORD_EXTENSIONS = ['.yaml', '.yml', '.json', '.ndjson', '.jsonl'] as const;

export interface LoadRecordsOptions {
  /** Report invalid records as warnings and go on without them, instead of failing. */
  skipInvalid?: boolean;
  /** Ids already seen in this run (in other inputs), for duplicates across them. */
  ids?: RecordIds;
}

export interface LoadedRecords extends RecordSet {
  /** How many invalid records were left out (only with skipInvalid). */
  skipped: number;
}

/**
 * Tracks record ids across files, so a duplicate is reported where it repeats. The ids sit in a
 * compact table: a run over millions of records holds them all.
 */
export class RecordIds {
  private readonly seen = new IdTable();
  private readonly files: string[] = [];
  private readonly fileIndex = new Map<string, number>();
  private fileNumber(file: string): number {
    let f = this.fileIndex.get(file);
    if (f === undefined) {
      f = this.files.push(file) - 1;
      this.fileIndex.set(file, f);
    }
    return f;
  }

  private duplicate(id: string, first: IdPlace, where: Diagnostic['location']): Diagnostic {
    return diagnostic('duplicate-record-id', `record id '${id}' is already used at ${this.files[first.file]}:${first.line}`, where);
  }

  check(id: string, where: Diagnostic['location']): Diagnostic | undefined {
    const first = this.seen.add(id, this.fileNumber(where.file), where.line);
    return first && this.duplicate(id, first, where);
  }

  /** check() for id `i` of a chunk's packed ids. */
  checkPacked(ids: PackedIds, i: number, where: Diagnostic['location']): Diagnostic | undefined {
    const first = this.seen.addCodes(ids.codes, idStart(ids, i), ids.ends[i]!, this.fileNumber(where.file), where.line);
    return first && this.duplicate(idAt(ids, i), first, where);
  }
}

/** An invalid record's problem, as reported when --skip-invalid leaves the record out. */
export function skippedRecordWarning(d: Diagnostic): Diagnostic {
  return { ...d, severity: 'warning', message: `${d.message} (record skipped)` };
}

export function loadRecords(paths: readonly string[], opts: LoadRecordsOptions = {}): Result<LoadedRecords> {
  const { files, diagnostics } = expandPaths(paths, { extensions: RECORD_EXTENSIONS, recursive: false, what: 'record files' });
  const set: LoadedRecords = { records: [], sources: [], cases: [], skipped: 0 };
  const ids = opts.ids ?? new RecordIds();
  for (const abs of files) {
    const file = displayPath(abs);
    const { text, diagnostics: readProblems } = readTextFile(abs, file, isNdjson(abs) ? {} : STRUCTURED_LIMIT);
    diagnostics.push(...readProblems);
    if (text === undefined) continue;
    const parsed = parseRecordFile(text, file);
    const fileProblems: Diagnostic[] = [];
    const skip = (problems: Diagnostic[]): void => {
      set.skipped++;
      for (const d of problems) fileProblems.push(skippedRecordWarning(d));
    };
    for (const d of parsed.diagnostics) {
      if (opts.skipInvalid && d.code === 'invalid-json') skip([d]);
      else fileProblems.push(d);
    }
    const sources = new Map<string, Source>();
    for (const s of parsed.sources) {
      if (sources.has(s.value.id!))
        fileProblems.push(diagnostic('duplicate-source-id', `source id '${s.value.id}' is defined twice`, s.location));
      sources.set(s.value.id!, s.value);
      set.sources.push(s.value);
    }
    if (parsed.caseInfo) set.cases.push(parsed.caseInfo);
    for (const raw of parsed.records) {
      const { loaded, diagnostics: problems } = validateRecord(raw, sources);
      // Every problem at once: an invalid record's id is checked too.
      const id = loaded ? loaded.record.id : rawRecordId(raw);
      const dup = id === undefined ? undefined : ids.check(id, loaded ? loaded.location : raw.location);
      if (dup) problems.push(dup);
      if (problems.length === 0 && loaded) set.records.push(loaded);
      else if (opts.skipInvalid) skip(problems);
      else for (const d of problems) fileProblems.push(d);
    }
    for (const d of limitDiagnostics(fileProblems)) diagnostics.push(d);
  }
  return { value: set, diagnostics: sortDiagnostics(diagnostics) };
}
