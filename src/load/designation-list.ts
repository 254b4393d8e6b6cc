// Reads a designation list (the UN 1718 list and vessels) shipped beside a rule set.
import { diagnostic } from '../diagnostics/diagnostic.js';
import { findJsonProblem, lineColumnAt } from './json-error.js';
import type { DesignationList, Diagnostic } from '../types.js';

const strings = (v: unknown): boolean => Array.isArray(v) && v.every((x) => typeof x === 'string');

export function parseDesignationList(text: string, file: string): { list?: DesignationList; diagnostics: Diagnostic[] } {
  const at = { file, line: 1, column: 1 };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const problem = findJsonProblem(text, 'file');
    if (!problem) return { diagnostics: [diagnostic('invalid-json', `not valid JSON: ${(e as Error).message}`, at)] };
    return {
      diagnostics: [diagnostic('invalid-json', `not valid JSON: ${problem.message}`, { file, ...lineColumnAt(text, problem.offset) })],
    };
  }
  const v = value as Partial<DesignationList>;
  const ok =
    v &&
    typeof v === 'object' &&
    typeof v.list === 'string' &&
    typeof v.date === 'string' &&
    (v.title === undefined || typeof v.title === 'string') &&
    (v.source === undefined || typeof v.source === 'string') &&
    Array.isArray(v.entries) &&
    v.entries.every((e) => e && typeof e.ref === 'string' && typeof e.name === 'string' && strings(e.aliases)) &&
    (v.vessels === undefined || (Array.isArray(v.vessels) && v.vessels.every((s) => s && typeof s.imo === 'string' && strings(s.names))));
  if (!ok) {
    return {
      diagnostics: [
        diagnostic('invalid-list', 'a designation list needs list, date, entries [{ref, name, aliases}] and vessels [{imo, names}]', at),
      ],
    };
  }
  return {
    list: { ...(v as DesignationList), title: v.title ?? v.list!, source: v.source ?? '', vessels: v.vessels ?? [] },
    diagnostics: [],
  };
}
