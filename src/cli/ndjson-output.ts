// Findings as NDJSON, one Finding (as in the JSON report) per line, written as they are found:
// to a stream that may push back (a pipe), or to a file that appears whole or not at all.
import type { Finding } from '../types.js';
import type { TextSink } from '../stream/text-sink.js';

export type { TextSink } from '../stream/text-sink.js';
import { openOutputSink, type OutputTarget } from './output-file.js';
import { runStreamedCheck, type StreamedCheckOptions } from '../pipeline.js';
import type { StreamCheckResult } from '../stream/check-stream.js';

export function renderNdjson(findings: readonly Finding[]): string {
  let s = '';
  for (const f of findings) s += JSON.stringify(f) + '\n';
  return s;
}

interface WritableLike {
  write(s: string): unknown;
  once?(event: 'drain', cb: () => void): unknown;
  on?(event: 'error', cb: (e: Error) => void): unknown;
}

const BUFFER_CHARS = 64 * 1024;

/** Writes to a stream in pieces of about 64 KiB, waiting for 'drain' when the stream asks to. */
export function streamSink(out: WritableLike): TextSink {
  let buffer = '';
  let full = false;
  let broken = false;
  let wake: (() => void) | undefined;
  out.on?.('error', () => {
    // The reader went away (EPIPE after `| head`) or the stream failed: stop writing and waiting.
    broken = true;
    wake?.();
  });
  const flush = (): void => {
    if (buffer.length === 0 || broken) return;
    if (out.write(buffer) === false) full = true;
    buffer = '';
  };
  const drained = async (): Promise<void> => {
    if (buffer.length >= BUFFER_CHARS) flush();
    if (full && out.once && !broken) {
      full = false;
      await new Promise<void>((resolve) => {
        wake = resolve;
        out.once!('drain', resolve);
      });
      wake = undefined;
    }
  };
  return {
    write(s) {
      if (!broken) buffer += s;
    },
    drained,
    async close() {
      flush();
      await drained();
    },
    abort() {
      flush();
    },
    get broken() {
      return broken;
    },
  };
}

/**
 * Writes to an --output: a regular file appears whole when closed (the shared writer's temporary
 * file, renamed into place), a device or named pipe is written straight into.
 */
export async function fileSink(target: OutputTarget): Promise<TextSink> {
  const out = await openOutputSink(target);
  let buffer = '';
  let open = true;
  const flush = async (): Promise<void> => {
    if (buffer.length === 0) return;
    const text = buffer;
    buffer = '';
    await out.write(text);
  };
  return {
    write(s) {
      if (!out.broken) buffer += s;
    },
    async drained() {
      if (buffer.length >= BUFFER_CHARS) await flush();
    },
    async close() {
      if (!open) return;
      open = false;
      await flush();
      await out.close();
    },
    abort() {
      if (!open) return;
      open = false;
      buffer = '';
      out.abort();
    },
    get broken() {
      return out.broken;
    },
  };
}

export interface NdjsonRun {
  result: StreamCheckResult;
  /** Findings written. */
  written: number;
  /** Whether a finding reached the failure threshold. */
  reached: boolean;
}

class ReaderGone extends Error {}

/**
 * Checks the records and writes each finding to the sink as soon as every record before it is
 * done. Writing stops at the first error in the input (the caller reports the errors and fails).
 */
export async function writeNdjsonFindings(
  sink: TextSink,
  opts: Omit<StreamedCheckOptions, 'sink'> & { fails(f: Finding): boolean },
): Promise<NdjsonRun> {
  let written = 0;
  let reached = false;
  const { fails, ...streamOptions } = opts;
  let result: StreamCheckResult;
  try {
    result = await runStreamedCheck({
      ...streamOptions,
      sink: async (findings) => {
        for (const f of findings) {
          if (!reached && fails(f)) reached = true;
          sink.write(JSON.stringify(f) + '\n');
        }
        written += findings.length;
        await sink.drained();
        if (sink.broken) throw new ReaderGone();
      },
    });
  } catch (e) {
    sink.abort();
    if (e instanceof ReaderGone) return { result: emptyResult(), written, reached };
    throw e;
  }
  if (result.errors > 0) sink.abort();
  else await sink.close();
  return { result, written, reached };
}

function emptyResult(): StreamCheckResult {
  return {
    records: { records: [], sources: [], cases: [], skipped: 0 },
    recordCount: 0,
    findings: [],
    diagnostics: [],
    errors: 0,
    workers: 0,
  };
}
