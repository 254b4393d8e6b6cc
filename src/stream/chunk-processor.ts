// Turns a chunk of NDJSON lines into what the run needs from it: each line parsed, validated and
// evaluated, in line order. The same function runs in the main thread and in worker threads, so
// the output does not depend on where a chunk was processed.
import { isUtf8 } from 'node:buffer';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { draftRecordDiagnostic } from '../diagnostics/draft-record.js';
import { activityLine } from '../evaluate/activity-summary.js';
import { createEvaluator, type Evaluator } from '../evaluate/evaluate-records.js';
import { createFastEvaluator } from '../evaluate/fast-evaluator.js';
import { rawRecordId, readNdjsonLine } from '../load/record-file.js';
import type { Diagnostic, Finding, LoadedRecord, RuleSet } from '../types.js';
import { decodePieces } from './decode-lines.js';
import { IdPacker, NO_IDS, type PackedIds } from '../load/packed-ids.js';
import { NO_SOURCES, validateRecord } from '../validate/validate-record.js';
import { recordScreener } from '../screen/screen-records.js';

export interface ChunkTask {
  /** The file's name as reports show it. */
  file: string;
  /** Line number of the chunk's first line. */
  firstLine: number;
  /** Whole lines of UTF-8 text (the last line of a file may lack its newline). */
  bytes: Uint8Array;
}

/** A line that is not a valid record, with why. */
export interface InvalidLine {
  line: number;
  diagnostics: Diagnostic[];
  /** The invalid record's id, checked for duplicates like a valid record's. */
  id?: string;
  /** A valid record that is refused (a draft without --include-drafts): an error even with skipInvalid. */
  refused?: true;
}

export interface ChunkResult {
  file: string;
  /** Ids and line numbers of the valid records, in line order. */
  ids: PackedIds;
  lines: number[];
  invalid: InvalidLine[];
  /** Findings in line order, then rule id. */
  findings: Finding[];
  /**
   * Records that meet rules, in line order, with the ids of the rules they meet, when the chunk was
   * processed with `deferEngine`: `complete` turns them into findings.
   */
  matches?: { loaded: LoadedRecord; rules: string[] }[];
  /** The valid records themselves, when the run keeps them for a whole report. */
  records?: LoadedRecord[];
  /** Each valid record's activity as a line of JSON, in line order, when the run asks for activities. */
  activities?: string[];
  /**
   * With activities: the few records the run still needs whole (drafts, and records that end after
   * `activities.after`), by their index among the valid records.
   */
  notable?: { at: number; loaded: LoadedRecord }[];
  /** Bytes of input the chunk covered, for progress. */
  bytes: number;
  /** The last result of its file. */
  end?: boolean;
}

export interface ChunkProcessorOptions {
  engine?: 'fast' | 'plain';
  /** Return the records with the results (for reports that list every record). */
  keepRecords?: boolean;
  /**
   * Return each record's activity line instead (for a report spooled to disk): the records stay in
   * the thread that read them, but for drafts and those that end after `after` (an --as-of day).
   */
  activities?: { after?: string };
  /**
   * Leave json-rules-engine to the thread that puts results in order: the result lists the records
   * that meet rules instead of their findings. Worker threads do this, so that the engine's code
   * (run for about one record in a hundred) is compiled by one thread only.
   */
  deferEngine?: boolean;
  /** Refuse records marked `status: draft` (each is an error, located on its line) instead of checking them. */
  refuseDrafts?: boolean;
  /** Screen each record's parties against the rule set's lists: review findings for names that resemble a listed one. */
  screening?: boolean;
}

/**
 * Puts a chunk's findings in line order, then rule id, keeping the order of findings of one rule
 * (the screening findings of a record, one a listed party). Sorting is needed only once screening
 * findings are among the rules' findings: each comes in that order already.
 */
export function orderChunkFindings(findings: Finding[]): void {
  findings.sort((a, b) => a.location.line - b.location.line || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** Finds the first byte of `bytes` where UTF-8 decoding fails (a column counts from 1). */
function firstInvalidByte(bytes: Uint8Array): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid + 1));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  while (lo > 0 && (bytes[lo]! & 0xc0) === 0x80) lo--;
  return lo;
}

/**
 * Splits the chunk into lines, in pieces decoded as they are reached; lines that are not UTF-8
 * come back as problems instead (undefined in their place).
 */
function splitLines(task: ChunkTask): { pieces: Iterable<(string | undefined)[]>; invalid: InvalidLine[] } {
  const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
  if (isUtf8(buf)) return { pieces: decodePieces(buf), invalid: [] };
  const lines: (string | undefined)[] = [];
  const invalid: InvalidLine[] = [];
  let start = 0;
  while (start <= buf.length) {
    let end = buf.indexOf(10, start);
    if (end === -1) end = buf.length;
    const bytes = buf.subarray(start, end);
    if (isUtf8(bytes)) lines.push(bytes.toString('utf8'));
    else {
      const line = task.firstLine + lines.length;
      const at = firstInvalidByte(bytes);
      const hex = bytes[at]!.toString(16).padStart(2, '0');
      invalid.push({
        line,
        diagnostics: [
          diagnostic('invalid-utf8', `byte 0x${hex} is not valid UTF-8; save the file as UTF-8`, { file: task.file, line, column: at + 1 }),
        ],
      });
      lines.push(undefined);
    }
    start = end + 1;
  }
  return { pieces: [lines], invalid };
}

