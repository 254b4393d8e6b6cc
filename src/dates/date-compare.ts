// Date comparisons that respect precision: a span is before a day only if all of it is.
import { toDateSpan } from './date-span.js';

export type DateComparison = 'before' | 'onOrBefore' | 'after' | 'onOrAfter';

/** Compares a fact's date (any precision or a range) with a day. False when either is not a date. */
export function compareDate(fact: unknown, day: unknown, how: DateComparison): boolean {
  const span = toDateSpan(fact);
  const ref = toDateSpan(day);
  if (!span || !ref) return false;
  switch (how) {
    case 'before':
      return span.end < ref.start;
    case 'onOrBefore':
      return span.end <= ref.end;
    case 'after':
      return span.start > ref.end;
    case 'onOrAfter':
      return span.start >= ref.start;
  }
}
