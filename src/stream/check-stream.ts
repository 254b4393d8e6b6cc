// Checks records as a stream: NDJSON files and standard input are read chunk by chunk, processed
// in the main thread or in worker threads, and put back in input order, so findings come out as
// they are found, in the same order whatever the number of threads. YAML and JSON files are read
// whole, as before. Memory holds the record ids (for duplicates) and the chunks in flight.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MAX_DIAGNOSTICS_PER_FILE, diagnostic } from '../diagnostics/diagnostic.js';
import { WorkerPool, workersAvailable } from '../evaluate/worker-pool.js';
import { displayPath, expandPaths } from '../load/input-paths.js';
import { RECORD_EXTENSIONS, RecordIds, loadRecords, skippedRecordWarning, type LoadedRecords } from '../load/load-records.js';
import { isNdjson } from '../load/record-file.js';
import type { Diagnostic, Finding, LoadedRecord, RuleSet } from '../types.js';
import { NO_IDS } from './packed-ids.js';
import { createChunkProcessor, type ChunkProcessor, type ChunkResult, type ChunkTask } from './chunk-processor.js';
import { MAX_LINE_BYTES, lineChunks, readFileChunks } from './line-chunks.js';

/** NDJSON input from this size on is checked on every core unless told otherwise. */
export const AUTO_PARALLEL_BYTES = 16 * 1024 * 1024;
/** Chunks waiting or in work per worker thread: enough to keep each busy, few enough to bound memory. */
const CHUNKS_PER_WORKER = 8;
/** Chunks queued at each worker before this thread takes one itself. */
const QUEUED_PER_WORKER = 3;

export interface ProgressState {
  /** Records read so far (valid or not). */
  records: number;
  bytes: number;
  /** The size of the input, when it is known (files, or standard input redirected from a file). */
  totalBytes?: number;
}

export interface StreamCheckOptions {
  /** Record files, folders, or `-` for standard input (read as NDJSON). */
  inputs: readonly string[];
  rules: RuleSet;
  skipInvalid?: boolean;
  engine?: 'fast' | 'plain';
  /** Threads that check records (this one and workers - 1 worker threads); undefined: every core for large NDJSON input, one for small. */
  workers?: number;
  /** Keep every record, for a report that lists them all. */
  keepRecords?: boolean;
  /** With keepRecords: receives each valid record in input order instead of the result keeping it. */
  onRecord?(record: LoadedRecord): void;
  stdin?: { stream: AsyncIterable<Buffer | string>; name?: string; size?: number };
  /** Added to NDJSON line numbers: the lines before this input, when it is one shard of a larger file. */
  lineOffset?: number;
  /** Receives findings in order, as they are found; without it they are kept in the result. */
  onFindings?(findings: Finding[]): void | Promise<void>;
  /** Receives diagnostics in input order, as they are found; without it they are kept in the result. */
  onDiagnostic?(d: Diagnostic): void;
  onProgress?(p: ProgressState): void;
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

type Input = { kind: 'stdin' } | { kind: 'ndjson' | 'structured'; abs: string; file: string };

export const STDIN_NAME = '<stdin>';

class CheckRun {
  readonly ids = new RecordIds();
  readonly result: StreamCheckResult;
  private pending: Promise<ChunkResult>[] = [];
  private maxPending = 0;
  private pool: WorkerPool | undefined;
  private local: ChunkProcessor | undefined;
  private progress: ProgressState;
  /** Records and invalid lines of the NDJSON file being read, to tell an empty one. */
  private linesInFile = 0;

  constructor(
    private readonly opts: StreamCheckOptions,
    totalBytes: number | undefined,
  ) {
    this.result = {
      records: { records: [], sources: [], cases: [], skipped: 0 },
      recordCount: 0,
      findings: [],
      diagnostics: [],
      errors: 0,
      workers: 1,
    };
    this.progress = { records: 0, bytes: 0, ...(totalBytes !== undefined ? { totalBytes } : {}) };
  }

  private get processorOptions() {
    return { engine: this.opts.engine ?? 'fast', keepRecords: this.opts.keepRecords ?? false } as const;
  }

  /** Work on `threads` threads: this one and threads - 1 worker threads. */
  startPool(threads: number): void {
    if (this.pool || threads < 2) return;
    this.pool = new WorkerPool(threads - 1, { rules: this.opts.rules, options: { ...this.processorOptions, deferEngine: true } });
    this.maxPending = threads * CHUNKS_PER_WORKER;
  }

  async close(): Promise<void> {
    // Small inputs can be done before a worker has started: they count only the threads used.
    this.result.workers = 1 + (this.pool?.used ?? 0);
    await this.pool?.close();
  }

  report(d: Diagnostic): void {
    if (d.severity === 'error') this.result.errors++;
    if (this.opts.onDiagnostic) this.opts.onDiagnostic(d);
    else this.result.diagnostics.push(d);
  }

