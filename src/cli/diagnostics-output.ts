// Prints diagnostics to stderr, one per line, as file:line:column: CODE: message.
import { formatDiagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { terminalSafe } from '../report/plain-text.js';
import type { Diagnostic } from '../types.js';
import type { Io } from './io.js';

export function printDiagnostics(io: Io, list: readonly Diagnostic[]): void {
  for (const d of sortDiagnostics(list)) io.stderr.write(terminalSafe(formatDiagnostic(d)) + '\n');
}
