// The one writer of output files: regular files are replaced whole (a temporary file beside the
// real target, renamed into place, keeping the target's permissions), devices and named pipes are
// written straight into, links are followed, and nothing outside the run is ever replaced.
import {
  chownSync,
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsyncSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../diagnostics/input-error.js';

/** Where an output goes, once the path given has been looked at. */
export type OutputTarget =
  /** A file descriptor named as a path (/dev/stdout, /dev/fd/N, /proc/self/fd/N). */
  | { kind: 'descriptor'; given: string; fd: number }
  /** A character device or a named pipe: written straight into, never replaced. */
  | { kind: 'stream'; given: string; path: string; id: string }
  /** A regular file (perhaps through links): replaced whole, in the folder of the real target. */
  | { kind: 'file'; given: string; final: string; id: string; existing?: { mode: number; uid: number; gid: number } };

const DESCRIPTOR_PATH = /^\/(?:dev\/fd\/(\d+)|proc\/self\/fd\/(\d+)|dev\/(stdin|stdout|stderr))$/;
const MAX_LINKS = 40;

/** The file descriptor a path names (/dev/stdout and the like), following links, or undefined. */
function descriptorNamed(abs: string): number | undefined {
  let p = abs;
  for (let i = 0; i < MAX_LINKS; i++) {
    const m = DESCRIPTOR_PATH.exec(p);
    if (m) return m[3] ? ['stdin', 'stdout', 'stderr'].indexOf(m[3]) : Number(m[1] ?? m[2]);
    let st: Stats;
    try {
      st = lstatSync(p);
    } catch {
      return undefined;
    }
    if (!st.isSymbolicLink()) return undefined;
    p = path.resolve(path.dirname(p), readlinkSync(p));
  }
  return undefined;
}

const idOf = (st: Stats): string => `${st.dev}:${st.ino}`;

/** Why a write or an open failed, in words. */
export function writeProblem(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'EBADF':
      return 'it is not open for writing (bad file descriptor)';
    case 'EPIPE':
      return 'the reader of the pipe went away';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'input/output error';
    default:
      return code ? `${(e as Error).message}` : String((e as Error)?.message ?? e);
  }
}

/**
 * Looks at an output path before any work: what it is, and whether it can be written. Throws a
 * UsageError for a folder, a missing folder, a socket, a block device or a link to nothing.
 */
export function resolveOutput(given: string): OutputTarget {
  const abs = path.resolve(given);
  const fd = descriptorNamed(abs);
  if (fd !== undefined) return { kind: 'descriptor', given, fd };
  const fail = (why: string): never => {
    throw new UsageError(`cannot write ${given}: ${why}`);
  };
  let link: Stats | undefined;
  try {
    link = lstatSync(abs);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') fail(writeProblem(e));
  }
  if (link === undefined) {
    // A new file: its folder must exist (through links, as the system would follow them).
    const dir = path.dirname(abs);
    let realDir: string;
    try {
      realDir = realpathSync(dir);
      if (!statSync(realDir).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    } catch {
      return fail(`the folder ${path.dirname(given)} does not exist`);
    }
    const final = path.join(realDir, path.basename(abs));
    return { kind: 'file', given, final, id: final };
  }
  let st: Stats;
  let real: string;
  try {
    st = statSync(abs);
    real = realpathSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return fail('it is a symbolic link that loops (too many levels of symbolic links)');
    if (code === 'ENOENT') return fail(`it is a symbolic link to ${readlinkSync(abs)}, which does not exist`);
    return fail(writeProblem(e));
  }
  if (st.isDirectory()) return fail('it is a folder');
  if (st.isCharacterDevice() || st.isFIFO()) return { kind: 'stream', given, path: real, id: idOf(st) };
  if (st.isBlockDevice()) return fail('it is a block device; name a file');
  if (st.isSocket()) return fail('it is a socket; name a file');
  return { kind: 'file', given, final: real, id: idOf(st), existing: { mode: st.mode & 0o7777, uid: st.uid, gid: st.gid } };
}

/** The identity of a path that exists (device and inode, through links), or undefined. */
export function pathIdentity(p: string): string | undefined {
  try {
    return idOf(statSync(p));
  } catch {
    return undefined;
  }
}

/**
 * Refuses, before any work, outputs that are the same file twice or the same file as an input
 * (`inputs` are the files the run will read).
 */
export function refuseClashingOutputs(targets: readonly OutputTarget[], inputs: readonly string[]): void {
  const seen = new Map<string, string>();
  for (const t of targets) {
    if (t.kind === 'descriptor') continue;
    const earlier = seen.get(t.id);
    if (earlier !== undefined) {
      throw new UsageError(
        earlier === t.given ? `--output ${t.given} is given twice` : `--output ${t.given} and --output ${earlier} are the same file`,
      );
    }
    seen.set(t.id, t.given);
  }
  for (const input of inputs) {
    const id = pathIdentity(input);
    const t = id === undefined ? undefined : targets.find((o) => o.kind !== 'descriptor' && o.id === id);
    if (t) throw new UsageError(`--output ${t.given} is an input of this run (${input}); name another file`);
  }
}

/** Temporary files not yet renamed into place; removed if the run fails or is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;
let counter = 0;

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    /* already gone */
  }
}