  /** Problems of the NDJSON input being read: the first few hundred of a file are listed, the rest counted. */
  private listed = { count: 0, more: 0, moreErrors: 0, first: undefined as Diagnostic | undefined };

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

  /** At the end of an NDJSON input: says so if it held no record, and counts the problems not listed. */
  private endOfFile(file: string): void {
    if (this.linesInFile === 0) this.report(diagnostic('empty-file', 'holds no records', { file, line: 1 + (this.opts.lineOffset ?? 0), column: 1 }));
    this.linesInFile = 0;
    const { more, moreErrors, first } = this.listed;
    this.listed = { count: 0, more: 0, moreErrors: 0, first: undefined };
    if (!first) return;
    const counts = moreErrors === more ? `${moreErrors} more errors` : `${more} more problems (${moreErrors} errors)`;
    // Its errors are counted already: report it without counting it again.
    const d = diagnostic('too-many-problems', `${counts} in this file from here on are not listed`, first.location, moreErrors > 0 ? 'error' : 'warning');
    if (this.opts.onDiagnostic) this.opts.onDiagnostic(d);
    else this.result.diagnostics.push(d);
  }

  private invalidRecord(problems: readonly Diagnostic[]): void {
    this.progress.records++;
    this.linesInFile++;
    if (this.opts.skipInvalid) {
      this.result.records.skipped++;
      for (const d of problems) this.reportLine(skippedRecordWarning(d));
    } else {
      for (const d of problems) this.reportLine(d);
    }
  }

  private keep(record: LoadedRecord): void {
    if (this.opts.onRecord) this.opts.onRecord(record);
    else this.result.records.records.push(record);
  }

  private async emit(findings: Finding[]): Promise<void> {
    if (findings.length === 0) return;
    if (this.opts.onFindings) await this.opts.onFindings(findings);
    else for (const f of findings) this.result.findings.push(f);
  }

  /** Chunks this thread has taken on and not finished; they run one after another. */
  private localQueued = 0;
  private localTail: Promise<unknown> = Promise.resolve();

  private processor(): ChunkProcessor {
    return (this.local ??= createChunkProcessor(this.opts.rules, this.processorOptions));
  }

  /** Runs a job on this thread's engines after the ones before it: json-rules-engine runs must not overlap. */
  private serially<T>(job: () => Promise<T>): Promise<T> {
    const p = this.localTail.then(job);
    this.localTail = p.catch(() => undefined);
    return p;
  }

  private runLocally(task: ChunkTask): Promise<ChunkResult> {
    const local = this.processor();
    this.localQueued++;
    return this.serially(() => local.process(task)).finally(() => this.localQueued--);
  }

  /** Queues a chunk; its result is handled after every chunk queued before it. */
  async submit(task: ChunkTask): Promise<void> {
    // With worker threads, this thread takes a chunk too when it has none and they are all busy,
    // and every chunk while none has started.
    const pool = this.pool;
    if (pool?.failed) throw pool.failed;
    const toPool = pool !== undefined && pool.ready > 0 && (this.localQueued > 0 || pool.inFlight < pool.ready * QUEUED_PER_WORKER);
    const p = toPool ? pool.run(task) : this.runLocally(task);
    p.catch(() => undefined); // handled, in order, by next()
    this.pending.push(p);
    while (this.pending.length > this.maxPending) await this.next();
  }

  /** Queues an already known result (a problem found while reading, or the end of a file). */
  async submitResult(r: Partial<ChunkResult> & { file: string }): Promise<void> {
    this.pending.push(Promise.resolve({ ids: NO_IDS, lines: [], invalid: [], findings: [], bytes: 0, ...r }));
    while (this.pending.length > this.maxPending) await this.next();
  }

  async drain(): Promise<void> {
    while (this.pending.length > 0) await this.next();
  }

  private async next(): Promise<void> {
    const r = await this.pending.shift()!;
    await this.handle(r);
  }

  /** Takes a chunk's results in line order: duplicates, problems, findings, records. */
  private async handle(r: ChunkResult): Promise<void> {
    if (r.matches) {
      const local = this.processor();
      await this.serially(() => local.complete(r));
    }
    const out: Finding[] = [];
    let v = 0;
    let k = 0;
    let f = 0;
    const valid = r.lines.length;
    while (v < valid || k < r.invalid.length) {
      if (k < r.invalid.length && (v >= valid || r.invalid[k]!.line < r.lines[v]!)) {
        this.invalidRecord(r.invalid[k++]!.diagnostics);
        continue;
      }
      const line = r.lines[v]!;
      const record = r.records?.[v];
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
      if (this.result.errors === 0) for (let j = first; j < f; j++) out.push(r.findings[j]!);
    }
    await this.emit(out);
    if (r.end) this.endOfFile(r.file);
    this.progress.bytes += r.bytes;
    this.opts.onProgress?.(this.progress);
  }

