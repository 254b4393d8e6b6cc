// A whole file parsed as JSON, or a located `invalid-json` error naming the line and column.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/input-error.js';
import { findJsonProblem, lineColumnAt } from './json-error.js';

/** JSON.parse, with the place and reason of a failure found by the scanner; throws InputError. */
export function parseJsonFile(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const problem = findJsonProblem(text, 'file');
    const at = problem ? lineColumnAt(text, problem.offset) : { line: 1, column: 1 };
    throw new InputError([diagnostic('invalid-json', `not valid JSON: ${problem?.message ?? (e as Error).message}`, { file, ...at })]);
  }
}
