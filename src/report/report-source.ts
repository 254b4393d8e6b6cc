// What a report format reads: the report's head (counters, rules, cases, timeline, manifest) and its
// findings and activities as sequences, from a whole report in memory or from a run's spool files.
import type { ActivitySummary, Finding, Report } from '../types.js';

/** One activity with its findings, in report order. */
export interface RecordEntry {
  activity: ActivitySummary;
  findings: Finding[];
}

/** Which activities the HTML and markdown reports list: every one, or those with findings (the rest counted). */
export type ActivityListing = 'all' | 'findings';

/** Up to this many records, the HTML and markdown reports list every activity unless told otherwise. */
export const LIST_ALL_UP_TO = 1000;

/** Lines put aside while a report is written, read back in the order added (no line may hold a newline). */
export interface LineStore {
  append(line: string): void;
  lines(): Iterable<string>;
}

export interface ReportSource {
  /** The report; its `findings` and `activities` may be empty: read them through the methods. */
  readonly report: Report;
  readonly findingCount: number;
  /** How many activities have a finding. */
  readonly recordsWithFindings: number;
  /** The findings, in report order (by file name, then line). */
  findings(): Iterable<Finding>;
  /** Every activity in report order, each with its findings. */
  records(): Iterable<RecordEntry>;
  /** Every activity, in report order. */
  activities(): Iterable<ActivitySummary>;
  /** The findings and the activities as compact JSON lines (as JSON.stringify writes them), when the source keeps them so. */
  findingLines?(): Iterable<string>;
  activityLines?(): Iterable<string>;
  /** The activities that have findings, in report order. */
  withFindings(): Iterable<RecordEntry>;
  /** A new store for lines put aside while writing: in memory for a report in memory, else a temporary file. */
  scratch(): LineStore;
}

/** The listing asked for, or the default: every activity up to LIST_ALL_UP_TO records. */
export function listingFor(records: number, asked?: ActivityListing): ActivityListing {
  return asked ?? (records <= LIST_ALL_UP_TO ? 'all' : 'findings');
}

/** A whole report in memory as a source. */
export function memorySource(report: Report): ReportSource {
  const ids = new Set(report.activities.map((a) => a.id));
  return {
    report,
    findingCount: report.findings.length,
    recordsWithFindings: new Set(report.findings.map((f) => f.recordId).filter((id) => ids.has(id))).size,
    findings: () => report.findings,
    *records() {
      const byRecord = new Map<string, Finding[]>();
      for (const f of report.findings) {
        const list = byRecord.get(f.recordId);
        if (list) list.push(f);
        else byRecord.set(f.recordId, [f]);
      }
      for (const activity of report.activities) yield { activity, findings: byRecord.get(activity.id) ?? [] };
    },
    activities: () => report.activities,
    scratch: () => {
      const lines: string[] = [];
      return { append: (line) => void lines.push(line), lines: () => lines };
    },
    *withFindings() {
      for (const entry of this.records()) if (entry.findings.length > 0) yield entry;
    },
  };
}
