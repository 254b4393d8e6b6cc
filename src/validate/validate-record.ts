// Checks one raw record against the record schema and the rules no schema can state: the one record validator, for files read whole and NDJSON lines alike.
import { toDateSpan } from '../dates/date-span.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { LocatedValue } from '../diagnostics/locate.js';
import type { ActivityRecord, Diagnostic, LoadedRecord, Source, SourceCitation } from '../types.js';
import { quickRecordCheck, spanOf } from './quick-record-check.js';
import { checkSchema } from './schema-check.js';
import { recordSchema } from './schemas.js';

export type RecordCheck = { loaded?: LoadedRecord; diagnostics: Diagnostic[] };

/** No `sources:` list: the case of an NDJSON line. */
export const NO_SOURCES: ReadonlyMap<string, Source> = new Map();

export interface ValidateRecordOptions {
  /**
   * The raw value is the caller's own (parsed from one NDJSON line, used by nothing else): a valid
   * record is completed in place instead of copied. The result is the same.
   */
  owned?: boolean;
}

/**
 * Validates a raw record; returns it loaded (sources resolved) or the problems found. The quick
 * check (quick-record-check.ts) passes most valid records without locating anything; a record it
 * rejects, or one that cites a source by reference, goes through the located check.
 */
export function validateRecord(raw: LocatedValue, sources: ReadonlyMap<string, Source>, opts?: ValidateRecordOptions): RecordCheck {
  if (quickRecordCheck(raw.value) !== true) return validateLocated(raw, sources);
  const record = raw.value as ActivityRecord;
  const span = spanOf(record.date);
  const citations = record.evidence.sources ?? [];
  // A date range that runs backwards, or a citation by reference: the located check says what is wrong or resolves it.
  if (!span || citations.some((c) => c.ref !== undefined)) return validateLocated(raw, sources);
  if (!opts?.owned)
    return {
      loaded: { record: { ...record, evidence: { ...record.evidence, sources: [...citations] } }, span, location: raw.location },
      diagnostics: [],
    };
  // Completed in place, its keys in the order the copy has them.
  if (record.evidence.sources === undefined) record.evidence.sources = citations;
  return { loaded: { record, span, location: raw.location }, diagnostics: [] };
}

/** The located check alone: every problem with its position; the plain twin of the quick path above. */
export function validateLocated(raw: LocatedValue, sources: ReadonlyMap<string, Source>): RecordCheck {
  const diagnostics = checkSchema(recordSchema, raw.value, raw.path, raw.locate, 'a record');
  if (diagnostics.length > 0) return { diagnostics };
  const record = raw.value as ActivityRecord;
  const span = toDateSpan(record.date);
  if (!span) {
    diagnostics.push(diagnostic('invalid-date', 'the range ends before it starts', raw.locate([...raw.path, 'date'])));
  }
  const citations: SourceCitation[] = [];
  (record.evidence.sources ?? []).forEach((c, i) => {
    if (c.ref === undefined) return citations.push(c);
    const src = sources.get(c.ref);
    if (!src) {
      diagnostics.push(
        diagnostic(
          'unknown-source',
          `source '${c.ref}' is not defined under \`sources:\` in this file`,
          raw.locate([...raw.path, 'evidence', 'sources', i, 'ref']),
        ),
      );
      return;
    }
    const { id: _id, ...fields } = src;
    citations.push({ ...fields, ...c });
  });
  if (diagnostics.length > 0 || !span) return { diagnostics };
  const resolved: ActivityRecord = { ...record, evidence: { ...record.evidence, sources: citations } };
  return { loaded: { record: resolved, span, location: raw.location }, diagnostics };
}
