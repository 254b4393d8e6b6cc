// Reads an article: optional header lines (Title:, Outlet:/Source:, Date:, URL:, Note:) and its text.

export interface ArticleMeta {
  title?: string;
  outlet?: string;
  date?: string;
  url?: string;
  note?: string;
}

export interface Article {
  /** The whole file as read: every offset points into it. */
  text: string;
  /** Where the body starts (after the header lines and the blank line that ends them). */
  bodyStart: number;
  meta: ArticleMeta;
}

const HEADER = /^(Title|Outlet|Source|Publisher|Date|URL|Note|Author|Byline):[ \t]*(.*)$/i;

/** Splits off the header: lines of `Key: value` at the very top, ended by a blank line or the first other line. */
export function parseArticle(text: string): Article {
  const meta: ArticleMeta = {};
  let pos = 0;
  let sawHeader = false;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const line = text.slice(pos, end).replace(/\r$/, '');
    const m = HEADER.exec(line);
    if (!m) {
      if (sawHeader && line.trim() === '') pos = nl === -1 ? text.length : nl + 1;
      break;
    }
    sawHeader = true;
    const key = m[1]!.toLowerCase();
    const value = m[2]!.trim();
    if (value) {
      if (key === 'title') meta.title = value;
      else if (key === 'outlet' || key === 'source' || key === 'publisher') meta.outlet = value;
      else if (key === 'date') meta.date = value;
      else if (key === 'url') meta.url = value;
      else if (key === 'note') meta.note = value;
    }
    pos = nl === -1 ? text.length : nl + 1;
  }
  return { text, bodyStart: sawHeader ? pos : 0, meta };
}

/** A day written YYYY-MM-DD that exists in the calendar. */
export function isRealDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}
