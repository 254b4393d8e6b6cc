// Reads a dispositions file (YAML or JSON): every entry validated, every problem located.
import { diagnostic, sortDiagnostics } from '../diagnostics/diagnostic.js';
import { InputError } from '../diagnostics/input-error.js';
import { isDay } from '../dates/date-span.js';
import { displayPath } from '../load/input-paths.js';
import { STRUCTURED_LIMIT, readTextFile } from '../load/text-file.js';
import { parseYaml, type PathKey } from '../load/yaml-document.js';
import { checkSchema } from '../validate/schema-check.js';
import type { Diagnostic, Disposition } from '../types.js';
import { dispositionSchema, dispositionsEnvelopeSchema } from './dispositions-schema.js';

/** Parses the text of a dispositions file: a list of entries, or a mapping with `dispositions:`. */
export function parseDispositions(text: string, file: string): { dispositions: Disposition[]; diagnostics: Diagnostic[] } {
  const doc = parseYaml(text, file);
  const diagnostics = [...doc.diagnostics];
  const dispositions: Disposition[] = [];
  if (doc.value === undefined) return { dispositions, diagnostics };
  let list: unknown = doc.value;
  let base: PathKey[] = [];
  if (list !== null && typeof list === 'object' && !Array.isArray(list)) {
    const env = checkSchema(dispositionsEnvelopeSchema, list, [], doc.locate, 'a dispositions file');
    diagnostics.push(...env);
    list = (list as { dispositions?: unknown }).dispositions;
    base = ['dispositions'];
    if (env.length) return { dispositions, diagnostics: sortDiagnostics(diagnostics) };
  }
  if (!Array.isArray(list)) {
    diagnostics.push(
      diagnostic('invalid-type', 'a dispositions file holds a list of dispositions, or a mapping with `dispositions:`', doc.locate([])),
    );
    return { dispositions, diagnostics };
  }
  const seen = new Map<string, string>();
  list.forEach((value: unknown, i) => {
    const at = [...base, i];
    const problems = checkSchema(dispositionSchema, value, at, doc.locate, 'a disposition');
    // A day of the right shape may still not exist (2024-02-30): said even beside other problems.
    for (const k of ['decidedOn', 'expires'] as const) {
      const v = value && typeof value === 'object' ? (value as Record<string, unknown>)[k] : undefined;
      if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !isDay(v))
        problems.push(diagnostic('invalid-date', `"${v}" is not a real day`, doc.locate([...at, k])));
    }
    if (problems.length) {
      diagnostics.push(...problems);
      return;
    }
    const d = value as Omit<Disposition, 'location'>;
    const location = doc.locate(at);
    if (d.fingerprint === undefined && (d.record === undefined || d.rule === undefined)) {
      diagnostics.push(
        diagnostic('disposition-target', 'a disposition names the finding by `fingerprint`, or by `record` and `rule`', location),
      );
      return;
    }
    if (d.fingerprint !== undefined && (d.record !== undefined || d.rule !== undefined)) {
      diagnostics.push(
        diagnostic(
          'disposition-target',
          'a disposition names the finding by `fingerprint` or by `record` and `rule`, not both',
          doc.locate([...at, 'fingerprint'], { key: true }),
        ),
      );
      return;
    }
    if (d.expires !== undefined && isDay(d.expires) && isDay(d.decidedOn) && d.expires < d.decidedOn) {
      diagnostics.push(
        diagnostic('invalid-date', `expires ${d.expires} is before decidedOn ${d.decidedOn}`, doc.locate([...at, 'expires'])),
      );
    }
    const key = d.fingerprint ?? `${d.record}\u0000${d.rule}`;
    const first = seen.get(key);
    if (first !== undefined) {
      diagnostics.push(diagnostic('duplicate-disposition', `this finding already has a disposition at ${first}`, location));
      return;
    }
    seen.set(key, `${location.file}:${location.line}`);
    dispositions.push({ ...d, location });
  });
  return { dispositions, diagnostics: sortDiagnostics(diagnostics) };
}

/** Reads and parses a dispositions file, throwing InputError with every problem. */
export function loadDispositions(file: string): Disposition[] {
  const shown = displayPath(file);
  const { text, diagnostics } = readTextFile(file, shown, STRUCTURED_LIMIT);
  if (text === undefined) throw new InputError(diagnostics);
  const r = parseDispositions(text, shown);
  const all = [...diagnostics, ...r.diagnostics];
  if (all.some((d) => d.severity === 'error')) throw new InputError(all);
  return r.dispositions;
}
