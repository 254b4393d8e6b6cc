// Takes chunk results in input order: duplicate ids, problems (the first few hundred of a file listed, the rest counted), findings, records and progress.
import { MAX_DIAGNOSTICS_PER_FILE, diagnostic, errorCount, tooManyProblems, type Result } from '../diagnostics/diagnostic.js';
import { RecordIds, skippedRecordWarning, type LoadedRecords } from '../load/load-records.js';
import type { Diagnostic, Finding, LoadedRecord } from '../types.js';
import { activityLine } from '../evaluate/activity-summary.js';
import type { ChunkResult } from './chunk-processor.js';

export interface ProgressState {
  /** Records read so far (valid or not). */
  records: number;
  bytes: number;
  /** The size of the input, when it is known (files, or standard input redirected from a file). */
  totalBytes?: number;
}

export interface StreamCheckResult {
  /** The valid records (only with keepRecords), their sources and cases, and how many were skipped. */
  records: LoadedRecords;
  /** Valid records checked. */
  recordCount: number;
  /** Findings in input order (only without onFindings). */
  findings: Finding[];
  /** Diagnostics in input order (only without onDiagnostic). */
  diagnostics: Diagnostic[];
  errors: number;
  /** Threads that checked records: this one and the worker threads that took part (1: this one alone). */
  workers: number;
}

export interface CollectorOptions {
  skipInvalid?: boolean;
  /** Keep every record, for a report that lists them all. */
  keepRecords?: boolean;
  /** With keepRecords: receives each valid record in input order instead of the result keeping it. */
  onRecord?(record: LoadedRecord): void;
  /**
   * Without keepRecords: receives each valid record's activity line in input order, with the record
   * itself when it is a draft or ends after `activitiesAfter` (always, for a file read whole).
   */
  onActivity?(line: string, record: LoadedRecord | undefined): void;
  /** Added to NDJSON line numbers (an empty file is reported on its first line, offset too). */
  lineOffset?: number;
  /** Receives findings in order; without it they are kept in the result. */
  onFindings?(findings: Finding[]): void | Promise<void>;
  /** Receives diagnostics in order; without it they are kept in the result. */
  onDiagnostic?(d: Diagnostic): void;
  onProgress?(p: ProgressState): void;
}

export class OrderedCollector {
  /** Record ids seen so far, for duplicates across chunks and files. */
  readonly ids = new RecordIds();
  readonly result: StreamCheckResult = {
    records: { records: [], sources: [], cases: [], skipped: 0 },
    recordCount: 0,
    findings: [],
    diagnostics: [],
    errors: 0,
    workers: 1,
  };
  private readonly progress: ProgressState;
  /** Records and invalid lines of the NDJSON file being read, to tell an empty one. */
  private linesInFile = 0;
  /** Problems of the NDJSON input being read: the first few hundred of a file are listed, the rest counted. */
  private listed = { count: 0, more: 0, moreErrors: 0, first: undefined as Diagnostic | undefined };

  private keep(record: LoadedRecord): void {
    if (this.opts.onRecord) this.opts.onRecord(record);
    else this.result.records.records.push(record);
  }

  constructor(
    private readonly opts: CollectorOptions,
    totalBytes: number | undefined,
  ) {
    this.progress = { records: 0, bytes: 0, ...(totalBytes !== undefined ? { totalBytes } : {}) };
  }

  /** Whether an error has been met: findings after it are not passed on. */
  get failed(): boolean {
    return this.result.errors > 0;
  }

  report(d: Diagnostic): void {
    this.result.errors += errorCount([d]);
    this.pass(d);
  }

  private pass(d: Diagnostic): void {
    if (this.opts.onDiagnostic) this.opts.onDiagnostic(d);
    else this.result.diagnostics.push(d);
  }

  private reportLine(d: Diagnostic): void {
    if (this.listed.count < MAX_DIAGNOSTICS_PER_FILE) {
      this.listed.count++;
      this.report(d);
      return;
    }
    this.listed.first ??= d;
    this.listed.more++;
    if (d.severity === 'error') {
      this.listed.moreErrors++;
      this.result.errors++;
    }
  }

