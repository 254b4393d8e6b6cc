// Turns drafted records into a records file (YAML), and checks it with the record validator and
// every quote against the article before it is written.
import { stringify } from 'yaml';
import { parseRecordFile } from '../load/record-file.js';
import { validateRecord } from '../validate/validate-record.js';
import type { Diagnostic, Source } from '../types.js';
import type { DraftedFile } from './draft-records.js';

const HEADER = `# Draft records made by \`sanctions-check draft\`. Every record has status: draft, and
# \`check\` refuses it until an analyst has reviewed it (or --include-drafts is given).
# Each record's \`draft\` note lists what could not be determined and the rules that fired;
# each quote's start and end are offsets into the article, in UTF-16 code units.
`;

/** The problems the record validator finds in a drafted file's text (none, when the drafter works). */
export function validateDraftText(yamlText: string, file: string): Diagnostic[] {
  const parsed = parseRecordFile(yamlText, file);
  const sources = new Map<string, Source>(parsed.sources.map((s) => [s.value.id!, s.value]));
  const problems = [...parsed.diagnostics];
  for (const raw of parsed.records) problems.push(...validateRecord(raw, sources).diagnostics);
  return problems;
}

/** Quotes that are not at their offsets in the article (none, when the drafter works). */
export function misplacedQuotes(drafted: DraftedFile, article: string): string[] {
  const bad: string[] = [];
  for (const r of drafted.records) {
    for (const s of r.evidence.sources ?? []) {
      if (s.quote === undefined || s.start === undefined || s.end === undefined || article.slice(s.start, s.end) !== s.quote)
        bad.push(r.id);
    }
  }
  return bad;
}

/** The YAML text of a drafted records file. */
export function renderDrafts(drafted: DraftedFile): string {
  return (
    HEADER +
    stringify(
      { case: drafted.case, sources: drafted.sources, records: drafted.records },
      { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' },
    )
  );
}