/** Removes every temporary file of this run that is not yet in place. */
export function discardTemporaries(): void {
  for (const f of pending) removeQuietly(f);
  pending.clear();
}

/**
 * Removes the temporaries on an interrupt (Ctrl-C, SIGTERM, SIGHUP): an existing output stays as
 * it was, and nothing half-written remains.
 */
export function installInterruptHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      discardTemporaries();
      process.exit(sig === 'SIGINT' ? 130 : sig === 'SIGTERM' ? 143 : 129);
    });
  }
}

/** A temporary file beside the real target, with the target's permissions (and owner, for root). */
function createTemporary(t: Extract<OutputTarget, { kind: 'file' }>): { tmp: string; fd: number } {
  installInterruptHandlers();
  const tmp = path.join(path.dirname(t.final), `.${path.basename(t.final)}.${process.pid}.${counter++}.tmp`);
  pending.add(tmp);
  let fd: number;
  try {
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, t.existing ? 0o600 : 0o666);
  } catch (e) {
    pending.delete(tmp);
    throw new UsageError(`cannot write ${t.given}: ${writeProblem(e)} (creating a file in ${path.dirname(t.final)})`);
  }
  try {
    if (t.existing) {
      fchmodSync(fd, t.existing.mode);
      const st = fstatSync(fd);
      if (process.getuid?.() === 0 && (st.uid !== t.existing.uid || st.gid !== t.existing.gid))
        chownSync(tmp, t.existing.uid, t.existing.gid);
    }
  } catch (e) {
    closeSync(fd);
    removeQuietly(tmp);
    pending.delete(tmp);
    throw new UsageError(`cannot write ${t.given}: ${writeProblem(e)}`);
  }
  return { tmp, fd };
}

function putInPlace(t: Extract<OutputTarget, { kind: 'file' }>, tmp: string): void {
  renameSync(tmp, t.final);
  pending.delete(tmp);
}

/** Opens a device or named pipe to write into: never creates or truncates anything. */
async function openStream(t: Extract<OutputTarget, { kind: 'stream' }>): Promise<FileHandle> {
  // Opening a named pipe waits for a reader; it is done off this thread, so Ctrl-C still works.
  const handle = await open(t.path, constants.O_WRONLY | constants.O_NOCTTY);
  const st = await handle.stat();
  if (!st.isCharacterDevice() && !st.isFIFO()) {
    await handle.close();
    throw new UsageError(`cannot write ${t.given}: it changed while the run went on (now not a device or pipe)`);
  }
  return handle;
}

async function writeAll(handle: FileHandle, text: string): Promise<void> {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, at, Math.min(bytes.length - at, 1 << 20));
    at += bytesWritten;
  }
}

