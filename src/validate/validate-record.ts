// Checks one raw record against the record schema and the rules no schema can state.
import { toDateSpan } from '../dates/date-span.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { LocatedValue } from '../diagnostics/locate.js';
import type { ActivityRecord, Diagnostic, LoadedRecord, Source, SourceCitation } from '../types.js';
import { checkSchema } from './schema-check.js';
import { recordSchema } from './schemas.js';

/** Validates a raw record; returns it loaded (sources resolved) or the problems found. */
export function validateRecord(
  raw: LocatedValue,
  sources: ReadonlyMap<string, Source>,
): { loaded?: LoadedRecord; diagnostics: Diagnostic[] } {
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
        diagnostic('unknown-source', `source '${c.ref}' is not defined under \`sources:\` in this file`, raw.locate([...raw.path, 'evidence', 'sources', i, 'ref'])),
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
