// Diagnostics: one problem type with a code and a location, collected, sorted and formatted.
import type { Diagnostic, DiagnosticCode, Severity, SourceLocation } from './diagnostic-types.js';

export function diagnostic(code: DiagnosticCode, message: string, location: SourceLocation, severity: Severity = 'error'): Diagnostic {
  return { code, severity, message, location };
}

export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column;
}

/** Sorts by file, line, column, then code and message, so output is stable. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      compareLocations(a.location, b.location) ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function formatDiagnostic(d: Diagnostic): string {
  const { file, line, column } = d.location;
  const tag = d.severity === 'warning' ? `warning ${d.code}` : d.code;
  return `${file}:${line}:${column}: ${tag}: ${d.message}`;
}

/** At most this many problems are listed for one file; one more line counts the rest. */
export const MAX_DIAGNOSTICS_PER_FILE = 500;

/**
 * Drops repeats (the same problem at the same place, e.g. from a named condition used by several
 * rules) and keeps the first `max` problems of a file in order, with one more that counts the rest:
 * a file of a million bad lines gives a readable report, not a million lines.
 */
export function limitDiagnostics(list: readonly Diagnostic[], max = MAX_DIAGNOSTICS_PER_FILE): Diagnostic[] {
  const seen = new Set<string>();
  const unique: Diagnostic[] = [];
  for (const d of list) {
    const key = `${d.location.file}\0${d.location.line}\0${d.location.column}\0${d.code}\0${d.severity}\0${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(d);
  }
  if (unique.length <= max) return unique;
  const sorted = sortDiagnostics(unique);
  const rest = sorted.slice(max);
  const errors = rest.filter((d) => d.severity === 'error').length;
  const counts = errors === rest.length ? `${errors} more errors` : `${rest.length} more problems (${errors} errors)`;
  const first = rest[0]!;
  return [...sorted.slice(0, max), tooManyProblems(counts, first.location, errors)];
}

/** The line that stands for the problems of a file past the cap: it counts as the errors it stands for. */
export function tooManyProblems(counts: string, location: SourceLocation, errors: number): Diagnostic {
  return {
    ...diagnostic('too-many-problems', `${counts} in this file from here on are not listed`, location, errors > 0 ? 'error' : 'warning'),
    unlistedErrors: errors,
  };
}

/** How many errors the diagnostics report: each error once, and a `too-many-problems` line as the
 * errors it stands for, so that every kind of input counts past the cap alike. */
export function errorCount(list: readonly Diagnostic[]): number {
  let n = 0;
  for (const d of list) n += d.unlistedErrors ?? (d.severity === 'error' ? 1 : 0);
  return n;
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** The result of a stage that can find many problems: a value and everything wrong with it. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}