/** Writes to a file descriptor named as a path, whole. */
function writeDescriptor(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let at = 0;
  while (at < bytes.length) at += writeSync(fd, bytes, at);
}

const quietPipe = (e: unknown): boolean => (e as NodeJS.ErrnoException).code === 'EPIPE';

/**
 * Writes every output whole or not at all: regular files go to temporaries beside their real
 * targets, then devices and pipes are written, and only when all of that succeeded are the
 * temporaries renamed into place.
 */
export async function writeOutputs(files: readonly { target: OutputTarget; content: string }[]): Promise<void> {
  const temps: { t: Extract<OutputTarget, { kind: 'file' }>; tmp: string }[] = [];
  let current: OutputTarget | undefined;
  try {
    for (const f of files) {
      if (f.target.kind !== 'file') continue;
      current = f.target;
      const { tmp, fd } = createTemporary(f.target);
      temps.push({ t: f.target, tmp });
      try {
        writeDescriptor(fd, f.content);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const f of files) {
      current = f.target;
      if (f.target.kind === 'descriptor') {
        try {
          writeDescriptor(f.target.fd, f.content);
        } catch (e) {
          if (!quietPipe(e)) throw e;
        }
      } else if (f.target.kind === 'stream') {
        const handle = await openStream(f.target);
        try {
          await writeAll(handle, f.content);
        } catch (e) {
          if (!quietPipe(e)) throw e;
        } finally {
          await handle.close();
        }
      }
    }
    for (const { t, tmp } of temps) {
      current = t;
      putInPlace(t, tmp);
    }
  } catch (e) {
    for (const { tmp } of temps) {
      if (pending.has(tmp)) {
        removeQuietly(tmp);
        pending.delete(tmp);
      }
    }
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${current?.given ?? 'output'}: ${writeProblem(e)}`);
  }
}

/** A place to write text a piece at a time, as it is produced. */
export interface OutputSink {
  write(text: string): Promise<void>;
  /** Finishes: a file is renamed into place. */
  close(): Promise<void>;
  /** Gives up: a file leaves nothing behind. */
  abort(): void;
  /** True once the reader of a pipe went away: writing more is pointless. */
  readonly broken: boolean;
}

/** Opens an output to write in pieces: a regular file appears whole on close, or not at all. */
export async function openOutputSink(target: OutputTarget): Promise<OutputSink> {
  const fail = (e: unknown): never => {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${target.given}: ${writeProblem(e)}`);
  };
  if (target.kind === 'file') {
    const { tmp, fd } = createTemporary(target);
    let open = true;
    return {
      async write(text) {
        try {
          writeDescriptor(fd, text);
        } catch (e) {
          fail(e);
        }
      },
      async close() {
        if (!open) return;
        open = false;
        try {
          fsyncSync(fd);
          closeSync(fd);
          putInPlace(target, tmp);
        } catch (e) {
          removeQuietly(tmp);
          pending.delete(tmp);
          fail(e);
        }
      },
      abort() {
        if (!open) return;
        open = false;
        closeSync(fd);
        removeQuietly(tmp);
        pending.delete(tmp);
      },
      broken: false,
    };
  }
  let broken = false;
  let handle: FileHandle | undefined;
  if (target.kind === 'stream') {
    try {
      handle = await openStream(target);
    } catch (e) {
      fail(e);
    }
  }
  const put = async (text: string): Promise<void> => {
    if (broken) return;
    try {
      if (handle) await writeAll(handle, text);
      else if (target.kind === 'descriptor') writeDescriptor(target.fd, text);
    } catch (e) {
      if (quietPipe(e)) broken = true;
      else fail(e);
    }
  };
  return {
    write: put,
    async close() {
      await handle?.close();
      handle = undefined;
    },
    abort() {
      const h = handle;
      handle = undefined;
      void h?.close();
    },
    get broken() {
      return broken;
    },
  };
}
