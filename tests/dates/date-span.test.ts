import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareDate } from '../../src/dates/date-compare.js';
import { addDays, parsePartialDate, relateToWindow, toDateSpan } from '../../src/dates/date-span.js';

describe('partial dates', () => {
  it('spans a day, a month and a year', () => {
    expect(toDateSpan('2023-11-15')).toMatchObject({ precision: 'day', start: '2023-11-15', end: '2023-11-15' });
    expect(toDateSpan('2023-11')).toMatchObject({ precision: 'month', start: '2023-11-01', end: '2023-11-30' });
    expect(toDateSpan('2024-02')).toMatchObject({ end: '2024-02-29' });
    expect(toDateSpan('2019')).toMatchObject({ precision: 'year', start: '2019-01-01', end: '2019-12-31' });
    expect(toDateSpan({ from: '2021', to: '2023-11' })).toMatchObject({
      precision: 'range',
      start: '2021-01-01',
      end: '2023-11-30',
      text: '2021 to 2023-11',
    });
  });

  it('rejects impossible and malformed dates', () => {
    for (const bad of ['2023-02-30', '2023-13', '2023-00', '2023-1-5', '23', '2023-11-15T00:00', '', 'soon']) {
      expect(parsePartialDate(bad), bad).toBeUndefined();
    }
    expect(toDateSpan({ from: '2023-12', to: '2023-01' })).toBeUndefined();
    expect(toDateSpan(2023)).toBeUndefined();
  });

  it('knows every month length, leap years included, as the calendar does', () => {
    for (const year of [1900, 1999, 2000, 2019, 2020, 2023, 2024, 2100, 2400]) {
      for (let month = 1; month <= 12; month++) {
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const mm = String(month).padStart(2, '0');
        expect(toDateSpan(`${year}-${mm}`)!.end, `${year}-${mm}`).toBe(`${year}-${mm}-${last}`);
        expect(parsePartialDate(`${year}-${mm}-${last + 1}`), `${year}-${mm}-${last + 1}`).toBeUndefined();
      }
    }
  });

  it('adds days across months and years', () => {
    expect(addDays('2019-12-22', 1)).toBe('2019-12-23');
    expect(addDays('2020-01-01', -1)).toBe('2019-12-31');
  });
});

describe('dates of different precision against a provision', () => {
  it('a month after a deadline is inside; a year around it straddles', () => {
    expect(relateToWindow(toDateSpan('2023-11')!, '2019-12-23')).toBe('inside');
    expect(relateToWindow(toDateSpan('2019')!, '2019-12-23')).toBe('straddles-start');
    expect(relateToWindow(toDateSpan('2018')!, '2019-12-23')).toBe('outside');
    expect(relateToWindow(toDateSpan('2019-12-22')!, '2019-12-23')).toBe('outside');
    expect(relateToWindow(toDateSpan('2019-12-23')!, '2019-12-23')).toBe('inside');
  });

  it('honours the end of a superseded provision', () => {
    expect(relateToWindow(toDateSpan('2017-09')!, '2016-03-02', '2017-08-04')).toBe('outside');
    expect(relateToWindow(toDateSpan('2017')!, '2016-03-02', '2017-08-04')).toBe('straddles-end');
  });

  it('compares only what is certain', () => {
    expect(compareDate('2017-08', '2017-09-11', 'before')).toBe(true);
    expect(compareDate('2017-09', '2017-09-11', 'before')).toBe(false);
    expect(compareDate('2017', '2017-09-11', 'before')).toBe(false);
    expect(compareDate('2017-09-11', '2017-09-11', 'onOrAfter')).toBe(true);
    expect(compareDate('2017-09-11', '2017-09-11', 'after')).toBe(false);
    expect(compareDate('2017-09', '2017-09-11', 'onOrBefore')).toBe(false);
    expect(compareDate(undefined, '2017-09-11', 'before')).toBe(false);
    expect(compareDate(20170801, '2017-09-11', 'before')).toBe(false);
  });
});

describe('partial dates read character by character', () => {
  // The pattern the reader replaces, with the same checks on year, month and day.
  const reference = (text: string) => {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
    if (!m || Number(m[1]) < 1000) return undefined;
    if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: 'year' };
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    const last = new Date(Date.UTC(Number(m[1]), month, 0)).getUTCDate();
    if (m[3] === undefined)
      return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${String(last).padStart(2, '0')}`, precision: 'month' };
    const day = Number(m[3]);
    return day < 1 || day > last ? undefined : { start: text, end: text, precision: 'day' };
  };

  it('agree with the pattern on date-like and arbitrary text', () => {
    const chars = fc.constantFrom(...'0123456789-- x٣\n'.split(''));
    const dateLike = fc.oneof(
      fc.string({ unit: chars, maxLength: 12 }),
      fc
        .tuple(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 13 }),
          fc.integer({ min: 0, max: 32 }),
          fc.integer({ min: 0, max: 2 }),
        )
        .map(([y, m, d, k]) =>
          [String(y).padStart(4, '0'), String(m).padStart(2, '0'), String(d).padStart(2, '0')].slice(0, k + 1).join('-'),
        ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(parsePartialDate(text)).toEqual(reference(text));
      }),
      { numRuns: 3000, seed: 1718 },
    );
    for (const text of ['2024-02-29', '2023-02-29', '1000', '0999', '2023-11-15\n', '２０２３', '2023-1a', '2023-11-1x']) {
      expect(parsePartialDate(text), text).toEqual(reference(text));
    }
  });
});
