// The command-line flags of a streaming run (threads, engine, progress, standard input, shards),
// turned into options for streamCheck.
import { fstatSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UsageError } from '../diagnostics/input-error.js';
import type { StreamCheckOptions } from '../stream/check-stream.js';
import { progressReporter, type ProgressOutput } from './progress.js';

export interface StreamFlags {
  workers?: number;
  progress?: boolean;
  engine?: 'fast' | 'plain';
  stdinName?: string;
  lineOffset?: number;
}

export function parseCount(value: string, option: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${option} takes a whole number of at least ${min}; got '${value}'`);
  return n;
}

/** The size of standard input when it is a file (`< records.ndjson`), else undefined. */
function stdinSize(): number | undefined {
  try {
    const st = fstatSync(0);
    return st.isFile() ? st.size : undefined;
  } catch {
    return undefined;
  }
}

export type StreamRunOptions = Pick<StreamCheckOptions, 'engine' | 'workers' | 'stdin' | 'lineOffset' | 'onProgress'> & {
  /** Ends the progress display. */
  done(): void;
};

/** The streams a streaming run uses; standard input is the process's unless given (as tests do). */
export interface StreamIo {
  stderr: ProgressOutput;
  stdin?: AsyncIterable<Buffer | string>;
}

/**
 * --workers, at most one thread a core: more only cost memory (each thread holds its own copy of
 * the compiled rules). Asked for more, the run says so on stderr and uses every core.
 */
export function capWorkers(asked: number, stderr: ProgressOutput, cores = availableParallelism()): number {
  if (asked <= cores) return asked;
  stderr.write(
    `--workers ${asked}: this machine has ${cores} core${cores === 1 ? '' : 's'}; using ${cores} thread${cores === 1 ? '' : 's'}\n`,
  );
  return cores;
}

/** Progress shows on a terminal, or anywhere with --progress. Standard input is read when a record path is `-`. */
export function streamOptionsFor(io: StreamIo, inputs: readonly string[], flags: StreamFlags): StreamRunOptions {
  const progress = flags.progress || io.stderr.isTTY ? progressReporter(io.stderr) : undefined;
  return {
    ...(flags.engine ? { engine: flags.engine } : {}),
    ...(flags.workers !== undefined ? { workers: capWorkers(flags.workers, io.stderr) } : {}),
    ...(flags.lineOffset !== undefined ? { lineOffset: flags.lineOffset } : {}),
    ...(inputs.includes('-')
      ? {
          stdin: {
            stream: io.stdin ?? process.stdin,
            ...(flags.stdinName ? { name: flags.stdinName } : {}),
            size: io.stdin ? undefined : stdinSize(),
          },
        }
      : {}),
    ...(progress ? { onProgress: (p) => progress.update(p) } : {}),
    done: () => progress?.done(),
  };
}
