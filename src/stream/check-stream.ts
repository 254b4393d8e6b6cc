// Checks records as a stream: NDJSON files and standard input are read chunk by chunk, processed
// in the main thread or in worker threads, and put back in input order, so findings come out as
// they are found, in the same order whatever the number of threads. YAML and JSON files are read
// whole, as before. Memory holds the record ids (for duplicates) and the chunks in flight. The
// scheduler (chunk-scheduler.ts) runs chunks on threads; the collector (ordered-collector.ts) takes
// their results in input order.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { workersAvailable } from './worker-pool.js';
import { displayPath, expandPaths, realPath } from '../load/input-paths.js';
import { RECORD_EXTENSIONS, loadRecords } from '../load/load-records.js';
import { isNdjson } from '../load/record-file.js';
import type { Diagnostic, Finding, LoadedRecord, RuleSet } from '../types.js';
import { orderChunkFindings } from './chunk-processor.js';
import { ChunkScheduler } from './chunk-scheduler.js';
import { MAX_LINE_BYTES, READ_CHUNK_BYTES, lineChunks, readFileChunks } from './line-chunks.js';
import { OrderedCollector, type ProgressState, type StreamCheckResult } from './ordered-collector.js';

/** NDJSON input from this size on is checked on every core unless told otherwise. */
export const AUTO_PARALLEL_BYTES = 16 * 1024 * 1024;
export type { ProgressState, StreamCheckResult } from './ordered-collector.js';

export interface StreamCheckOptions {
  /** Record files, folders, or `-` for standard input (read as NDJSON). */
  inputs: readonly string[];
  rules: RuleSet;
  skipInvalid?: boolean;
  /** Refuse NDJSON records marked `status: draft` (errors on their lines) instead of checking them. */
  refuseDrafts?: boolean;
  /** Review findings for parties whose names resemble a listed party, found with the rules' findings. */
  screening?: boolean;
  engine?: 'fast' | 'plain';
  /** Threads that check records (this one and workers - 1 worker threads); undefined: every core for large NDJSON input, one for small. */
  workers?: number;
  /** Keep every record, for a report that lists them all. */
  keepRecords?: boolean;
  /** With keepRecords: receives each valid record in input order instead of the result keeping it. */
  onRecord?(record: LoadedRecord): void;
  /**
   * Without keepRecords: receives each valid record's activity line (JSON) in input order, made on
   * the thread that checked it, with the record itself only when it is a draft or ends after
   * `activitiesAfter` (and for files read whole). A report spooled to disk needs no more.
   */
  onActivity?(line: string, record: LoadedRecord | undefined): void;
  activitiesAfter?: string;
  stdin?: { stream: AsyncIterable<Buffer | string>; name?: string; size?: number };
  /** Added to NDJSON line numbers: the lines before this input, when it is one shard of a larger file. */
  lineOffset?: number;
  /** Receives findings in order, as they are found; without it they are kept in the result. */
  onFindings?(findings: Finding[]): void | Promise<void>;
  /** Receives diagnostics in input order, as they are found; without it they are kept in the result. */
  onDiagnostic?(d: Diagnostic): void;
  onProgress?(p: ProgressState): void;
}

type Input = { kind: 'stdin' } | { kind: 'ndjson' | 'structured'; abs: string; file: string };

export const STDIN_NAME = '<stdin>';

/** A YAML or JSON file: read whole, checked in the main thread, after every chunk before it. */
async function checkStructured(
  abs: string,
  opts: StreamCheckOptions,
  scheduler: ChunkScheduler,
  collector: OrderedCollector,
): Promise<void> {
  await scheduler.drain();
  const loaded = loadRecords([abs], { skipInvalid: opts.skipInvalid ?? false, ids: collector.ids });
  collector.takeLoadedFile(loaded);
  const { evaluator, screen } = scheduler.processor();
  const out: Finding[] = [];
  for (const rec of loaded.value.records) {
    collector.takeRecord(rec);
    const findings = await evaluator.evaluate(rec);
    if (screen) {
      const ruled = findings.length;
      screen(rec, findings);
      if (ruled > 0 && findings.length > ruled) orderChunkFindings(findings);
    }
    if (!collector.failed) out.push(...findings);
  }
  await collector.emit(out);
  collector.takeBytes(sizeOf(abs));
}

