// Progress of a long run on stderr: records done, records per second, and (when the input's size
// is known) the share read and the time left. On a terminal one line is redrawn in place; elsewhere
// (with --progress) a line is written now and then.
import type { ProgressState } from '../stream/check-stream.js';

export interface ProgressOutput {
  write(s: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporter {
  update(p: ProgressState): void;
  /** Clears the line drawn on a terminal, or writes a last line elsewhere. */
  done(): void;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}

export function formatProgress(p: ProgressState, elapsedSeconds: number): string {
  const rate = elapsedSeconds > 0 ? p.records / elapsedSeconds : 0;
  const parts = [`${count(p.records)} records`, `${count(rate)} records/s`];
  if (p.totalBytes && p.totalBytes > 0) {
    const share = Math.min(1, p.bytes / p.totalBytes);
    parts.push(`${Math.floor(share * 100)}%`);
    if (share > 0 && elapsedSeconds > 0) parts.push(`${duration((elapsedSeconds * (1 - share)) / share)} left`);
  }
  return parts.join(', ');
}

export function progressReporter(out: ProgressOutput, now: () => number = () => performance.now()): ProgressReporter {
  // The clock starts with the first records, not with the loading of the rules before them, and
  // the first line waits a full interval after it: a rate over a few milliseconds means nothing.
  let start: number | undefined;
  const tty = Boolean(out.isTTY);
  const every = tty ? 200 : 2000;
  let last = 0;
  let latest: ProgressState | undefined;
  let drawn = false;
  const line = (p: ProgressState) => formatProgress(p, (now() - (start ?? now())) / 1000);
  return {
    update(p) {
      latest = p;
      const t = now();
      if (start === undefined) {
        start = t;
        last = t;
        return;
      }
      if (t - last < every) return;
      last = t;
      if (tty) {
        out.write(`\r\x1b[K${line(p)}`);
        drawn = true;
      } else out.write(`${line(p)}\n`);
    },
    done() {
      if (tty) {
        if (drawn) out.write('\r\x1b[K');
      } else if (latest) out.write(`${line(latest)}\n`);
    },
  };
}
