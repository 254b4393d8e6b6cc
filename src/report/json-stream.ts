// The JSON report in pieces, from a report source: the report around its findings and activities,
// then each element as JSON.stringify(report, null, 2) indents it, byte for byte as renderJson.
import { indentCompactJson } from './json-indent.js';
import { renderJson } from './json.js';
import type { ReportSource } from './report-source.js';

/** An element of a top-level array of the report, as JSON.stringify(report, null, 2) indents it. */
const element = (value: unknown): string => '\n    ' + JSON.stringify(value, null, 2).replace(/\n/g, '\n    ');

/** The same element, from its compact JSON line. */
const lineElement = (line: string): string => '\n    ' + indentCompactJson(line, '    ');

/** `[]`, or the elements in pieces, as JSON.stringify indents a top-level array. */
function* array<T>(values: Iterable<T>, write: (value: T) => string): Generator<string> {
  let first = true;
  for (const value of values) {
    yield (first ? '[' : ',') + write(value);
    first = false;
  }
  yield first ? '[]' : '\n  ]';
}

export function* jsonParts(source: ReportSource): Generator<string> {
  const report = { ...source.report, findings: [], activities: [] };
  const [head, middle, tail] = splitAt(renderJson(report), '\n  "findings": []', '\n  "activities": []');
  yield head + '\n  "findings": ';
  yield* source.findingLines ? array(source.findingLines(), lineElement) : array(source.findings(), element);
  yield middle + '\n  "activities": ';
  yield* source.activityLines ? array(source.activityLines(), lineElement) : array(source.activities(), element);
  yield tail;
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
