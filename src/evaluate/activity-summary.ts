// What a report lists about each record checked (its activity), made where the record is checked.
import type { ActivitySummary, LoadedRecord } from '../types.js';

/** A record as the report's activity list shows it. */
export function activity(r: LoadedRecord): ActivitySummary {
  const { record } = r;
  return {
    id: record.id,
    type: record.type,
    ...(record.summary !== undefined ? { summary: record.summary } : {}),
    date: r.span,
    evidence: record.evidence.level,
    location: r.location,
    parties: (record.parties ?? []).map((p) => ({
      name: p.name,
      ...(p.country !== undefined ? { country: p.country } : {}),
      ...(p.role !== undefined ? { role: p.role } : {}),
    })),
    ...(record.status === 'draft' ? { draft: true as const } : {}),
  };
}

/** The activity as one line of compact JSON (what a report spooled to disk keeps of each record). */
export function activityLine(r: LoadedRecord): string {
  return JSON.stringify(activity(r));
}
