// Resolves the dates a clause gives ("on Tuesday", "in September", "since 2021", "recently", "last
// week") against the article's date, at the precision the text gives.

export type DraftDate = string | { from: string; to: string };

export interface ResolvedDate {
  date: DraftDate;
  /** The words the date was read from, or undefined when the text gives none. */
  written?: string;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH =
  '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

function monthIndex(word: string): number {
  const w = word.toLowerCase().replace('.', '');
  return MONTHS.findIndex((m) => m.startsWith(w.slice(0, 3))) + 1;
}

function realDay(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? ymd(dt) : undefined;
}

interface Rule {
  pattern: RegExp;
  resolve(m: RegExpExecArray, article: Date, clause: string): DraftDate | undefined;
}

/** Words before a date that make it a statute's or an order's date, not the activity's. */
const NOT_ACTIVITY =
  /(?:\b(?:Act|Order|Resolution|Law|Decree|E\.O\.)\b[^.;]{0,40}|\b(?:reported|said|announced|stated|adopted|designated|enacted|issued)\s+(?:on\s+)?)$/;

const RULES: readonly Rule[] = [
  {
    // "May 24, 2022", "on 24 May 2022"
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b|\\b(\\d{1,2})\\s+${MONTH}\\s+(\\d{4})\\b`, 'g'),
    resolve: (m) => (m[1] ? realDay(Number(m[3]), monthIndex(m[1]), Number(m[2])) : realDay(Number(m[6]), monthIndex(m[5]!), Number(m[4]))),
  },
  {
    // "between August and December 2019"
    pattern: new RegExp(`\\bbetween\\s+${MONTH}\\s+and\\s+${MONTH}\\s+(\\d{4})\\b`, 'g'),
    resolve: (m) => ({ from: ym(Number(m[3]), monthIndex(m[1]!)), to: ym(Number(m[3]), monthIndex(m[2]!)) }),
  },
  {
    // "in September 2023", "September 2023"
    pattern: new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'g'),
    resolve: (m) => ym(Number(m[2]), monthIndex(m[1]!)),
  },
  {
    // "since August last year", "in March this year", "August last year"
    pattern: new RegExp(`\\b(since\\s+|in\\s+)?${MONTH}\\s+(last|this) year\\b`, 'gi'),
    resolve: (m, a) => {
      const month = ym(a.getUTCFullYear() - (m[3]!.toLowerCase() === 'last' ? 1 : 0), monthIndex(m[2]!));
      return m[1]?.trim().toLowerCase() === 'since' ? { from: month, to: ym(a.getUTCFullYear(), a.getUTCMonth() + 1) } : month;
    },
  },
  {
    // "since 2021", "since March 2020"
    pattern: new RegExp(`\\bsince\\s+(?:${MONTH}\\s+)?(\\d{4})\\b`, 'g'),
    resolve: (m, a) => ({ from: m[1] ? ym(Number(m[2]), monthIndex(m[1])) : m[2]!, to: ym(a.getUTCFullYear(), a.getUTCMonth() + 1) }),
  },
  {
    // "in 2021 and since then": from the year the clause named
    pattern: /\bsince then\b/g,
    resolve: (_m, a, clause) => {
      const y = /^[\s\S]*\b(?:in|of)\s+((?:19|20)\d{2})\b[\s\S]*?since then/.exec(clause);
      return y ? { from: y[1]!, to: ym(a.getUTCFullYear(), a.getUTCMonth() + 1) } : undefined;
    },
  },
  {
    // "between January and March": the latest such months not after the article
    pattern: new RegExp(`\\b(?:between|from)\\s+${MONTH}\\s+(?:and|to|until|through)\\s+${MONTH}\\b(?!\\s*,?\\s*\\d{4})`, 'g'),
    resolve: (m, a) => {
      const from = monthIndex(m[1]!);
      const to = monthIndex(m[2]!);
      let y = a.getUTCFullYear();
      if (to > a.getUTCMonth() + 1) y -= 1;
      return from <= to ? { from: ym(y, from), to: ym(y, to) } : { from: ym(y - 1, from), to: ym(y, to) };
    },
  },
  {
    // "from 2017 to 2019", "between 2017 and 2019"
    pattern: /\b(?:from|between)\s+((?:19|20)\d{2})\s+(?:to|and|until|through)\s+((?:19|20)\d{2})\b/g,
    resolve: (m) => ({ from: m[1]!, to: m[2]! }),
  },
  {
    // "in September", "on March 29": the latest such month (or day) not after the article
    pattern: new RegExp(
      `\\b(?:mid-|(?:in|on|since|by|early|late|mid)\\s+(?:mid-)?)${MONTH}(?:\\s+(\\d{1,2}))?\\b(?!\\s*,?\\s*\\d{4})`,
      'g',
    ),
    resolve: (m, a) => {
      const month = monthIndex(m[1]!);
      let y = a.getUTCFullYear();
      if (month > a.getUTCMonth() + 1) y -= 1;
      if (m[2]) return realDay(y, month, Number(m[2]));
      return ym(y, month);
    },
  },
  {
    pattern: /\b(?:on\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
    resolve: (m, a) => {
      const want = WEEKDAYS.indexOf(m[1]!.toLowerCase());
      const back = (a.getUTCDay() - want + 7) % 7;
      return ymd(new Date(a.getTime() - back * 86400000));
    },
  },
  {
    // "two years ago", "three weeks ago", "a month ago", "10 days ago"
    pattern: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month|year)s?\s+ago\b/gi,
    resolve: (m, a) => {
      const words = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
      const w = m[1]!.toLowerCase();
      const n = w === 'an' ? 1 : /\d/.test(w) ? Number(w) : Math.max(1, words.indexOf(w));
      const unit = m[2]!.toLowerCase();
      if (unit === 'year') return String(a.getUTCFullYear() - n);
      if (unit === 'month') {
        const d = new Date(Date.UTC(a.getUTCFullYear(), a.getUTCMonth() - n, 1));
        return ym(d.getUTCFullYear(), d.getUTCMonth() + 1);
      }
      if (unit === 'day') return ymd(new Date(a.getTime() - n * 86400000));
      // a week ago: that week, Sunday to Saturday
      const day = new Date(a.getTime() - n * 7 * 86400000);
      return {
        from: ymd(new Date(day.getTime() - day.getUTCDay() * 86400000)),
        to: ymd(new Date(day.getTime() + (6 - day.getUTCDay()) * 86400000)),
      };
    },
  },
  // "earlier this week", "this week": from Sunday to the article's day
  {
    pattern: /\b(?:earlier )?this week\b/gi,
    resolve: (_m, a) => ({ from: ymd(new Date(a.getTime() - a.getUTCDay() * 86400000)), to: ymd(a) }),
  },
  { pattern: /\byesterday\b/gi, resolve: (_m, a) => ymd(new Date(a.getTime() - 86400000)) },
  { pattern: /\b(?:today|this morning|tonight)\b/gi, resolve: (_m, a) => ymd(a) },
  {
    pattern: /\blast week\b/gi,
    resolve: (_m, a) => ({
      from: ymd(new Date(a.getTime() - (a.getUTCDay() + 7) * 86400000)),
      to: ymd(new Date(a.getTime() - (a.getUTCDay() + 1) * 86400000)),
    }),
  },
  {
    pattern: /\blast month\b/gi,
    resolve: (_m, a) => (a.getUTCMonth() === 0 ? ym(a.getUTCFullYear() - 1, 12) : ym(a.getUTCFullYear(), a.getUTCMonth())),
  },
  {
    // "late last year", "early this year", "in the first half of last year": the part of the year said
    pattern: /\b(early|late|(?:in )?the (?:first|second) half of)\s+(last|this|next) year\b/gi,
    resolve: (m, a) => {
      const y = a.getUTCFullYear() + (m[2]!.toLowerCase() === 'last' ? -1 : m[2]!.toLowerCase() === 'next' ? 1 : 0);
      const part = m[1]!.toLowerCase();
      const [from, to] = part === 'early' ? [1, 3] : part === 'late' ? [10, 12] : part.includes('first') ? [1, 6] : [7, 12];
      // this year's part ends at the article's month at the latest
      const end = y === a.getUTCFullYear() ? Math.min(to, a.getUTCMonth() + 1) : to;
      return end < from ? undefined : { from: ym(y, from), to: ym(y, end) };
    },
  },
  { pattern: /\blast year\b/gi, resolve: (_m, a) => String(a.getUTCFullYear() - 1) },
  // A plan's date: "next year", "next month".
  { pattern: /\bnext year\b/gi, resolve: (_m, a) => String(a.getUTCFullYear() + 1) },
  {
    pattern: /\bnext month\b/gi,
    resolve: (_m, a) => (a.getUTCMonth() === 11 ? ym(a.getUTCFullYear() + 1, 1) : ym(a.getUTCFullYear(), a.getUTCMonth() + 2)),
  },
  { pattern: /\b(?:earlier )?this month\b/gi, resolve: (_m, a) => ym(a.getUTCFullYear(), a.getUTCMonth() + 1) },
  {
    pattern: /\b(?:(?:so far |earlier )?this year|recently|in recent (?:weeks|months)|lately)\b/gi,
    resolve: (_m, a) => ({ from: String(a.getUTCFullYear()), to: ym(a.getUTCFullYear(), a.getUTCMonth() + 1) }),
  },
  {
    pattern: /\b(?:in|of|during)\s+((?:19|20)\d{2})\b/g,
    resolve: (m) => m[1]!,
  },
];

/**
 * The activity date a clause gives, resolved against the article's day; undefined when it gives none.
 * With several, the one nearest `near` (where the activity is named) wins; of two that overlap, the
 * more precise reading ("May 24, 2022" over "May").
 */
export function resolveDate(clause: string, articleDay: string, near = 0): ResolvedDate | undefined {
  const a = new Date(`${articleDay}T00:00:00Z`);
  const found: { at: number; end: number; date: DraftDate; written: string; rank: number }[] = [];
  RULES.forEach((rule, rank) => {
    for (const m of clause.matchAll(rule.pattern)) {
      if (NOT_ACTIVITY.test(clause.slice(0, m.index!))) continue;
      const date = rule.resolve(m as RegExpExecArray, a, clause);
      if (date !== undefined) found.push({ at: m.index!, end: m.index! + m[0].length, date, written: m[0], rank });
    }
  });
  // Of two readings that overlap, the longer wins ("since August 2023" over "August 2023"), then the earlier rule.
  const len = (x: { at: number; end: number }) => x.end - x.at;
  const kept = found.filter(
    (f) => !found.some((g) => g !== f && g.at < f.end && f.at < g.end && (len(g) > len(f) || (len(g) === len(f) && g.rank < f.rank))),
  );
  const distance = (f: { at: number; end: number }) => (near < f.at ? f.at - near : near > f.end ? near - f.end : 0);
  kept.sort((x, y) => distance(x) - distance(y) || x.at - y.at);
  const best = kept[0];
  return best && { date: best.date, written: best.written };
}

/** The article's month, the placeholder date of a draft whose text gives none. */
export function articleMonth(articleDay: string): string {
  return articleDay.slice(0, 7);
}
