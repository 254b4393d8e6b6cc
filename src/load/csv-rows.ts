// RFC 4180 CSV (commas, double quotes, CRLF or LF) read into rows that remember the line they start on.
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../types.js';

/** RFC 4180 rows, each with the line and column it starts on. */
export function csvRows(text: string, file: string, problems: Diagnostic[]): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let col = 1;
  let rowLine = 1;
  let quoteAt = { line: 1, column: 1 };
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ cells, line: rowLine });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
        col += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else cell += c;
      if (c === '\n') {
        line++;
        col = 1;
      } else col++;
      continue;
    }
    if (c === '"' && cell === '') {
      quoted = true;
      quoteAt = { line, column: col };
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      col = 0;
      rowLine = line;
    } else cell += c;
    col++;
  }
  if (quoted) problems.push(diagnostic('invalid-csv', 'a quoted field is not closed', { file, ...quoteAt }));
  else if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
