// Time scales for the report's timeline: ISO days as numbers, a linear scale over whole years, the
// ticks to draw, and first-fit rows that keep labels apart.

const DAY_MS = 86_400_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days since 1970-01-01 for an ISO date; a month or a year stands for its first day. */
export function dayNumber(iso: string): number | undefined {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso.trim());
  if (!match) return undefined;
  const [, y, m, d] = match;
  return Date.UTC(Number(y), Number(m ?? '1') - 1, Number(d ?? '1')) / DAY_MS;
}

export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS;
}

export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Whole years from the year of the first day to the end of the year of the last. */
export interface Domain {
  firstYear: number;
  lastYear: number;
}

export function domainOf(days: readonly number[]): Domain {
  // A loop, not Math.min(...days): spreading a million days overflows the call stack.
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  return { firstYear: yearOf(min), lastYear: yearOf(max) };
}

export function domainYears(domain: Domain): number {
  return domain.lastYear + 1 - domain.firstYear;
}

/** Maps a day to an x position between left and right. */
export function linearScale(domain: Domain, left: number, right: number): (day: number) => number {
  const start = yearStart(domain.firstYear);
  const end = yearStart(domain.lastYear + 1);
  return (day) => left + ((day - start) / (end - start)) * (right - left);
}

const TICK_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];
/** Above this many years, only labelled years get a grid line. */
const MINOR_YEARS_MAX = 60;

export interface Tick {
  day: number;
  /** Empty for a grid line without a label. */
  label: string;
  /** A year boundary. */
  major: boolean;
}

/** Grid lines and labels: months for spans up to three years, otherwise years, labelled every 1, 2,
 * 5, 10... years so that at most about sixteen labels share the axis. Spans over MINOR_YEARS_MAX
 * years draw only the labelled years, so that even the years 1000 to 9999 give a few dozen lines. */
export function ticksFor(domain: Domain): Tick[] {
  const years = domainYears(domain);
  const ticks: Tick[] = [];
  if (years <= 3) {
    const every = years === 1 ? 1 : 3;
    for (let year = domain.firstYear; year <= domain.lastYear; year++) {
      for (let month = 0; month < 12; month++) {
        const label = month === 0 ? String(year) : month % every === 0 ? (MONTHS[month] as string) : '';
        ticks.push({ day: Date.UTC(year, month, 1) / DAY_MS, label, major: month === 0 });
      }
    }
    ticks.push({ day: yearStart(domain.lastYear + 1), label: String(domain.lastYear + 1), major: true });
    return ticks;
  }
  const step = TICK_STEPS.find((s) => years / s <= 16) ?? 10_000;
  const every = years <= MINOR_YEARS_MAX ? 1 : step;
  for (let year = domain.firstYear; year <= domain.lastYear + 1; year += every) {
    ticks.push({ day: yearStart(year), label: (year - domain.firstYear) % step === 0 ? String(year) : '', major: true });
  }
  return ticks;
}

/** Rows of non-overlapping horizontal extents, filled first-fit. */
export class Rows {
  private readonly ends: number[] = [];
  constructor(private readonly gap: number) {}
  place(from: number, to: number): number {
    let row = this.ends.findIndex((end) => end + this.gap <= from);
    if (row === -1) {
      row = this.ends.length;
      this.ends.push(to);
    } else {
      this.ends[row] = to;
    }
    return row;
  }
  get count(): number {
    return this.ends.length;
  }
}

/** Numbers in SVG output: at most one decimal, never "-0", so output is stable and short. */
export function svgNumber(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
