// Reads screening queries from a CSV file with a header row or from NDJSON, with file:line:column for every problem.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { findJsonProblem, lineColumnAt } from '../load/json-error.js';
import type { Diagnostic } from '../types.js';
import type { ScreenKind } from './name-forms.js';
import type { ScreenQuery } from './screener.js';
import { csvRows } from '../load/csv-rows.js';

const KINDS: readonly ScreenKind[] = ['person', 'organisation', 'vessel'];
const FIELDS = ['id', 'name', 'kind', 'country', 'born', 'imo'] as const;

export interface ParsedQueries {
  queries: ScreenQuery[];
  diagnostics: Diagnostic[];
}

function toQuery(
  fields: Record<string, unknown>,
  n: number,
  at: { file: string; line: number; column: number },
  problems: Diagnostic[],
): ScreenQuery | undefined {
  for (const [k, v] of Object.entries(fields)) {
    if (!(FIELDS as readonly string[]).includes(k)) {
      problems.push(diagnostic('unknown-field', `unknown field "${k}": a query has ${FIELDS.join(', ')}`, at));
      return undefined;
    }
    if (v !== undefined && v !== null && typeof v !== 'string' && !(typeof v === 'number' && (k === 'born' || k === 'imo' || k === 'id'))) {
      problems.push(diagnostic('invalid-field', `"${k}" must be a string`, at));
      return undefined;
    }
  }
  const str = (k: string): string | undefined => {
    const v = fields[k];
    return v === undefined || v === null || String(v).trim() === '' ? undefined : String(v).trim();
  };
  const name = str('name');
  const imo = str('imo');
  if (name === undefined && imo === undefined) {
    problems.push(diagnostic('missing-name', 'a query needs a "name" (or an "imo")', at));
    return undefined;
  }
  const kind = str('kind');
  if (kind !== undefined && !(KINDS as readonly string[]).includes(kind)) {
    problems.push(diagnostic('invalid-kind', `"kind" must be one of ${KINDS.join(', ')}; got "${kind}"`, at));
    return undefined;
  }
  const born = str('born');
  if (born !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(born)) {
    problems.push(diagnostic('invalid-born', `"born" must be YYYY or YYYY-MM-DD; got "${born}"`, at));
    return undefined;
  }
  const country = str('country');
  return {
    id: str('id') ?? String(n),
    name: name ?? '',
    ...(kind ? { kind: kind as ScreenKind } : {}),
    ...(country ? { country } : {}),
    ...(born ? { born } : {}),
    ...(imo ? { imo } : {}),
  };
}

function parseNdjson(text: string, file: string): ParsedQueries {
  const queries: ScreenQuery[] = [];
  const problems: Diagnostic[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const at = { file, line: i + 1, column: 1 };
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      const problem = findJsonProblem(line, 'line');
      const message = problem?.message ?? (e as Error).message.split('\n')[0];
      problems.push(
        diagnostic('invalid-json', `not valid JSON: ${message}`, {
          ...at,
          column: problem ? lineColumnAt(line, problem.offset).column : 1,
        }),
      );
      return;
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) {
      problems.push(diagnostic('invalid-query', 'each line must be a JSON object', at));
      return;
    }
    const q = toQuery(v as Record<string, unknown>, queries.length + 1, at, problems);
    if (q) queries.push(q);
  });
  return { queries, diagnostics: problems };
}

function parseCsv(text: string, file: string): ParsedQueries {
  const problems: Diagnostic[] = [];
  const rows = csvRows(text, file, problems);
  if (problems.length) return { queries: [], diagnostics: problems };
  const [header, ...body] = rows;
  if (!header) return { queries: [], diagnostics: [diagnostic('invalid-csv', 'no header row', { file, line: 1, column: 1 })] };
  const names = header.cells.map((h) => h.trim().toLowerCase());
  let column = 1;
  for (const h of names) {
    if (!(FIELDS as readonly string[]).includes(h)) {
      return {
        queries: [],
        diagnostics: [
          diagnostic('invalid-csv', `unknown column "${h}": the header may name ${FIELDS.join(', ')}`, { file, line: header.line, column }),
        ],
      };
    }
    column += h.length + 1;
  }
  if (!names.includes('name') && !names.includes('imo')) {
    return {
      queries: [],
      diagnostics: [diagnostic('invalid-csv', 'the header needs a "name" column', { file, line: header.line, column: 1 })],
    };
  }
  const queries: ScreenQuery[] = [];
  for (const row of body) {
    const at = { file, line: row.line, column: 1 };
    if (row.cells.length !== names.length) {
      problems.push(diagnostic('invalid-csv', `this row has ${row.cells.length} fields, the header ${names.length}`, at));
      continue;
    }
    const q = toQuery(Object.fromEntries(names.map((h, i) => [h, row.cells[i]])), queries.length + 1, at, problems);
    if (q) queries.push(q);
  }
  return { queries, diagnostics: problems };
}

/** NDJSON when the first non-blank character is "{", CSV otherwise. */
export function parseQueries(text: string, file: string): ParsedQueries {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return body.trimStart().startsWith('{') ? parseNdjson(body, file) : parseCsv(body, file);
}
