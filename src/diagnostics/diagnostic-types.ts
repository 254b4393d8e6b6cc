// The problem type every stage reports: a code, a severity, a message and where it stands.
import type { DiagnosticCode } from './codes.js';

export type { DiagnosticCode } from './codes.js';

/** Where something stands in an input file. Lines and columns count from 1. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in an input, with a stable code and a location. */
export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  location: SourceLocation;
  /** Set on a `too-many-problems` line: how many errors past the per-file cap it stands for. */
  unlistedErrors?: number;
}
