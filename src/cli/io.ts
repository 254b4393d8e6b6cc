// The streams, environment and file writes a command uses, passed in so commands run in tests too.
import { closeSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../diagnostics/input-error.js';

export interface Io {
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
}

export function processIo(): Io {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(io: Io, flag?: boolean): boolean {
  if (flag === false) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return Boolean(io.stdout.isTTY);
}

/** Temporary files not yet renamed into place; removed if the process is interrupted. */
const pending = new Set<string>();
/** Outputs of this run: any temporary of this process beside one is removed on interrupt or failure. */
const outputs = new Set<string>();
let handlersInstalled = false;

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/**
 * Removes every temporary file this process has beside the outputs: those of the atomic writer
 * here, and those of any writer that follows the same naming, `.<name>.<pid>[.<n>].tmp` (the
 * streamed NDJSON output does). Only this process's id is matched, so no other run's file is touched.
 */
export function discardTemporaries(): void {
  for (const f of pending) removeQuietly(f);
  pending.clear();
  for (const final of outputs) {
    const dir = path.dirname(final);
    const prefix = `.${path.basename(final)}.${process.pid}.`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      if (name.startsWith(prefix) && name.endsWith('.tmp') && /^(\d+\.)?tmp$/.test(name.slice(prefix.length))) removeQuietly(path.join(dir, name));
    }
  }
}

function installInterruptHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      discardTemporaries();
      process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129);
    });
  }
}

/**
 * Names the files a run will write, so that an interrupt (Ctrl-C, SIGTERM, SIGHUP) at any point
 * removes their temporaries: an existing output stays as it was, and nothing half-written remains.
 */
export function guardOutputs(files: readonly string[]): void {
  if (files.length === 0) return;
  for (const f of files) outputs.add(path.resolve(f));
  installInterruptHandlers();
}

/** Fails early, before any work, when an output cannot be written where asked. */
export function checkOutputPath(file: string): void {
  const dir = path.dirname(path.resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new UsageError(`cannot write ${file}: the folder ${path.dirname(file)} does not exist`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`cannot write ${file}: it is a folder`);
}

/**
 * Writes every file whole or not at all: each goes to a temporary file beside it, and only
 * when all are written are they renamed into place.
 */
export function writeFilesAtomically(files: readonly { path: string; content: string }[]): void {
  installInterruptHandlers();
  const temps: { tmp: string; final: string }[] = [];
  try {
    for (const f of files) {
      const final = path.resolve(f.path);
      const tmp = path.join(path.dirname(final), `.${path.basename(final)}.${process.pid}.${temps.length}.tmp`);
      pending.add(tmp);
      temps.push({ tmp, final });
      const fd = openSync(tmp, 'w', 0o644);
      try {
        writeSync(fd, f.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const t of temps) {
      renameSync(t.tmp, t.final);
      pending.delete(t.tmp);
    }
  } catch (e) {
    for (const t of temps) {
      if (pending.has(t.tmp)) {
        removeQuietly(t.tmp);
        pending.delete(t.tmp);
      }
    }
    throw new UsageError(`cannot write output: ${(e as Error).message}`);
  }
}