/** An NDJSON stream, chunk by chunk. `autoParallel`: start workers once the input proves large. */
async function checkNdjson(
  source: AsyncIterable<Buffer | string>,
  file: string,
  autoParallel: boolean,
  opts: StreamCheckOptions,
  scheduler: ChunkScheduler,
  collector: OrderedCollector,
): Promise<void> {
  const offset = opts.lineOffset ?? 0;
  try {
    for await (const chunk of lineChunks(source)) {
      if (chunk.kind === 'too-long') {
        const line = chunk.line + offset;
        const d = diagnostic('line-too-long', `is longer than ${MAX_LINE_BYTES} bytes: no record is this long`, { file, line, column: 1 });
        await scheduler.submitResult({ file, invalid: [{ line, diagnostics: [d] }] });
        continue;
      }
      if (autoParallel && !scheduler.hasPool && chunk.bytesRead >= AUTO_PARALLEL_BYTES) scheduler.startPool(defaultThreads());
      scheduler.chunkRead();
      await scheduler.submit({ file, firstLine: chunk.firstLine + offset, bytes: chunk.bytes });
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    await scheduler.drain(); // after what was read before it
    collector.report(diagnostic('io-error', readProblem(code), { file, line: 1, column: 1 }));
    collector.unreadable();
  }
  await scheduler.submitResult({ file, end: true });
}

/** The start of a YAML document: a directive, a document marker, a comment, a list item or a key. */
const YAML_START = /^(?:%YAML|---|#|- |-$|[A-Za-z_][\w -]*:(?:\s|$))/;

/**
 * Passes standard input on, unless its first line looks like YAML: then `onYaml` is called and
 * nothing is read (a record in NDJSON starts with `{`).
 */
async function* unlessYaml(source: AsyncIterable<Buffer | string>, onYaml: () => void): AsyncGenerator<Buffer | string> {
  let first = true;
  for await (const piece of source) {
    if (first) {
      first = false;
      const text = (typeof piece === 'string' ? piece : piece.subarray(0, 4096).toString('utf8'))
        .replace(/^\uFEFF/, '')
        .replace(/^\s*\n/, '');
      if (YAML_START.test(text.split('\n', 1)[0]!.trimEnd())) {
        onYaml();
        return;
      }
    }
    yield piece;
  }
}

/** Standard input held YAML: said once, instead of an error for every line. */
function yamlOnStdin(collector: OrderedCollector, file: string, lineOffset: number): void {
  const hint = 'this looks like YAML, but standard input takes NDJSON (one JSON record per line); name a YAML file as a path instead';
  collector.report(diagnostic('yaml-on-stdin', hint, { file, line: 1 + lineOffset, column: 1 }));
  collector.unreadable(); // said already: not also "holds no records"
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
  if (code === 'ENOTREG') return `is not a regular file (a device, pipe or socket); name a file, ${STREAM_FROM_PIPE}`;
  if (code === 'ELOOP') return 'is a symbolic link that loops: too many levels of symbolic links';
  return `cannot be read (${code})`;
}

/** Said of a device or pipe named as a record file: how to stream one. */
export const STREAM_FROM_PIPE = 'or stream NDJSON records through standard input: check - < FILE';

function expandInputs(inputs: readonly string[], report: (d: Diagnostic) => void): Input[] {
  const out: Input[] = [];
  // A file named twice (f.yaml f.yaml, ./f.yaml, a link to it) is one input, read once.
  const seen = new Set<string>();
  for (const input of inputs) {
    if (input === '-') {
      out.push({ kind: 'stdin' });
      continue;
    }
    const { files, diagnostics } = expandPaths([input], {
      extensions: RECORD_EXTENSIONS,
      recursive: false,
      what: 'record files',
      notRegularHint: STREAM_FROM_PIPE,
    });
    diagnostics.forEach(report);
    for (const abs of files) {
      const real = realPath(abs);
      if (seen.has(real)) continue;
      seen.add(real);
      out.push({ kind: isNdjson(abs) ? 'ndjson' : 'structured', abs, file: displayPath(abs) });
    }
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
  const collector = new OrderedCollector(opts, stdinSize === undefined ? undefined : fileBytes + stdinSize);
  const processorOptions = {
    engine: opts.engine ?? 'fast',
    keepRecords: opts.keepRecords ?? false,
    refuseDrafts: opts.refuseDrafts ?? false,
    screening: opts.screening ?? false,
    ...(opts.onActivity && !opts.keepRecords
      ? { activities: opts.activitiesAfter === undefined ? {} : { after: opts.activitiesAfter } }
      : {}),
  };
  const scheduler = new ChunkScheduler(opts.rules, processorOptions, (r) => collector.take(r));
  early.forEach((d) => collector.report(d));
  const ndjsonBytes = inputs.reduce((n, i) => n + (i.kind === 'ndjson' ? sizeOf(i.abs) : 0), 0) + (stdinSize ?? 0);
  if (opts.workers !== undefined) {
    // Never more threads than chunks to check: a small input is done on fewer, or on this one.
    const unknownSize = hasStdin && stdinSize === undefined;
    const chunks =
      inputs.reduce((n, i) => n + (i.kind === 'ndjson' ? Math.ceil(sizeOf(i.abs) / READ_CHUNK_BYTES) : 0), 0) +
      Math.ceil((stdinSize ?? 0) / READ_CHUNK_BYTES);
    if (opts.workers > 1 && unknownSize) scheduler.startPoolAfterChunks(opts.workers);
    else if (Math.min(opts.workers, chunks) > 1) scheduler.startPool(Math.min(opts.workers, chunks));
  } else if (ndjsonBytes >= AUTO_PARALLEL_BYTES) {
    scheduler.startPool(defaultThreads());
  }
  try {
    for (const input of inputs) {
      if (input.kind === 'structured') await checkStructured(input.abs, opts, scheduler, collector);
      else if (input.kind === 'ndjson') await checkNdjson(readFileChunks(input.abs), input.file, false, opts, scheduler, collector);
      else {
        if (!opts.stdin) throw new Error('standard input was named (-) but none was given');
        // Of unknown size: start on one thread, and bring in the others if it turns out large.
        const auto = opts.workers === undefined && opts.stdin.size === undefined;
        const name = opts.stdin.name ?? STDIN_NAME;
        const source = unlessYaml(opts.stdin.stream, () => yamlOnStdin(collector, name, opts.lineOffset ?? 0));
        await checkNdjson(source, name, auto, opts, scheduler, collector);
      }
    }
    await scheduler.drain();
  } finally {
    collector.result.workers = await scheduler.close();
  }
  return collector.result;
}
