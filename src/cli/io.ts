// The streams and environment a command uses, passed in so commands run in tests too.

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
