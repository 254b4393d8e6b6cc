// Diagnostics: one problem type with a code and a location, collected, sorted and formatted.
import type { Diagnostic, Severity, SourceLocation } from '../types.js';

export function diagnostic(
  code: string,
  message: string,
  location: SourceLocation,
  severity: Severity = 'error',
): Diagnostic {
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

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

/** The result of a stage that can find many problems: a value and everything wrong with it. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}
