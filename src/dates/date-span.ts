// Dates of any precision (day, month, year, range) and the span of days each covers.
import type { DateSpan } from '../types.js';

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

/** The value of the two ASCII digits at i, or -1 when either is not a digit. */
function twoDigits(text: string, i: number): number {
  const a = text.charCodeAt(i) - 48;
  const b = text.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** What a date's text is: not a date (0), a year (1), a month (2) or a day (3). */
type DateKind = 0 | 1 | 2 | 3;

/**
 * Reads "2023", "2023-11" or "2023-11-15" character by character (this runs for every date of
 * every record): the pattern /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/, with the year from MIN_YEAR,
 * the month from 1 to 12 and the day within its month.
 */
function dateKind(text: string): DateKind {
  const n = text.length;
  if (n !== 4 && n !== 7 && n !== 10) return 0;
  const hi = twoDigits(text, 0);
  const lo = twoDigits(text, 2);
  if (hi < 0 || lo < 0) return 0;
  const year = hi * 100 + lo;
  if (year < MIN_YEAR) return 0;
  if (n === 4) return 1;
  if (text.charCodeAt(4) !== 45) return 0;
  const month = twoDigits(text, 5);
  if (month < 1 || month > 12) return 0;
  if (n === 7) return 2;
  if (text.charCodeAt(7) !== 45) return 0;
  const day = twoDigits(text, 8);
  return day >= 1 && day <= daysInMonth(year, month) ? 3 : 0;
}

/** Parses "2023", "2023-11" or "2023-11-15"; undefined when malformed or impossible (2023-02-30). */
export function parsePartialDate(text: string): Bounds | undefined {
  const kind = dateKind(text);
  if (kind === 3) return { start: text, end: text, precision: 'day' };
  if (kind === 2) {
    const last = daysInMonth(Number(text.slice(0, 4)), Number(text.slice(5, 7)));
    return { start: `${text}-01`, end: `${text}-${pad(last)}`, precision: 'month' };
  }
  if (kind === 1) return { start: `${text}-01-01`, end: `${text}-12-31`, precision: 'year' };
  return undefined;
}

export function isPartialDate(text: unknown): boolean {
  return typeof text === 'string' && dateKind(text) !== 0;
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
