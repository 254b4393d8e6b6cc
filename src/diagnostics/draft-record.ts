// The problem of a draft record (status: draft) met by a check run without --include-drafts.
import { diagnostic } from './diagnostic.js';
import type { Diagnostic, SourceLocation } from './diagnostic-types.js';

export const DRAFT_ADVICE =
  'review it and set `status: reviewed` (or remove `status`), or pass --include-drafts to check drafts as they are';

export function draftRecordDiagnostic(id: string, location: SourceLocation): Diagnostic {
  return diagnostic('draft-record', `record '${id}' is a draft (status: draft): ${DRAFT_ADVICE}`, location);
}