/** Each line's record is parsed from that line alone: validation completes it in place. */
const OWNED = { owned: true } as const;

export interface ChunkProcessor {
  process(task: ChunkTask): Promise<ChunkResult>;
  /** Turns the matches of a result processed with `deferEngine` into its findings. */
  complete(result: ChunkResult): Promise<void>;
  /** The evaluator the chunks use, for records read otherwise (YAML and JSON files). */
  evaluator: Evaluator;
  /** Adds a record's screening findings to `out`, when the processor screens (records read otherwise). */
  screen: ((record: LoadedRecord, out: Finding[]) => void) | undefined;
}

/**
 * Builds the processor for a rule set. Chunks must be processed one at a time (json-rules-engine
 * engines are reused and a run must not overlap another on the same engine).
 */
export function createChunkProcessor(rules: RuleSet, opts: ChunkProcessorOptions = {}): ChunkProcessor {
  const plain = createEvaluator(rules);
  const fast = opts.engine === 'plain' ? undefined : createFastEvaluator(plain);
  const { activities } = opts;
  // The screener's index is built when a record first needs it.
  let screener: ((record: LoadedRecord, out: Finding[]) => void) | undefined;
  const screen = opts.screening ? (record: LoadedRecord, out: Finding[]) => (screener ??= recordScreener(rules))(record, out) : undefined;

  const process = async (task: ChunkTask): Promise<ChunkResult> => {
    const { pieces, invalid: undecodable } = splitLines(task);
    const ids = new IdPacker();
    const out: ChunkResult = { file: task.file, ids: NO_IDS, lines: [], invalid: [], findings: [], bytes: task.bytes.byteLength };
    if (opts.keepRecords) out.records = [];
    if (activities) out.activities = [];
    let u = 0;
    let screened = false;
    let lineNo = task.firstLine - 1;
    for (const lines of pieces) {
      for (let i = 0; i < lines.length; i++) {
        lineNo++;
        const text = lines[i];
        if (text === undefined) {
          out.invalid.push(undecodable[u++]!);
          continue;
        }
        const raw = readNdjsonLine(text, lineNo, task.file);
        if (raw === undefined) continue;
        if ('code' in raw) {
          out.invalid.push({ line: lineNo, diagnostics: [raw] });
          continue;
        }
        const { loaded, diagnostics } = validateRecord(raw, NO_SOURCES, OWNED);
        if (!loaded) {
          const id = rawRecordId(raw);
          out.invalid.push(id === undefined ? { line: lineNo, diagnostics } : { line: lineNo, diagnostics, id });
          continue;
        }
        if (loaded.record.status === 'draft' && opts.refuseDrafts) {
          out.invalid.push({
            line: lineNo,
            diagnostics: [draftRecordDiagnostic(loaded.record.id, loaded.location)],
            id: loaded.record.id,
            refused: true,
          });
          continue;
        }
        ids.push(loaded.record.id);
        out.lines.push(lineNo);
        out.records?.push(loaded);
        if (activities) {
          if (loaded.record.status === 'draft' || (activities.after !== undefined && loaded.span.end > activities.after))
            (out.notable ??= []).push({ at: out.activities!.length, loaded });
          out.activities!.push(activityLine(loaded));
        }
        // The fast path decides synchronously; most records meet no rule and cost no promise.
        const matched = fast ? fast.match(loaded) : undefined;
        if (matched === undefined || matched.length > 0) {
          if (matched && opts.deferEngine) (out.matches ??= []).push({ loaded, rules: matched.map((rule) => rule.loaded.rule.id) });
          else {
            const findings = matched ? await plain.evaluateRules(loaded, matched) : await plain.evaluate(loaded);
            for (const finding of findings) out.findings.push(finding);
          }
        }
        if (screen) {
          const before = out.findings.length;
          screen(loaded, out.findings);
          screened ||= out.findings.length > before;
        }
      }
    }
    out.ids = ids.finish();
    if (screened) orderChunkFindings(out.findings);
    return out;
  };

  const byId = new Map(plain.rules.map((c) => [c.loaded.rule.id, c]));
  const complete = async (result: ChunkResult): Promise<void> => {
    if (!result.matches) return;
    const mixed = result.findings.length > 0;
    for (const { loaded, rules: ids } of result.matches) {
      const findings = await plain.evaluateRules(
        loaded,
        ids.map((id) => byId.get(id)!),
      );
      for (const finding of findings) result.findings.push(finding);
    }
    result.matches = undefined;
    // screening findings came first, from the thread that processed the chunk
    if (mixed) orderChunkFindings(result.findings);
  };

  return { process, complete, evaluator: fast ?? plain, screen };
}
