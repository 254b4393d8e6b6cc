// The streams and environment a command uses, passed in so commands run in tests too.
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { UsageError } from '../diagnostics/input-error.js';
import { writeProblem } from './output-file.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export function processIo(): Io {
  return { stdout: standardOutput(), stderr: process.stderr, env: process.env };
}

/**
 * Whether standard output was closed when the program started (`>&-`). Node then opens /dev/null
 * in its place for reading and writing, where a shell's `> /dev/null` opens it for writing only.
 */
function stdoutWasClosed(): boolean {
  try {
    const st = fstatSync(1);
    if (!st.isCharacterDevice() || st.rdev !== statSync('/dev/null').rdev) return false;
    const flags = /^flags:\s*([0-7]+)/m.exec(readFileSync('/proc/self/fdinfo/1', 'utf8'));
    return flags !== null && (parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}

/**
 * Standard output, failing loudly: a write that fails (a full disk, a closed descriptor) throws a
 * UsageError, so the run ends with exit 2 and one line. A pipe or terminal is Node's own stream,
 * whose errors come as events (a reader that went away ends the run quietly; see main.ts).
 */
export function standardOutput(): Io['stdout'] {
  if (stdoutWasClosed()) {
    return {
      write() {
        throw new UsageError('cannot write to standard output: it is closed; redirect it to a file, or use --output');
      },
    };
  }
  let st;
  try {
    st = fstatSync(1);
  } catch (e) {
    return {
      write() {
        throw new UsageError(`cannot write to standard output: ${writeProblem(e)}`);
      },
    };
  }
  if (st.isFIFO() || st.isSocket() || process.stdout.isTTY) return process.stdout;
  // A file or a device: written here, at once, so a failure is known before the run goes on.
  return {
    write(s: string) {
      const bytes = Buffer.from(s, 'utf8');
      let at = 0;
      try {
        while (at < bytes.length) at += writeSync(1, bytes, at);
      } catch (e) {
        throw new UsageError(`cannot write to standard output: ${writeProblem(e)}`);
      }
      return true;
    },
    isTTY: false,
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdout.isTTY);
}