  /** A YAML or JSON file: read whole, checked in the main thread, after every chunk before it. */
  async structured(abs: string): Promise<void> {
    await this.drain();
    const loaded = loadRecords([abs], { skipInvalid: this.opts.skipInvalid ?? false, ids: this.ids });
    for (const d of loaded.diagnostics) this.report(d);
    const set = loaded.value;
    this.result.records.skipped += set.skipped;
    this.result.records.sources.push(...set.sources);
    this.result.records.cases.push(...set.cases);
    this.progress.records += set.skipped;
    const { evaluator } = this.processor();
    const out: Finding[] = [];
    for (const rec of set.records) {
      this.progress.records++;
      this.result.recordCount++;
      if (this.opts.keepRecords) this.keep(rec);
      const findings = await evaluator.evaluate(rec);
      if (this.result.errors === 0) out.push(...findings);
    }
    await this.emit(out);
    try {
      this.progress.bytes += statSync(abs).size;
    } catch {
      /* reported by the loader */
    }
    this.opts.onProgress?.(this.progress);
  }

  /** An NDJSON stream, chunk by chunk. `autoParallel`: start workers once the input proves large. */
  async ndjson(source: AsyncIterable<Buffer | string>, file: string, autoParallel: boolean): Promise<void> {
    const offset = this.opts.lineOffset ?? 0;
    try {
      for await (const chunk of lineChunks(source)) {
        if (chunk.kind === 'too-long') {
          const line = chunk.line + offset;
          const d = diagnostic('line-too-long', `is longer than ${MAX_LINE_BYTES} bytes: no record is this long`, { file, line, column: 1 });
          await this.submitResult({ file, invalid: [{ line, diagnostics: [d] }] });
          continue;
        }
        if (autoParallel && !this.pool && chunk.bytesRead >= AUTO_PARALLEL_BYTES) this.startPool(defaultThreads());
        await this.submit({ file, firstLine: chunk.firstLine + offset, bytes: chunk.bytes });
      }
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === undefined) throw e;
      await this.drain(); // after what was read before it
      this.report(diagnostic('io-error', readProblem(code), { file, line: 1, column: 1 }));
      this.linesInFile = -1; // said already: not also "holds no records"
    }
    await this.submitResult({ file, end: true });
  }
}

/** Every core, when worker threads can run here. */
export function defaultThreads(): number {
  return workersAvailable() ? availableParallelism() : 1;
}

/** Why a file could not be read, in the words used for files read whole. */
function readProblem(code: string): string {
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: permission denied';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return `cannot be read (${code})`;
}

function expandInputs(inputs: readonly string[], report: (d: Diagnostic) => void): Input[] {
  const out: Input[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const { files, diagnostics } = expandPaths([input], { extensions: RECORD_EXTENSIONS, recursive: false, what: 'record files' });
    diagnostics.forEach(report);
    for (const abs of files) out.push({ kind: isNdjson(abs) ? 'ndjson' : 'structured', abs, file: displayPath(abs) });
  }
  return out;
}

function sizeOf(abs: string): number {
  try {
    return statSync(abs).size;
  } catch {
    return 0;
  }
}

export async function streamCheck(opts: StreamCheckOptions): Promise<StreamCheckResult> {
  const early: Diagnostic[] = [];
  const inputs = expandInputs(opts.inputs, (d) => early.push(d));
  const hasStdin = inputs.some((i) => i.kind === 'stdin');
  const fileBytes = inputs.reduce((n, i) => n + (i.kind === 'stdin' ? 0 : sizeOf(i.abs)), 0);
  const stdinSize = hasStdin ? opts.stdin?.size : 0;
  const run = new CheckRun(opts, stdinSize === undefined ? undefined : fileBytes + stdinSize);
  early.forEach((d) => run.report(d));
  const ndjsonBytes = inputs.reduce((n, i) => n + (i.kind === 'ndjson' ? sizeOf(i.abs) : 0), 0) + (stdinSize ?? 0);
  if (opts.workers !== undefined) {
    if (opts.workers > 1) run.startPool(opts.workers);
  } else if (ndjsonBytes >= AUTO_PARALLEL_BYTES) {
    run.startPool(defaultThreads());
  }
  try {
    for (const input of inputs) {
      if (input.kind === 'structured') await run.structured(input.abs);
      else if (input.kind === 'ndjson') await run.ndjson(readFileChunks(input.abs), input.file, false);
      else {
        if (!opts.stdin) throw new Error('standard input was named (-) but none was given');
        // Of unknown size: start on one thread, and bring in the others if it turns out large.
        const auto = opts.workers === undefined && opts.stdin.size === undefined;
        await run.ndjson(opts.stdin.stream, opts.stdin.name ?? STDIN_NAME, auto);
      }
    }
    await run.drain();
  } finally {
    await run.close();
  }
  return run.result;
}
