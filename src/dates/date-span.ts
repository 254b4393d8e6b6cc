// Dates of any precision (day, month, year, range) and the span of days each covers.
import type { DateSpan } from '../types.js';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The earliest year a date may have: "0999" is refused, with a message naming this floor. */
export const MIN_YEAR = 1000;

/** True for text shaped like a date ("0999", "0999-05") whose year is before MIN_YEAR. */
export function beforeMinYear(text: unknown): boolean {
  return typeof text === 'string' && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(text) && Number(text.slice(0, 4)) < MIN_YEAR;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1]!;
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

interface Bounds {
  start: string;
  end: string;
  precision: 'day' | 'month' | 'year';
}

/** Parses "2023", "2023-11" or "2023-11-15"; undefined when malformed or impossible (2023-02-30). */
export function parsePartialDate(text: string): Bounds | undefined {
  const m = PARTIAL.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < MIN_YEAR) return undefined;
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) {
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${pad(last)}`, precision: 'month' };
  }
  const day = Number(m[3]);
  if (day < 1 || day > last) return undefined;
  return { start: text, end: text, precision: 'day' };
}

export function isPartialDate(text: unknown): boolean {
  return typeof text === 'string' && parsePartialDate(text) !== undefined;
}

export function isDay(text: unknown): boolean {
  return typeof text === 'string' && parsePartialDate(text)?.precision === 'day';
}

export type DateInput = string | { from: string; to: string };

/** The span of a record's date; undefined when it is malformed or the range runs backwards. */
export function toDateSpan(input: unknown): DateSpan | undefined {
  if (typeof input === 'string') {
    const b = parsePartialDate(input);
    return b && { text: input, precision: b.precision, start: b.start, end: b.end };
  }
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const { from, to } = input as { from?: unknown; to?: unknown };
    if (typeof from !== 'string' || typeof to !== 'string') return undefined;
    const a = parsePartialDate(from);
    const b = parsePartialDate(to);
    if (!a || !b || a.start > b.end) return undefined;
    return { text: `${from} to ${to}`, precision: 'range', start: a.start, end: b.end };
  }
  return undefined;
}

/** Adds days to an ISO day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** How a span stands to a window of days [from, until]: inside, outside, or straddling an edge. */
export type WindowRelation = 'inside' | 'outside' | 'straddles-start' | 'straddles-end';

export function relateToWindow(span: DateSpan, from: string, until?: string): WindowRelation {
  // ISO days (YYYY-MM-DD) order correctly as strings; spans are always normalized to days.
  if (span.end < from) return 'outside';
  if (until !== undefined && span.start > until) return 'outside';
  if (span.start < from) return 'straddles-start';
  if (until !== undefined && span.end > until) return 'straddles-end';
  return 'inside';
}
