// A run's report in bounded memory: findings and activities go to temporary files as they arrive,
// with counters for the summary; once the run is over, any report format reads them back as a
// ReportSource. Memory holds counters, one finding for each rule and list of provisions cited (for
// the timeline), one entry a file with findings, and for each finding its record id and where its
// line is (about 100 bytes a finding).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ActivitySummary, EvidenceLevel, Finding, FindingOutcome, RecordSet, Report, RuleSet } from '../types.js';
import { buildReport } from './build-report.js';
import type { LineStore, RecordEntry, ReportSource } from './report-source.js';
import { SpoolFile } from './spool-file.js';

export interface SpooledReportInput {
  rules: RuleSet;
  /** Sources, cases and the count of records skipped (the records themselves went to addRecord). */
  records: RecordSet;
  asOf?: string;
  /** Completes the report before it is written (the run manifest, say). */
  finish?(report: Report): void;
}

/** Every spool still on disk, removed on exit and on SIGINT or SIGTERM. */
const live = new Set<ReportSpool>();
let signalsHooked = false;

function removeAll(): void {
  for (const spool of [...live]) spool.discard();
}

/** On SIGINT or SIGTERM: remove the temporary files, then end as an interrupted run does (128 + the signal's number). */
function onSignal(signal: NodeJS.Signals): void {
  removeAll();
  // Another handler (the output file's) ends the process itself.
  if (process.listenerCount(signal) === 0) process.exit(signal === 'SIGINT' ? 130 : 143);
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  process.once('exit', removeAll);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

function unhookSignals(): void {
  if (live.size > 0 || !signalsHooked) return;
  signalsHooked = false;
  process.removeListener('exit', removeAll);
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
}

/** Where a record's findings are in the findings file: [start, length] pairs, in input order. */
type Places = number[];

const ID_PREFIX = '{"id":"';

/** The id of an activity's JSON line (its first member), read without parsing the rest. */
function leadingId(line: string): string {
  if (!line.startsWith(ID_PREFIX)) return (JSON.parse(line) as ActivitySummary).id;
  let end = ID_PREFIX.length;
  while (end < line.length && line[end] !== '"') end += line[end] === '\\' ? 2 : 1;
  return JSON.parse(line.slice(ID_PREFIX.length - 1, end + 1)) as string;
}

export class ReportSpool {
  /** The temporary folder (in TMPDIR), removed by discard(). */
  readonly dir: string;
  private readonly findingsFile: SpoolFile;
  private readonly activitiesFile: SpoolFile;
  private readonly summary: Record<FindingOutcome, number> = { violation: 0, review: 0, exempt: 0 };
  private readonly byEvidence: Record<EvidenceLevel, number> = { confirmed: 0, reported: 0, alleged: 0, speculative: 0 };
  /** A finding for each rule id and list of provisions: what the timeline reads. */
  private readonly cited = new Map<string, Finding>();
  private readonly byRecord = new Map<string, Places>();
  private records = 0;
  private findingCount = 0;
  /** Files of lines put aside while writing (JUnit's test cases by rule). */
  private readonly scratchFiles: SpoolFile[] = [];
  private discarded = false;

  constructor() {
    // The handlers first: a signal that comes once the folder exists is then always handled (after
    // this constructor, which it cannot interrupt), never the default end that would leave it behind.
    hookSignals();
    this.dir = mkdtempSync(path.join(tmpdir(), 'sanctions-check-report-'));
    live.add(this);
    this.findingsFile = new SpoolFile(path.join(this.dir, 'findings'));
    this.activitiesFile = new SpoolFile(path.join(this.dir, 'activities'));
  }

  /** Findings in input order (file by file, line by line); they are reported sorted by file name. */
  addFindings(findings: readonly Finding[]): void {
    for (const f of findings) {
      this.summary[f.outcome]++;
      this.byEvidence[f.evidence]++;
      this.findingCount++;
      const key = `${f.ruleId}\0${JSON.stringify(f.provisions)}`;
      if (!this.cited.has(key)) this.cited.set(key, f);
      const line = JSON.stringify(f);
      const at = this.findingsFile.append(f.location.file, line);
      const places = this.byRecord.get(f.recordId);
      if (places) places.push(at, Buffer.byteLength(line));
      else this.byRecord.set(f.recordId, [at, Buffer.byteLength(line)]);
    }
  }

  /** A record's activity, as activityLine writes it (made on the thread that checked the record). */
  addActivity(line: string): void {
    this.records++;
    this.activitiesFile.append('', line);
  }

  /** The report to write, read from the temporary files (valid until discard()). */
  source(input: SpooledReportInput): ReportSource {
    const { finish, ...rest } = input;
    const report = buildReport({ ...rest, records: { ...input.records, records: [] }, findings: [...this.cited.values()] });
    report.records = this.records;
    report.summary = { ...this.summary };
    report.byEvidence = { ...this.byEvidence };
    report.findings = [];
    report.activities = [];
    finish?.(report);
    const findingsFile = this.findingsFile;
    const activitiesFile = this.activitiesFile;
    const byRecord = this.byRecord;
    const sorted = findingsFile.sortedSegments();
    activitiesFile.segments();
    const findingsOf = (id: string): Finding[] => {
      const places = byRecord.get(id);
      if (!places) return [];
      const list: Finding[] = [];
      for (let i = 0; i < places.length; i += 2) list.push(JSON.parse(findingsFile.lineAt(places[i]!, places[i + 1]!)) as Finding);
      // A record's findings by rule id, as the whole report sorts them (they share a location).
      return list.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    };
    const scratchFiles = this.scratchFiles;
    const dir = this.dir;
    return {
      report,
      scratch(): LineStore {
        const file = new SpoolFile(path.join(dir, `scratch-${scratchFiles.length}`));
        scratchFiles.push(file);
        return { append: (line) => void file.append('', line), lines: () => file.lines() };
      },
      findingCount: this.findingCount,
      recordsWithFindings: byRecord.size,
      *findings() {
        for (const line of findingsFile.lines(sorted)) yield JSON.parse(line) as Finding;
      },
      *records(): Generator<RecordEntry> {
        for (const line of activitiesFile.lines()) {
          const activity = JSON.parse(line) as ActivitySummary;
          yield { activity, findings: findingsOf(activity.id) };
        }
      },
      *activities(): Generator<ActivitySummary> {
        for (const line of activitiesFile.lines()) yield JSON.parse(line) as ActivitySummary;
      },
      findingLines: () => findingsFile.lines(sorted),
      activityLines: () => activitiesFile.lines(),
      *withFindings(): Generator<RecordEntry> {
        if (byRecord.size === 0) return;
        for (const line of activitiesFile.lines()) {
          if (!byRecord.has(leadingId(line))) continue;
          const activity = JSON.parse(line) as ActivitySummary;
          yield { activity, findings: findingsOf(activity.id) };
        }
      },
    };
  }

  /** Removes the temporary files (done after writing, on failure, and on exit or a signal). */
  discard(): void {
    if (this.discarded) return;
    this.discarded = true;
    live.delete(this);
    unhookSignals();
    for (const spool of [this.findingsFile, this.activitiesFile, ...this.scratchFiles]) {
      try {
        spool.close();
      } catch {
        /* closed already */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
