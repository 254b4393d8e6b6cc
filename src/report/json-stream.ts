// The JSON report in bounded memory: findings and activities are spooled to a temporary file as
// they arrive (with counters for the summary), then written out around the rest of the report,
// byte for byte as renderJson writes the whole report.
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { TextSink } from '../stream/text-sink.js';
import type { EvidenceLevel, Finding, FindingOutcome, LoadedRecord, RecordSet, Report, RuleSet } from '../types.js';
import { activity, buildReport } from './build-report.js';
import { renderJson } from './json.js';

/** Text is written to a spool file in pieces of about this many characters. */
const FLUSH_CHARS = 1 << 20;
/** An element of a top-level array of the report, as JSON.stringify(report, null, 2) indents it. */
const element = (value: unknown): string => ',\n    ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');

/** An append-only temporary file, in segments that can be copied out in another order. */
class Spool {
  private readonly fd: number;
  private text = '';
  private bytes = 0;
  /** Segments: byte ranges, each with a key (the file a finding belongs to). */
  readonly segments: { key: string; start: number; end: number }[] = [];

  constructor(readonly file: string) {
    this.fd = openSync(file, 'w+', 0o600);
  }

  private flush(): void {
    if (this.text.length === 0) return;
    this.bytes += writeSync(this.fd, this.text);
    this.text = '';
  }

  /** Appends text to the segment of `key`; a new segment starts when the key changes. */
  append(key: string, s: string): void {
    const last = this.segments.at(-1);
    if (!last || last.key !== key) {
      this.flush();
      if (last) last.end = this.bytes;
      this.segments.push({ key, start: this.bytes, end: -1 });
    }
    this.text += s;
    if (this.text.length >= FLUSH_CHARS) this.flush();
  }

  /** Ends writing: every segment's end is known. */
  seal(): void {
    this.flush();
    const last = this.segments.at(-1);
    if (last) last.end = this.bytes;
  }

  /** Copies bytes [start, end) to the sink, `skip` bytes fewer at the start. */
  async copy(sink: TextSink, start: number, end: number): Promise<void> {
    const buffer = Buffer.allocUnsafe(FLUSH_CHARS);
    const decoder = new StringDecoder('utf8');
    for (let at = start; at < end; ) {
      const n = readSync(this.fd, buffer, 0, Math.min(buffer.length, end - at), at);
      if (n === 0) throw new Error(`the report's temporary file ${this.file} ended early`);
      at += n;
      sink.write(decoder.write(buffer.subarray(0, n)));
      await sink.drained();
    }
    sink.write(decoder.end());
  }

  close(): void {
    closeSync(this.fd);
  }
}

export interface SpooledReportInput {
  rules: RuleSet;
  /** Sources, cases and the count of records skipped (the records themselves went to addRecord). */
  records: RecordSet;
  asOf?: string;
  /** Completes the report before it is written (the run manifest, say). */
  finish?(report: Report): void;
}

/**
 * Collects a JSON report without holding its findings or activities: memory holds counters, one
 * finding for each distinct rule and list of provisions (for the timeline), and the temporary
 * file's segment table (one entry each time the findings move to another file).
 */
export class JsonReportSpool {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'sanctions-check-json-'));
  private readonly findings = new Spool(path.join(this.dir, 'findings'));
  private readonly activities = new Spool(path.join(this.dir, 'activities'));
  private readonly summary: Record<FindingOutcome, number> = { violation: 0, review: 0, exempt: 0 };
  private readonly byEvidence: Record<EvidenceLevel, number> = { confirmed: 0, reported: 0, alleged: 0, speculative: 0 };
  /** A finding for each rule id and list of provisions: what the timeline reads. */
  private readonly cited = new Map<string, Finding>();
  private records = 0;
  private discarded = false;
  private readonly cleanup = (): void => this.discard();

  constructor() {
    process.once('exit', this.cleanup);
  }

  /** Findings in input order (file by file, line by line); they are reported sorted by file name. */
  addFindings(findings: readonly Finding[]): void {
    for (const f of findings) {
      this.summary[f.outcome]++;
      this.byEvidence[f.evidence]++;
      const key = `${f.ruleId}\0${JSON.stringify(f.provisions)}`;
      if (!this.cited.has(key)) this.cited.set(key, f);
      this.findings.append(f.location.file, element(f));
    }
  }

  addRecord(record: LoadedRecord): void {
    this.records++;
    this.activities.append('', element(activity(record)));
  }

  /** Writes the report to the sink and closes it; the temporary files are removed. */
  async writeTo(sink: TextSink, input: SpooledReportInput): Promise<void> {
    try {
      const { finish, ...rest } = input;
      const report = buildReport({ ...rest, records: { ...input.records, records: [] }, findings: [...this.cited.values()] });
      report.records = this.records;
      report.summary = { ...this.summary };
      report.byEvidence = { ...this.byEvidence };
      report.findings = [];
      report.activities = [];
      finish?.(report);
      const [head, middle, tail] = splitAt(renderJson(report), '\n  "findings": []', '\n  "activities": []');
      this.findings.seal();
      this.activities.seal();
      // Findings are sorted by file name as the whole report sorts them (stable: a file's own order stays).
      const segments = [...this.findings.segments].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      sink.write(head + '\n  "findings": ');
      await this.array(sink, this.findings, segments);
      sink.write(middle + '\n  "activities": ');
      await this.array(sink, this.activities, this.activities.segments);
      sink.write(tail);
      await sink.close();
    } catch (e) {
      sink.abort();
      throw e;
    } finally {
      this.discard();
    }
  }

  /** `[]`, or the elements of the segments with their first comma left out, as JSON.stringify indents them. */
  private async array(sink: TextSink, spool: Spool, segments: readonly { start: number; end: number }[]): Promise<void> {
    const parts = segments.filter((s) => s.end > s.start);
    if (parts.length === 0) {
      sink.write('[]');
      return;
    }
    sink.write('[');
    for (const [i, s] of parts.entries()) await spool.copy(sink, i === 0 ? s.start + 1 : s.start, s.end);
    sink.write('\n  ]');
  }

  /** Removes the temporary files (done after writing, and on failure). */
  discard(): void {
    if (this.discarded) return;
    this.discarded = true;
    process.removeListener('exit', this.cleanup);
    for (const spool of [this.findings, this.activities]) {
      try {
        spool.close();
      } catch {
        /* closed already */
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Splits `text` around two markers (each must occur exactly once, in this order). */
function splitAt(text: string, first: string, second: string): [string, string, string] {
  const a = text.indexOf(first);
  const b = text.indexOf(second);
  if (a === -1 || b < a || text.indexOf(first, a + 1) !== -1 || text.indexOf(second, b + 1) !== -1) {
    throw new Error("the JSON report's layout changed: its findings and activities were not found");
  }
  return [text.slice(0, a), text.slice(a + first.length, b), text.slice(b + second.length)];
}
