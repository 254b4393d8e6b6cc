// The error the pipeline throws when input is invalid: it carries every diagnostic found.
import type { Diagnostic } from './diagnostic-types.js';
import { sortDiagnostics } from './diagnostic.js';

export class InputError extends Error {
  readonly diagnostics: Diagnostic[];
  constructor(diagnostics: Diagnostic[]) {
    super(`${diagnostics.length} problem(s) in the input`);
    this.name = 'InputError';
    this.diagnostics = sortDiagnostics(diagnostics);
  }
}

/** An error in how the tool was called (a bad option, a missing argument). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