  /** The NDJSON input being read could not be read (and that was said): not also "holds no records". */
  unreadable(): void {
    this.linesInFile = -1;
  }

  /** At the end of an NDJSON input: says so if it held no record, and counts the problems not listed. */
  private endOfFile(file: string): void {
    if (this.linesInFile === 0)
      this.report(diagnostic('empty-file', 'holds no records', { file, line: 1 + (this.opts.lineOffset ?? 0), column: 1 }));
    this.linesInFile = 0;
    const { more, moreErrors, first } = this.listed;
    this.listed = { count: 0, more: 0, moreErrors: 0, first: undefined };
    if (!first) return;
    const counts = moreErrors === more ? `${moreErrors} more errors` : `${more} more problems (${moreErrors} errors)`;
    // Its errors are counted already: report it without counting it again.
    this.pass(tooManyProblems(counts, first.location, moreErrors));
  }

  private invalidRecord(problems: readonly Diagnostic[], refused = false): void {
    this.progress.records++;
    this.linesInFile++;
    if (this.opts.skipInvalid && !refused) {
      this.result.records.skipped++;
      for (const d of problems) this.reportLine(skippedRecordWarning(d));
    } else {
      for (const d of problems) this.reportLine(d);
    }
  }

  async emit(findings: Finding[]): Promise<void> {
    if (findings.length === 0) return;
    if (this.opts.onFindings) await this.opts.onFindings(findings);
    else for (const f of findings) this.result.findings.push(f);
  }

  /** Takes a chunk's results in line order: duplicates, problems, findings, records. */
  async take(r: ChunkResult): Promise<void> {
    const out: Finding[] = [];
    let v = 0;
    let k = 0;
    let f = 0;
    let n = 0;
    const valid = r.lines.length;
    while (v < valid || k < r.invalid.length) {
      if (k < r.invalid.length && (v >= valid || r.invalid[k]!.line < r.lines[v]!)) {
        const invalid = r.invalid[k++]!;
        const dup = invalid.id === undefined ? undefined : this.ids.check(invalid.id, { file: r.file, line: invalid.line, column: 1 });
        this.invalidRecord(dup ? [...invalid.diagnostics, dup] : invalid.diagnostics, invalid.refused === true);
        continue;
      }
      const line = r.lines[v]!;
      const record = r.records?.[v];
      const notable = r.notable?.[n]?.at === v ? r.notable[n++]!.loaded : undefined;
      const at = v++;
      const first = f;
      while (f < r.findings.length && r.findings[f]!.location.line === line) f++;
      const dup = this.ids.checkPacked(r.ids, at, { file: r.file, line, column: 1 });
      if (dup) {
        this.invalidRecord([dup]);
        continue;
      }
      this.progress.records++;
      this.linesInFile++;
      this.result.recordCount++;
      if (record) this.keep(record);
      if (r.activities) this.opts.onActivity?.(r.activities[at]!, notable);
      if (this.result.errors === 0) for (let j = first; j < f; j++) out.push(r.findings[j]!);
    }
    await this.emit(out);
    if (r.end) this.endOfFile(r.file);
    this.progress.bytes += r.bytes;
    this.opts.onProgress?.(this.progress);
  }

  /** A YAML or JSON file as loaded whole: its problems, sources, cases and the records it left out. */
  takeLoadedFile(loaded: Result<LoadedRecords>): void {
    for (const d of loaded.diagnostics) this.report(d);
    const set = loaded.value;
    this.result.records.skipped += set.skipped;
    this.result.records.sources.push(...set.sources);
    this.result.records.cases.push(...set.cases);
    this.progress.records += set.skipped;
  }

  /** One valid record of a file loaded whole, before it is evaluated. */
  takeRecord(rec: LoadedRecord): void {
    this.progress.records++;
    this.result.recordCount++;
    if (this.opts.keepRecords) this.keep(rec);
    else this.opts.onActivity?.(activityLine(rec), rec);
  }

  /** Bytes read whole (a YAML or JSON file), and a progress report. */
  takeBytes(bytes: number): void {
    this.progress.bytes += bytes;
    this.opts.onProgress?.(this.progress);
  }
}
