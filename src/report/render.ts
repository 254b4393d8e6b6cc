// Renders a report in the format asked for: whole, as a string, or in pieces from a report source.
import type { Report } from '../types.js';
import type { TextSink } from '../stream/text-sink.js';
import { htmlParts } from './html.js';
import { renderJson } from './json.js';
import { jsonParts } from './json-stream.js';
import { junitParts } from './junit.js';
import type { FailOn } from './outcome-rank.js';
import { markdownParts } from './markdown.js';
import { memorySource, type ActivityListing, type ReportSource } from './report-source.js';
import { sarifParts } from './sarif.js';
import { textParts } from './text.js';

export const FORMATS = ['text', 'json', 'markdown', 'html', 'sarif', 'junit'] as const;
export type Format = (typeof FORMATS)[number];
/** The formats written in pieces from a report source. */
export const STREAMED_FORMATS = ['text', 'json', 'markdown', 'html', 'sarif', 'junit'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  failOn?: FailOn;
  /** With a baseline: only new findings fail (JUnit failures follow the exit code). */
  failOnNew?: boolean;
  /** Which activities the HTML and markdown reports list (default: all up to LIST_ALL_UP_TO records, else those with findings). */
  activities?: ActivityListing;
}

export function renderReport(report: Report, format: Format, opts: RenderOptions = {}): string {
  if (format === 'json') return renderJson(report);
  return [...reportParts(memorySource(report), format, opts)].join('');
}

/** The report in pieces, in the format asked for. */
export function reportParts(source: ReportSource, format: StreamedFormat, opts: RenderOptions = {}): Iterable<string> {
  const activities = opts.activities ? { activities: opts.activities } : {};
  switch (format) {
    case 'text':
      return textParts(source, { color: opts.color ?? false });
    case 'json':
      return jsonParts(source);
    case 'markdown':
      return markdownParts(source, activities);
    case 'html':
      return htmlParts(source, activities);
    case 'sarif':
      return sarifParts(source);
    case 'junit':
      return junitParts(source, opts.failOn ?? 'violation', { onlyNew: opts.failOnNew ?? false });
  }
}

/** Pieces gathered to about this many characters before they go to the sink. */
const BATCH = 1 << 16;

/** Writes the pieces to the sink, waiting whenever it pushes back, and closes it; on failure the sink is given up. */
export async function writeParts(sink: TextSink, parts: Iterable<string>): Promise<void> {
  try {
    let batch = '';
    for (const part of parts) {
      batch += part;
      if (batch.length < BATCH) continue;
      sink.write(batch);
      batch = '';
      await sink.drained();
    }
    if (batch) sink.write(batch);
    await sink.close();
  } catch (e) {
    sink.abort();
    throw e;
  }
}
